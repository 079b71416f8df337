"""Word features from a frozen character language model, without its output layer.

A tagger that reads character language models asks each of them, per
sentence, for its LSTM state at the end of every word. Stanza gets those by
running the language model's whole forward pass, which ends in the layer that
predicts the next character over the full character vocabulary at every
position, and then throws those predictions away. At tagging time that
wasted layer was a fifth of the NER time: on the BRUK benchmark text the
shipped ensemble went from about 1,150 to 1,470 tokens/s without it, with
every tag the same.

``word_features`` computes what stanza's ``get_representation`` returns,
minus that layer; ``skip_output_layers`` makes a loaded tagger's language
models use it. The training-time cache (``charlm_cache``) reads the same
LSTM states through ``hidden_states``.
"""
from __future__ import annotations

import types


def hidden_states(model, chars, charlens):
    """The language model's LSTM output at every character (batch x characters x hidden units).

    Embedding, then LSTM, as in stanza's forward pass; its two dropouts are
    left out, which is what they do in eval mode anyway (the features a
    tagger reads never have dropout: see ``charlm_cache``).
    """
    import torch
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    with torch.no_grad():
        embedded = pack_padded_sequence(model.char_emb(chars), charlens, batch_first=True)
        shape = (model.args["char_num_layers"], chars.size(0), model.args["char_hidden_dim"])
        start = (model.charlstm_h_init.expand(*shape).contiguous(), model.charlstm_c_init.expand(*shape).contiguous())
        output, _ = model.charlstm(embedded, charlens, hx=start)
    return pad_packed_sequence(output, batch_first=True)[0]


def as_stanza_returns(model, per_sentence: list, char_orig_idx):
    """Per-sentence word features (in the batch's length order) in the form
    ``get_representation`` returns them: back in input order, packed, padded if the model pads."""
    from stanza.models.common.utils import unsort
    from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence

    packed = pack_sequence(unsort(per_sentence, char_orig_idx))
    return pad_packed_sequence(packed, batch_first=True)[0] if model.pad else packed


def word_features(model, chars, charoffsets, charlens, char_orig_idx):
    """Stanza's ``CharacterLanguageModel.get_representation``, without computing next-character predictions."""
    states = hidden_states(model, chars, charlens)
    return as_stanza_returns(model, [states[i, offsets] for i, offsets in enumerate(charoffsets)], char_orig_idx)


def skip_output_layers(tagger_model) -> int:
    """Make a loaded stanza NER model's character language models compute
    word features with ``word_features``; returns how many it has (0 or 2).

    Bound to these model instances only, so other stanza models in the process keep stanza's method.
    """
    language_models = [getattr(tagger_model, name, None) for name in ("charmodel_forward", "charmodel_backward")]
    language_models = [lm for lm in language_models if lm is not None]
    for lm in language_models:
        lm.get_representation = types.MethodType(word_features, lm)
    return len(language_models)
