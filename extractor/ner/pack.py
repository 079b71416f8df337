"""Pack trained taggers into a shippable model folder (``extractor train ner-pack``).

Each member is the output folder of ``extractor train ner``; one member is a
plain model, several make an ensemble. Members must be trained on the same
vectors (``--vectors-file``), since the folder ships one vector file for all
of them. Tagger weights are stored in half precision: that halves the file
(the fine-tuned word-vector deltas are most of it) and stanza widens them back
to 32 bits on loading; on the dev set the tags came out identical
(MODEL_CARD.md).
"""
from __future__ import annotations

import filecmp
import logging
import shutil
from pathlib import Path

from extractor.ner.tagger import member_name
from extractor.ner.train import MODEL_FILE, VECTORS_FILE

log = logging.getLogger(__name__)


def _half_precision(source: Path, target: Path) -> None:
    import torch

    checkpoint = torch.load(source, map_location="cpu", weights_only=False)
    checkpoint["model"] = {name: (tensor.half() if tensor.is_floating_point() else tensor)
                           for name, tensor in checkpoint["model"].items()}
    torch.save(checkpoint, target)


def pack(members: list[Path], out: Path) -> list[Path]:
    """Write ``uk_vectors.pt`` and ``uk_ner.pt``, ``uk_ner_2.pt``, ... into ``out``; returns the tagger files."""
    members = [Path(m) for m in members]
    for member in members:
        for name in (MODEL_FILE, VECTORS_FILE):
            if not (member / name).exists():
                raise FileNotFoundError(f"{member / name}: not found; each member is a folder written by `extractor train ner`")
    vectors = members[0] / VECTORS_FILE
    for member in members[1:]:
        if not filecmp.cmp(vectors, member / VECTORS_FILE, shallow=False):
            raise ValueError(f"{member / VECTORS_FILE} differs from {vectors}: members must share one vector file "
                             f"(train them with --vectors-file {vectors})")
    if any(out.resolve() == m.resolve() for m in members):
        raise ValueError(f"{out}: the output folder must not be one of the members")
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(MODEL_FILE.replace(".pt", "*.pt")):
        stale.unlink()  # a smaller ensemble must not pick up members of a bigger one
    shutil.copyfile(vectors, out / VECTORS_FILE)
    written = []
    for number, member in enumerate(members, 1):
        target = out / member_name(number)
        _half_precision(member / MODEL_FILE, target)
        written.append(target)
        log.info("member %d: %s -> %s (%.1f MB)", number, member, target, target.stat().st_size / 1e6)
    return written
