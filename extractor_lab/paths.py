"""Where the training material is: ``../shared/data`` beside the checkout."""
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
