"""Repair scraping damage: apostrophes, hyphens and є/Є that a scraper dropped.

Real scraped news loses these characters: "звязку" (зв'язку), "будьякої"
(будь-якої), "вропі" (Європі), "перебува" (перебуває). A word the dictionary
does not know is tried with one lost character put back at each position; if
exactly one spelling (after ranking) is a dictionary word, the token's
``norm`` becomes that word. The text and offsets the user gave stay as they
are; only what the analysis sees changes.

Real-word damage is harder, since "Корею" is a word too; there one context
rule is used: a noun that cannot agree in case with the adjective before it,
while its є-restored spelling can ("Північною Корею" -> "Північною Кореєю").
"""
from __future__ import annotations

from extractor.document import Document, Token
from extractor.morphology.analyzer import parses

APOSTROPHE_AFTER = set("бпвмфрБПВМФР")
APOSTROPHE_BEFORE = set("яюєїЯЮЄЇ")


def is_dictionary_word(word: str) -> bool:
    """Known to the dictionary as a standard form (VESUM also lists distorted spellings, tagged Dist)."""
    return any(p.is_known and "Dist" not in p.tag.grammemes for p in parses(word.lower()))


def _is_compound(word: str) -> bool:
    parts = word.split("-")
    return len(parts) == 2 and all(len(p) > 1 and is_dictionary_word(p) for p in parts)


def candidates(word: str) -> list[str]:
    """Spellings of ``word`` with one lost apostrophe, hyphen or є put back."""
    found = []
    for i in range(len(word) + 1):
        before, after = word[:i], word[i:]
        if before and after and before[-1] in APOSTROPHE_AFTER and after[0] in APOSTROPHE_BEFORE:
            found.append(before + "'" + after)
        if len(before) > 1 and len(after) > 1:
            found.append(before + "-" + after)
        if i == 0 and word[:1].isupper() and not word.isupper():
            found.append("Є" + word[0].lower() + word[1:])  # "Вропи" -> "Європи"
        elif i == 0:
            found.append(("Є" if word.isupper() else "є") + word)
        else:
            found.append(before + ("Є" if word.isupper() else "є") + after)
    return found


def _valid(candidate: str) -> bool:
    if "-" in candidate:
        return is_dictionary_word(candidate) or _is_compound(candidate)
    return is_dictionary_word(candidate)


def repair_word(word: str) -> str | None:
    """The repaired spelling of a damaged non-word, or None when there is none or it is unclear."""
    if len(word) < 3 or is_dictionary_word(word) or not all(c.isalpha() for c in word):
        return None
    if any("a" <= c.lower() <= "z" for c in word):
        return None
    valid = sorted(set(c for c in candidates(word) if _valid(c)))
    if len(valid) == 1:
        return valid[0]
    # a capital letter inside a word marks where a hyphen was: "ІндоТихоокеанському"
    inner = [c for c in valid if "-" in c and c[c.index("-") + 1:][:1].isupper()]
    if len(inner) == 1:
        return inner[0]
    return None


def _agreement_fix(previous: Token, token: Token) -> str | None:
    """"Північною Корею" -> "Кореєю": restore є when only then noun and adjective agree."""
    adjective = [p for p in parses(previous.norm.lower()) if p.tag.POS == "ADJF"]
    nouns = [p for p in parses(token.norm.lower()) if p.tag.POS == "NOUN"]
    if not adjective or not nouns or len(token.norm) < 3:
        return None
    cases = {p.tag.case for p in adjective}
    if cases & {p.tag.case for p in nouns}:
        return None
    for candidate in candidates(token.norm):
        if "є" in candidate.lower() and "-" not in candidate and "'" not in candidate:
            options = [p for p in parses(candidate.lower()) if p.tag.POS == "NOUN" and p.is_known]
            if {p.tag.case for p in options} & cases:
                return candidate
    return None


class Repairer:
    """Pipeline component: set ``token.norm`` for damaged words and count them."""

    def __call__(self, document: Document) -> None:
        repaired = 0
        for sentence in document.sentences:
            previous = None
            for token in sentence.tokens:
                fixed = repair_word(token.text)
                if fixed is None and previous is not None and token.text[:1].isupper():
                    fixed = _agreement_fix(previous, token)
                if fixed:
                    token.norm = fixed
                    repaired += 1
                previous = token
        document.repaired_words = repaired
