"""The held-out splits every training command and evaluation shares.

BRUK files: a stable hash of the file name sends one in ten to the held-out
part, for the lemma model (disambiguated XML) and the repair frequencies (raw
texts of the same names) alike. NER-UK: every tenth training document, in the
split file's order, is the dev set for model selection.
"""
from __future__ import annotations

import zlib
from typing import Sequence, TypeVar

Item = TypeVar("Item")
EVERY = 10


def is_held_out(bruk_name: str, every: int = EVERY) -> bool:
    """True for BRUK files kept out of training; ``bruk_name`` is the file name without suffix."""
    return zlib.crc32(f"{bruk_name}.xml".encode()) % every == 0


def every_nth(items: Sequence[Item], every: int = EVERY) -> tuple[list[Item], list[Item]]:
    """(train, held out): every ``every``-th item is held out. Whole documents move,
    so no held-out sentence has a neighbour in train."""
    train = [x for i, x in enumerate(items) if i % every != every - 1]
    held = [x for i, x in enumerate(items) if i % every == every - 1]
    return train, held
