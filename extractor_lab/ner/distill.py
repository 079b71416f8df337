"""Label raw text with the shipped NER model, for distillation (``extractor-lab label ner``).

The silver sentences are the teacher's best paths over BRUK texts. BRUK files
that share text with NER-UK dev or test documents are left out, so a tagger
trained on the silver data has seen neither split, not even as the teacher's
guesses, and can still be picked on dev.
"""
from __future__ import annotations

import json
import logging
import time
from pathlib import Path

log = logging.getLogger(__name__)


def label_texts(texts: list[str], out: Path, model_dir: Path | None = None, chunk: int = 2000) -> int:
    """Tag every sentence of ``texts`` with the model in ``model_dir`` and write stanza NER JSON lines
    (one sentence per line, so a long run can be read while it grows); returns the sentence count."""
    from extractor.models import NER_MODEL_DIR
    from extractor.ner.tagger import NerTagger
    from extractor.tokenize import split_sentences

    tagger = NerTagger(model_dir or NER_MODEL_DIR, members=2)  # the teacher: the pair
    sentences = [[t.text for t in s] for text in texts for s in split_sentences(text)]
    sentences = [s for s in sentences if 0 < len(s) <= 200]
    started, done = time.time(), 0
    with open(out, "w", encoding="utf-8") as sink:
        for first in range(0, len(sentences), chunk):
            part = sentences[first:first + chunk]
            for tokens, tags in zip(part, tagger.tag_bioes(part)):
                sink.write(json.dumps([{"text": w, "ner": t} for w, t in zip(tokens, tags)], ensure_ascii=False))
                sink.write("\n")
            done += sum(len(s) for s in part)
            log.info("labelled %d of %d sentences, %.0f tokens/s", first + len(part), len(sentences),
                     done / (time.time() - started))
    return len(sentences)


if __name__ == "__main__":
    import sys

    from extractor_lab.ner.vectors import raw_texts

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    corpus, bruk, out = (Path(a) for a in sys.argv[1:4])
    _, unlabelled = raw_texts(corpus, bruk, without_dev=True)
    label_texts(unlabelled, out)
