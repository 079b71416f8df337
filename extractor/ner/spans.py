"""Entity spans from a tag sequence: the one decoder tagging and scoring share."""
from __future__ import annotations

# NER-UK 2.0's 13 entity types
LABELS = ("PERS", "ORG", "LOC", "DATE", "TIME", "PERIOD", "MON", "PCT", "QUANT", "JOB", "DOC", "ART", "MISC")


def bioes_tags(label: str) -> frozenset[str]:
    return frozenset(f"{prefix}-{label}" for prefix in "BIES")


def spans_from_bioes(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of a BIOES (or BIO) tag sequence; ill-formed runs are closed where they break."""
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        if start is not None and (prefix in ("O", "B", "S") or kind != label):
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "S") or (prefix in ("I", "E") and start is None):
            start, label = i, kind
        if prefix in ("E", "S") and start is not None:
            spans.append((start, i + 1, label))
            start, label = None, None
    return spans
