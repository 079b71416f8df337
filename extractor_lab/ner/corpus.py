"""Read the NER-UK 2.0 corpus (brat standoff) into sentences with BIOES tags.

The corpus ships one tokenized ``.txt`` per document (a sentence per line,
tokens separated by single spaces) and a ``.ann`` file of entity spans given
as character offsets into that ``.txt``. Spans may nest; a flat tagger can
only learn one layer, so we keep the outermost span wherever two overlap
(the same choice the corpus authors made for their IOB export).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from extractor.ner.spans import LABELS  # noqa: F401 (the corpus' 13 types, defined once in the product)

CORE_LABELS = ("PERS", "ORG", "LOC", "MISC")


@dataclass
class Span:
    label: str
    start: int
    end: int


@dataclass
class Sentence:
    tokens: list[str]
    offsets: list[tuple[int, int]]
    tags: list[str] = field(default_factory=list)


@dataclass
class Document:
    doc_id: str
    sentences: list[Sentence]
    spans: list[Span]


def read_split(corpus_dir: Path) -> dict[str, list[str]]:
    """Document ids of the standard split: ``train`` (the corpus' DEV part) and ``test``."""
    split_file = Path(corpus_dir) / "data" / "dev-test-split.txt"
    if not split_file.exists():
        raise FileNotFoundError(f"{split_file}: split file not found; is --corpus the ner-uk-2.0 folder?")
    parts: dict[str, list[str]] = {"train": [], "test": []}
    current = None
    for line in split_file.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line == "DEV":
            current = "train"
        elif line == "TEST":
            current = "test"
        elif line and current:
            parts[current].append(line)
    return parts


def find_document(corpus_dir: Path, doc_id: str) -> Path:
    for sub in ("bruk", "ng"):
        path = Path(corpus_dir) / "data" / sub / f"{doc_id}.txt"
        if path.exists():
            return path
    raise FileNotFoundError(f"document {doc_id} not found under {corpus_dir}/data/{{bruk,ng}}")


def read_spans(ann_path: Path) -> list[Span]:
    """Entity spans of a ``.ann`` file.

    Standard brat separates label and offsets with spaces ("T1<TAB>LOC 5 12<TAB>text");
    NER-UK 2.0 uses tabs throughout ("T1<TAB>LOC<TAB>5<TAB>12<TAB>text"). Both are read.
    Discontinuous spans ("5 8;10 12") are taken at their full extent.
    """
    spans = []
    for number, line in enumerate(ann_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("T"):
            continue
        fields = line.split("\t")
        if " " in fields[1]:
            label, offsets = fields[1].split(" ", 1)
        else:
            label, offsets = fields[1], " ".join(fields[2:4])
        numbers = [int(x) for x in re.split(r"[ ;]", offsets) if x]
        if len(numbers) < 2:
            raise ValueError(f"{ann_path}:{number}: cannot read offsets in {line!r}")
        spans.append(Span(label, min(numbers), max(numbers)))
    return spans


def outermost(spans: list[Span]) -> list[Span]:
    """Drop spans that overlap a longer (or earlier, equally long) span."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def tokenize_lines(text: str) -> list[Sentence]:
    """One sentence per line, cut by the run-time tokenizer.

    The corpus' own tokens are not used as they are: its Nashi Groshi half
    glues punctuation to words ("«Віснику", "року."), which the run-time
    tokenizer never produces. Re-cutting each line keeps the brat offsets
    valid, so training sees exactly the tokens the tagger gets at run time.
    """
    from extractor.tokenize import tokenize

    sentences = []
    position = 0
    for line in text.split("\n"):
        tokens = tokenize(line, position)
        if tokens:
            sentences.append(Sentence([t.text for t in tokens], [(t.start, t.end) for t in tokens]))
        position += len(line) + 1
    return sentences


def bioes_tags(sentence: Sentence, spans: list[Span]) -> list[str]:
    tags = ["O"] * len(sentence.tokens)
    for span in spans:
        inside = [i for i, (s, e) in enumerate(sentence.offsets) if s >= span.start and e <= span.end]
        if not inside:
            continue
        if len(inside) == 1:
            tags[inside[0]] = f"S-{span.label}"
            continue
        tags[inside[0]] = f"B-{span.label}"
        for i in inside[1:-1]:
            tags[i] = f"I-{span.label}"
        tags[inside[-1]] = f"E-{span.label}"
    return tags


def read_document(corpus_dir: Path, doc_id: str) -> Document:
    txt_path = find_document(corpus_dir, doc_id)
    text = txt_path.read_text(encoding="utf-8")
    spans = read_spans(txt_path.with_suffix(".ann"))
    sentences = tokenize_lines(text)
    flat = outermost(spans)
    for sentence in sentences:
        start, end = sentence.offsets[0][0], sentence.offsets[-1][1]
        sentence.tags = bioes_tags(sentence, [s for s in flat if s.start < end and s.end > start])
    return Document(doc_id, sentences, spans)


def read_documents(corpus_dir: Path, split: str) -> list[Document]:
    """Documents of one split (``train`` or ``test``), in the order of the split file."""
    return [read_document(corpus_dir, doc_id) for doc_id in read_split(corpus_dir)[split]]


def stanza_sentences(documents: list[Document]) -> list[list[dict]]:
    """Sentences in stanza's NER training format."""
    return [[{"text": token, "ner": tag} for token, tag in zip(s.tokens, s.tags)]
            for d in documents for s in d.sentences]
