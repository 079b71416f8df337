"""Score dates, quantities, money and countries on real news annotated before the extractor saw it
(``extractor-lab evaluate values-dev``; the set and its rules: ``data/values-dev/README.md``).

A gold date is found when a DATE, TIME or PERIOD mention overlaps it, and resolved when that mention's
value is the gold one (``""``: left unresolved). A gold quantity is matched by an overlapping quantity
whose value, lower or upper bound is the gold number (any, where the gold number is null); precision
counts every quantity found. A money amount's currency is right when its matched quantity has the gold
ISO 4217 code. A gold country mention is matched by an overlapping mention with the same country code.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

from extractor_lab.paths import SHARED

GOLD = Path(__file__).resolve().parent / "data" / "values-dev" / "gold.jsonl"
RAW = SHARED / "bsnlp-uk-dev" / "raw"
DATE_LABELS = {"DATE", "TIME", "PERIOD"}


def document_text(file: str) -> str:
    """The raw file from its title line on (the id, language, blank and URL lines left out)."""
    return "\n".join((RAW / file).read_text(encoding="utf-8").splitlines()[4:])


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Where ``surface`` stands in ``text`` as whole words."""
    pattern = rf"(?<![\w']){re.escape(surface)}(?![\w'])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _in_order(text: str, items: list, file: str) -> list[tuple[tuple[int, int], list]]:
    """Each [surface, ...] of a list on the next occurrence of its surface."""
    used: dict[str, int] = {}
    placed = []
    for item in items:
        found = occurrences(text, item[0])
        k = used.get(item[0], 0)
        if k >= len(found):
            raise ValueError(f"{GOLD}: {file}: {item[0]!r} occurs {len(found)} time(s), listed {k + 1}")
        used[item[0]] = k + 1
        placed.append((found[k], item))
    return placed


def _overlaps(span, start, end) -> bool:
    return span[0] < end and start < span[1]


def _same_number(gold, quantity) -> bool:
    return gold is None or any(v is not None and math.isclose(v, gold, rel_tol=1e-6)
                               for v in (quantity.value, quantity.low, quantity.high))


def score(extractor) -> dict:
    counts = dict.fromkeys(["dates", "found", "resolved", "gold_quantities", "quantities", "matched",
                            "money", "currency", "gold_countries", "countries", "countries_matched"], 0)
    misses = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        text = document_text(case["file"])
        from extractor.document import Document

        document = extractor.process([Document(case["file"], text, published=case["published"])])[0]
        dates = [e for e in document.entities if e.label in DATE_LABELS]
        for span, (surface, value) in _in_order(text, case["dates"], case["file"]):
            counts["dates"] += 1
            mention = next((e for e in dates if _overlaps(span, e.start, e.end)), None)
            counts["found"] += mention is not None
            right = mention is not None and (mention.date or "") in value.split("|")
            counts["resolved"] += right
            if not right:
                misses.append(("date", case["file"], surface, value, mention and (mention.text, mention.date)))
        counts["quantities"] += len(document.quantities)
        for span, (surface, number, currency) in _in_order(text, case["quantities"], case["file"]):
            counts["gold_quantities"] += 1
            quantity = next((q for q in document.quantities if _overlaps(span, q.start, q.end)
                             and _same_number(number, q)), None)
            counts["matched"] += quantity is not None
            if quantity is None:
                misses.append(("quantity", case["file"], surface, number, None))
            if currency:
                counts["money"] += 1
                counts["currency"] += quantity is not None and quantity.currency == currency
        coded = [e for e in document.entities if e.country_code]
        counts["countries"] += len(coded)
        for surface, code, skipped in case["countries"]:
            for k, span in enumerate(occurrences(text, surface)):
                if k in skipped:
                    continue
                counts["gold_countries"] += 1
                right = any(_overlaps(span, e.start, e.end) and e.country_code == code for e in coded)
                counts["countries_matched"] += right
                if not right:
                    misses.append(("country", case["file"], surface, code, None))
    return {**_rates(counts), "counts": counts, "misses": misses}


def _f1(matched: int, gold: int, found: int) -> tuple[float, float, float]:
    precision, recall = matched / max(found, 1), matched / max(gold, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def _rates(c: dict) -> dict:
    quantities = _f1(c["matched"], c["gold_quantities"], c["quantities"])
    countries = _f1(c["countries_matched"], c["gold_countries"], c["countries"])
    return {"dates_found": c["found"] / c["dates"], "dates_resolved": c["resolved"] / c["dates"],
            "quantities_p_r_f1": quantities, "currency": c["currency"] / max(c["money"], 1),
            "countries_p_r_f1": countries}


def format_report(result: dict) -> str:
    c = result["counts"]
    q, k = result["quantities_p_r_f1"], result["countries_p_r_f1"]
    lines = [f"values-dev: {GOLD.parent.name}, 30 real news documents annotated before the extractor saw them",
             f"dates: {c['dates']} gold, found {result['dates_found']:.3f}, resolved {result['dates_resolved']:.3f}",
             f"quantities: {c['gold_quantities']} gold, {c['quantities']} found: P {q[0]:.3f} R {q[1]:.3f} F1 {q[2]:.3f}",
             f"currency of money amounts: {c['currency']} of {c['money']} ({result['currency']:.3f})",
             f"countries: {c['gold_countries']} gold, {c['countries']} found: P {k[0]:.3f} R {k[1]:.3f} F1 {k[2]:.3f}",
             "misses:"]
    lines += [f"  {kind} {file}: {surface!r} gold {gold!r} got {got!r}" for kind, file, surface, gold, got in result["misses"]]
    return "\n".join(lines)
