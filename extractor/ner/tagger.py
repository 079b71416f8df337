"""Run the bundled stanza NER model over pre-tokenized sentences, offline.

A model folder holds one tagger (``uk_ner.pt``) or an ensemble of taggers
(``uk_ner.pt``, ``uk_ner_2.pt``, ...) that share one vector file
(``uk_vectors.pt``); an ensemble's members are decoded together
(``extractor/ner/ensemble.py``).
"""
from __future__ import annotations

import json
import logging
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from extractor.models import missing_model, model_path
from extractor.ner import charlm_features, ensemble
from extractor.ner.known_forms import alias_unknown, trained_with_known_forms
from extractor.ner.charlm import BACKWARD_FILE, FORWARD_FILE
from extractor.ner.score import spans_from_bioes
from extractor.ner.train import MODEL_FILE, VECTORS_FILE

DEFAULT_MODEL_DIR = model_path("uk-ner")


def member_files(model_dir: Path) -> list[Path]:
    """The taggers of a model folder: ``uk_ner.pt`` first, then ``uk_ner_2.pt``, ``uk_ner_3.pt``, ..."""
    members = [Path(model_dir) / MODEL_FILE]
    number = 2
    while (Path(model_dir) / member_name(number)).exists():
        members.append(Path(model_dir) / member_name(number))
        number += 1
    return members


def member_name(number: int) -> str:
    return MODEL_FILE if number == 1 else MODEL_FILE.replace(".pt", f"_{number}.pt")


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


@dataclass(frozen=True)
class TaggedSpan:
    """An entity as token indices into one sentence: tokens[start:end]."""
    sentence: int
    start: int
    end: int
    label: str


class NerTagger:
    def __init__(self, model_dir: Path = DEFAULT_MODEL_DIR, batch_size: int = 64, known_forms: bool | None = None,
                 members: int | None = None):
        """``known_forms``: look words the vectors lack up as a known form of the
        same lexeme (``extractor/ner/known_forms.py``); None does so when the
        model was trained that way, False gives stanza's plain lookup.
        ``members``: tag with only the first N taggers of an ensemble; with the
        bundled model, 1 is about 5 times faster and a little less accurate
        (MODEL_CARD.md)."""
        if members is not None and members < 1:
            raise ValueError(f"members must be 1 or more, not {members}")
        model_dir = Path(model_dir)
        for name in (MODEL_FILE, VECTORS_FILE):
            if not (model_dir / name).exists():
                raise missing_model(model_dir / name, "NER model file", f"extractor train ner --out {model_dir}")
        import stanza

        # stanza insists on a resources.json in its resources dir even when every
        # model path is given; a minimal one in a scratch folder keeps it from
        # reaching the network and leaves models/ untouched.
        self._resources = tempfile.TemporaryDirectory(prefix="extractor-stanza-")
        Path(self._resources.name, "resources.json").write_text(
            json.dumps({"uk": {"lang_name": "Ukrainian"}}), encoding="utf-8")
        # A model trained with character language models (train ner --charlm) needs
        # both files; one trained without them has neither, and stanza is told so.
        charlms = {}
        if (model_dir / FORWARD_FILE).exists() or (model_dir / BACKWARD_FILE).exists():
            for name in (FORWARD_FILE, BACKWARD_FILE):
                if not (model_dir / name).exists():
                    raise missing_model(model_dir / name, "character language model",
                                        f"extractor train ner --out {model_dir}")
            charlms = {"ner_forward_charlm_path": str(model_dir / FORWARD_FILE),
                       "ner_backward_charlm_path": str(model_dir / BACKWARD_FILE)}
        # stanza loads several taggers from ";"-separated paths, each with its own
        # vectors and charlms; ours share them
        members = member_files(model_dir)[:members]
        # (an empty entry means "none"; without an entry per member stanza loads only the first)
        shared = {key: ";".join([charlms.get(key, "")] * len(members))
                  for key in ("ner_forward_charlm_path", "ner_backward_charlm_path")}
        with _full_unpickler(model_dir.resolve() == Path(DEFAULT_MODEL_DIR).resolve()):
            self.pipeline = stanza.Pipeline(
                lang="uk", dir=self._resources.name, processors="tokenize,ner", tokenize_pretokenized=True,
                ner_model_path=";".join(str(m) for m in members),
                ner_pretrain_path=";".join([str(model_dir / VECTORS_FILE)] * len(members)),
                ner_batch_size=batch_size, download_method=None, use_gpu=False, logging_level="WARN", **shared)
        logging.getLogger("stanza").setLevel(logging.WARNING)
        self._ner = self.pipeline.processors["ner"]
        if len(self._ner.trainers) != len(members):
            raise RuntimeError(f"stanza loaded {len(self._ner.trainers)} of the {len(members)} taggers in {model_dir}")
        ensemble.check_same_tags(self._ner.trainers)
        for trainer in self._ner.trainers:  # the same features, a fifth faster
            charlm_features.skip_output_layers(trainer.model)
        self.members = len(members)
        if known_forms is None:
            known_forms = trained_with_known_forms(self._ner.trainers[0].vocab["word"])
        self.known_forms = known_forms

    def tag(self, sentences: list[list[str]]) -> list[TaggedSpan]:
        """Entity spans over the given sentences (lists of token texts).

        Decoded from the BIOES tags with the same function the evaluation uses,
        so the pipeline returns exactly the spans that were scored.
        """
        return [TaggedSpan(s_index, start, end, label)
                for s_index, tags in enumerate(self.tag_bioes(sentences))
                for start, end, label in spans_from_bioes(tags)]

    def tag_bioes(self, sentences: list[list[str]]) -> list[list[str]]:
        """Per-token BIOES tags, as the tagger predicted them (for scoring)."""
        if not sentences:
            return []
        if self.known_forms:
            words = [word for sentence in sentences for word in sentence]
            for trainer in self._ner.trainers:
                alias_unknown(trainer.vocab["word"], words)
        document = self.pipeline.processors["tokenize"].process(sentences)
        return ensemble.predict(self._ner.trainers, self._ner.configs, document)
