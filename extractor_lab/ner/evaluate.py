"""Score the NER model on a split of NER-UK 2.0 (``extractor-lab evaluate ner``).

Entities are compared as character spans of the document text, so the score
does not depend on tokenization: gold spans come straight from the brat
``.ann`` files (the outermost span where spans nest, as in the corpus' own IOB
export), predictions are the tagger's spans over the run-time tokens, mapped
back to characters. This is what a user of the pipeline gets.
"""
from __future__ import annotations

import json
from pathlib import Path

from tqdm import tqdm

from extractor_lab.heldout import every_nth
from extractor_lab.ner import corpus as ner_corpus
from extractor.ner.spans import decode
from extractor_lab.ner.score import paired_bootstrap, strict_scores
from extractor.ner.tagger import DEFAULT_MEMBERS, NerTagger


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A gold span without the stray spaces some annotations include."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _gold(corpus: Path, split: str) -> tuple[list, list]:
    """(documents, gold entities as character spans) of one split."""
    if split == "dev":  # the part of train held out for model selection
        documents = every_nth(ner_corpus.read_documents(corpus, "train"))[1]
    else:
        documents = ner_corpus.read_documents(corpus, split)
    gold = []
    for document in documents:
        text = ner_corpus.find_document(corpus, document.doc_id).read_text(encoding="utf-8")
        for span in ner_corpus.outermost(document.spans):
            gold.append((document.doc_id, *_trimmed(text, span.start, span.end), span.label))
    return documents, gold


def _predicted(documents: list, split: str, model_dir: Path, progress: bool, constraints: bool = True,
               tag_one_by_one: bool = False, members: int = DEFAULT_MEMBERS) -> list:
    """The tagger's entities over the run-time tokens of the documents, as character spans.

    By default every sentence of the split is tagged in one call, as the pipeline
    tags a batch; ``tag_one_by_one`` tags document by document (the tags are the
    same, since sentences are tagged independently)."""
    tagger = NerTagger(model_dir, constraints=constraints, members=members)
    batches = [[d] for d in documents] if tag_one_by_one else [documents]
    predicted = []
    for batch in tqdm(batches, desc=f"tagging {split}", unit="batch", disable=not progress):
        sentences = [(d.doc_id, s) for d in batch for s in d.sentences]
        for (doc_id, sentence), tags in zip(sentences, tagger.tag_bioes([s.tokens for _, s in sentences])):
            for a, b, label in decode(sentence.tokens, tags):
                predicted.append((doc_id, sentence.offsets[a][0], sentence.offsets[b - 1][1], label))
    return predicted


def _pipeline_predicted(corpus: Path, documents: list, model_dir: Path, progress: bool,
                        members: int = DEFAULT_MEMBERS) -> list:
    """The entities the whole pipeline outputs (tagger, consistency and country rules), as character spans."""
    from extractor.document import Document
    from extractor.pipeline import Extractor, batched

    extractor = Extractor(ner_model_dir=model_dir, ner_members=members)
    texts = [Document(d.doc_id, ner_corpus.find_document(corpus, d.doc_id).read_text(encoding="utf-8"))
             for d in documents]
    predicted = []
    for batch in tqdm(list(batched(texts, extractor.batch_docs)), desc="pipeline", unit="batch", disable=not progress):
        predicted += [(document.doc_id, entity.start, entity.end, entity.label)
                      for document in extractor.process(batch) for entity in document.entities]
    return predicted


def _report(split: str, documents: list, gold: list, predicted: list) -> dict:
    per_label, micro = strict_scores(gold, predicted, ner_corpus.LABELS)
    _, core = strict_scores(gold, predicted, ner_corpus.CORE_LABELS)
    return {"split": split, "documents": len(documents),
            "per_label": {k: v.as_dict() for k, v in per_label.items()},
            "micro_all": micro.as_dict(), "micro_core": core.as_dict()}


def evaluate(corpus: Path, split: str, model_dir: Path, progress: bool = True, constraints: bool = True,
             pipeline: bool = False, members: int = DEFAULT_MEMBERS) -> dict:
    documents, gold = _gold(corpus, split)
    predicted = _pipeline_predicted(corpus, documents, model_dir, progress, members) if pipeline \
        else _predicted(documents, split, model_dir, progress, constraints, members=members)
    return _report(split, documents, gold, predicted)


def compare(corpus: Path, split: str, model_a: Path, model_b: Path, progress: bool = True,
            constraints: tuple[bool, bool] = (True, True), members: int = DEFAULT_MEMBERS) -> dict:
    """Both models' reports, and a paired bootstrap over documents of A's micro-F1 minus B's.

    Dev has 39 documents: a gain whose interval includes 0 is not a reason to ship.
    """
    documents, gold = _gold(corpus, split)  # read and tokenized once for both models
    predicted_a = _predicted(documents, split, model_a, progress, constraints[0], members=members)
    predicted_b = _predicted(documents, split, model_b, progress, constraints[1], members=members)
    doc_ids = [d.doc_id for d in documents]
    return {"a": {"model": str(model_a), **_report(split, documents, gold, predicted_a)},
            "b": {"model": str(model_b), **_report(split, documents, gold, predicted_b)},
            "a_minus_b": {key: paired_bootstrap(gold, predicted_a, predicted_b, labels, doc_ids)
                          for key, labels in (("micro_all", ner_corpus.LABELS),
                                              ("micro_core", ner_corpus.CORE_LABELS))}}


def format_comparison(comparison: dict) -> str:
    lines = [f"A: {comparison['a']['model']}", format_report(comparison["a"]), "",
             f"B: {comparison['b']['model']}", format_report(comparison["b"]), "",
             "micro-F1 of A minus B, paired bootstrap over documents (95% interval, share of resamples A wins):"]
    for name, key in (("micro-13", "micro_all"), ("micro-4", "micro_core")):
        d = comparison["a_minus_b"][key]
        lines.append(f"{name:<9}{d['difference']:+.4f}  [{d['low']:+.4f}, {d['high']:+.4f}]  A wins {d['a_wins']:.1%}")
    return "\n".join(lines)


def format_report(report: dict) -> str:
    lines = [f"NER-UK 2.0, split {report['split']} ({report['documents']} documents), strict character span + type",
             f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
    rows = list(report["per_label"].items()) + [("micro-13", report["micro_all"]), ("micro-4", report["micro_core"])]
    for label, s in rows:
        lines.append(f"{label:<8}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['gold']:>8}{s['predicted']:>8}")
    return "\n".join(lines)


def to_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)
