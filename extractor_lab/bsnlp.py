"""Score recognition, typing and normalization on real news annotated the BSNLP way
(``extractor-lab evaluate bsnlp DIR``).

Each annotated document lists its distinct mention forms with a normalized form
and a type (PER, LOC, ORG, MISC). As in that shared task, a document's
predictions are its distinct (mention form, type) pairs, compared
case-insensitively: typed precision and recall per type, and their micro
average over PER/LOC/ORG (and with MISC). Normalization is scored on the gold
mentions the extractor found with the right type: is the mention's own lemma
the annotated normalized form?
"""
from __future__ import annotations

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


def _f1(right: int, predicted: int, gold: int) -> dict:
    precision, recall = right / predicted if predicted else 0.0, right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "gold": gold, "predicted": predicted, "right": right}


def evaluate(folder: Path, extractor) -> dict:
    counts = {kind: Counter() for kind in ("gold", "predicted", "right")}
    normalized = Counter()
    errors: Counter = Counter()
    from extractor.document import Document

    for doc_id, text, published, gold in read_documents(folder):
        document = extractor.process([Document(doc_id, text, published=published)])[0]
        predicted = {}
        for entity in document.entities:
            if entity.label in TYPES:
                predicted.setdefault((entity.text.lower(), TYPES[entity.label]), entity.lemma.lower())
        for key in gold:
            counts["gold"][key[1]] += 1
        for key, lemma in predicted.items():
            counts["predicted"][key[1]] += 1
            if key in gold:
                counts["right"][key[1]] += 1
                normalized["right"] += lemma == gold[key]
                normalized["scored"] += 1
            else:
                wrong_type = next((t for f, t in gold if f == key[0]), None)
                errors[f"{wrong_type or 'none'} tagged {key[1]}"] += 1
    report = {kind: _f1(counts["right"][kind], counts["predicted"][kind], counts["gold"][kind])
              for kind in ("PER", "LOC", "ORG", "MISC")}
    for name, kinds in (("micro PER/LOC/ORG", CORE), ("micro all", CORE + ("MISC",))):
        report[name] = _f1(*(sum(counts[c][k] for k in kinds) for c in ("right", "predicted", "gold")))
    report["normalization"] = round(normalized["right"] / max(normalized["scored"], 1), 4)
    report["errors"] = dict(errors.most_common(8))
    return report


def format_report(report: dict) -> str:
    lines = [f"{'type':<20}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}"]
    for name, s in report.items():
        if isinstance(s, dict) and "f1" in s:
            lines.append(f"{name:<20}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['gold']:>7}{s['predicted']:>7}")
    lines.append(f"normalization (mention's own lemma right, of found typed mentions): {report['normalization']:.3f}")
    lines.append("commonest wrong predictions (gold type of that form, or none): "
                 + ", ".join(f"{k} {v}" for k, v in report["errors"].items()))
    return "\n".join(lines)
