"""Read hand-disambiguated BRUK XML (``<token value= lemma= tags=>`` in ``<sentence>``)."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from extractor_lab.heldout import is_held_out

# Tokens left out of lemma accuracy: punctuation, numbers written in digits, symbols.
SKIPPED_TAGS = ("punct", "number", "symb", "unclass", "noninfl:foreign")


@dataclass(frozen=True)
class GoldToken:
    text: str
    lemma: str
    tags: str

    @property
    def scored(self) -> bool:
        return not self.tags.startswith(SKIPPED_TAGS) and any(c.isalpha() for c in self.text)


def read_sentences(path: Path) -> list[list[GoldToken]]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise ValueError(f"{path}: not valid BRUK XML ({error})") from error
    return [
        [GoldToken(t.get("value", ""), t.get("lemma", ""), t.get("tags", "")) for t in sentence.iter("token")]
        for sentence in root.iter("sentence")
    ]


def split_files(folder: Path, test_every: int = 10) -> tuple[list[Path], list[Path]]:
    """Deterministic split by file: a stable hash of the name sends one file in ``test_every`` to test."""
    files = sorted(Path(folder).glob("*.xml"))
    if not files:
        raise FileNotFoundError(f"{folder}: no BRUK .xml files")
    test = [f for f in files if is_held_out(f.stem, test_every)]
    return [f for f in files if f not in test], test
