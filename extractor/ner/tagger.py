"""Run the bundled stanza NER model over pre-tokenized sentences, offline.

A model folder holds one tagger (``uk_ner.pt``) or an ensemble of taggers
(``uk_ner.pt``, ``uk_ner_2.pt``, ...) that share one vector file
(``uk_vectors.pt``). By default the first tags alone (``DEFAULT_MEMBERS``);
asked for more, the members are decoded together (``extractor/ner/ensemble.py``).
"""
from __future__ import annotations

import json
import logging
import tempfile
import types
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from extractor.morphology.analyzer import WORD_CACHE_SIZE
from extractor.models import NER_CHARLM_FILES, NER_MODEL_DIR, NER_TAGGER_FILE, NER_VECTORS_FILE, missing_model
from extractor.ner import charlm_features, ensemble
from extractor.ner.constraints import forbidden_tags
from extractor.ner.spans import decode

REBUILD = "extractor-lab train ner"
# Member 1 alone by default: 2.5x faster end to end than with member 2's second opinions
# (0.801 / 0.840 on NER-UK test against 0.807 / 0.845); 2 is the accurate setting (MODEL_CARD.md)
DEFAULT_MEMBERS = 1
CHARS_PER_BATCH = 10_000  # sentences x the longest one's characters, per batch


def member_name(number: int) -> str:
    return NER_TAGGER_FILE if number == 1 else NER_TAGGER_FILE.replace(".pt", f"_{number}.pt")


def member_files(model_dir: Path) -> list[Path]:
    """The taggers of a model folder: ``uk_ner.pt`` first, then ``uk_ner_2.pt``, ``uk_ner_3.pt``, ..."""
    members = [Path(model_dir) / NER_TAGGER_FILE]
    while (Path(model_dir) / member_name(len(members) + 1)).exists():
        members.append(Path(model_dir) / member_name(len(members) + 1))
    return members


@contextmanager
def _full_unpickler(enabled: bool):
    """Let stanza read checkpoints with torch's full unpickler instead of its
    weights-only one, which rebuilds the vocabularies (tens of thousands of
    words per member) in pure Python: 1.7 s of the bundled model's load time
    against 0.2 s. Only for the bundled folder, whose files come with the code
    and are trusted as the code is; any other folder keeps the safe loader."""
    if not enabled:
        yield
        return
    import torch

    safe_load = torch.load

    def load(*args, **kwargs):
        kwargs["weights_only"] = False
        return safe_load(*args, **kwargs)

    torch.load = load
    try:
        yield
    finally:
        torch.load = safe_load


@contextmanager
def _no_optimizer():
    """Load stanza's taggers without the training optimizer its Trainer builds for every
    member: tagging never uses it, and building the first one imports torch's compiler
    (1.3 s of a cold start)."""
    from stanza.models.common import utils

    build = utils.get_optimizer
    utils.get_optimizer = lambda *args, **kwargs: None
    try:
        yield
    finally:
        utils.get_optimizer = build


def _transitions_only(crit, logits, masks, tags):
    """The CRF layer at tag time: its transition scores, without the training
    loss (the partition function over every tag path), which decoding never reads."""
    return 0, crit._transitions


def _charlm_paths(model_dir: Path) -> dict[str, str]:
    """Character language models of a folder whose tagger reads them: both files, or neither."""
    present = [name for name in NER_CHARLM_FILES.values() if (model_dir / name).exists()]
    if not present:
        return {}
    for name in NER_CHARLM_FILES.values():
        if not (model_dir / name).exists():
            raise missing_model(model_dir / name, "character language model", f"{REBUILD} --out {model_dir}")
    return {f"ner_{direction}_charlm_path": str(model_dir / name) for direction, name in NER_CHARLM_FILES.items()}


def _native_bf16() -> bool:
    """Whether this CPU computes bfloat16 in hardware (elsewhere torch emulates it, slowly)."""
    import torch

    check = getattr(torch.cpu, "_is_avx512_bf16_supported", None)
    return bool(check and check())


@dataclass(frozen=True)
class TaggedSpan:
    """An entity as token indices into one sentence: tokens[start:end]."""
    sentence: int
    start: int
    end: int
    label: str


class NerTagger:
    def __init__(self, model_dir: Path = NER_MODEL_DIR, batch_size: int = 64, members: int = DEFAULT_MEMBERS,
                 device: str = "cpu", constraints: bool = True, bf16: bool = False,
                 second_opinion_below: float = ensemble.SECOND_OPINION_BELOW):
        """``members``: tag with the first N taggers of the folder (1, the default: member 1 alone;
        2: member 2 gives second opinions, more accurate and about 2.5x slower).
        ``second_opinion_below``: the other members tag a sentence too when member 1 gives one of its
        tokens' best tag a lower probability than this (1.0: every sentence, the full ensemble).
        ``device``: "cpu" (the default) or a torch device such as "cuda".
        ``constraints``: forbid what the dictionary rules out (``constraints.py``).
        ``bf16``: run the LSTMs in bfloat16 on a CPU that computes it natively (AVX512-BF16; elsewhere
        it is ignored): about 1.5x faster NER, with none of NER-UK dev's 19,830 tags changed and 6 of
        test's 106,879, but a tag may then depend on which sentences share its batch, so runs over
        the same text in other batches (a resume, other workers) can differ in a mention or two."""
        self.constraints, self.second_opinion_below = constraints, second_opinion_below
        self.bf16 = bf16 and device == "cpu" and _native_bf16()
        self.batch_size = batch_size
        if members < 1:
            raise ValueError(f"members must be 1 or more, not {members}")
        model_dir = Path(model_dir)
        for name in (NER_TAGGER_FILE, NER_VECTORS_FILE):
            if not (model_dir / name).exists():
                raise missing_model(model_dir / name, "NER model file", f"{REBUILD} --out {model_dir}")
        import stanza

        # stanza insists on a resources.json in its resources dir even when every
        # model path is given; a minimal one in a scratch folder keeps it from
        # reaching the network and leaves models/ untouched.
        resources = tempfile.TemporaryDirectory(prefix="extractor-stanza-")  # read while loading only
        Path(resources.name, "resources.json").write_text(json.dumps({"uk": {"lang_name": "Ukrainian"}}), encoding="utf-8")
        charlms = _charlm_paths(model_dir)
        # stanza loads several taggers from ";"-separated paths, each with its own
        # vectors and charlms; ours share them (an empty entry means "none"; without
        # an entry per member stanza loads only the first)
        files = member_files(model_dir)[:members]
        shared = {key: ";".join([charlms.get(key, "")] * len(files))
                  for key in ("ner_forward_charlm_path", "ner_backward_charlm_path")}
        with resources, _no_optimizer(), _full_unpickler(model_dir.resolve() == Path(NER_MODEL_DIR).resolve()):
            self.pipeline = stanza.Pipeline(
                lang="uk", dir=resources.name, processors="tokenize,ner", tokenize_pretokenized=True,
                ner_model_path=";".join(str(m) for m in files),
                ner_pretrain_path=";".join([str(model_dir / NER_VECTORS_FILE)] * len(files)),
                ner_batch_size=batch_size, download_method=None, device=device, logging_level="WARN", **shared)
        logging.getLogger("stanza").setLevel(logging.WARNING)
        self._ner = self.pipeline.processors["ner"]
        if len(self._ner.trainers) != len(files):
            raise RuntimeError(f"stanza loaded {len(self._ner.trainers)} of the {len(files)} taggers in {model_dir}")
        for trainer in self._ner.trainers:  # the same tags, less work
            charlm_features.skip_output_layers(trainer.model)
            for crit in trainer.model.crits:
                crit.forward = types.MethodType(_transitions_only, crit)
        self.members = len(files)
        self._members = [ensemble.Member(trainer, config, WORD_CACHE_SIZE)
                         for trainer, config in zip(self._ner.trainers, self._ner.configs)]
        ensemble.check_same_tags(self._members)
        tag_ids = self._members[0].tag_ids
        self._forbidden_ids = lru_cache(maxsize=WORD_CACHE_SIZE)(
            lambda word: [tag_ids[tag] for tag in sorted(forbidden_tags(word)) if tag in tag_ids])

    def tag(self, sentences: list[list[str]], on_characters: Callable[[int], None] | None = None) -> list[TaggedSpan]:
        """Entity spans over the given sentences (lists of token texts).

        Decoded from the BIOES tags with the same function the evaluation uses,
        then cut where a coordinator joins two whole names (``split_coordinated``).
        """
        return [TaggedSpan(s_index, start, end, label)
                for s_index, tags in enumerate(self.tag_bioes(sentences, on_characters))
                for start, end, label in decode(sentences[s_index], tags)]

    def tag_bioes(self, sentences: list[list[str]], on_characters: Callable[[int], None] | None = None) -> list[list[str]]:
        """Per-token BIOES tags, as the tagger predicted them, in the order given.

        Sentences are tagged longest first (in characters: most of the time
        goes into the character LMs), so each batch holds sentences of about
        one length and little work goes into padding; a batch of long sentences
        holds fewer of them (at most CHARS_PER_BATCH characters with the
        padding), so that memory does not jump on the longest sentences of a run.
        Sentences member 1 is unsure of wait until they fill such a batch for
        the other members. ``on_characters`` hears how many characters each
        batch tagged: progress within a long document.
        """
        lengths = [sum(len(word) + 1 for word in sentence) for sentence in sentences]
        paths: list[list[int]] = [[] for _ in sentences]
        unsure: dict[int, object] = {}  # sentence -> member 1's emission scores, longest first

        def batches(order: list[int], everything: bool):
            """Batches of ``order``, longest first; without ``everything``, full ones only."""
            while order:
                size = self._batch_size(order, lengths)
                if size > len(order) and not everything:
                    return
                yield order[:size]
                order = order[size:]

        def ask_the_others(batch: list[int]):
            scores = [unsure.pop(i) for i in batch]
            # member 1's transition scores: the model's, the same in every batch
            tagged = ensemble.second_opinion(self._members[1:], [sentences[i] for i in batch], scores, transitions,
                                             self._forbidden(sentences, batch), self.bf16)
            for i, path in zip(batch, tagged):
                paths[i] = path

        order = sorted((i for i in range(len(sentences)) if sentences[i]), key=lambda i: -lengths[i])
        for batch in batches(order, everything=True):
            tagged, emissions, transitions, doubt = ensemble.first_opinion(
                self._members[0], [sentences[i] for i in batch], self._forbidden(sentences, batch), self.bf16,
                doubt=len(self._members) > 1)
            for k, (i, path) in enumerate(zip(batch, tagged)):
                paths[i] = path
                if doubt is not None and not doubt[k] >= self.second_opinion_below:
                    unsure[i] = emissions[k, :len(sentences[i])].copy()  # not a view holding the whole batch
            for waiting in batches(list(unsure), everything=False):
                ask_the_others(waiting)
            if on_characters:
                on_characters(sum(lengths[i] for i in batch))
        for waiting in batches(list(unsure), everything=True):
            ask_the_others(waiting)
        return [ensemble.tag_names(self._members[0], path) for path in paths]

    def _batch_size(self, order: list[int], lengths: list[int]) -> int:
        """How many of these sentences (longest first) one batch takes."""
        return max(1, min(self.batch_size, CHARS_PER_BATCH // max(1, lengths[order[0]])))

    def _forbidden(self, sentences: list[list[str]], batch: list[int]) -> list[list[list[int]]] | None:
        """Per sentence and token, the tag ids the dictionary rules out there."""
        return [[self._forbidden_ids(word) for word in sentences[i]] for i in batch] if self.constraints else None
