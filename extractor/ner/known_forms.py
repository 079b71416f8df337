"""Give a word the tagger's vectors lack the vector of another form of it.

The word vectors know the 100,000 most frequent lower-cased word forms of
1.4M words of text. A Ukrainian noun has up to 14 forms, so a surname seen
there only as "ковальчука" is unknown to the tagger as "ковальчуком", and an
unknown word is a blank vector: only its characters are left to go on.
pymorphy3 knows (or, for words outside its dictionary, guesses from the
ending) the word's paradigm; the unknown form is looked up as the most
frequent form of that paradigm that the vectors do know. The mapping is added
to the tagger's vocabulary in memory only; the model files stay as they are.

A tagger trained this way (``train ner --known-forms-in-training``) keeps the
aliases of its training words in its vocabulary, which is how the tagger
knows to look words up this way by default (``trained_with_known_forms``).
Measured on the shipped model, which was trained without it, the lookup
changes nothing (MODEL_CARD.md), so for such models it stays off.
"""
from __future__ import annotations

from functools import lru_cache

from extractor.morphology.analyzer import parses

_APOSTROPHES = ("'", "’", "ʼ")


def _spellings(form: str) -> set[str]:
    """pymorphy3 writes the apostrophe as '; texts (and so the vectors) use ’ or ʼ as well."""
    return {form.replace("'", a) for a in _APOSTROPHES} if "'" in form else {form}


@lru_cache(maxsize=100_000)
def _paradigm(word: str) -> tuple[tuple[str, ...], ...]:
    """The forms of each lexeme ``word`` may belong to, most likely lexeme first."""
    return tuple(tuple(f.word for f in parse.lexeme) for parse in parses(word))


def trained_with_known_forms(vocab) -> bool:
    """True when stanza's ``vocab`` holds aliases, i.e. its tagger was trained with this lookup."""
    return any(vocab._id2unit[index] != word for word, index in vocab._unit2id.items())


def _vectors_know(vocab, word: str) -> bool:
    """True for a word the vectors have a row of their own for (not an alias added here)."""
    index = vocab._unit2id.get(word)
    return index is not None and vocab._id2unit[index] == word


def known_form(word: str, vocab) -> int | None:
    """The id in stanza's ``vocab`` of the most frequent known form of ``word``'s lexeme, or None.

    Stanza numbers pretrained words by frequency, so the smallest id is the
    most frequent form. Lexemes are tried in pymorphy3's order and the first
    that has a known form wins, which keeps a likely reading ahead of a
    frequent one. Aliases are never followed, so the answer does not depend on
    which words were seen before.
    """
    for forms in _paradigm(word):
        ids = [vocab._unit2id[s] for form in forms for s in _spellings(form) if _vectors_know(vocab, s)]
        if ids:
            return min(ids)
    return None


def alias_unknown(vocab, words) -> int:
    """Point each unknown lower-cased word of ``words`` at a known form in stanza's ``vocab``.

    Returns how many words got an alias. Words with no known form stay unknown.
    """
    unit2id = vocab._unit2id  # stanza's own lookup table: vocab.map() reads it
    aliased = 0
    for word in {w.lower() for w in words}:
        if word in unit2id or not any(c.isalpha() for c in word):
            continue
        found = known_form(word, vocab)
        if found is not None:
            unit2id[word] = found
            aliased += 1
    return aliased
