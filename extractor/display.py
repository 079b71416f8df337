"""A processed document drawn with displaCy: its entities and the quantities no entity covers."""
from __future__ import annotations

# one colour per label, so that PERS and JOB (grey in displaCy's default) can be told apart
LABEL_COLOURS = {"PERS": "#f4a6a6", "ORG": "#8ec5ff", "LOC": "#9be29b", "DATE": "#ffd27f", "TIME": "#ffe9b3",
                 "PERIOD": "#f7c59f", "MON": "#c7a4ff", "PCT": "#e0b3ff", "QUANT": "#b3e5fc", "JOB": "#d7ccc8",
                 "DOC": "#ffccbc", "ART": "#f8bbd0", "MISC": "#dcedc8", "QTY": "#80deea"}


def render(document, jupyter: bool | None = None, **options):
    """The article body with its entities and quantities highlighted by displaCy, each label in its
    own colour, the lemma and country code after the label (HTML; shown inline in notebooks)."""
    from spacy import displacy

    start = document.sentences[0].start if document.sentences else 0
    end = document.sentences[-1].end if document.sentences else len(document.text)
    marks = [(e.start, e.end, e.label, " ".join(filter(None, (e.lemma, e.country_code, e.date))))
             for e in document.entities]
    marks += [(q.start, q.end, "QTY", f"{q.value or q.low:,.0f} {q.unit_lemma or ''}".strip())
              for q in document.quantities if not any(e.start < q.end and q.start < e.end for e in document.entities)]
    ents = [{"start": a - start, "end": b - start, "label": label, "kb_id": note, "kb_url": "#"}
            for a, b, label, note in sorted(marks) if a >= start and b <= end]
    options = {"colors": LABEL_COLOURS, **options}
    return displacy.render({"text": document.text[start:end], "ents": ents}, style="ent", manual=True,
                           jupyter=jupyter, options=options)
