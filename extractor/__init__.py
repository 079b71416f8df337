"""Ukrainian entity and quantity extractor.

    from extractor import Extractor
    ex = Extractor()
    doc = ex("Президент України Володимир Зеленський прибув до Києва.")
    tables = ex.extract(["data/samples"])
"""
from extractor.document import Document, Entity, Quantity, Sentence, Token
from extractor.pipeline import Extractor

__all__ = ["Extractor", "Document", "Entity", "Quantity", "Sentence", "Token", "Tables"]


def __getattr__(name: str):
    """``extractor.Tables`` on first use: pandas loads only where tables are built."""
    if name == "Tables":
        from extractor.tables import Tables
        return Tables
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
