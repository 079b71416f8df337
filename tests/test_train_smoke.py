"""The lab trains a tiny tagger from a recipe plus overrides; the product loads it and tags."""
import json


from extractor.ner.tagger import NerTagger
from extractor_lab.cli import main
from extractor_lab.ner.train import TrainConfig, load_config

from conftest import ROOT

SENTENCE = ["Володимир", "Зеленський", "у", "Києві", "."]


def test_training_with_silver_data_writes_a_model_that_loads_and_predicts(tmp_path):
    silver = tmp_path / "silver.jsonl"
    silver.write_text(json.dumps([{"text": w, "ner": t} for w, t in zip(SENTENCE, ["B-PERS", "E-PERS", "O", "S-LOC", "O"])],
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    code = main(["train", "ner", "--set", f"out={out}", "--set", f"work_dir={tmp_path / 'work'}",
                 "--set", "max_steps=20", "--set", "eval_interval=10", "--set", "limit_docs=6", "--set", "threads=1",
                 "--set", f"silver={silver}", "--set", "vectors_file=", "--set", "gold_copies=3"])
    assert code == 0
    for name in ("uk_ner.pt", "uk_vectors.pt"):
        assert (out / name).stat().st_size > 0, name
    train_sentences = json.loads((tmp_path / "work" / "train.json").read_text(encoding="utf-8"))
    assert [w["text"] for w in train_sentences[-1]] == SENTENCE  # the silver sentence, after three copies of gold
    assert len(train_sentences) % 3 == 1
    tags = NerTagger(out).tag_bioes([SENTENCE])
    assert len(tags) == 1 and len(tags[0]) == 5

    # the second stage of the shipped recipe: the same tagger trained on, on gold alone
    tuned = tmp_path / "tuned"
    code = main(["train", "ner", "--set", f"out={tuned}", "--set", f"work_dir={tmp_path / 'work2'}",
                 "--set", "max_steps=10", "--set", "eval_interval=10", "--set", "limit_docs=6", "--set", "threads=1",
                 "--set", "silver=", "--set", f"vectors_file={out / 'uk_vectors.pt'}",
                 "--set", f"finetune_from={out / 'uk_ner.pt'}"])
    assert code == 0
    trained_on = json.loads((tmp_path / "work2" / "train.json").read_text(encoding="utf-8"))
    assert SENTENCE not in [[w["text"] for w in s] for s in trained_on]  # gold alone
    assert len(NerTagger(tuned).tag_bioes([SENTENCE])[0]) == 5


def test_the_recipes_read_and_overrides_are_typed():
    recipes = ROOT / "extractor_lab" / "recipes"
    config = load_config(recipes / "ner-distilled.toml", {"max_steps": "7", "out": "x"})
    assert config.max_steps == 7 and str(config.out) == "x"
    assert config.gold_copies == 2 and [str(p) for p in config.silver] == ["build/silver_bruk.jsonl"]
    assert TrainConfig().batch_size == load_config(recipes / "ner.toml", {}).batch_size  # one default, in one place
    assert str(load_config(recipes / "ner-charlm.toml", {}).charlm_dir) == "build/charlm512"


def test_an_unknown_setting_is_refused_before_training(tmp_path, capsys):
    code = main(["train", "ner", "--set", "max_stpes=10", "--set", f"work_dir={tmp_path / 'work'}"])
    assert code == 2
    assert "max_stpes" in capsys.readouterr().err
    assert not (tmp_path / "work").exists()
