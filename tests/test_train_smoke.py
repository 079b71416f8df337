"""A few training steps on a tiny slice: the command writes a model that loads and predicts."""
import pytest
import torch

from extractor.cli import main
from extractor.ner.tagger import NerTagger

from conftest import SHARED


def test_training_writes_a_model_that_loads_and_predicts(tmp_path):
    out = tmp_path / "model"
    code = main(["train", "ner", "--corpus", str(SHARED / "ner-uk-2.0"), "--bruk-texts", str(SHARED / "bruk" / "text"),
                 "--out", str(out), "--work-dir", str(tmp_path / "work"), "--max-steps", "20",
                 "--eval-interval", "10", "--limit-docs", "6", "--charlm", "--charlm-epochs", "1", "--threads", "1",
                 "--vectors-without-dev", "--vector-vocab", "100000", "--vocab-from", "unlabelled",
                 "--known-forms-in-training", "--word-dropout", "0.2"])
    assert code == 0
    for name in ("uk_ner.pt", "uk_vectors.pt", "uk_charlm_forward.pt", "uk_charlm_backward.pt"):
        assert (out / name).stat().st_size > 0, name
    assert torch.load(out / "uk_ner.pt", map_location="cpu", weights_only=False)["config"]["word_dropout"] == 0.2
    tagger = NerTagger(out)
    assert tagger.known_forms  # trained with the known-form lookup, so it tags with it
    assert not NerTagger(out, known_forms=False).known_forms
    tags = tagger.tag_bioes([["Володимир", "Зеленський", "у", "Києві", "."]])
    assert len(tags) == 1 and len(tags[0]) == 5

    # packed for shipping: the character language models travel along, in half precision
    packed = tmp_path / "packed"
    assert main(["train", "ner-pack", str(out), "--out", str(packed)]) == 0
    for name in ("uk_charlm_forward.pt", "uk_charlm_backward.pt"):
        weights = torch.load(packed / name, map_location="cpu", weights_only=False)["model"]["state_dict"]
        assert {t.dtype for t in weights.values() if t.is_floating_point()} == {torch.float16}, name
        assert (packed / name).stat().st_size < (out / name).stat().st_size
    assert len(NerTagger(packed).tag_bioes([["Володимир", "Зеленський", "у", "Києві", "."]])[0]) == 5


@pytest.mark.parametrize("command", [["train", "ner", "--word-dropout"], ["train", "charlm", "--out", "unused", "--dropout"]])
def test_a_dropout_outside_0_to_1_is_refused_before_training(command, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(command + ["1.5", "--work-dir", str(tmp_path / "work")])
    assert exit_info.value.code == 2
    assert "1.5 is not a probability" in capsys.readouterr().err
    assert not (tmp_path / "work").exists()  # nothing was started
