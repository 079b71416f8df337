"""The one object that flows through the pipeline: a document and what was found in it.

Every offset (``start``, ``end``) is a character offset into ``Document.text``,
the text exactly as the user gave it (after decoding, with every line break
as "\n"), so that
``text[start:end]`` always gives back the surface form.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Token:
    text: str  # exactly document.text[start:end]
    start: int
    end: int
    norm: str = ""  # the form analysis sees: ``text`` with scraping damage repaired
    lemma: str = ""
    pos: str = ""  # pymorphy3 part of speech (NOUN, ADJF, VERB, ...) or PUNCT/NUM/LATN
    parse: object = field(default=None, repr=False)  # chosen pymorphy3 Parse, for inflection

    def __post_init__(self):
        self.norm = self.norm or self.text


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    tokens: list[Token]


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str
    sentence_id: int
    token_start: int  # token indices within the sentence: tokens[token_start:token_end]
    token_end: int
    lemma: str = ""  # the mention's dictionary form
    canonical: str = ""  # the fuller name linking found for it ("Зеленський" -> "Володимир Зеленський"), if any
    country_code: str | None = None
    date: str | None = None  # ISO 8601 value of a DATE, TIME or PERIOD mention, when it could be resolved
    source: str = "ner"  # "ner" (stanza), "gazetteer" (country rule) or "rule" (a date the date finder found)


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    unit: str | None
    unit_lemma: str | None
    country_code: str | None
    sentence_id: int
    currency: str | None = None  # ISO 4217 code of a money amount


@dataclass
class Document:
    doc_id: str
    text: str
    path: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None
    encoding: str | None = None
    language: str | None = None
    repaired_words: int = 0
    body_start: int = 0  # where the article body starts (after title/source/date lines)
    body_end: int | None = None  # where trailing site furniture starts
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    status: str = "ok"
    error: str | None = None

    @property
    def tokens(self) -> list[Token]:
        return [t for s in self.sentences for t in s.tokens]

    def render(self, jupyter: bool | None = None, **options):
        """The article body with its entities and quantities highlighted by displaCy, each label in its
        own colour, the lemma and country code after the label (HTML; shown inline in notebooks)."""
        from extractor.display import render

        return render(self, jupyter, **options)


def set_tokens(document: Document, entity: Entity, token_start: int, token_end: int) -> None:
    """Make ``entity`` tokens[token_start:token_end] of its sentence; its offsets and text follow."""
    tokens = document.sentences[entity.sentence_id].tokens
    entity.token_start, entity.token_end = token_start, token_end
    entity.start, entity.end = tokens[token_start].start, tokens[token_end - 1].end
    entity.text = document.text[entity.start:entity.end]


def new_mention(document: Document, sentence: int, token_start: int, token_end: int, label: str,
                source: str = "ner") -> Entity:
    """A new mention of tokens[token_start:token_end] of a sentence."""
    entity = Entity(0, 0, "", label, sentence, token_start, token_end, source=source)
    set_tokens(document, entity, token_start, token_end)
    return entity


def mention_at(document: Document, surface: str, label: str, occurrence: int = 0) -> Entity:
    """A new mention of the ``occurrence``-th (from 0) ``surface`` in a segmented document, on its tokens:
    how a rule is run or scored on hand-set spans."""
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(surface, start + 1)
    end = start + len(surface)
    for sentence in document.sentences:
        inside = [i for i, t in enumerate(sentence.tokens) if t.start >= start and t.end <= end]
        if inside:
            return new_mention(document, sentence.index, inside[0], inside[-1] + 1, label)
    raise ValueError(f"{surface!r} is not on token boundaries of {document.text!r}")
