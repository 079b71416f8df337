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
    """``text`` through the real pipeline with hand-set entity spans instead of NER (see
    ``extractor_lab.values.with_hand_spans``): rule tests do not depend on a retrained tagger."""
    from extractor_lab.values import with_hand_spans

    document = with_hand_spans(extractor, text, spans)
    assert document.status == "ok", document.error
    return document
