"""Where the shipped models live, and what their files are called.

In a checkout (and an editable install) they are in the repository's
``models/`` folder. A copy elsewhere, for example after a plain
``pip install .``, is found through the ``EXTRACTOR_MODELS`` environment
variable, which names that folder. The training commands (``extractor_lab``)
write the same file names.
"""
from __future__ import annotations

import os
from pathlib import Path

REPOSITORY_MODELS = Path(__file__).resolve().parent.parent / "models"

# an NER model folder: the tagger, the word vectors it reads, and the character
# language models a tagger trained with them reads
NER_TAGGER_FILE = "uk_ner.pt"
NER_VECTORS_FILE = "uk_vectors.pt"
NER_CHARLM_FILES = {"forward": "uk_charlm_forward.pt", "backward": "uk_charlm_backward.pt"}


def models_dir() -> Path:
    return Path(os.environ.get("EXTRACTOR_MODELS") or REPOSITORY_MODELS)


def model_path(*parts: str) -> Path:
    return models_dir().joinpath(*parts)


NER_MODEL_DIR = model_path("uk-ner")
LEMMA_MODEL = model_path("lemmas", "uk_lemmas.json.gz")
REPAIR_FREQUENCIES = model_path("repair", "uk_wordfreq.json.gz")
PLACES = model_path("places", "uk_places.txt.gz")


def missing_model(path: Path, what: str, rebuild: str) -> FileNotFoundError:
    """The error for a model file that is not where it should be, with both ways out."""
    return FileNotFoundError(f"{path}: {what} missing; rebuild it with `{rebuild}`, or set EXTRACTOR_MODELS "
                             f"to the folder that holds the shipped models/ (now {models_dir()})")
