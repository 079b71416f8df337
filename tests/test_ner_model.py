"""The shipped NER model: loads offline from models/ and tags people, places and organisations."""
import pytest

from extractor.models import NER_MODEL_DIR as DEFAULT_MODEL_DIR
from extractor.ner.tagger import NerTagger
from extractor.tokenize import split_sentences


@pytest.fixture(scope="module")
def tagger():
    return NerTagger(DEFAULT_MODEL_DIR)


def tagged(tagger, text):
    sentences = [[t.text for t in s] for s in split_sentences(text)]
    return {(" ".join(sentences[s.sentence][s.start:s.end]), s.label) for s in tagger.tag(sentences)}


def test_tags_people_places_and_organisations(tagger):
    found = tagged(tagger, "Президент України Володимир Зеленський провів зустріч у Києві з "
                           "генеральним секретарем НАТО Єнсом Столтенбергом .")
    assert ("Володимир Зеленський", "PERS") in found
    assert ("Києві", "LOC") in found
    assert any(label == "ORG" and "НАТО" in text for text, label in found)


def test_tags_money_and_dates(tagger):
    found = tagged(tagger, "Уряд виділив 1,5 млн гривень на ремонт шкіл 15 березня 2024 року .")
    assert any(label == "MON" for _, label in found)
    assert any(label == "DATE" for _, label in found)


def test_missing_model_gives_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="uk_ner.pt"):
        NerTagger(tmp_path)


def test_loads_without_network(monkeypatch):
    """No download is attempted: a socket opened during loading fails the test."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    NerTagger(DEFAULT_MODEL_DIR).tag([["Київ", "."]])


def test_half_a_character_language_model_gives_a_clear_error(tmp_path):
    """A folder with the forward charlm but not the backward one names the missing file."""
    for name in ("uk_ner.pt", "uk_vectors.pt"):
        (tmp_path / name).symlink_to(DEFAULT_MODEL_DIR / name)
    (tmp_path / "uk_charlm_forward.pt").write_bytes(b"")
    with pytest.raises(FileNotFoundError, match="uk_charlm_backward.pt"):
        NerTagger(tmp_path)


def test_models_folder_can_be_moved(tmp_path):
    """EXTRACTOR_MODELS points the default paths at a copy of models/ (as after a plain pip install)."""
    import os
    import subprocess
    import sys

    (tmp_path / "uk-ner").mkdir()
    code = "from extractor.models import NER_MODEL_DIR; from extractor.ner.tagger import NerTagger; print(NER_MODEL_DIR); NerTagger()"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "EXTRACTOR_MODELS": str(tmp_path)})
    assert result.stdout.strip() == str(tmp_path / "uk-ner")
    assert "EXTRACTOR_MODELS" in result.stderr and "uk_ner.pt" in result.stderr


def test_bundled_model_loading_leaves_torch_load_as_it_was(tagger):
    """The bundled folder is read with torch's full unpickler (fast); that switch must not outlive loading."""
    import torch

    assert torch.load.__module__ == "torch.serialization"


def test_the_default_is_member_one_alone_and_accurate_ner_adds_the_second(tagger):
    """By default only the first tagger loads (no character models); members=2 (--accurate-ner) adds
    the second, and both find the people and places of a plain sentence."""
    accurate = NerTagger(members=2)
    assert tagger.members == 1 and accurate.members == 2
    assert not tagger._members[0].reads_charlm and accurate._members[1].reads_charlm
    sentence = ["Володимир", "Зеленський", "зустрівся", "з", "Олафом", "Шольцем", "у", "Берліні", "."]
    for ner in (tagger, accurate):
        labels = {(s.start, s.end, s.label) for s in ner.tag([sentence])}
        assert (0, 2, "PERS") in labels and (7, 8, "LOC") in labels
    with pytest.raises(ValueError, match="members"):
        NerTagger(members=0)


def test_bf16_is_used_where_the_cpu_has_it_and_tags_like_float32():
    from extractor.ner.tagger import NerTagger, _native_bf16

    tagger = NerTagger(bf16=True, members=2)
    assert tagger.bf16 == _native_bf16()
    sentences = [s.split() for s in ("Президент України Володимир Зеленський прибув до Берліна .",
                                     "Компанія « Нафтогаз » отримала 2 млрд гривень від уряду .",
                                     "У Брюсселі 15 березня зустрілися міністри закордонних справ НАТО .")]
    assert tagger.tag(sentences) == NerTagger(members=2).tag(sentences)
