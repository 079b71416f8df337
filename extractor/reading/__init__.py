"""Reading input: files, folders, stdin and in-memory texts become raw documents."""
from extractor.reading.sources import InputError, RawDocument, read_inputs

__all__ = ["InputError", "RawDocument", "read_inputs"]
