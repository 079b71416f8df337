"""The run-time tokenizer must cut text the way NER-UK 2.0 is cut, or the tagger loses accuracy."""
from extractor.ner import corpus
from extractor.tokenize import split_sentences, tokenize

from conftest import SHARED


def words(text):
    return [t.text for t in tokenize(text)]


def test_abbreviations_apostrophes_hyphens_initials_split_like_the_corpus():
    assert words("3 тис. осіб") == ["3", "тис", ".", "осіб"]
    assert words("зв'язку, об’єднання") == ["зв'язку", ",", "об’єднання"]
    assert words("з-під по-справжньому Північно-Атлантичний") == ["з-під", "по-справжньому", "Північно-Атлантичний"]
    assert words("В.І.Вернадським") == ["В", ".", "І", ".", "Вернадським"]
    assert words("1,5 млн, 10-12 тис., 75%") == ["1,5", "млн", ",", "10-12", "тис", ".", ",", "75", "%"]
    assert words("14-й пакет") == ["14-й", "пакет"]


def test_sentences_do_not_break_after_initials_or_abbreviations():
    text = "Академік В. І. Вернадський жив у м. Києві. Там було 3 тис. осіб. Нове речення!"
    sentences = [[t.text for t in s] for s in split_sentences(text)]
    assert len(sentences) == 3
    assert sentences[0][-2:] == ["Києві", "."]


def test_offsets_point_into_the_text():
    text = "Президент  України\nВолодимир Зеленський прибув до Києва."
    for sentence in split_sentences(text):
        for token in sentence:
            assert text[token.start:token.end] == token.text


def test_corpus_sentences_are_tokenized_as_in_the_corpus():
    """On NER-UK test sentences, re-tokenizing the joined text gives back the corpus tokens."""
    documents = corpus.read_documents(SHARED / "ner-uk-2.0", "test")[:60]
    sentences = [s for d in documents for s in d.sentences]
    same = sum(words(" ".join(s.tokens)) == s.tokens for s in sentences)
    assert len(sentences) > 1000
    assert same / len(sentences) >= 0.95
