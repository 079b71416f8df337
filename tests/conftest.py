from pathlib import Path

import pytest

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


def hand_built(extractor, text, spans=()):
    """``text`` through the real pipeline with the NER step replaced by hand-set
    entity spans: (surface, label), or (surface, label, n) for the n-th occurrence (from 0),
    so that rule tests do not depend on what a retrained tagger finds."""
    from extractor.document import Document

    document = Document("hand", text)
    for component in extractor.components:
        if component.name == "ner":
            document.entities = [_entity_at(document, *span) for span in spans]
        else:
            component.run([document] if component.batch else document)
    assert document.status == "ok", document.error
    return document


def _entity_at(document, surface, label, occurrence=0):
    from extractor.document import Entity

    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(surface, start + 1)
    end = start + len(surface)
    for sentence in document.sentences:
        indices = [i for i, t in enumerate(sentence.tokens) if t.start >= start and t.end <= end]
        if indices:
            return Entity(start, end, surface, label, sentence.index, indices[0], indices[-1] + 1)
    raise ValueError(f"{surface!r} is not on token boundaries of {document.text!r}")
