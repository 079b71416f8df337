"""Score the value rules on expressions written for the project (``extractor-lab evaluate values``).

Dates (``data/dates.tsv``): each mention is resolved by our rules and by
dateparser (the maintained library that knows Ukrainian month names and
relative words) against the same reference date; a value is right when it is
the expected ISO 8601 value at the expected precision (dateparser gives a full
datetime, so it is cut to the expected precision; it has no intervals).
Money and percentages (``data/money.tsv``): a phrase is right when the sentence
gives one quantity with its bounds, unit lemma and currency.
Both run through the real pipeline with no NER (``with_hand_spans``), so the
rules are scored on their own.
"""
from __future__ import annotations

import csv
import math
from datetime import datetime
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read_cases(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as source:
        return list(csv.DictReader((line for line in source if not line.startswith("#")), delimiter="\t"))


def with_hand_spans(extractor, text: str, spans=(), published: str | None = None):
    """``text`` through the real pipeline with the NER step replaced by hand-set entity spans:
    (surface, label), or (surface, label, n) for the n-th occurrence of ``surface`` (from 0), so
    that the rules after NER are measured (and tested) whatever a retrained tagger would find."""
    from extractor.document import Document, mention_at

    document = Document("case", text, published=published)
    for component in extractor.components:
        if component.name == "ner":
            document.entities = [mention_at(document, *span) for span in spans]
        else:
            component.run([document] if component.batch else document)
    return document


def _dateparser_value(mention: str, reference: str, expected: str) -> str | None:
    import dateparser

    base = datetime.fromisoformat(reference)
    parsed = dateparser.parse(mention, languages=["uk"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    if parsed is None or "/" in expected or "W" in expected:
        return None
    return parsed.date().isoformat()[:len(expected)]


def score_dates(extractor) -> dict:
    cases = read_cases("dates.tsv")
    ours = theirs = 0
    misses = []
    for case in cases:
        document = with_hand_spans(extractor, case["sentence"], [(case["mention"], "DATE")], case["reference"])
        found = document.entities[0].date if document.entities else None
        ours += found == case["expected"]
        theirs += _dateparser_value(case["mention"], case["reference"], case["expected"]) == case["expected"]
        if found != case["expected"]:
            misses.append(f"{case['mention']!r}: {found} (expected {case['expected']})")
    return {"cases": len(cases), "ours": ours / len(cases), "dateparser": theirs / len(cases), "misses": misses}


def _same(found, expected: str) -> bool:
    if not expected:
        return found is None or (isinstance(found, float) and math.isnan(found))
    return found is not None and math.isclose(found, float(expected), rel_tol=1e-9)


def score_money(extractor) -> dict:
    cases = read_cases("money.tsv")
    right = {"money": [0, 0], "percent": [0, 0]}
    misses = []
    for case in cases:
        sentence = f"Йдеться про {case['phrase']}." if case["sentence"] == "-" else case["sentence"]
        currency = None if case["currency"] == "-" else case["currency"]
        kind = "money" if currency else "percent"
        quantities = with_hand_spans(extractor, sentence, []).quantities
        ok = len(quantities) == 1 and _same(quantities[0].low, case["low"]) and _same(quantities[0].high, case["high"]) \
            and quantities[0].unit_lemma == case["unit_lemma"] and quantities[0].currency == currency
        right[kind][0] += ok
        right[kind][1] += 1
        if not ok:
            misses.append(f"{case['phrase']!r}: " + "; ".join(f"{q.text} {q.low}-{q.high} {q.unit_lemma} {q.currency}"
                                                              for q in quantities))
    return {kind: {"cases": total, "accuracy": ok / total} for kind, (ok, total) in right.items()} | {"misses": misses}


def format_report(dates: dict, money: dict) -> str:
    lines = [f"dates: {dates['cases']} expressions; ours {dates['ours']:.3f}, dateparser {dates['dateparser']:.3f}"]
    for kind in ("money", "percent"):
        lines.append(f"{kind}: {money[kind]['cases']} phrases; accuracy {money[kind]['accuracy']:.3f}")
    lines += ["", "our misses:"] + [f"  {m}" for m in dates["misses"] + money["misses"]]
    return "\n".join(lines)

