"""Compute each sentence's character-language-model features once while training.

Stanza's NER tagger reads its forward and backward character language models
frozen (they are never fine-tuned), yet it runs their LSTMs over every
sentence again at every step. On a 2-core CPU that more than tripled the step
time (0.26 s to 0.87 s with 512 hidden units), which put a 12,000-step run out
of reach. A sentence's features depend only on its own characters (the LSTM
runs over a packed batch, so other rows cannot leak in), so they are cached,
keyed by the character ids and the word offsets. They are computed in eval
mode, without the language model's dropout: the same features the tagger gets
when it tags new text.

Used only by ``extractor train ner`` with character language models; tagging
never goes through here.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from extractor.ner import charlm_features


def _sentence_features(model, chars, charoffsets, charlens) -> list:
    """Per-sentence word features for one (length-sorted) batch, from the cache
    where every sentence is already there, otherwise computed for the batch."""
    cache = model.__dict__.setdefault("_extractor_sentence_cache", {})
    rows = chars.cpu().numpy()
    keys = [(rows[i, :length].tobytes(), tuple(offsets))
            for i, (length, offsets) in enumerate(zip(charlens, charoffsets))]
    if any(key not in cache for key in keys):
        was_training = model.training
        model.eval()
        states = charlm_features.hidden_states(model, chars, charlens)
        model.train(was_training)
        for i, (key, offsets) in enumerate(zip(keys, charoffsets)):
            cache.setdefault(key, states[i, offsets])
    return [cache[key] for key in keys]


@contextmanager
def cached_charlm_features() -> Iterator[None]:
    """Within this block every stanza character language model serves cached features."""
    from stanza.models.common import char_model

    model_class = char_model.CharacterLanguageModel
    original = model_class.get_representation

    def get_representation(self, chars, charoffsets, charlens, char_orig_idx):
        return charlm_features.as_stanza_returns(self, _sentence_features(self, chars, charoffsets, charlens),
                                                 char_orig_idx)

    model_class.get_representation = get_representation
    try:
        yield
    finally:
        model_class.get_representation = original
