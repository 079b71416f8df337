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


# words that coordinate two names ("Shell та BP AG і Equinor ASA")
COORDINATORS = frozenset({"і", "й", "та", "and", "&"})
NAMES = frozenset({"PERS", "ORG", "LOC", "MISC"})


def split_coordinated(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Each name span cut at a coordinator that joins two whole names: the words before it, at least two,
    end on a capitalized word ("BP AG", "Юрій Луценко"), the word after it is capitalized, and no quote is
    open there ("«Пукшин і Партнери»" stays one). One word before it shares what follows ("Донецької та
    Луганської областей", "Оксана і Олексій Кулагіни", "Сент-Кітс і Невіс" stay one, as NER-UK tags them)."""
    cut = []
    for start, end, label in spans:
        if label not in NAMES:
            cut.append((start, end, label))
            continue
        first, depth = start, 0
        for i in range(start, end):
            word = words[i]
            if word == "«":  # quotes arrive as « and » (``tokenize.read_quotes``)
                depth += 1
            elif word == "»":
                depth = max(depth - 1, 0)
            if (word in COORDINATORS and depth == 0 and i - first >= 2 and i + 1 < end
                    and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()):
                cut.append((first, i, label))
                first = i + 1
        cut.append((first, end, label))
    return cut


def decode(words: list[str], tags: list[str]) -> list[tuple[int, int, str]]:
    """The entity spans of one tagged sentence: what tagging returns and scoring counts."""
    return split_coordinated(words, spans_from_bioes(tags))
