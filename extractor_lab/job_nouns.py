"""Build the list of job nouns the NER decoding keeps off one-word names (``extractor-lab train jobs``).

NER-UK tags a lone word for a post or trade as a job ("директор", "Голова"), and news writes an office with
a capital ("Голова Комісії"), where the tagger read a person. The list holds every dictionary form
(pymorphy3's noun readings) that the training part of NER-UK 2.0 tags as a one-word JOB at least twice and
never as a one-word person, place or organisation ("вчитель" is a story's character too; "шахтар" a team).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from extractor.morphology.analyzer import parses
from extractor_lab.ner.corpus import find_document, outermost, read_spans, read_split

HEADER = ("# Nouns for posts and trades, never a one-word name: the decoding forbids a one-word person, place,\n"
          "# organisation or MISC on a word whose noun reading has one of these dictionary forms. Built by\n"
          "# `extractor-lab train jobs` from the training part of NER-UK 2.0 (lang-uk, CC BY-NC-SA 4.0): a form\n"
          "# tagged as a one-word JOB at least twice and never as a one-word PERS, ORG or LOC.\n")
NAMES = ("PERS", "ORG", "LOC")


def job_nouns(corpus: Path, at_least: int = 2) -> list[str]:
    """The sorted dictionary forms (see the module docstring)."""
    jobs, names = Counter(), Counter()
    for doc_id in read_split(corpus)["train"]:
        path = find_document(corpus, doc_id)
        text = path.read_text(encoding="utf-8")
        for span in outermost(read_spans(path.with_suffix(".ann"))):
            word = text[span.start:span.end].strip()
            if " " in word or not word:
                continue
            forms = {p.normal_form for p in parses(word.lower()) if p.tag.POS == "NOUN"}
            counts = jobs if span.label == "JOB" else names if span.label in NAMES else None
            if counts is not None:
                counts.update(forms)
    return sorted(form for form, count in jobs.items() if count >= at_least and not names[form])


def build(corpus: Path, out: Path) -> int:
    forms = job_nouns(corpus)
    out.write_text(HEADER + "".join(f"{form}\n" for form in forms), encoding="utf-8")
    return len(forms)
