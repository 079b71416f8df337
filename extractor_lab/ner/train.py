"""Train a stanza NER tagger on NER-UK 2.0 (``extractor-lab train ner``).

Steps: read the brat training split in document order, hold out every tenth
document as dev (the test split is never looked at), add the silver sentences
of a distillation run (``extractor-lab label ner``) to the training part,
build word vectors from raw text (or reuse a vector file), then run stanza's
own NER trainer with a fixed seed. The best model on dev is kept. Everything
the tagger needs at run time lands in ``out``: ``uk_ner.pt`` (the tagger),
``uk_vectors.pt`` (its word vectors) and, when it reads character language
models (``charlm_dir``), ``uk_charlm_{forward,backward}.pt``.

The recipe is a ``TrainConfig``: its defaults are here and nowhere else; a
recipe file (``extractor_lab/recipes/*.toml``) and command-line ``--set``
overrides change them.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import shutil
import time
import tomllib
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from extractor.models import NER_CHARLM_FILES, NER_TAGGER_FILE, NER_VECTORS_FILE
from extractor_lab.heldout import every_nth
from extractor_lab.ner import corpus as ner_corpus
from extractor_lab.paths import SHARED

log = logging.getLogger(__name__)


@dataclass
class TrainConfig:
    out: Path = Path("build/ner")
    work_dir: Path = Path("build/ner-work")
    corpus: Path = SHARED / "ner-uk-2.0"
    bruk_texts: Path = SHARED / "bruk" / "text"
    max_steps: int = 12000
    eval_interval: int = 500
    early_stop_steps: int = 5000  # stop when dev F1 has not improved for this many steps
    seed: int = 1234
    vector_dim: int = 100
    vector_vocab: int = 60000  # the most frequent words kept
    vector_min_count: int = 2
    vectors_file: Path | None = None  # reuse this stanza pretrain file instead of building vectors
    charlm_dir: Path | None = None  # read the uk_charlm_{forward,backward}.pt of this folder
    silver: list[Path] = field(default_factory=list)  # teacher-labelled sentences (JSON lines) added to train
    gold_copies: int = 1  # times each gold training sentence is repeated (weight against the silver data)
    # go on training this uk_ner.pt (on gold alone, after silver); stanza then keeps the
    # checkpoint's own settings (learning rate, sizes) and reads only the data and steps from here
    finetune_from: Path | None = None
    finetune_lr: str = ""  # with finetune_from: this learning rate instead of the checkpoint's (stanza keeps its 0.1)
    hidden_dim: int = 256
    batch_size: int = 32
    threads: int = 2
    device: str = "cpu"  # "cuda" trains on a GPU
    limit_docs: int | None = None  # smoke tests train on a handful of documents


@contextmanager
def _learning_rate(lr: str):
    """Build stanza's optimizer with ``lr``: a checkpoint loaded for fine-tuning brings its own settings,
    and stanza reads the learning rate from them, not from the command line."""
    if not lr:
        yield
        return
    from stanza.models.common import utils

    build = utils.get_optimizer
    utils.get_optimizer = lambda name, model, _, *args, **kwargs: build(name, model, float(lr), *args, **kwargs)
    try:
        yield
    finally:
        utils.get_optimizer = build


def load_config(recipe: Path | None, overrides: dict[str, str]) -> TrainConfig:
    """The defaults, then the recipe file's values, then the overrides, each typed as the field is."""
    values: dict = tomllib.loads(Path(recipe).read_text(encoding="utf-8")) if recipe else {}
    values.update(overrides)
    fields = {f.name: f for f in dataclasses.fields(TrainConfig)}
    unknown = sorted(set(values) - set(fields))
    if unknown:
        raise ValueError(f"unknown recipe setting(s) {', '.join(unknown)}; known: {', '.join(fields)}")
    return TrainConfig(**{name: _typed(fields[name], value) for name, value in values.items()})


def _typed(spec: dataclasses.Field, value):
    """A recipe value as the field's type; an empty value is None (or an empty list)."""
    kind = str(spec.type)
    if kind.startswith("list"):
        items = value if isinstance(value, list) else [v for v in str(value).split(",") if v]
        return [Path(item) for item in items]
    if value is None or value == "":
        return None
    if "Path" in kind:
        return Path(value)
    if kind.startswith("int"):
        return int(value)
    return value


def _read_sentences(path: Path) -> list:
    """Sentences of a stanza NER file: a JSON list, or JSON lines (``.jsonl``, one sentence a line)."""
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return json.loads(text)


def prepare_data(config: TrainConfig) -> tuple[Path, Path]:
    documents = ner_corpus.read_documents(config.corpus, "train")
    if config.limit_docs:
        documents = documents[:config.limit_docs]
    train_docs, dev_docs = every_nth(documents, 10 if len(documents) >= 10 else 2)
    config.work_dir.mkdir(parents=True, exist_ok=True)
    train_json, dev_json = config.work_dir / "train.json", config.work_dir / "dev.json"
    gold = ner_corpus.stanza_sentences(train_docs)
    silver = [s for path in config.silver for s in _read_sentences(path)]
    train_json.write_text(json.dumps(gold * config.gold_copies + silver, ensure_ascii=False), encoding="utf-8")
    dev_sentences = ner_corpus.stanza_sentences(dev_docs)
    dev_json.write_text(json.dumps(dev_sentences, ensure_ascii=False), encoding="utf-8")
    log.info("train: %d documents, %d gold sentences (x%d), %d silver sentences; dev: %d documents, %d sentences",
             len(train_docs), len(gold), config.gold_copies, len(silver), len(dev_docs), len(dev_sentences))
    return train_json, dev_json


def build_vectors(config: TrainConfig) -> Path:
    """``uk_vectors.pt`` in ``config.out``: a copy of ``vectors_file``, or fastText vectors built from raw text."""
    config.out.mkdir(parents=True, exist_ok=True)
    pretrain = config.out / NER_VECTORS_FILE
    if config.vectors_file:
        # gensim's multi-threaded training is not reproducible, so taggers that must
        # share one vector file (an ensemble) are trained on a copy of it
        if Path(config.vectors_file).resolve() != pretrain.resolve():
            shutil.copyfile(config.vectors_file, pretrain)
        return pretrain
    from extractor_lab.ner import vectors

    labelled, unlabelled = vectors.raw_texts(config.corpus, config.bruk_texts)
    if config.limit_docs:
        labelled, unlabelled = labelled[:config.limit_docs], unlabelled[:config.limit_docs]
    vec_txt = config.work_dir / "vectors.txt"
    size = vectors.train_vectors(vectors.sentences_for_vectors(labelled + unlabelled), vec_txt,
                                 dim=config.vector_dim, seed=config.seed,
                                 min_count=1 if config.limit_docs else config.vector_min_count,
                                 max_vocab=config.vector_vocab)
    log.info("vectors: fastText, %d words, dim %d", size, config.vector_dim)
    vectors.to_stanza_pretrain(vec_txt, pretrain, config.vector_vocab)
    return pretrain


def copy_charlms(config: TrainConfig) -> list[Path]:
    if not config.charlm_dir:
        return []
    config.out.mkdir(parents=True, exist_ok=True)
    for name in NER_CHARLM_FILES.values():
        shutil.copyfile(Path(config.charlm_dir) / name, config.out / name)
    return [config.out / NER_CHARLM_FILES["forward"], config.out / NER_CHARLM_FILES["backward"]]


def train(config: TrainConfig) -> Path:
    import torch
    from stanza.models import ner_tagger

    started = time.time()
    torch.set_num_threads(config.threads)
    train_json, dev_json = prepare_data(config)
    pretrain = build_vectors(config)
    charlms = copy_charlms(config)
    save_dir = config.work_dir / "stanza"
    args = [
        "--mode", "train", "--shorthand", "uk_nerukr",
        "--train_file", str(train_json), "--eval_file", str(dev_json),
        "--save_dir", str(save_dir), "--save_name", NER_TAGGER_FILE,
        "--max_steps", str(config.max_steps), "--eval_interval", str(config.eval_interval),
        "--max_steps_no_improve", str(config.early_stop_steps),
        "--seed", str(config.seed), "--batch_size", str(config.batch_size),
        "--hidden_dim", str(config.hidden_dim), "--wordvec_pretrain_file", str(pretrain),
        "--log_step", "100",
    ] + (["--cpu"] if config.device == "cpu" else [])
    if config.finetune_from:
        args += ["--finetune", "--finetune_load_name", str(config.finetune_from)]

    features = nullcontext()
    if charlms:
        # Fine-tuning only words the vectors know keeps the model under the 50 MB
        # budget with the charlms added (the per-word deltas were 16 MB of it).
        args += ["--charlm", "--charlm_shorthand", "uk_extractor", "--charlm_forward_file", str(charlms[0]),
                 "--charlm_backward_file", str(charlms[1]), "--emb_finetune_known_only"]
        from extractor_lab.ner.charlm_cache import cached_charlm_features

        features = cached_charlm_features()
    with features, _learning_rate(config.finetune_lr if config.finetune_from else ""):
        ner_tagger.main(args)
    model = config.out / NER_TAGGER_FILE
    shutil.copyfile(save_dir / NER_TAGGER_FILE, model)
    log.info("trained in %.1f min; model at %s", (time.time() - started) / 60, model)
    return model
