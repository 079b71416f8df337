"""Benchmark (not a test): ``python -m extractor_lab.bench``.

Prints, on a fixed corpus of BRUK texts from ``../shared/data/bruk/text``:
cold start (seconds to load all models), end-to-end tokens/s, NER-only
tokens/s, lemmatization tokens/s next to pymorphy3's raw parse speed, and
peak resident memory.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from extractor_lab.paths import SHARED


def corpus(folder: Path, max_chars: int) -> list[str]:
    texts, total = [], 0
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        texts.append(text)
        total += len(text)
        if total >= max_chars:
            break
    return texts


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor_lab.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=SHARED / "bruk" / "text" / "good", help="folder of .txt files (default: %(default)s)")
    parser.add_argument("--chars", type=int, default=300_000, help="corpus size in characters (default: %(default)s)")
    args = parser.parse_args(argv)

    texts = corpus(args.texts, args.chars)
    started = time.perf_counter()
    from extractor import Extractor
    extractor = Extractor()
    cold = time.perf_counter() - started

    started = time.perf_counter()
    documents = list(extractor.iter_documents(texts))
    end_to_end = time.perf_counter() - started
    tokens = sum(len(d.tokens) for d in documents)

    sentences = [[t.norm for t in s.tokens] for d in documents for s in d.sentences]
    started = time.perf_counter()
    extractor.ner.tag(sentences)
    ner = time.perf_counter() - started

    from extractor.morphology.analyzer import analyzer, parses
    words = [w for sentence in sentences for w in sentence]
    raw = analyzer()
    started = time.perf_counter()
    for word in words:
        raw.parse(word)
    raw_time = time.perf_counter() - started
    parses.cache_clear()
    model = extractor.morphology.model
    model._unseen_cache.clear()
    started = time.perf_counter()
    previous = None
    for word in words:
        model.lemma(word, previous)
        previous = word
    lemma_time = time.perf_counter() - started

    print(f"corpus: {len(texts)} BRUK texts, {sum(map(len, texts)):,} chars, {tokens:,} tokens")
    print(f"cold start (load all models): {cold:.2f} s")
    print(f"end-to-end: {tokens / end_to_end:,.0f} tokens/s")
    print(f"NER only: {len(words) / ner:,.0f} tokens/s")
    print(f"lemmas (ours): {len(words) / lemma_time:,.0f} tokens/s; pymorphy3 raw parse: {len(words) / raw_time:,.0f} tokens/s "
          f"(ratio {raw_time / lemma_time:.2f})")
    print(f"peak RSS: {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
