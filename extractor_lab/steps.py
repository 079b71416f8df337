"""What each consistency step is worth (``extractor-lab evaluate steps``).

The pipeline runs up to the tagger once over BSNLP uk dev (independent news) and
NER-UK dev; then, for all steps and for all steps but one, the components after
the tagger run on fresh copies of the tagged documents. A step whose removal costs
nothing on either set is a candidate for retirement (DEVELOPERS.md: a rule must
show its gain on an independent measure).
"""
from __future__ import annotations

import copy
from pathlib import Path

from extractor.document import Document
from extractor.ner.consistency import STEPS, make_names_consistent
from extractor_lab import bsnlp
from extractor_lab.ner import corpus as ner_corpus
from extractor_lab.ner.evaluate import _gold
from extractor_lab.ner.score import strict_scores


def _tagged(extractor, documents: list[Document]) -> list[Document]:
    """The documents through every component up to and including NER."""
    everything = extractor.components
    upto = next(i for i, c in enumerate(everything) if c.name == "ner") + 1
    extractor.components = everything[:upto]
    try:
        return extractor.process(documents)
    finally:
        extractor.components = everything


def _rest(extractor, tagged: list[Document], off: frozenset[str], trace: list | None = None) -> list[Document]:
    """Copies of tagged documents through the components after NER, without the steps in ``off``."""
    everything = extractor.components
    after = next(i for i, c in enumerate(everything) if c.name == "ner") + 1
    fresh = []
    for document in tagged:
        twin = copy.copy(document)
        twin.entities = [copy.copy(e) for e in document.entities]
        twin.quantities = []
        fresh.append(twin)
    extractor.components = everything[after:]
    extractor.consistency_off = off
    try:
        if trace is not None:  # the consistency step traced by hand, the rest as usual
            for twin in fresh:
                make_names_consistent(twin, off, trace)
            extractor.components = [c for c in everything[after:] if c.name != "consistency"]
        return extractor.process(fresh)
    finally:
        extractor.components = everything
        extractor.consistency_off = frozenset()


def _bsnlp_scores(documents: list[Document], golds: dict[str, dict]) -> dict[str, float]:
    per_topic: dict[str, dict] = {}
    overall = bsnlp._new_counts()
    for document in documents:
        predicted, countries = bsnlp._predictions(document), bsnlp._country_forms(document)
        bsnlp._count(overall, golds[document.doc_id], predicted, countries)
        bsnlp._count(per_topic.setdefault(bsnlp.topic_of(document.doc_id), bsnlp._new_counts()),
                     golds[document.doc_id], predicted, countries)
    scores = {"bsnlp": bsnlp._report(overall)["micro PER/LOC/ORG"]["f1"]}
    scores.update({f"bsnlp {topic}": bsnlp._report(c)["micro PER/LOC/ORG"]["f1"] for topic, c in sorted(per_topic.items())})
    return scores


def _dev_scores(documents: list[Document], gold: list) -> dict[str, float]:
    predicted = [(d.doc_id, e.start, e.end, e.label) for d in documents for e in d.entities]
    _, micro = strict_scores(gold, predicted, ner_corpus.LABELS)
    _, core = strict_scores(gold, predicted, ner_corpus.CORE_LABELS)
    return {"ner-uk dev 13": round(micro.f1, 4), "ner-uk dev 4": round(core.f1, 4)}


def measure_steps(extractor, bsnlp_folder: Path, corpus: Path, together: frozenset[str] = frozenset()) -> dict:
    """{"all": scores, step name: (scores without it, mentions it changed on both sets)}; with ``together``,
    only the scores without all of those steps at once (before retiring them together)."""
    news = bsnlp.read_documents(bsnlp_folder)
    golds = {doc_id: gold for doc_id, _, _, gold in news}
    news_tagged = _tagged(extractor, [Document(doc_id, text, published=published) for doc_id, text, published, _ in news])
    dev_documents, dev_gold = _gold(corpus, "dev")
    dev_tagged = _tagged(extractor, [Document(d.doc_id, ner_corpus.find_document(corpus, d.doc_id).read_text(encoding="utf-8"))
                                     for d in dev_documents])

    def scores(off: frozenset[str], trace: list | None = None) -> dict[str, float]:
        return {**_bsnlp_scores(_rest(extractor, news_tagged, off, trace), golds),
                **_dev_scores(_rest(extractor, dev_tagged, off, trace), dev_gold)}

    trace: list = []
    report = {"all": scores(frozenset(), trace)}
    if together:
        report["without " + ", ".join(sorted(together))] = (scores(together), 0)
        return report
    changes = {step.name: 0 for step in STEPS}
    for name, removed, added in trace:
        changes[name] += max(len(removed), len(added))
    for step in STEPS:
        report[step.name] = (scores(frozenset({step.name})), changes[step.name])
    return report


def format_steps(report: dict) -> str:
    base = report["all"]
    columns = list(base)
    lines = ["what each step is worth: the score with all steps minus the score without it",
             f"{'step':<36}{'changes':>8}" + "".join(f"{c:>15}" for c in columns),
             f"{'(all steps: the scores)':<36}{'':>8}" + "".join(f"{base[c]:>15.4f}" for c in columns)]
    for name, value in report.items():
        if name == "all":
            continue
        without, changed = value
        lines.append(f"{name:<36}{changed:>8}" + "".join(f"{base[c] - without[c]:>+15.4f}" for c in columns))
    return "\n".join(lines)
