"""Unknown word forms take the vector of a known form of the same lexeme (extractor/ner/known_forms.py)."""
import pytest
from stanza.models.common.pretrain import PretrainedWordVocab
from stanza.models.common.vocab import UNK_ID

from extractor.morphology.analyzer import analyzer
from extractor.ner.known_forms import alias_unknown, known_form
from extractor.ner.tagger import DEFAULT_MODEL_DIR, NerTagger


def vocabulary(words):
    """A stanza vocabulary of pretrained words, numbered by frequency like the real one."""
    return PretrainedWordVocab(words, lower=True)


def test_an_unknown_case_form_takes_the_most_frequent_known_form():
    vocab = vocabulary(["області", "україни", "область"])
    assert known_form("областю", vocab) == vocab._unit2id["області"]
    assert known_form("україною", vocab) == vocab._unit2id["україни"]


def test_the_apostrophe_of_the_text_is_matched():
    """pymorphy3 spells the apostrophe ', news texts (and the vectors) ’."""
    vocab = vocabulary(["об’єкта"])
    assert known_form("об’єктом", vocab) == vocab._unit2id["об’єкта"]


def test_no_known_form_means_no_alias():
    vocab = vocabulary(["області"])
    assert known_form("ковальчуком", vocab) is None
    assert alias_unknown(vocab, ["Ковальчуком", "2024", "—"]) == 0
    assert vocab.map(["ковальчуком"]) == [UNK_ID]


def test_aliases_are_added_in_lower_case_and_never_chained():
    vocab = vocabulary(["області", "київ"])
    assert alias_unknown(vocab, ["Областю", "Києві", "області"]) == 2
    assert vocab.map(["областю", "києві"]) == [vocab._unit2id["області"], vocab._unit2id["київ"]]
    # an alias is not a form the vectors know, so it is never an answer itself
    assert known_form("областю", vocab) == vocab._unit2id["області"]
    assert vocab._id2unit[vocab._unit2id["києві"]] == "київ"


@pytest.fixture(scope="module")
def shipped_vocab_words():
    return set(NerTagger(DEFAULT_MODEL_DIR, known_forms=False)._ner.trainers[0].vocab["word"]._unit2id)


@pytest.mark.parametrize("known_forms", [True, False])
def test_the_tagger_looks_unknown_forms_up_only_when_asked(known_forms, shipped_vocab_words):
    sentence = ["Бригада", "відійшла", "за", "Херсонщиною", "і", "Запоріжжям", "."]
    unknown = ["херсонщиною", "запоріжжям"]
    assert not set(unknown) & shipped_vocab_words, "the shipped vectors learned these forms; pick rarer ones"
    tagger = NerTagger(DEFAULT_MODEL_DIR, known_forms=known_forms)
    tagger.tag([sentence])
    vocab = tagger._ner.trainers[0].vocab["word"]
    for word, index in zip(unknown, vocab.map(unknown)):
        if not known_forms:
            assert index == UNK_ID
            continue
        stand_in = vocab._id2unit[index]
        assert stand_in != word and stand_in in shipped_vocab_words
        lemma = analyzer().parse(word)[0].normal_form
        assert lemma in {p.normal_form for p in analyzer().parse(stand_in)}
