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
