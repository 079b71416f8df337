"""Unknown word forms take the vector of a known form of the same lexeme (extractor/ner/known_forms.py)."""
import pytest
from stanza.models.common.pretrain import PretrainedWordVocab
from stanza.models.common.vocab import UNK_ID

from extractor.morphology.analyzer import analyzer
from extractor.ner.known_forms import alias_unknown, known_form, trained_with_known_forms
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
    assert trained_with_known_forms(vocab) and not trained_with_known_forms(vocabulary(["області"]))


def test_a_model_trained_without_the_lookup_tags_without_it():
    """The shipped model was trained with plain lookups; the tagger follows the model unless told."""
    assert not trained_with_known_forms(NerTagger(DEFAULT_MODEL_DIR, known_forms=False)._ner.trainers[0].vocab["word"])
    assert not NerTagger(DEFAULT_MODEL_DIR).known_forms


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


def test_training_vectors_can_keep_only_unlabelled_words(tmp_path):
    """--vocab-from unlabelled: vectors learn from all text but keep only the words of the unlabelled part."""
    from extractor.ner.vectors import train_vectors

    labelled = [["зеленський", "приїхав", "до", "києва"]] * 3
    unlabelled = [["уряд", "приїхав", "до", "львова"]] * 3
    out = tmp_path / "vectors.txt"
    size = train_vectors(labelled + unlabelled, out, dim=8, epochs=1, keep={w for s in unlabelled for w in s})
    words = {line.split()[0] for line in out.read_text(encoding="utf-8").splitlines()[1:]}
    assert size == 4 and words == {"уряд", "приїхав", "до", "львова"}


def test_training_vectors_learn_the_known_form_lookup(tmp_path):
    """--known-forms-in-training: the training copy of the vectors maps unknown training words, the vectors stay."""
    import json

    import torch
    from stanza.models.common.pretrain import Pretrain

    from extractor.ner.train import with_known_forms
    from extractor.ner.vectors import to_stanza_pretrain

    vec_txt = tmp_path / "vectors.txt"
    vec_txt.write_text("2 3\nобласті 0.1 0.2 0.3\nкиїв 0.4 0.5 0.6\n", encoding="utf-8")
    to_stanza_pretrain(vec_txt, tmp_path / "vectors.pt", max_vocab=10)
    data = tmp_path / "train.json"
    data.write_text(json.dumps([[{"text": "Областю", "ner": "O"}, {"text": "Києві", "ner": "S-LOC"}]]),
                    encoding="utf-8")
    copy = with_known_forms(tmp_path / "vectors.pt", [data], tmp_path / "copy.pt")
    original, aliased = Pretrain(str(tmp_path / "vectors.pt")), Pretrain(str(copy))
    assert original.vocab.map(["областю", "києві"]) == [UNK_ID, UNK_ID]  # unknown to the vectors themselves
    assert aliased.vocab.map(["областю", "києві"]) == aliased.vocab.map(["області", "київ"])
    assert torch.equal(original.emb, aliased.emb) and len(aliased.vocab) == len(original.vocab)


def test_vectors_rebuilt_into_a_model_folder_replace_the_old_file(tmp_path):
    """Rebuilding into a folder that already holds uk_vectors.pt writes the new vectors, not the old ones."""
    from stanza.models.common.pretrain import Pretrain

    from extractor.ner.vectors import to_stanza_pretrain

    out = tmp_path / "uk_vectors.pt"
    for words in (["старе"], ["нове", "слово"]):
        vec_txt = tmp_path / "vectors.txt"
        vec_txt.write_text(f"{len(words)} 2\n" + "".join(f"{w} 0.5 0.25\n" for w in words), encoding="utf-8")
        to_stanza_pretrain(vec_txt, out, max_vocab=10)
    rebuilt = Pretrain(str(out))
    assert "нове" in rebuilt.vocab and "старе" not in rebuilt.vocab
