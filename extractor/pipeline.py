"""The extractor: read -> clean -> tokenize -> morphology -> NER and rules -> normalize (and link names) -> tables.

    from extractor import Extractor
    ex = Extractor()                       # loads the bundled models once
    doc = ex("Текст новини ...")           # one Document
    tables = ex.extract(["news/", "a.txt"])  # pandas tables over many inputs
    tables.save("out", format="csv")
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from tqdm import tqdm

from extractor.cleaning.boilerplate import body_bounds
from extractor.cleaning.language import guess_language
from extractor.cleaning.layout import read_layout
from extractor.document import Document, Sentence, Token
from extractor.linking import link_people
from extractor.morphology.tagger import DEFAULT_LEMMA_MODEL, MorphTagger
from extractor.ner.component import add_entities
from extractor.ner.tagger import DEFAULT_MODEL_DIR, NerTagger
from extractor.normalize import normalize_entities
from extractor.reading import RawDocument, read_inputs
from extractor.reading.sources import DEFAULT_MAX_CHARS
from extractor.rules.countries import tag_countries
from extractor.rules.quantities import add_quantities
from extractor.tables import Tables, build_tables
from extractor.tokenize import split_sentences

log = logging.getLogger(__name__)


def segment(document: Document) -> None:
    """Find the body (title line included) and split it into sentences and tokens."""
    layout = read_layout(document.text)
    document.title = document.title or layout.title
    document.source, document.published = layout.source, layout.published
    start, end = body_bounds(document.text, layout.body_start)
    document.body_start, document.body_end = start, end
    regions = ([layout.title_span] if layout.title_span else []) + [(start, end)]
    for region_start, region_end in regions:
        for tokens in split_sentences(document.text[region_start:region_end]):
            shifted = [Token(t.text, t.start + region_start, t.end + region_start) for t in tokens]
            document.sentences.append(Sentence(len(document.sentences), shifted[0].start, shifted[-1].end, shifted))


class Extractor:
    def __init__(self, ner_model_dir: Path = DEFAULT_MODEL_DIR, lemma_model: Path = DEFAULT_LEMMA_MODEL,
                 repair: bool = True, only_uk: bool = False, batch_docs: int = 32, ner_members: int | None = None):
        """``ner_members=1`` tags with the first tagger of the NER ensemble only:
        about 5 times faster NER, at test F1 0.795 instead of 0.802 (MODEL_CARD.md)."""
        self.morphology = MorphTagger(lemma_model)
        self.ner = NerTagger(ner_model_dir, members=ner_members)
        self.repair = repair
        self.only_uk = only_uk
        self.batch_docs = batch_docs
        self._repairer = None

    def __call__(self, text: str, doc_id: str = "doc") -> Document:
        """Analyse one text."""
        if not isinstance(text, str):
            raise TypeError(f"Extractor() takes a str, not {type(text).__name__}; use .extract() for files")
        return self.process([Document(doc_id, text)])[0]

    def _repair(self, document: Document) -> None:
        if self._repairer is None:
            from extractor.cleaning.repair import Repairer
            self._repairer = Repairer()
        self._repairer(document)

    def process(self, documents: list[Document]) -> list[Document]:
        """Run every component over ``documents`` (already read); failures become error documents."""
        ready = []
        for document in documents:
            if document.status != "ok":
                continue  # unreadable input: passes through as its error row
            try:
                document.language = guess_language(document.text)
                if self.only_uk and document.language != "uk":
                    document.status, document.error = "skipped", f"language is {document.language}, not uk (--only-uk)"
                    continue
                segment(document)
                if self.repair:
                    self._repair(document)
                self.morphology(document)
                ready.append(document)
            except Exception as error:  # one bad document must not sink the batch
                log.exception("document %s failed", document.doc_id)
                document.status, document.error = "error", f"{document.path or document.doc_id}: {error}"
                document.sentences, document.entities = [], []
        try:
            add_entities(ready, self.ner)
        except Exception:
            # tag one by one so that only the document that breaks the tagger fails
            for document in ready:
                try:
                    add_entities([document], self.ner)
                except Exception as error:
                    document.status, document.error = "error", f"{document.path or document.doc_id}: NER failed: {error}"
        for document in ready:
            if document.status != "ok":
                continue
            try:
                normalize_entities(document)
                tag_countries(document)
                link_people(document)
                add_quantities(document)
            except Exception as error:
                log.exception("document %s failed", document.doc_id)
                document.status, document.error = "error", f"{document.path or document.doc_id}: {error}"
        return documents

    def iter_documents(self, inputs: Iterable[str | Path], text_column: str = "text", id_column: str | None = None,
                       max_chars: int = DEFAULT_MAX_CHARS, progress: bool = False,
                       as_text: bool = False) -> Iterable[Document]:
        """Documents of all inputs, processed in batches; unreadable inputs come as error documents.
        With ``as_text=True`` every str is a text, never a path."""
        batch: list[Document] = []
        bar = tqdm(desc="extracting", unit="doc", disable=not progress)
        for raw in read_inputs(inputs, text_column, id_column, max_chars, as_text):
            batch.append(_from_raw(raw))  # error documents ride along, so the input order holds
            if len(batch) >= self.batch_docs:
                yield from self.process(batch)
                bar.update(len(batch))
                batch = []
        if batch:
            yield from self.process(batch)
            bar.update(len(batch))
        bar.close()

    def extract(self, inputs: Iterable[str | Path] | str | Path, progress: bool = False, **options) -> Tables:
        """Tables over texts, files and folders (a single str or Path is one input).
        Pass ``as_text=True`` when the strings are texts, so none is mistaken for a path."""
        if isinstance(inputs, (str, Path)):
            inputs = [inputs]
        return build_tables(list(self.iter_documents(inputs, progress=progress, **options)))


def _from_raw(raw: RawDocument) -> Document:
    document = Document(raw.doc_id, raw.text or "", path=raw.path, title=raw.title, encoding=raw.encoding)
    if raw.error:
        document.status, document.error = "error", raw.error
    return document
