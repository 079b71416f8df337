"""Small text helpers every stage shares: apostrophes and Latin letters.

News spells the Ukrainian apostrophe several ways (’ ʼ ` ‘ and '); the
dictionary, the lemma model and the gazetteers spell it as '.
"""
from __future__ import annotations

APOSTROPHES = "'’ʼ`‘"
_TO_PLAIN = str.maketrans({a: "'" for a in APOSTROPHES[1:]})


def plain_apostrophes(text: str) -> str:
    """``text`` with every apostrophe spelled as '."""
    return text.translate(_TO_PLAIN)


def same_apostrophe(form: str, written: str) -> str:
    """``form`` (from the dictionary, spelled with ') with the apostrophe ``written`` uses."""
    used = next((c for c in written if c in APOSTROPHES), "'")
    return form if used == "'" else form.translate(str.maketrans({a: used for a in APOSTROPHES}))


def is_latin(char: str) -> bool:
    return "a" <= char.lower() <= "z"


def has_latin(text: str) -> bool:
    """True when ``text`` has a letter of the English alphabet."""
    return any(is_latin(c) for c in text)


def latin_script(text: str) -> bool:
    """A name written in the Latin script: "Baltic Pipe", "Société", not "Vodafone Україна"."""
    return has_latin(text) and not any("\u0400" <= c <= "\u04ff" for c in text)
