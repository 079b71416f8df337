"""Pipeline component: mentions that make sense as names, one type per name within a document.

The tagger reads sentence by sentence and knows nothing of the dictionary or the rest of the
document. The steps below mend what that costs, in the order they run; each module holds the
steps of one kind, each step's docstring shows the mistake it mends:

- ``people.py``: where a person's name starts and ends, and a job is no name;
- ``edges.py``: the type the words before a name give it, and an adjective that starts it;
- ``organisations.py``: institutions;
- ``document_wide.py``: one type per name, and the surname of a full name is a person throughout.

A step reads one sentence's tokens and mentions (or, ``whole_document``, the document) and returns
edits; ``edits.apply`` carries them out. ``STEPS`` is their order, each by name:
``Extractor(consistency_off={"name", ...})`` (``extractor-lab evaluate bsnlp --steps-off``) runs without some, and ``trace``
lists which step changed which mention (``extractor-lab evaluate steps`` measures
what each one is worth on independent news).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from extractor.document import Document
from extractor.ner.consistency.edits import Edit, apply, by_sentence
from extractor.ner.consistency.document_wide import one_type_per_name, surnames_are_people
from extractor.ner.consistency.edges import kind_before_quotes, take_adjective_before
from extractor.ner.consistency.organisations import (
    institutions_are_organisations, institutions_at_sentence_start)
from extractor.ner.consistency.people import (
    adjective_names_with_its_noun, drop_honorifics,
    name_before_a_full_name,
    split_job_from_name)


@dataclass(frozen=True)
class Step:
    """One consistency step: its name, and what finds its edits in a sentence (a document)."""
    name: str
    find: Callable[..., list[Edit]]
    whole_document: bool = False

    def run(self, document: Document) -> list[Edit]:
        """Find this step's edits in ``document``, apply them, and return them."""
        if self.whole_document:
            edits = self.find(document)
        else:
            mentions = by_sentence(document)
            edits = [edit for sentence in document.sentences for edit in self.find(sentence, mentions[sentence.index])]
        apply(document, edits)
        return edits


STEPS: tuple[Step, ...] = (
    Step("name_before_a_full_name", name_before_a_full_name),
    Step("drop_honorifics", drop_honorifics),
    Step("split_job_from_name", split_job_from_name),
    Step("kind_before_quotes", kind_before_quotes),
    Step("take_adjective_before", take_adjective_before),
    Step("institutions_at_sentence_start", institutions_at_sentence_start),
    Step("adjective_names_with_its_noun", adjective_names_with_its_noun),
    Step("institutions_are_organisations", institutions_are_organisations),
    Step("surnames_are_people", surnames_are_people, whole_document=True),
    Step("one_type_per_name", one_type_per_name, whole_document=True),
)
STEP_NAMES = frozenset(step.name for step in STEPS)


def make_names_consistent(document: Document, off: frozenset[str] = frozenset(), trace: list | None = None) -> None:
    """Run every step not named in ``off``, in order. With ``trace`` (a list), each change a step makes is
    appended as (step name, mentions it removed, mentions it added), a mention as (text, label)."""
    unknown = set(off) - STEP_NAMES
    if unknown:
        raise ValueError(f"unknown consistency step(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(STEP_NAMES))}")
    for step in STEPS:
        if step.name in off:
            continue
        before = _mentions(document) if trace is not None else None
        step.run(document)
        if trace is not None:
            after = _mentions(document)
            if after != before:
                trace.append((step.name, sorted(before - after), sorted(after - before)))


def _mentions(document: Document) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in document.entities}
