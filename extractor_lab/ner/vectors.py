"""Build the word vectors the NER tagger starts from, from raw Ukrainian text.

Sources are the raw BRUK texts and the training documents of NER-UK 2.0.
Test documents and BRUK files that share text with them are always left out,
so the test split stays unseen even as unlabelled text. With
``without_dev`` the held-out dev documents are left out the same way: the
vectors then know dev words as rarely as they know a user's words (with dev
text in the vectors, dev entity words were out of vocabulary half as often as
test ones: 14% against 28%). Words are lowercased because stanza looks
pretrained vectors up in lower case.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from extractor_lab.heldout import every_nth
from extractor_lab.ner.corpus import find_document, read_split
from extractor.tokenize import split_sentences

log = logging.getLogger(__name__)
_LETTERS = re.compile(r"[^\W\d_]+")


def _shingles(text: str, n: int = 8) -> set[int]:
    words = _LETTERS.findall(text.lower())
    return {hash(tuple(words[i:i + n])) for i in range(len(words) - n + 1)}


def raw_texts(ner_corpus: Path, bruk_texts: Path, without_dev: bool = False, pattern: str = "*.txt",
              exclude: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Raw texts for vector training, without any NER-UK test document (nor dev
    document, ``without_dev``): (NER-UK training documents, BRUK texts). ``pattern``
    picks BRUK files by name ("A_*.txt": the press texts); ``exclude`` names files to leave out."""
    split = read_split(ner_corpus)
    trained_on, held_out = every_nth(split["train"]) if without_dev else (split["train"], [])
    unseen_shingles: set[int] = set()
    for doc_id in held_out + split["test"]:
        unseen_shingles |= _shingles(find_document(ner_corpus, doc_id).read_text(encoding="utf-8"))
    labelled = [find_document(ner_corpus, d).read_text(encoding="utf-8") for d in trained_on]
    unlabelled, skipped = [], 0
    for path in sorted(Path(bruk_texts).rglob(pattern)):
        if path.stem in exclude:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        shingles = _shingles(text)
        if shingles and len(shingles & unseen_shingles) > 0.05 * len(shingles):
            skipped += 1
            continue
        unlabelled.append(text)
    log.info("vector corpus: %d NER-UK training documents, %d BRUK texts, %d BRUK files skipped as "
             "NER-UK %s documents", len(labelled), len(unlabelled), skipped, "dev or test" if without_dev else "test")
    return labelled, unlabelled


def sentences_for_vectors(texts: list[str]) -> list[list[str]]:
    return [[t.text.lower() for t in sentence] for text in texts for sentence in split_sentences(text)]


def train_vectors(sentences: list[list[str]], out_txt: Path, dim: int, min_count: int, max_vocab: int,
                  seed: int, epochs: int = 10) -> int:
    """Train fastText vectors with gensim and write the ``max_vocab`` most frequent
    words in word2vec text format; returns vocab size.

    fastText (subword n-grams) gives useful vectors to words seen only a few
    times, which on a corpus of about a million words is most of them.
    """
    from gensim.models import FastText

    model = FastText(sentences=sentences, vector_size=dim, window=5, min_count=min_count, sg=1,
                workers=2, seed=seed, epochs=epochs)
    words = model.wv.index_to_key[:max_vocab]
    with open(out_txt, "w", encoding="utf-8") as out:
        out.write(f"{len(words)} {dim}\n")
        for word in words:
            out.write(word + " " + " ".join(f"{x:.5f}" for x in model.wv[word]) + "\n")
    return len(words)


def to_stanza_pretrain(vec_txt: Path, out_pt: Path, max_vocab: int) -> None:
    """Convert word2vec text vectors into stanza's ``.pt`` pretrain file, in half precision.

    Half precision halves the file (100,000 words: 40 MB -> 20 MB); stanza
    copies the vectors into its float32 embedding, and the shipped tagger gave
    the same tags on every dev document with its vectors halved.
    """
    from stanza.models.common.pretrain import Pretrain

    # no filename: given one, stanza would read an existing .pt there (a model
    # folder being rebuilt) instead of the new text file
    pretrain = Pretrain(vec_filename=str(vec_txt), max_vocab=max_vocab, save_to_file=False)
    save_pretrain(pretrain.vocab, pretrain.emb.half(), out_pt)


def save_pretrain(vocab, emb, out_pt: Path) -> None:
    """Write stanza's pretrain format ourselves: ``Pretrain.save`` logs a failed write and carries on."""
    import torch

    torch.save({"vocab": vocab.state_dict(), "emb": emb}, out_pt)
