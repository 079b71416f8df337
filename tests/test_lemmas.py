"""The context lemma model against pymorphy3's arbitrary first parse."""
from pathlib import Path

import pytest

from extractor_lab.morphology import evaluate as lemma_eval
from extractor_lab.morphology.bruk import split_files
from extractor.morphology.lemmas import LemmaModel
from extractor.models import LEMMA_MODEL as DEFAULT_LEMMA_MODEL

from conftest import SHARED


@pytest.fixture(scope="module")
def model():
    return LemmaModel.load(DEFAULT_LEMMA_MODEL)


@pytest.mark.parametrize("word, previous, lemma", [
    ("року", "2024", "рік"), ("вона", None, "вона"), ("можна", "не", "можна"), ("мене", "для", "я"),
    ("світі", "у", "світ"),
])
def test_the_known_first_parse_errors_are_fixed(model, word, previous, lemma):
    assert model.lemma(word, previous) == lemma


def test_an_unseen_form_that_is_a_dictionary_form_keeps_it(model):
    # "прем'єр" is the nominative of прем'єр and the genitive plural of прем'єра, which BRUK counts more
    # often; "прем'єри" is only an inflected form, of either word
    assert model.lemma("Прем'єр", None) == "прем'єр"
    assert model.lemma("прем'єри", "нові") != "прем'єри"


def test_held_out_bruk_accuracy_beats_the_first_parse(model):
    _, held_out = split_files(SHARED / "bruk" / "disambig")
    sentences = [s for f in held_out[:20] for s in lemma_eval.bruk_sentences(f)]
    result = lemma_eval.score(sentences, model)
    assert result["tokens"] > 5000
    assert result["ours"] >= 0.97
    assert result["ours"] > result["pymorphy3_first"] + 0.03


def test_train_and_test_files_do_not_overlap():
    train, test = split_files(SHARED / "bruk" / "disambig")
    assert test and not set(train) & set(test)


def test_model_is_small_enough():
    assert Path(DEFAULT_LEMMA_MODEL).stat().st_size < 10 * 1024 * 1024


def test_pipeline_tokens_carry_lemmas_and_pos(extractor):
    document = extractor("У світі про це говорили весь минулий рік.")
    lemmas = {t.text: (t.lemma, t.pos) for t in document.tokens}
    assert lemmas["світі"][0] == "світ" and lemmas["світі"][1] == "NOUN"
    assert lemmas["."] == (".", "PUNCT")
