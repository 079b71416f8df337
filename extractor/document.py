"""The one object that flows through the pipeline: a document and what was found in it.

Every offset (``start``, ``end``) is a character offset into ``Document.text``,
the text exactly as the user gave it (after decoding), so that
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
    source: str = "ner"  # "ner" (stanza) or "gazetteer" (country rule)


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

    def to_spacy(self, nlp=None):
        """This document as a spaCy ``Doc``: entities, their lemmas, country codes, dates and entity ids,
        lemmas and UD features of tokens (``extractor/spacy.py``)."""
        from extractor.spacy import to_spacy

        return to_spacy(self, nlp)

    def render(self, jupyter: bool | None = None, **options):
        """Entities highlighted with displaCy (HTML; shown inline in notebooks)."""
        from spacy import displacy

        data = {"text": self.text, "title": self.title,
                "ents": [{"start": e.start, "end": e.end, "label": e.label} for e in self.entities]}
        return displacy.render(data, style="ent", manual=True, jupyter=jupyter, options=options)
