"""The run-time tokenizer must cut text the way NER-UK 2.0 is cut, or the tagger loses accuracy."""
from extractor_lab.ner import corpus
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


def test_markup_a_scraper_left_breaks_sentences_and_is_no_token():
    text = "членів Союзу. p> Комісія є органом. br/>Розділ 2 <p class=\"lead\">Рада</p> вирішила."
    sentences = [[t.text for t in s] for s in split_sentences(text)]
    assert sentences == [["членів", "Союзу", "."], ["Комісія", "є", "органом", "."], ["Розділ", "2"],
                         ["Рада"], ["вирішила", "."]]
    for sentence in split_sentences(text):
        assert all(text[t.start:t.end] == t.text for t in sentence)


def test_comparison_signs_are_no_markup():
    assert [[t.text for t in s] for s in split_sentences("Якщо a > b, то 3 > 2.")] == [
        ["Якщо", "a", ">", "b", ",", "то", "3", ">", "2", "."]]


def test_offsets_point_into_the_text():
    text = "Президент  України\nВолодимир Зеленський прибув до Києва."
    for sentence in split_sentences(text):
        for token in sentence:
            assert text[token.start:token.end] == token.text


def test_bruk_part_of_the_corpus_is_tokenized_as_in_the_corpus():
    """NER-UK's BRUK half is cut by the corpus' rules; re-tokenizing its sentences gives them back."""
    split = corpus.read_split(SHARED / "ner-uk-2.0")["test"]
    paths = [corpus.find_document(SHARED / "ner-uk-2.0", doc_id) for doc_id in split]
    lines = [line.split() for p in paths if p.parent.name == "bruk"
             for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    same = sum(words(" ".join(tokens)) == tokens for tokens in lines)
    assert len(lines) > 4000
    assert same / len(lines) >= 0.99


def test_gold_entities_fall_on_run_time_token_boundaries():
    """Training re-cuts the corpus with the run-time tokenizer (its Nashi Groshi half glues
    punctuation to words); the annotated spans must still start and end on token boundaries."""
    documents = corpus.read_documents(SHARED / "ner-uk-2.0", "test")
    total = aligned = 0
    for document in documents:
        text = corpus.find_document(SHARED / "ner-uk-2.0", document.doc_id).read_text(encoding="utf-8")
        starts = {start for s in document.sentences for start, _ in s.offsets}
        ends = {end for s in document.sentences for _, end in s.offsets}
        for span in corpus.outermost(document.spans):
            surface = text[span.start:span.end]
            start = span.start + len(surface) - len(surface.lstrip())
            end = span.end - (len(surface) - len(surface.rstrip()))
            total += 1
            aligned += start in starts and end in ends
    assert total > 6000
    assert aligned / total >= 0.99


def _quote_forms(text):
    from extractor.tokenize import read_quotes

    tokens = tokenize(text)
    read_quotes(text, tokens)
    return [t.norm for t in tokens if t.text in '"«»„“”']


def test_straight_and_curly_quotes_are_read_as_the_corpus_writes_them():
    assert _quote_forms('Банки "ПриватБанк" і "Ощадбанк" знизили ставки.') == ["«", "»", "«", "»"]
    assert _quote_forms('Суд між "Ощадбанком" та "Приватбанком" триває.') == ["«", "»", "«", "»"]
    assert _quote_forms("компанія „Нафтогаз“ і “Укрнафта” («Укргазвидобування»)") == ["«", "»", "«", "»", "«", "»"]
    # a quote standing alone closes what is open, and opens when nothing is
    assert _quote_forms('сказав " Так " і пішов') == ["«", "»"]


def test_the_pipeline_reads_names_in_straight_quotes_without_their_quotes(extractor):
    for text in ('Банки "ПриватБанк" і "Ощадбанк" знизили ставки.', 'Суд між "Ощадбанком" та "Приватбанком" триває.'):
        names = [e.text for e in extractor(text).entities]
        assert not any('"' in name for name in names), names
        assert len(names) == 2, names
