"""Each component touches only the attributes it declares: a recorder notes every attribute read on the
Document, its sentences, tokens and entities while one component runs, and a snapshot before and after
shows what it changed. Positions (where a token or a mention is) may be read by any component."""
from contextlib import contextmanager
from dataclasses import fields

import pytest

from conftest import ARTICLE
from extractor.document import Document, Entity, Sentence, Token

PREFIX = {Document: "", Token: "token.", Entity: "entity.", Sentence: "sentence."}
TEXT = ("Вчора Президент України Володимир Зеленський зустрівся у Києві з прем'єр-міністром Британії. "
        "Уряд ухвалив виділити 3 млрд гривень, а ЗСУ отримають 12 тисяч дронів до 5 травня 2025 року. "
        "Пан Шмигаль прочитав роман «Кобзар», а компанія «Нафтогаз» виконала план.\n\n"
        + ARTICLE.read_text(encoding="utf-8"))


@contextmanager
def recording():
    """Every attribute read on our four classes, as "entity.label", "token.norm", "published"."""
    seen, originals = set(), {cls: cls.__getattribute__ for cls in PREFIX}

    def recorder(cls):
        def get(self, name):
            if not name.startswith("_"):
                seen.add(PREFIX[cls] + name)
            return originals[cls](self, name)
        return get

    for cls in PREFIX:
        cls.__getattribute__ = recorder(cls)
    try:
        yield seen
    finally:
        for cls, original in originals.items():
            cls.__getattribute__ = original


def _snapshot(document):
    """Every attribute's value, without reading through the recorder (it is off here)."""
    state = {f.name: repr(getattr(document, f.name)) for f in fields(Document)
             if f.name not in ("sentences", "entities", "quantities")}
    state["sentences"] = [(s.start, s.end, [(t.text, t.start, t.end) for t in s.tokens]) for s in document.sentences]
    state["quantities"] = repr(document.quantities)
    state["entities"] = [(e.start, e.end, e.sentence_id, e.token_start, e.token_end) for e in document.entities]
    for f in fields(Token):
        if f.name not in ("text", "start", "end"):
            state["token." + f.name] = [repr(getattr(t, f.name)) for s in document.sentences for t in s.tokens]
    for f in fields(Entity):
        if f.name not in ("start", "end", "text", "sentence_id", "token_start", "token_end"):
            state["entity." + f.name] = {(e.start, e.end): getattr(e, f.name) for e in document.entities}
    return state


def _changed(before, after):
    changed = {name for name in before if before[name] != after[name]}
    if "sentences" in changed:  # new tokens bring their own attributes
        changed -= {name for name in changed if name.startswith("token.")}
    if "entities" in changed:  # new mentions bring their own labels and lemmas
        for name in [n for n in changed if n.startswith("entity.")]:
            if all(after[name].get(span) == value for span, value in before[name].items() if span in after[name]):
                changed.discard(name)
    return changed


@pytest.mark.parametrize("position", range(11))
def test_a_component_touches_only_what_it_declares(extractor, position):
    from extractor.pipeline import POSITIONS

    components = extractor.components
    component = components[position]
    document = Document("check", TEXT, published="2025-03-20")
    ran_before = extractor.components
    extractor.components = components[:position]
    try:
        extractor.process([document])
    finally:
        extractor.components = ran_before
    before = _snapshot(document)
    with recording() as seen:
        component.run([document] if component.batch else document)
    assert document.status == "ok"
    declared = set(component.reads) | set(component.writes) | set(POSITIONS)
    assert not seen - declared, f"{component.name} reads what it does not declare: {sorted(seen - declared)}"
    written = _changed(before, _snapshot(document))
    assert written <= set(component.writes), f"{component.name} writes {sorted(written - set(component.writes))}"
    assert written, f"{component.name} changed nothing on a news text"


def test_every_component_is_checked(extractor):
    assert len(extractor.components) == 11
