from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from extractor.document import mention_at

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
SAMPLES = ROOT / "data" / "samples"
ARTICLE = SHARED / "articles" / "g7-north-korean-troops.txt"


@pytest.fixture(scope="session")
def extractor():
    from extractor import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def article_doc(extractor):
    return extractor(ARTICLE.read_text(encoding="utf-8"), "g7")


@contextmanager
def _components(extractor, components):
    everything = extractor.components
    extractor.components = components
    try:
        yield
    finally:
        extractor.components = everything


def hand_built(extractor, text, spans=(), published=None):
    """``text`` through the real pipeline (``Extractor.process``, its error path included) with the
    tagger's spans replaced by hand-set ones: (surface, label), or (surface, label, n) for the n-th
    occurrence of ``surface``. Rule tests then do not depend on a retrained tagger."""
    from extractor.document import Document

    def hand_set(documents):
        for document in documents:
            document.entities = [mention_at(document, *span) for span in spans]

    document = Document("case", text, published=published)
    with _components(extractor, [replace(c, run=hand_set) if c.name == "ner" else c for c in extractor.components]):
        extractor.process([document])
    assert document.status == "ok", document.error
    return document


def one_step(extractor, name, text, spans):
    """(text, label) of the mentions after the consistency step ``name`` alone, run on hand-set spans
    over the real segmentation and morphology."""
    from extractor.document import Document
    from extractor.ner.consistency import STEPS

    document = Document("case", text)
    upto = [c.name for c in extractor.components].index("ner")
    with _components(extractor, extractor.components[:upto]):
        extractor.process([document])
    assert document.status == "ok", document.error
    document.entities = [mention_at(document, *span) for span in spans]
    next(step for step in STEPS if step.name == name).run(document)
    return [(e.text, e.label) for e in sorted(document.entities, key=lambda e: e.start)]
