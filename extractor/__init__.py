"""Ukrainian entity and quantity extractor.

    from extractor import Extractor
    ex = Extractor()
    doc = ex("Президент України Володимир Зеленський прибув до Києва.")
    tables = ex.extract(["data/samples"])
"""
from extractor.document import Document, Entity, Quantity, Sentence, Token
from extractor.pipeline import Extractor
from extractor.tables import Tables

__all__ = ["Extractor", "Document", "Entity", "Quantity", "Sentence", "Token", "Tables"]
