"""Train the character language models the NER tagger reads words through.

A forward and a backward character LSTM, trained on the same raw text as the
word vectors (BRUK plus the NER-UK training documents, never a test document),
give every word a representation from its spelling in context; that is what
helps the tagger with words its vectors never saw (names, inflected forms).
Stanza's own trainer does the work; this module only prepares its text and
arguments. At 256 hidden units they train on a 2-core CPU in minutes but did
not raise the tagger's dev score on the 8M characters available here; bigger
ones need a GPU (``extractor train charlm --device cuda``), and a tagger that
reads them trains on the CPU only slowly, so ``extractor train ner`` uses them
only with ``--charlm`` or ``--charlm-dir``.
"""
from __future__ import annotations

import logging
import random
import shutil
from pathlib import Path

from extractor.models import NER_CHARLM_FILES

log = logging.getLogger(__name__)

DEV_TEXTS = 40  # texts held out to watch perplexity; the best epoch is kept


def write_texts(texts: list[str], work_dir: Path, seed: int) -> tuple[Path, Path]:
    """Shuffle the texts once and split them into train.txt and dev.txt for stanza."""
    texts = [t.strip() for t in texts if t.strip()]
    random.Random(seed).shuffle(texts)
    held = min(DEV_TEXTS, max(1, len(texts) // 10))
    work_dir.mkdir(parents=True, exist_ok=True)
    train_txt, dev_txt = work_dir / "train.txt", work_dir / "dev.txt"
    train_txt.write_text("\n".join(texts[held:]), encoding="utf-8")
    dev_txt.write_text("\n".join(texts[:held]), encoding="utf-8")
    return train_txt, dev_txt


def train_direction(train_txt: Path, dev_txt: Path, out_file: Path, direction: str,
                    hidden_dim: int, epochs: int, seed: int, cutoff: int = 5, device: str = "cpu",
                    *, dropout: float) -> Path:
    """Train one direction; stanza saves the epoch with the lowest dev perplexity.

    Stanza writes the model and a vocabulary file next to each other; both stay
    in the work folder and only the model (which holds its vocabulary too) is
    copied to ``out_file``.
    """
    from stanza.models import charlm

    save_dir = train_txt.parent / f"saved_{direction}"  # both directions may train at once
    charlm.main([
        "--train_file", str(train_txt), "--eval_file", str(dev_txt), "--direction", direction,
        "--shorthand", "uk_extractor", "--char_hidden_dim", str(hidden_dim), "--epochs", str(epochs),
        "--char_dropout", str(dropout),
        # evaluate (and keep the best) after every epoch rather than only at the end
        "--eval_steps", "-1", "--cutoff", str(cutoff), "--seed", str(seed), "--report_steps", "50",
        "--save_dir", str(save_dir), "--save_name", out_file.name,
        "--vocab_save_name", "uk_charlm_vocab.pt", "--no_checkpoint",
    ] + (["--cpu"] if device == "cpu" else []))
    out_file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(save_dir / out_file.name, out_file)
    log.info("charlm %s: %s", direction, out_file)
    return out_file


def train_both(texts: list[str], work_dir: Path, out_dir: Path, hidden_dim: int, epochs: int,
               seed: int, device: str = "cpu", directions: tuple[str, ...] = ("forward", "backward"),
               *, dropout: float) -> list[Path]:
    """Train the given directions one after the other; returns their model files.

    ``directions`` lets the two directions train as two processes at once on a
    GPU, which small LSTMs leave mostly idle."""
    train_txt, dev_txt = write_texts(texts, work_dir, seed)
    cutoff = 5 if sum(len(t) for t in texts) > 1_000_000 else 1  # tiny smoke corpora keep every character
    return [train_direction(train_txt, dev_txt, out_dir / NER_CHARLM_FILES[d], d, hidden_dim, epochs, seed, cutoff, device,
                            dropout=dropout)
            for d in directions]
