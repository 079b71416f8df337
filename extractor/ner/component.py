"""Pipeline component: tag entities in many documents with one stanza call per batch."""
from __future__ import annotations

from extractor.document import Document, Entity
from extractor.ner.tagger import NerTagger


def add_entities(documents: list[Document], tagger: NerTagger, on_characters=None) -> None:
    """Fill ``document.entities`` from the tagger, over all sentences of all documents at once
    (stanza is much faster on a few big batches than on many small ones); ``on_characters``
    hears the characters tagged as the tagger goes."""
    sentences = [(document, sentence) for document in documents for sentence in document.sentences]
    spans = tagger.tag([[t.norm for t in sentence.tokens] for _, sentence in sentences], on_characters)
    for span in spans:
        document, sentence = sentences[span.sentence]
        first, last = sentence.tokens[span.start], sentence.tokens[span.end - 1]
        document.entities.append(Entity(first.start, last.end, document.text[first.start:last.end], span.label,
                                        sentence.index, span.start, span.end))
