"""Split Ukrainian text into sentences and tokens the way NER-UK 2.0 is split.

The NER tagger was trained on the corpus' own tokenization, so run-time text
must be cut the same way or the tagger silently loses accuracy:
- words keep inner apostrophes and hyphens: "зв'язку", "з-під", "по-справжньому";
- numbers keep decimal commas and digit ranges: "1,5", "7,08", "10-12";
  ordinals keep their endings: "14-й", "90-х";
- a period is always its own token, after abbreviations ("тис .", "м .") and
  initials ("В . І . Вернадським") too, as the corpus mostly has it;
- every other punctuation mark is a token, except runs like "..." and "?..".

Sentences end at . ! ? … unless the period follows an initial or a known
abbreviation and the next word is not capitalised, and always at a line break
and at HTML markup a scraper left in the text ("<br/>", or "p>" that lost its
"<"), which is no token.
"""
from __future__ import annotations

import re

from extractor.document import Token
from extractor.lexicon import words
from extractor.text import APOSTROPHES

_WORD = rf"[^\W_]+(?:[-{APOSTROPHES}][^\W_]+)*"
_NUMBER = r"\d+(?:[.,:]\d+)*(?:-\d+(?:[.,]\d+)*)?"
_ORDINAL = r"\d+-[^\W\d_]{1,3}(?![^\W_])"  # "14-й", "90-х", "2016-го"
_PUNCT_RUN = r"[.?!]{2,}|…"
TOKEN_RE = re.compile(rf"{_ORDINAL}|{_NUMBER}(?![^\W\d_])|{_WORD}|{_PUNCT_RUN}|\S", re.UNICODE)

ABBREVIATIONS = words("abbreviations")
TITLE_ABBREVIATIONS = words("title_abbreviations")
SENTENCE_END = frozenset({".", "!", "?", "…"})
_TAGS = r"(?:p|br|span|div|li|ul|ol|h[1-6]|strong|em|b|i|a|td|tr|table|sup|sub|blockquote)"
MARKUP = re.compile(rf"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]*)?/?>|(?<![\w/<])/?{_TAGS}/?>")


# Quote marks that can open or close, and the ones NER-UK writes (5,066 « and 4,812 » against 20 straight
# quotes): the tagger has learnt names in «», so every quote is read as « or » by where it stands.
QUOTES = frozenset('"«»„“”')
OPENING, CLOSING = "«", "»"


def read_quotes(text: str, tokens: list[Token]) -> None:
    """Set ``norm`` of each quote token to « or »: a quote with a space (or the line's start) before it and
    none after it opens; one glued to what precedes it closes; a free-standing one closes what is open.
    Scraped news writes names in straight quotes ("ПриватБанк"), which the tagger never saw."""
    depth = 0
    for token in tokens:
        if token.text not in QUOTES:
            continue
        before = text[token.start - 1] if token.start > 0 else " "
        after = text[token.end] if token.end < len(text) else " "
        if token.text in "«„":
            opens = True
        elif token.text in "»”":
            opens = False
        elif (before.isspace() or before in "([{—–-/") and not after.isspace():
            opens = True  # ' "ПриватБанк', '("Нафтогаз'
        elif not before.isspace():
            opens = False  # 'ПриватБанк" '
        else:
            opens = depth == 0  # ' " ' alone: it closes what is open
        depth = depth + 1 if opens else max(depth - 1, 0)
        token.norm = OPENING if opens else CLOSING


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN_RE.finditer(text)]


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    if token.text not in SENTENCE_END and not re.fullmatch(r"[.?!…]{2,}", token.text):
        return False
    if i + 1 >= len(tokens):
        return True
    following = tokens[i + 1]
    nxt = following.text
    if token.text == "." and i > 0:
        previous = tokens[i - 1].text
        # initials: "В . І . Вернадським" never ends a sentence
        if len(previous) == 1 and previous.isupper() and tokens[i - 1].end == token.start:
            return False
        if previous.lower() in TITLE_ABBREVIATIONS:
            return False
        if previous.lower() in ABBREVIATIONS and not nxt[:1].isupper():
            return False
    # closing quotes and brackets stay with the sentence they close
    if nxt in "»”\")]":
        return False
    return nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in "«\"„“-–—("


def _stretches(text: str):
    """(start, end) of each line of ``text``, cut at markup: no sentence runs across either."""
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for markup in MARKUP.finditer(line.group()):
            yield start, line.start() + markup.start()
            start = line.start() + markup.end()
        yield start, line.end()


def split_sentences(text: str, offset: int = 0) -> list[list[Token]]:
    """Sentences of ``text`` as lists of tokens; offsets are into ``text``, plus ``offset``."""
    sentences: list[list[Token]] = []
    for start, end in _stretches(text):
        tokens = tokenize(text[start:end], start + offset)
        current: list[Token] = []
        for i, token in enumerate(tokens):
            current.append(token)
            if _ends_sentence(tokens, i):
                sentences.append(current)
                current = []
        if current:
            sentences.append(current)
    return sentences
