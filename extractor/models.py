"""Where the shipped models live.

In a checkout (and an editable install) they are in the repository's
``models/`` folder. A copy elsewhere, for example after a plain
``pip install .``, is found through the ``EXTRACTOR_MODELS`` environment
variable, which names that folder.
"""
from __future__ import annotations

import os
from pathlib import Path

REPOSITORY_MODELS = Path(__file__).resolve().parent.parent / "models"


def models_dir() -> Path:
    return Path(os.environ.get("EXTRACTOR_MODELS") or REPOSITORY_MODELS)


def model_path(*parts: str) -> Path:
    return models_dir().joinpath(*parts)


def missing_model(path: Path, what: str, rebuild: str) -> FileNotFoundError:
    """The error for a model file that is not where it should be, with both ways out."""
    return FileNotFoundError(f"{path}: {what} missing; rebuild it with `{rebuild}`, or set EXTRACTOR_MODELS "
                             f"to the folder that holds the shipped models/ (now {models_dir()})")
