"""Train the stanza NER tagger on NER-UK 2.0 (``extractor train ner``).

Steps: read the brat training split in document order, hold out every tenth
document as dev (the test split is never looked at), build word vectors (and,
with ``--charlm``, forward/backward character language models) from raw text,
then run stanza's own NER trainer with a fixed seed. The best model on dev is
kept. Everything the tagger needs at run time lands in ``out``: ``uk_ner.pt``
(the tagger), ``uk_vectors.pt`` (its word vectors) and, with ``--charlm``,
``uk_charlm_{forward,backward}.pt``.
"""
from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from extractor.ner import corpus as ner_corpus

log = logging.getLogger(__name__)

MODEL_FILE = "uk_ner.pt"
VECTORS_FILE = "uk_vectors.pt"


@dataclass
class TrainConfig:
    corpus: Path
    out: Path
    bruk_texts: Path
    work_dir: Path
    max_steps: int = 12000
    eval_interval: int = 500
    early_stop_steps: int = 5000  # stop when dev F1 has not improved for this many steps
    seed: int = 1234
    vectors: str = "fasttext"  # fasttext | word2vec | none
    vector_dim: int = 100
    vectors_file: Path | None = None  # reuse this stanza pretrain file instead of building vectors
    # "unlabelled": the vectors keep only words of the BRUK texts, so training
    # sentences have unknown words about as often as new text does; "all": every word
    vocab_from: str = "all"
    vector_vocab: int = 60000  # the most frequent words kept
    vector_min_count: int = 2
    vectors_without_dev: bool = False  # leave the dev documents out of the vectors' text, as test is
    known_forms_in_training: bool = False  # train with the known-form lookup the tagger uses at run time
    charlm: bool = False  # measured: no dev gain at 256 hidden units on 8M characters (MODEL_CARD.md)
    charlm_hidden_dim: int = 256
    charlm_epochs: int = 6
    charlm_dropout: float = 0.05  # stanza's default; longer runs on little text may want more
    charlm_dir: Path | None = None  # reuse uk_charlm_{forward,backward}.pt from here instead of training them
    hidden_dim: int = 256
    char_hidden_dim: int = 100  # the tagger's own character LSTM (stanza's default)
    # share of words replaced by the unknown word during training (stanza's default);
    # more makes a tagger lean on characters, as it must for words the vectors lack
    word_dropout: float = 0.01
    batch_size: int = 32
    threads: int = 2
    device: str = "cpu"  # "cuda" trains on a GPU; the shipped recipe is the CPU one
    limit_docs: int | None = None  # smoke tests train on a handful of documents


def prepare_data(config: TrainConfig) -> tuple[Path, Path]:
    documents = ner_corpus.read_documents(config.corpus, "train")
    if config.limit_docs:
        documents = documents[:config.limit_docs]
    train_docs, dev_docs = ner_corpus.hold_out(documents, every=10 if len(documents) >= 10 else 2)
    config.work_dir.mkdir(parents=True, exist_ok=True)
    train_json, dev_json = config.work_dir / "train.json", config.work_dir / "dev.json"
    n_train = ner_corpus.write_stanza_json(train_docs, train_json)
    n_dev = ner_corpus.write_stanza_json(dev_docs, dev_json)
    log.info("train: %d documents, %d sentences; dev: %d documents, %d sentences",
             len(train_docs), n_train, len(dev_docs), n_dev)
    return train_json, dev_json


def raw_texts(config: TrainConfig) -> tuple[list[str], list[str]]:
    """(NER-UK training documents, BRUK texts), a few of each for smoke tests."""
    from extractor.ner import vectors

    labelled, unlabelled = vectors.raw_texts(config.corpus, config.bruk_texts, config.vectors_without_dev)
    if config.limit_docs:
        return labelled[:config.limit_docs], unlabelled[:config.limit_docs]
    return labelled, unlabelled


def build_vectors(config: TrainConfig, labelled: list[str], unlabelled: list[str]) -> Path | None:
    if config.vectors == "none":
        return None
    if config.vectors_file:
        # gensim's multi-threaded training is not reproducible, so taggers that must
        # share one vector file (an ensemble) are trained on a copy of it
        config.out.mkdir(parents=True, exist_ok=True)
        pretrain = config.out / VECTORS_FILE
        if Path(config.vectors_file).resolve() != pretrain.resolve():
            shutil.copyfile(config.vectors_file, pretrain)
        return pretrain
    from extractor.ner import vectors

    unlabelled_sentences = vectors.sentences_for_vectors(unlabelled)
    keep = {w for sentence in unlabelled_sentences for w in sentence} if config.vocab_from == "unlabelled" else None
    vec_txt = config.work_dir / "vectors.txt"
    size = vectors.train_vectors(vectors.sentences_for_vectors(labelled) + unlabelled_sentences, vec_txt,
                                 dim=config.vector_dim, seed=config.seed, method=config.vectors, keep=keep,
                                 min_count=1 if config.limit_docs else config.vector_min_count,
                                 max_vocab=config.vector_vocab)
    log.info("vectors: %s, %d words, dim %d", config.vectors, size, config.vector_dim)
    config.out.mkdir(parents=True, exist_ok=True)
    pretrain = config.out / VECTORS_FILE
    vectors.to_stanza_pretrain(vec_txt, pretrain, config.vector_vocab)
    return pretrain


def with_known_forms(pretrain: Path, data_files: list[Path], out: Path) -> Path:
    """A copy of the vector file whose vocabulary also points the training data's
    unknown words at known forms of their lexemes, so the tagger trains with the
    lookup it tags with (``extractor/ner/known_forms.py``). The vectors are the same."""
    import json

    from stanza.models.common.pretrain import Pretrain

    from extractor.ner.known_forms import alias_unknown
    from extractor.ner.vectors import save_pretrain

    loaded = Pretrain(str(pretrain))
    words = [token["text"] for path in data_files
             for sentence in json.loads(path.read_text(encoding="utf-8")) for token in sentence]
    aliased = alias_unknown(loaded.vocab, words)
    save_pretrain(loaded.vocab, loaded.emb, out)
    log.info("known forms: %d unknown training words point at a known form", aliased)
    return out


def build_charlms(config: TrainConfig, texts: list[str]) -> tuple[Path, Path] | None:
    if not config.charlm:
        return None
    from extractor.ner import charlm

    if config.charlm_dir:
        config.out.mkdir(parents=True, exist_ok=True)
        for name in (charlm.FORWARD_FILE, charlm.BACKWARD_FILE):
            shutil.copyfile(Path(config.charlm_dir) / name, config.out / name)
        return config.out / charlm.FORWARD_FILE, config.out / charlm.BACKWARD_FILE
    forward, backward = train_charlms(config, texts)
    return forward, backward


def train_charlms(config: TrainConfig, texts: list[str] | None = None,
                  directions: tuple[str, ...] = ("forward", "backward")) -> list[Path]:
    """The character language models alone (``extractor train charlm``), into ``config.out``."""
    from extractor.ner import charlm

    import torch

    torch.set_num_threads(config.threads)
    if texts is None:
        labelled, unlabelled = raw_texts(config)
        texts = labelled + unlabelled
    started = time.time()
    models = charlm.train_both(texts, config.work_dir / "charlm", config.out, config.charlm_hidden_dim,
                               config.charlm_epochs, config.seed, config.device, directions,
                               dropout=config.charlm_dropout)
    log.info("character language models trained in %.1f min", (time.time() - started) / 60)
    return models


def train(config: TrainConfig) -> Path:
    import torch
    from stanza.models import ner_tagger

    started = time.time()
    torch.set_num_threads(config.threads)
    train_json, dev_json = prepare_data(config)
    # reading the raw texts (and shingling them against the test split) is only
    # worth it when vectors or character language models are built from them
    needs_texts = (config.vectors != "none" and not config.vectors_file) or (config.charlm and not config.charlm_dir)
    labelled, unlabelled = raw_texts(config) if needs_texts else ([], [])
    pretrain = build_vectors(config, labelled, unlabelled)
    charlms = build_charlms(config, labelled + unlabelled)
    save_dir = config.work_dir / "stanza"
    args = [
        "--mode", "train", "--shorthand", "uk_nerukr",
        "--train_file", str(train_json), "--eval_file", str(dev_json),
        "--save_dir", str(save_dir), "--save_name", MODEL_FILE,
        "--max_steps", str(config.max_steps), "--eval_interval", str(config.eval_interval),
        "--max_steps_no_improve", str(config.early_stop_steps),
        "--seed", str(config.seed), "--batch_size", str(config.batch_size),
        "--hidden_dim", str(config.hidden_dim), "--char_hidden_dim", str(config.char_hidden_dim),
        "--word_dropout", str(config.word_dropout),
        "--log_step", "100",
    ] + (["--cpu"] if config.device == "cpu" else [])
    if pretrain and config.known_forms_in_training:
        # the model keeps this vocabulary (aliases included); uk_vectors.pt stays as built
        pretrain = with_known_forms(pretrain, [train_json, dev_json], config.work_dir / "vectors_known_forms.pt")
    args += ["--wordvec_pretrain_file", str(pretrain)] if pretrain else ["--no_pretrain"]
    if charlms:
        args += ["--charlm", "--charlm_shorthand", "uk_extractor",
                 "--charlm_forward_file", str(charlms[0]), "--charlm_backward_file", str(charlms[1])]
        if pretrain:
            # Fine-tuning only words the vectors know keeps the model under the 50 MB
            # budget with the charlms added (the per-word deltas were 16 MB of it).
            args += ["--emb_finetune_known_only"]
    if charlms:
        from extractor.ner.charlm_cache import cached_charlm_features

        with cached_charlm_features():
            ner_tagger.main(args)
    else:
        ner_tagger.main(args)
    config.out.mkdir(parents=True, exist_ok=True)
    model = config.out / MODEL_FILE
    shutil.copyfile(save_dir / MODEL_FILE, model)
    log.info("trained in %.1f min; model at %s", (time.time() - started) / 60, model)
    return model
