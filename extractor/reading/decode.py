"""Bytes to text: UTF-8 (with or without BOM), UTF-16, cp1251, koi8-u; binary is refused."""
from __future__ import annotations

import codecs

CYRILLIC_LEGACY = ["cp1251", "koi8_u"]


class DecodeError(ValueError):
    pass


def _looks_like_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte is zero for ASCII, 0x04 for Cyrillic."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if sum(b in (0, 4) for b in odd) > 0.9 * len(odd):
        return "utf-16-le"
    if sum(b in (0, 4) for b in even) > 0.9 * len(even):
        return "utf-16-be"
    return None


def _printable_share(text: str) -> float:
    if not text:
        return 1.0
    good = sum(c.isprintable() or c in "\n\r\t" for c in text)
    return good / len(text)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of ``data``; raises DecodeError for binary or undecodable bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    utf16 = _looks_like_utf16(data) if b"\x00" in data else None
    if utf16:
        return _strict(data, utf16), utf16
    if b"\x00" in data:
        raise DecodeError("binary content (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CYRILLIC_LEGACY).best()
    if best is None or best.chaos > 0.4:
        raise DecodeError("undecodable bytes: not UTF-8, UTF-16, cp1251 or koi8-u text")
    text = str(best)
    if _printable_share(text) < 0.95:
        raise DecodeError("binary content (control characters)")
    return text, best.encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"undecodable bytes for {encoding} at byte {error.start}") from error
    if _printable_share(text) < 0.95:
        raise DecodeError("binary content (control characters)")
    return text.lstrip("\ufeff")
