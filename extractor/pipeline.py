"""The extractor: an ordered list of named components over a batch of Documents.

    from extractor import Extractor
    ex = Extractor()                       # loads the bundled models once
    doc = ex("Текст новини ...")           # one Document
    tables = ex.extract(["news/", "a.txt"])  # pandas tables over many inputs
    tables.save("out", format="csv")

Each component declares what it reads and what it writes on the Document,
as spaCy's components do; ``Extractor.components`` is the order they run in
(the README's "How it works" table is checked against it by a test). A
component's exception turns that document, and only that one, into an error row.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from tqdm import tqdm

from extractor.cleaning.language import guess_language
from extractor.document import Document
from extractor.linking import link_people
from extractor.models import LEMMA_MODEL, NER_MODEL_DIR
from extractor.morphology.tagger import MorphTagger
from extractor.ner.component import add_entities
from extractor.ner.consistency import make_names_consistent
from extractor.ner.tagger import DEFAULT_MEMBERS, NerTagger
from extractor.normalize import normalize_entities
from extractor.reading import RawDocument, read_inputs
from extractor.reading.sources import DEFAULT_MAX_CHARS, normalize_newlines
from extractor.rules.countries import tag_countries
from extractor.rules.dates import add_dates
from extractor.rules.quantities import add_quantities
from extractor.segment import segment

if TYPE_CHECKING:
    from extractor.tables import Tables

log = logging.getLogger(__name__)
# What any component may read once the text is segmented: where sentences, tokens and mentions are,
# not what they are. Everything else a component reads or writes it declares (a test checks both).
POSITIONS = ("doc_id", "path", "status", "sentences", "tokens", "sentence.index", "sentence.start", "sentence.end",
             "sentence.tokens", "token.text", "token.start", "token.end", "entity.start", "entity.end",
             "entity.text", "entity.sentence_id", "entity.token_start", "entity.token_end")


@dataclass(frozen=True)
class Component:
    """One step of the pipeline. ``run`` takes one document, or with ``batch``
    the whole batch at once (NER tags all sentences of a batch in one call)."""
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    module: str  # where it lives, for the README
    run: Callable
    batch: bool = False


def fail(document: Document, component: str, error: Exception) -> None:
    """The one failure handler: the document becomes an error row naming its file and the step."""
    log.warning("document %s: %s failed: %s", document.doc_id, component, error)
    document.status, document.error = "error", f"{document.path or document.doc_id}: {component} failed: {error}"
    document.sentences, document.entities, document.quantities = [], [], []


class Extractor:
    def __init__(self, ner_model_dir: Path = NER_MODEL_DIR, lemma_model: Path = LEMMA_MODEL,
                 repair: bool = True, only_uk: bool = False, batch_docs: int = 32, ner_members: int = DEFAULT_MEMBERS,
                 device: str = "cpu", reference_date: str | None = None, bf16: bool = False,
                 consistency_off: Iterable[str] = (), on_error: str = "row"):
        """``repair=False`` leaves scraping damage alone; ``only_uk`` skips documents that are not
        mostly Ukrainian; ``device="cuda"`` tags entities on a GPU; ``reference_date`` (YYYY-MM-DD)
        resolves dates in documents whose publication date is unknown; ``ner_members=2`` asks the second
        NER tagger where the first is unsure (more accurate, about 2.5x slower); ``bf16=True`` runs NER in
        bfloat16 on CPUs that have it (about 1.5x faster; see ``NerTagger``); ``consistency_off`` names
        consistency steps not to run (``extractor.ner.consistency.STEPS``), for measuring what each is worth;
        ``on_error="raise"`` lets a component's exception propagate instead of turning the document into an
        error row (tests use it, so that a crashing rule fails them)."""
        if on_error not in ("row", "raise"):
            raise ValueError(f"on_error must be 'row' or 'raise', not {on_error!r}")
        self.on_error = on_error
        if reference_date:
            date.fromisoformat(reference_date)  # a bad date fails here, not in every document
        self.consistency_off = frozenset(consistency_off)
        make_names_consistent(Document("check", ""), self.consistency_off)  # an unknown step's name fails here
        self.morphology = MorphTagger(lemma_model)
        self.ner = NerTagger(ner_model_dir, members=ner_members, device=device, bf16=bf16)
        self.only_uk = only_uk
        self.batch_docs = batch_docs
        # called with the characters NER has tagged, batch by batch: progress within long documents
        self.on_characters: Callable[[int], None] | None = None
        tokens = ("token.norm", "token.lemma", "token.pos", "token.parse")
        self.components = [
            Component("language", ("text",), ("language", "status", "error"), "extractor/cleaning/language.py",
                      self._language),
            Component("segment", ("text",), ("title", "source", "published", "body_start", "body_end", "sentences",
                                             "token.norm"), "extractor/segment.py", segment),
            *([Component("repair", ("token.norm",), ("token.norm", "repaired_words"), "extractor/cleaning/repair.py",
                         self._repairer())] if repair else []),
            Component("morphology", ("token.norm",), tokens[1:], "extractor/morphology/", self.morphology),
            Component("ner", ("text", "token.norm"), ("entities",), "extractor/ner/",
                      lambda documents: add_entities(documents, self.ner, self.on_characters), batch=True),
            Component("consistency", ("text", *tokens, "entities", "entity.label"), ("entities", "entity.label"),
                      "extractor/ner/consistency/",
                      lambda document: make_names_consistent(document, self.consistency_off)),
            Component("countries", ("text", *tokens, "entities", "entity.label"),
                      ("entities", "entity.label", "entity.lemma", "entity.country_code", "entity.source"),
                      "extractor/rules/countries.py", tag_countries),
            Component("normalize", (*tokens, "entities", "entity.label"), ("entity.lemma",), "extractor/normalize/",
                      normalize_entities),
            Component("linking", ("entities", "entity.label", "entity.lemma"), ("entity.canonical",),
                      "extractor/linking.py", link_people),
            Component("dates", ("text", "published", *tokens, "entities", "entity.label", "entity.lemma"),
                      ("entities", "entity.label", "entity.lemma", "entity.date"), "extractor/rules/dates.py",
                      lambda document: add_dates(document, reference_date)),
            Component("quantities", ("text", *tokens, "entities", "entity.label", "entity.lemma", "entity.country_code"),
                      ("quantities", "entities", "entity.label", "entity.lemma"), "extractor/rules/quantities.py",
                      add_quantities),
        ]

    @staticmethod
    def _repairer():
        from extractor.cleaning.repair import Repairer

        return Repairer()

    def _language(self, document: Document) -> None:
        document.language = guess_language(document.text)
        if self.only_uk and document.language != "uk":
            document.status, document.error = "skipped", f"language is {document.language}, not uk (--only-uk)"

    def __call__(self, text: str, doc_id: str = "doc") -> Document:
        """Analyse one text."""
        if not isinstance(text, str):
            raise TypeError(f"Extractor() takes a str, not {type(text).__name__}; use .extract() for files")
        return self.process([Document(doc_id, normalize_newlines(text))])[0]

    def process(self, documents: list[Document]) -> list[Document]:
        """Run every component over ``documents`` (already read), in order; failures become error documents."""
        for component in self.components:
            ready = [d for d in documents if d.status == "ok"]  # unreadable, failed and skipped ones pass through
            if component.batch:
                try:
                    component.run(ready)
                    continue
                except Exception:  # run one by one, so that only the document that breaks it fails
                    if self.on_error == "raise":
                        raise
                    for document in ready:
                        document.entities = []
            for document in ready:
                try:
                    component.run([document] if component.batch else document)
                except Exception as error:  # one bad document must not sink the batch
                    if self.on_error == "raise":
                        raise
                    fail(document, component.name, error)
        return documents

    def iter_documents(self, inputs: Iterable[str | Path], text_column: str = "text", id_column: str | None = None,
                       max_chars: int = DEFAULT_MAX_CHARS, progress: bool = False,
                       as_text: bool = False, published_column: str | None = None) -> Iterable[Document]:
        """Documents of all inputs, processed in batches; unreadable inputs come as error documents.
        With ``as_text=True`` every str is a text, never a path; ``published_column`` names the
        publication date's column of .jsonl/.csv records, against which their dates are resolved."""
        bar = tqdm(desc="extracting", unit="doc", disable=not progress)
        # error documents ride along, so the input order holds
        documents = (document_from_raw(raw) for raw in read_inputs(inputs, text_column, id_column, max_chars, as_text,
                                                                  published_column))
        for batch in batched(documents, self.batch_docs):
            yield from self.process(batch)
            bar.update(len(batch))
        bar.close()

    def extract(self, inputs: Iterable[str | Path] | str | Path, progress: bool = False, **options) -> Tables:
        """Tables over texts, files and folders (a single str or Path is one input).
        Pass ``as_text=True`` when the strings are texts, so none is mistaken for a path."""
        if isinstance(inputs, (str, Path)):
            inputs = [inputs]
        from extractor.tables import build_tables  # pandas: only where tables are built (0.4 s of a cold start)

        return build_tables(list(self.iter_documents(inputs, progress=progress, **options)))


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last one shorter), as they come."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def document_from_raw(raw: RawDocument) -> Document:
    document = Document(raw.doc_id, raw.text or "", path=raw.path, title=raw.title, encoding=raw.encoding,
                        published=raw.published)
    if raw.error:
        document.status, document.error = "error", raw.error
    return document
