"""Money mentions and money quantities tell one story (the last part of the quantities component).

The tagger's MON mentions and the quantity rules read the same amounts separately, and
disagreed: "50 млрд доларів США" was a MON mention while its quantity ended at
"доларів", "3 тис." of soldiers was MON, an amount the tagger missed had a currency
but no mention. After this step a MON mention and its money quantity cover the same
characters, a count of anything but money is QUANT, and every money quantity has its
MON mention (unless a mention of another type holds its words).
"""
from __future__ import annotations

from extractor.document import Document, new_mention, set_tokens
from extractor.normalize import normalize_new_mentions
from extractor.rules.numbers import HEDGES

LEADING_WORDS = set(HEDGES) | {"від", "з", "із"}  # what may stand before an amount in its quantity


def _token_span(tokens, start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
    return (inside[0], inside[-1] + 1) if inside else None


def values_agree(document: Document) -> None:
    money = [q for q in document.quantities if q.currency]
    counts = [q for q in document.quantities if q.unit_lemma and not q.currency]
    for entity in [e for e in document.entities if e.label == "MON"]:
        if any(q.start <= entity.start < q.end for q in counts) and \
                not any(q.start < entity.end and entity.start < q.end for q in money):
            entity.label = "QUANT"  # "3 тис." of soldiers counts people, not money
    for quantity in money:
        overlapping = [e for e in document.entities if e.start < quantity.end and quantity.start < e.end]
        tokens = document.sentences[quantity.sentence_id].tokens
        mon = [e for e in overlapping if e.label == "MON"]
        if mon:
            entity = mon[0]
            # a hedge or range word before the amount bounds it but stays out of the span, as NER-UK tags
            # money ("від 200 до 500 гривень" -> "200 до 500 гривень"; low and high keep the bounds)
            lead = [t.norm.lower() for t in tokens if quantity.start <= t.start and t.end <= entity.start]
            start = entity.start if all(w in LEADING_WORDS for w in lead) else min(entity.start, quantity.start)
            end = max(entity.end, quantity.end)
            span = _token_span(tokens, start, end)
            if span != (entity.token_start, entity.token_end):
                set_tokens(document, entity, *span)
                entity.lemma = ""
            quantity.start, quantity.end, quantity.text = entity.start, entity.end, entity.text
        elif not overlapping:
            span = _token_span(tokens, quantity.start, quantity.end)
            if span:
                entity = new_mention(document, quantity.sentence_id, *span, "MON", source="rule")
                document.entities.append(entity)
                quantity.start, quantity.end, quantity.text = entity.start, entity.end, entity.text
    document.entities.sort(key=lambda e: (e.start, e.end))
    normalize_new_mentions(document)
