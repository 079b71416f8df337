"""One vocabulary: the word lists and tables the rules read, as data files beside this module.

Each ``<name>.txt`` starts with comment lines (``#``) saying what the list is for and where it came from,
then holds one entry a line: a word or phrase, or ``key = value`` in a table. A list is read once.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable

HERE = Path(__file__).parent


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of list ``name``, in the file's order."""
    path = HERE / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("# "):
        raise ValueError(f"{path}: the first line must say what the list is for and where it came from")
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def words(name: str) -> frozenset[str]:
    return frozenset(entries(name))


def phrases(name: str) -> list[tuple[str, ...]]:
    return [tuple(entry.split()) for entry in entries(name)]


def table(name: str, value: Callable[[str], object] = str) -> dict:
    """List ``name`` read as ``key = value`` lines, each value converted by ``value``."""
    pairs = {}
    for entry in entries(name):
        key, equals, written = entry.partition(" = ")
        if not equals:
            raise ValueError(f"{HERE / name}.txt: {entry!r} is no 'key = value' line")
        pairs[key] = value(written)
    return pairs


def whole_numbers(written: str) -> tuple[int, ...]:
    """A value of whole numbers separated by spaces: "2 9"."""
    return tuple(int(number) for number in written.split())
