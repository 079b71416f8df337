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

    def to_spacy(self, nlp=None):
        """This document as a spaCy ``Doc``: entities, their lemmas, country codes, dates and entity ids,
        lemmas and UD features of tokens (``extractor/spacy.py``)."""
        from extractor.spacy import to_spacy

        return to_spacy(self, nlp)

    def render(self, jupyter: bool | None = None, **options):
        """The article body with its entities and quantities highlighted by displaCy, each label in its
        own colour, the lemma and country code after the label (HTML; shown inline in notebooks)."""
        from spacy import displacy

        start = self.sentences[0].start if self.sentences else 0
        end = self.sentences[-1].end if self.sentences else len(self.text)
        marks = [(e.start, e.end, e.label, " ".join(filter(None, (e.lemma, e.country_code, e.date))))
                 for e in self.entities]
        marks += [(q.start, q.end, "QTY", f"{q.value or q.low:,.0f} {q.unit_lemma or ''}".strip())
                  for q in self.quantities if not any(e.start < q.end and q.start < e.end for e in self.entities)]
        ents = [{"start": a - start, "end": b - start, "label": label, "kb_id": note, "kb_url": "#"}
                for a, b, label, note in sorted(marks) if a >= start and b <= end]
        options = {"colors": LABEL_COLOURS, **options}
        return displacy.render({"text": self.text[start:end], "ents": ents}, style="ent", manual=True,
                               jupyter=jupyter, options=options)


# one colour per label, so that PERS and JOB (grey in displaCy's default) can be told apart
LABEL_COLOURS = {"PERS": "#f4a6a6", "ORG": "#8ec5ff", "LOC": "#9be29b", "DATE": "#ffd27f", "TIME": "#ffe9b3",
                 "PERIOD": "#f7c59f", "MON": "#c7a4ff", "PCT": "#e0b3ff", "QUANT": "#b3e5fc", "JOB": "#d7ccc8",
                 "DOC": "#ffccbc", "ART": "#f8bbd0", "MISC": "#dcedc8", "QTY": "#80deea"}


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
