"""Decode BIOES tags from one or more stanza NER taggers that share a tag set.

Each tagger is a BiLSTM-CRF: per token it scores every tag (emissions) and
per pair of neighbouring tags it has a transition score. With several taggers
we average both and run one Viterbi pass over the averages, so the ensemble
picks the single tag sequence the members agree on best (a product of their
CRF distributions), and the output is always a well-formed sequence. With one
tagger this is exactly what stanza's own ``Trainer.predict`` does.
"""
from __future__ import annotations

import numpy as np


def _tag_names(trainer) -> list[str]:
    columns = list(trainer.vocab["tag"]._id2unit.values())  # one column per tag set; ours have one
    return list(columns[0])


def check_same_tags(trainers) -> None:
    """Averaging scores is only meaningful when every member numbers the tags alike."""
    first = _tag_names(trainers[0])
    for number, trainer in enumerate(trainers[1:], 2):
        if _tag_names(trainer) != first:
            raise ValueError(f"NER member {number} numbers its tags differently from member 1; "
                             "members of one ensemble must be trained on the same training set")


def _scores(trainer, batch, bf16: bool):
    """Emission scores (batch x words x tags), transition scores, sentence lengths and order of one batch.
    ``bf16``: run the LSTMs in bfloat16 on the CPU (the scores come back as float32)."""
    import torch
    from stanza.models.ner.trainer import unpack_batch

    device = next(trainer.model.parameters()).device
    inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = unpack_batch(batch, device)
    word, wordchars, wordchars_mask, chars, tags = inputs
    trainer.model.eval()
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        _, logits, trans = trainer.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens, wordlens,
                                         chars, charoffsets, charlens, char_orig_idx)
    # one tag column: these models are trained on a single tag set
    return logits[0].float().cpu().numpy(), trans[0].float().cpu().numpy(), sentlens, orig_idx


def predict(trainers, configs, document, forbidden: list[list[frozenset[str]]] | None = None,
            bf16: bool = False) -> list[list[str]]:
    """BIOES tags per sentence of a stanza ``Document``, in document order. ``forbidden`` gives, per
    sentence and token, tags the decoding may not choose there (``constraints.py``)."""
    import torch
    from stanza.models.common.crf import viterbi_decode
    from stanza.models.common.utils import unsort
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.ner.data import DataLoader
    from stanza.models.ner.trainer import fix_singleton_tags

    # identical batch size and sentences give every member the same batches in the same order
    loaders = [DataLoader(document, configs[0]["batch_size"], config, vocab=trainer.vocab, evaluation=True,
                          preprocess_tags=False) for trainer, config in zip(trainers, configs)]
    tag_vocab = trainers[0].vocab["tag"]
    tag_ids = {name: number for number, name in enumerate(_tag_names(trainers[0]))}
    tagged: list[list[str]] = []
    with torch.no_grad():
        for batches in zip(*loaders):
            scores = [_scores(trainer, batch, bf16) for trainer, batch in zip(trainers, batches)]
            emissions = np.mean([s[0] for s in scores], axis=0)
            transitions = np.mean([s[1] for s in scores], axis=0)
            sentlens, orig_idx = scores[0][2], scores[0][3]
            batch_tags = []
            for i, length in enumerate(sentlens):
                sentence_emissions = emissions[i, :length]
                for position, tags in enumerate(forbidden[len(tagged) + orig_idx[i]] if forbidden else ()):
                    sentence_emissions[position, [tag_ids[t] for t in tags if t in tag_ids]] = -1e4
                ids, _ = viterbi_decode(sentence_emissions, transitions)
                # padding ids below the vocabulary prefix mean "no entity"
                ids = [x if x >= VOCAB_PREFIX_SIZE else VOCAB_PREFIX_SIZE for x in ids]
                batch_tags.append(fix_singleton_tags([tags[0] for tags in tag_vocab.unmap([(x,) for x in ids])]))
            tagged += unsort(batch_tags, orig_idx)
    return tagged
