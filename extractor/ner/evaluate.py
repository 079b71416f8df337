"""Score the NER model on a split of NER-UK 2.0 (``extractor evaluate ner``).

Gold entities are the corpus' outermost spans (nested inner spans are dropped,
as in the corpus' own IOB export), over the corpus' own tokenization.
"""
from __future__ import annotations

import json
from pathlib import Path

from tqdm import tqdm

from extractor.ner import corpus as ner_corpus
from extractor.ner.score import Score, spans_from_bioes, strict_scores
from extractor.ner.tagger import NerTagger


def evaluate(corpus: Path, split: str, model_dir: Path, progress: bool = True) -> dict:
    documents = ner_corpus.read_documents(corpus, split)
    if split == "dev":  # the held-out part of train used for model selection
        documents = ner_corpus.hold_out(ner_corpus.read_documents(corpus, "train"))[1]
    tagger = NerTagger(model_dir)
    gold, predicted = [], []
    for document in tqdm(documents, desc=f"tagging {split}", unit="doc", disable=not progress):
        sentences = [s.tokens for s in document.sentences]
        for s_index, (sentence, tags) in enumerate(zip(document.sentences, tagger.tag_bioes(sentences))):
            where = (document.doc_id, s_index)
            gold += [(where, a, b, label) for a, b, label in spans_from_bioes(sentence.tags)]
            predicted += [(where, a, b, label) for a, b, label in spans_from_bioes(tags)]
    per_label, micro = strict_scores(gold, predicted, ner_corpus.LABELS)
    _, core = strict_scores(gold, predicted, ner_corpus.CORE_LABELS)
    return {"split": split, "documents": len(documents),
            "per_label": {k: v.as_dict() for k, v in per_label.items()},
            "micro_all": micro.as_dict(), "micro_core": core.as_dict()}


def format_report(report: dict) -> str:
    lines = [f"NER-UK 2.0, split {report['split']} ({report['documents']} documents), strict span+type",
             f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
    rows = list(report["per_label"].items()) + [("micro-13", report["micro_all"]), ("micro-4", report["micro_core"])]
    for label, s in rows:
        lines.append(f"{label:<8}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['gold']:>8}{s['predicted']:>8}")
    return "\n".join(lines)


def to_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)


__all__ = ["evaluate", "format_report", "to_json", "Score"]
