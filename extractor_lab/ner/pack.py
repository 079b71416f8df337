"""Pack trained taggers into a shippable model folder (``extractor-lab train ner-pack``).

Each member is the output folder of ``extractor-lab train ner``; one member is a
plain model, several make an ensemble. Members must be trained on the same
vectors (``--vectors-file``), since the folder ships one vector file for all
of them, and likewise one pair of character language models for the members
trained with them (``--charlm-dir``); members trained without them may join
(stanza ignores character-LM paths for a tagger that does not use them), and
such a mixed ensemble is what ships (MODEL_CARD.md). Every weight (taggers,
vectors, character LMs) is stored in half precision: that halves the files and
stanza widens them back to 32 bits on loading; on the dev set the tags came
out identical.
"""
from __future__ import annotations

import filecmp
import logging
from pathlib import Path

from extractor.models import NER_CHARLM_FILES, NER_TAGGER_FILE as MODEL_FILE, NER_VECTORS_FILE as VECTORS_FILE
from extractor.ner.tagger import member_name

log = logging.getLogger(__name__)


def _halved(value):
    """The same checkpoint structure with every floating-point tensor in half precision."""
    import torch

    if isinstance(value, torch.Tensor):
        return value.half() if value.is_floating_point() else value
    if isinstance(value, dict):
        return {key: _halved(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_halved(item) for item in value)
    return value


def _half_precision(source: Path, target: Path) -> None:
    import torch

    torch.save(_halved(torch.load(source, map_location="cpu", weights_only=False)), target)


def _same_files(members: list[Path], name: str, what: str, hint: str) -> Path | None:
    """The first copy of ``name`` among the members, after checking that every member that has one has the same."""
    present = [m / name for m in members if (m / name).exists()]
    if not present:
        return None
    for other in present[1:]:
        if not filecmp.cmp(present[0], other, shallow=False):
            raise ValueError(f"{other} differs from {present[0]}: members must share one {what} "
                             f"(train them with {hint})")
    return present[0]


def pack(members: list[Path], out: Path) -> list[Path]:
    """Write ``uk_vectors.pt`` and ``uk_ner.pt``, ``uk_ner_2.pt``, ... into ``out``; returns the tagger files."""
    members = [Path(m) for m in members]
    for member in members:
        for name in (MODEL_FILE, VECTORS_FILE):
            if not (member / name).exists():
                raise FileNotFoundError(f"{member / name}: not found; each member is a folder written by `extractor-lab train ner`")
    vectors = _same_files(members, VECTORS_FILE, "vector file", f"--vectors-file {members[0] / VECTORS_FILE}")
    charlms = [_same_files(members, name, "character language model", f"--charlm-dir {members[0]}")
               for name in NER_CHARLM_FILES.values()]
    if any(out.resolve() == m.resolve() for m in members):
        raise ValueError(f"{out}: the output folder must not be one of the members")
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob(MODEL_FILE.replace(".pt", "*.pt")), *(out / name for name in NER_CHARLM_FILES.values())]:
        stale.unlink(missing_ok=True)  # neither a smaller ensemble nor a model without charlms may pick up old files
    _half_precision(vectors, out / VECTORS_FILE)
    for charlm in filter(None, charlms):
        _half_precision(charlm, out / charlm.name)
    written = []
    for number, member in enumerate(members, 1):
        target = out / member_name(number)
        _half_precision(member / MODEL_FILE, target)
        written.append(target)
        log.info("member %d: %s -> %s (%.1f MB)", number, member, target, target.stat().st_size / 1e6)
    return written
