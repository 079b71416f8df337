"""Entity spans from a tag sequence: the one decoder tagging and scoring share."""
from __future__ import annotations

from extractor import lexicon
from extractor.morphology.analyzer import parses

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


COORDINATORS = lexicon.words("and")
NAMES = frozenset({"PERS", "ORG", "LOC", "MISC"})


def split_coordinated(words: list[str], spans: list[tuple[int, int, str]],
                      opened: list[bool]) -> list[tuple[int, int, str]]:
    """Each name span cut at a coordinator that joins two whole names: there are at least two words before
    it, a new name starts after it (``_a_name_starts``), no quote is open there (``opened``: "«Пукшин і
    Партнери»" stays one), and the words around it are not two adjectives sharing the noun after them
    ("України - Херсонської та Запорізької областей"). One word before it shares what follows ("Оксана і
    Олексій Кулагіни", "Сент-Кітс і Невіс" stay one, as NER-UK tags them), unless it is a company's
    one-word name ("Приватбанк і Ощадбанк")."""
    cut = []
    for start, end, label in spans:
        if label not in NAMES:
            cut.append((start, end, label))
            continue
        first = start
        for i in range(start, end):
            if (words[i] in COORDINATORS and not opened[i] and i + 1 < end
                    and _a_name_starts(words[i - 1], words[i + 1]) and not _adjectives(words[i - 1], words[i + 1])
                    and (i - first >= 2 or _one_word_company(words, first, i, label))):
                cut.append((first, i, label))
                first = i + 1
        cut.append((first, end, label))
    return cut


def _a_name_starts(before: str, after: str) -> bool:
    """Whether the word after a coordinator starts a second name: it is capitalized, after a name that ends on
    a capitalized word ("BP AG", "Юрій Луценко") or on a lower-case one ("Європейського парламенту та Ради",
    "Радою міністрів та Комісією"). After a lower-case word an acronym goes on the same name instead
    ("Міністерства регіонального розвитку, будівництва і ЖКГ", as NER-UK tags it)."""
    return after.istitle() if before.islower() else after[:1].isupper()


def _open_quotes(words: list[str]) -> list[bool]:
    """Whether a quote is open at each word (quotes arrive as « and », ``tokenize.read_quotes``)."""
    depth, opened = 0, []
    for word in words:
        if word == "«":
            depth += 1
        elif word == "»":
            depth = max(depth - 1, 0)
        opened.append(depth > 0)
    return opened


def _adjectives(*words: str) -> bool:
    """Whether the dictionary knows every word given and only as an adjective."""
    for word in words:
        readings = [p for p in parses(word.lower()) if p.is_known]
        if not readings or any(p.tag.POS != "ADJF" for p in readings):
            return False
    return True


def balance_quotes(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Quotes at a span's edges as names are written: a quote the span neither opens nor closes is no part
    of it ("сайту «" + "Остров»" -> "сайту", "Остров"), and a name that opens a quote and stops right before
    it closes takes the closing quote in ("кінофестивалю «Корона Карпат" -> "... «Корона Карпат»")."""
    balanced = []
    for start, end, label in spans:
        inside = words[start:end]
        if "«" not in inside:
            while start < end and words[start] == "»":
                start += 1
            while end > start and words[end - 1] == "»":
                end -= 1
        if "»" not in inside:
            while end > start and words[end - 1] == "«":
                end -= 1
            while start < end and words[start] == "«":
                start += 1
        if start >= end:
            continue
        inside = words[start:end]
        taken = any(s <= end < e for s, e, _ in spans)
        if inside.count("«") > inside.count("»") and end < len(words) and words[end] == "»" and not taken:
            end += 1
        balanced.append((start, end, label))
    return balanced


def _one_word_company(words: list[str], first: int, i: int, label: str) -> bool:
    """"Приватбанк і Ощадбанк": one capitalized noun before "і"/"та" in an organisation is a whole name
    (an adjective shares the noun after: "Харківський та Київський університети")."""
    if label != "ORG" or i - first != 1 or words[i] == "&":
        return False
    readings = [p for p in parses(words[first].lower()) if p.is_known]
    return bool(readings) and all(p.tag.POS == "NOUN" for p in readings)


# a dash or an opening bracket outside quotes parts a name from what follows ("Європейська спільнота з вугілля
# та сталі — ЄСВС", "Гаазька конференція (HCCH"), and no name begins or ends on these
PARTING = {"–", "—", "("}
EDGES = PARTING | {"-", ",", ";", ":"}


def cut_at_punctuation(words: list[str], spans: list[tuple[int, int, str]],
                       opened: list[bool]) -> list[tuple[int, int, str]]:
    """Name spans cut at a dash or an unclosed bracket outside quotes (``opened``), each part without
    punctuation at its edges: "Європейський інвестиційний банк –" -> "Європейський інвестиційний банк".
    NER-UK's training and test text hold 2 of its 20,000 person, place and organisation names with a dash
    outside quotes or an unclosed bracket ("Вовка – Волкова"), and 2 that end on punctuation."""
    cut = []
    for start, end, label in spans:
        if label not in ("PERS", "LOC", "ORG"):
            cut.append((start, end, label))
            continue
        parts, first = [], start
        for i in range(start, end):
            if words[i] in PARTING and not opened[i] and not (words[i] == "(" and ")" in words[i:end]):
                parts.append((first, i))
                first = i + 1
        for a, b in parts + [(first, end)]:
            while a < b and words[a] in EDGES:
                a += 1
            while b > a and words[b - 1] in EDGES:
                b -= 1
            # a part cut off needs a letter ("Резолюції Res (2002" holds no name "2002"); a whole one a digit
            # will do ("1 + 1", a channel)
            if any(ch.isalpha() or (ch.isdigit() and not parts) for word in words[a:b] for ch in word):
                cut.append((a, b, label))
    return cut


def decode(words: list[str], tags: list[str]) -> list[tuple[int, int, str]]:
    """The entity spans of one tagged sentence: what tagging returns and scoring counts. Quotes reach the
    tagger as « and » (``tokenize.read_quotes``)."""
    opened = _open_quotes(words)
    return balance_quotes(words, cut_at_punctuation(words, split_coordinated(words, spans_from_bioes(tags), opened),
                                                    opened))
