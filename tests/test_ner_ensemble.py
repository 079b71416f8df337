"""Ensembles of NER taggers: packing, loading and decoding several members together."""
import pytest

from extractor_lab.cli import main
from extractor_lab.ner import corpus as ner_corpus
from extractor_lab.ner.pack import pack
from extractor.models import NER_MODEL_DIR as DEFAULT_MODEL_DIR
from extractor.ner.tagger import NerTagger

from conftest import SHARED


def _train_tiny(tmp_path, name, *extra):
    out = tmp_path / name
    code = main(["train", "ner", "--set", f"out={out}", "--set", f"work_dir={tmp_path / f'work-{name}'}",
                 "--set", "max_steps=10", "--set", "eval_interval=10", "--set", "limit_docs=4", "--set", "threads=1",
                 "--set", "silver=", *extra])
    assert code == 0
    return out


@pytest.fixture(scope="module")
def corpus_sentences():
    documents = ner_corpus.read_documents(SHARED / "ner-uk-2.0", "test")[:3]
    return [s.tokens for d in documents for s in d.sentences][:60]


def test_two_trained_members_pack_load_and_tag(tmp_path, corpus_sentences):
    first = _train_tiny(tmp_path, "first", "--set", "vectors_file=")
    second = _train_tiny(tmp_path, "second", "--set", "seed=99", "--set", f"vectors_file={first / 'uk_vectors.pt'}")
    files = pack([first, second], tmp_path / "ensemble")
    assert [f.name for f in files] == ["uk_ner.pt", "uk_ner_2.pt"]
    tagger = NerTagger(tmp_path / "ensemble")
    assert tagger.members == 2
    tags = tagger.tag_bioes(corpus_sentences)
    assert [len(t) for t in tags] == [len(s) for s in corpus_sentences]


def test_members_with_different_vectors_are_refused(tmp_path, capsys):
    first = _train_tiny(tmp_path, "first", "--set", "vectors_file=")
    other = tmp_path / "other"
    other.mkdir()
    (other / "uk_ner.pt").write_bytes((first / "uk_ner.pt").read_bytes())
    (other / "uk_vectors.pt").write_bytes(b"not the same vectors")
    code = main(["train", "ner-pack", str(first), str(other), "--out", str(tmp_path / "ensemble")])
    assert code == 2
    error = capsys.readouterr().err
    assert "share one vector file" in error and str(other / "uk_vectors.pt") in error
    assert not (tmp_path / "ensemble").exists()


def test_a_folder_that_is_not_a_trained_model_is_named(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match=str(tmp_path / "empty" / "uk_ner.pt")):
        pack([tmp_path / "empty"], tmp_path / "out")


def test_a_member_twice_tags_exactly_like_the_member_alone(tmp_path, corpus_sentences):
    """Averaging two copies changes no score, and half-precision storage changes no tag."""
    assert main(["train", "ner-pack", str(DEFAULT_MODEL_DIR), str(DEFAULT_MODEL_DIR), "--out", str(tmp_path / "twice")]) == 0
    twice = NerTagger(tmp_path / "twice")
    assert twice.members == 2
    alone = NerTagger(DEFAULT_MODEL_DIR)
    # the shipped folder may itself be an ensemble; its first member alone is the reference
    first_only = tmp_path / "first-only"
    pack([DEFAULT_MODEL_DIR], first_only)
    reference = NerTagger(first_only).tag_bioes(corpus_sentences)
    if alone.members == 1:
        assert alone.tag_bioes(corpus_sentences) == reference
    assert twice.tag_bioes(corpus_sentences) == reference
    assert any(tag != "O" for sentence in reference for tag in sentence)


def test_evaluate_against_itself_shows_no_difference(capsys):
    """`extractor evaluate ner --against`: a model compared with itself differs by exactly nothing."""
    import json

    code = main(["evaluate", "ner", "--corpus", str(SHARED / "ner-uk-2.0"), "--split", "dev",
                 "--against", str(DEFAULT_MODEL_DIR), "--json"])
    assert code == 0
    comparison = json.loads(capsys.readouterr().out)
    assert comparison["a"]["micro_all"] == comparison["b"]["micro_all"]
    assert comparison["a"]["micro_all"]["correct"] > 0
    for key in ("micro_all", "micro_core"):
        assert comparison["a_minus_b"][key]["difference"] == 0.0
        assert comparison["a_minus_b"][key]["documents"] == 39
