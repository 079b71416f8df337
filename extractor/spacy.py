"""The extractor as a spaCy component: ``nlp = spacy.blank("uk"); nlp.add_pipe("uk_entities")``.

The factory is registered through the package's ``spacy_factories`` entry point,
so no import is needed. The component keeps spaCy's tokenizer, whatever the
pipeline uses, and aligns our results to its tokens: each entity becomes
``doc.char_span(start, end, alignment_mode="expand")`` (spaCy's Ukrainian
tokenizer cuts words as ours does, so spans rarely need to grow), and tokens
that start where one of ours starts get our lemma and pymorphy3's features.
Replacing spaCy's tokenizer instead would break pipelines that have other
components trained on its tokens.

What it sets: ``doc.ents`` with our 13 labels; on each entity span
``span._.lemma``, ``span._.country_code``, ``span._.date``, ``span._.entity_id``;
``doc._.quantities`` (dicts: text, start_char, end_char, value, low, high,
unit_lemma, currency, country_code); ``token.lemma_`` and ``token.morph`` (UD
feature names). Span extensions live in ``doc.user_data``, so a ``DocBin``
keeps them when made with ``store_user_data=True``.
"""
from __future__ import annotations

import multiprocessing
import os

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor.document import Document
from extractor.pipeline import batched
from extractor.linking import entity_id

SPAN_EXTENSIONS = ("lemma", "country_code", "date", "entity_id")
UD_FEATURES = {  # pymorphy3 grammeme -> UD feature
    "nomn": "Case=Nom", "gent": "Case=Gen", "datv": "Case=Dat", "accs": "Case=Acc", "ablt": "Case=Ins",
    "loct": "Case=Loc", "voct": "Case=Voc", "sing": "Number=Sing", "plur": "Number=Plur",
    "masc": "Gender=Masc", "femn": "Gender=Fem", "neut": "Gender=Neut", "anim": "Animacy=Anim",
    "inan": "Animacy=Inan", "past": "Tense=Past", "pres": "Tense=Pres", "futr": "Tense=Fut",
    "perf": "Aspect=Perf", "impf": "Aspect=Imp", "1per": "Person=1", "2per": "Person=2", "3per": "Person=3",
}

for _name in SPAN_EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)


def ud_morph(parse) -> str:
    """pymorphy3's grammemes of a parse as UD features ("Case=Gen|Gender=Fem|Number=Sing")."""
    return "|".join(sorted({UD_FEATURES[g] for g in parse.tag.grammemes if g in UD_FEATURES})) if parse else ""


def annotate(doc: Doc, document) -> Doc:
    """Put one processed ``extractor.Document`` (of the same text) onto a spaCy ``Doc``."""
    spans = []
    for entity in document.entities:
        span = doc.char_span(entity.start, entity.end, label=entity.label, alignment_mode="expand")
        if span is not None:
            spans.append((span, entity))
    kept = {(s.start, s.end) for s in filter_spans([s for s, _ in spans])}
    ents = []
    for span, entity in spans:
        if (span.start, span.end) in kept:
            kept.discard((span.start, span.end))
            span._.lemma, span._.country_code, span._.date = entity.lemma, entity.country_code, entity.date
            span._.entity_id = entity_id(entity.label, entity.canonical or entity.lemma, entity.country_code)
            ents.append(span)
    doc.ents = ents
    doc._.quantities = [{"text": q.text, "start_char": q.start, "end_char": q.end, "value": q.value, "low": q.low,
                         "high": q.high, "unit_lemma": q.unit_lemma, "currency": q.currency,
                         "country_code": q.country_code} for q in document.quantities]
    ours = {t.start: t for t in document.tokens}
    for token in doc:
        match = ours.get(token.idx)
        if match is not None and match.end == token.idx + len(token.text):
            token.lemma_ = match.lemma
            token.set_morph(ud_morph(match.parse) or None)
    return doc


class UkEntities:
    """The pipeline component; the models load on first use, once per process."""

    def __init__(self, batch_size: int = 32, **extractor_options):
        self.batch_size = batch_size
        self.options = extractor_options
        self._extractor = None
        self._process = None  # the process that last ran the models

    @property
    def extractor(self):
        if self._process != os.getpid():
            if multiprocessing.parent_process() is not None:  # one of nlp.pipe(n_process=N)'s workers
                # One torch thread: N workers share the cores. In a worker forked after the parent had
                # tagged (nlp() before nlp.pipe(n_process=2), the README's order), the parent's OpenMP
                # thread pool does not exist, and torch waiting for it hung forever.
                import torch

                torch.set_num_threads(1)
            self._process = os.getpid()
        if self._extractor is None:
            from extractor.pipeline import Extractor

            self._extractor = Extractor(**self.options)
        return self._extractor

    def __getstate__(self):
        """Pickled (a spawned worker of ``nlp.pipe``) without the models: each process loads its own."""
        return {**self.__dict__, "_extractor": None, "_process": None}

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int | None = None):
        """Tag the texts of many docs at once: NER runs over a whole batch."""
        for batch in batched(docs, batch_size or self.batch_size):
            yield from self._annotated(batch)

    def _annotated(self, docs):
        documents = self.extractor.process([Document(f"doc{i}", doc.text) for i, doc in enumerate(docs)])
        for doc, document in zip(docs, documents):
            yield annotate(doc, document)


@Language.factory("uk_entities", default_config={"batch_size": 32})
def make_uk_entities(nlp: Language, name: str, batch_size: int) -> UkEntities:
    return UkEntities(batch_size)


def to_spacy(document, nlp: Language | None = None) -> Doc:
    """A processed ``extractor.Document`` as a spaCy ``Doc`` on our own tokens (the title and body;
    layout lines and site furniture are not tokens), with the same annotations as the component's."""
    import spacy

    tokens = document.tokens
    spaces = [nxt.start > t.end for t, nxt in zip(tokens, tokens[1:])] + [False]
    doc = Doc((nlp or spacy.blank("uk")).vocab, words=[t.text for t in tokens], spaces=spaces)
    index = {t.start: i for i, t in enumerate(tokens)}
    spans = []
    for entity in document.entities:
        sentence = document.sentences[entity.sentence_id].tokens
        span = Span(doc, index[sentence[entity.token_start].start], index[sentence[entity.token_end - 1].start] + 1,
                    label=entity.label)
        span._.lemma, span._.country_code, span._.date = entity.lemma, entity.country_code, entity.date
        span._.entity_id = entity_id(entity.label, entity.canonical or entity.lemma, entity.country_code)
        spans.append(span)
    doc.ents = filter_spans(spans)
    for token, ours in zip(doc, tokens):
        token.lemma_ = ours.lemma
        token.set_morph(ud_morph(ours.parse) or None)
    return doc
