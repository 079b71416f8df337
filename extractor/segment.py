"""Pipeline component: find the article body and cut it into sentences and tokens."""
from __future__ import annotations

from extractor.cleaning.boilerplate import body_bounds
from extractor.cleaning.layout import read_layout
from extractor.document import Document, Sentence
from extractor.tokenize import read_quotes, split_sentences


def segment(document: Document) -> None:
    """Read the title/source/date layout, find the body (title line included) and split it into sentences."""
    layout = read_layout(document.text)
    document.title = document.title or layout.title
    document.source = layout.source or document.source
    document.published = document.published or layout.published  # a record's own date wins
    start, end = body_bounds(document.text, layout.body_start)
    document.body_start, document.body_end = start, end
    regions = ([layout.title_span] if layout.title_span else []) + [(start, end)]
    for region_start, region_end in regions:
        for tokens in split_sentences(document.text[region_start:region_end], region_start):
            read_dateline(document.text, tokens)
            read_quotes(document.text, tokens)
            document.sentences.append(Sentence(len(document.sentences), tokens[0].start, tokens[-1].end, tokens))


def read_dateline(text: str, tokens) -> None:
    """"КИЇВ. Уряд ухвалив ...": a place in capitals that opens a line is read as the word it spells
    ("Київ"), so that the tagger and the dictionary see a name, not an abbreviation."""
    first = tokens[0]
    if (len(tokens) >= 2 and len(first.text) >= 3 and first.text.isupper() and first.text.isalpha()
            and tokens[1].text in (".", ",", "—", "–", "-") and (first.start == 0 or text[first.start - 1] == "\n")):
        first.norm = first.text[0] + first.text[1:].lower()
