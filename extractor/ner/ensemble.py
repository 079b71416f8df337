"""Decode BIOES tags from one or more stanza NER taggers that share a tag set.

Each tagger is a BiLSTM-CRF: per token it scores every tag (emissions) and
per pair of neighbouring tags it has a transition score. Member 1, a plain
tagger, tags every sentence. Where its CRF is unsure of some token (the
token's best tag has a probability below ``second_opinion_below``), the other
members tag that sentence too, their scores are averaged with member 1's, and
one Viterbi pass over the averages picks the tag sequence they agree on best.
Member 2 reads character language models and is about seven times slower
than member 1; on NER-UK dev it changes no tag of a sentence member 1 is sure
of, so it reads only the part of the text where it can matter: a third of
dev's tokens, 40% of BRUK's (MODEL_CARD.md).

The taggers' inputs are built here straight from token lists, the way
stanza's NER ``DataLoader`` builds them from a stanza ``Document`` (the same
sorting and padding), and decoding is batched, so the models see exactly
what stanza would give them without the cost of its per-token objects.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

SECOND_OPINION_BELOW = 0.85  # the lowest tried (0.3 to 0.9) with all the full ensemble's NER-UK dev tags
FORBIDDEN = -1e4  # an emission score no path can make up for


def _tag_names(trainer) -> list[str]:
    columns = list(trainer.vocab["tag"]._id2unit.values())  # one column per tag set; ours have one
    return list(columns[0])


def check_same_tags(members: list[Member]) -> None:
    """Averaging scores is only meaningful when every member numbers the tags alike."""
    for number, member in enumerate(members[1:], 2):
        if member.tag_names != members[0].tag_names:
            raise ValueError(f"NER member {number} numbers its tags differently from member 1; "
                             "members of one ensemble must be trained on the same training set")


def _stanza_order(lengths: list[int]) -> list[int]:
    """The order stanza's ``sort_all`` puts a batch in: longest first, later items first among equals."""
    return sorted(range(len(lengths)), key=lambda i: (lengths[i], i), reverse=True)


def _padded(rows: list[list[int]], pad: int):
    import torch

    array = np.full((len(rows), max(map(len, rows))), pad, dtype=np.int64)
    for i, row in enumerate(rows):
        array[i, :len(row)] = row
    return torch.from_numpy(array)


class Member:
    """One tagger of the ensemble, scoring batches of token lists."""

    def __init__(self, trainer, config: dict, cache_size: int):
        from stanza.models.common.vocab import PAD_ID

        self.model, self.pad, self.tag_names = trainer.model, PAD_ID, _tag_names(trainer)
        self.tag_ids = {name: number for number, name in enumerate(self.tag_names)}
        self.model.eval()
        char_vocab = trainer.vocab["char"]
        self.start, self.end = char_vocab.unit2id("\n"), char_vocab.unit2id(" ")
        lower = config.get("char_lowercase", False)
        self.char_ids = lru_cache(maxsize=cache_size)(
            lambda word: char_vocab.map([c.lower() for c in word] if lower else word))
        self.reads_charlm = bool(config.get("charlm"))

    def _one_sequence(self, words: list[list[int]]) -> tuple[list[int], list[int]]:
        """The words as one character sequence for a language model, and the offset where each ends."""
        chars, ends = [self.start], []
        for word in words:
            chars += word
            ends.append(len(chars))
            chars.append(self.end)
        return chars, ends

    def _charlm_inputs(self, sentences: list[list[list[int]]]):
        """Each sentence as one character sequence per direction, with the offset where each word ends
        (the backward one reads the words and their letters from the end; its offsets in word order)."""
        import torch

        forward = [self._one_sequence(words) for words in sentences]
        backward = [self._one_sequence([word[::-1] for word in reversed(words)]) for words in sentences]
        order = _stanza_order([len(chars) for chars, _ in forward])
        chars = [_padded([sequences[i][0] for i in order], self.end) for sequences in (forward, backward)]
        ends = [[forward[i][1] for i in order], [backward[i][1][::-1] for i in order]]
        return torch.stack(chars), ends, [len(forward[i][0]) for i in order], order

    def scores(self, sentences: list[list[str]], bf16: bool = False):
        """Emission scores (sentences x words x tags, in the order given) and transition scores (tags x tags).
        ``bf16``: run the LSTMs in bfloat16 on the CPU (the scores come back as float32)."""
        import torch

        device = next(self.model.parameters()).device
        order = _stanza_order([len(s) for s in sentences])
        words = [sentences[i] for i in order]
        chars = [[self.char_ids(word) for word in sentence] for sentence in words]
        flat = [word for sentence in chars for word in sentence]
        word_order = _stanza_order([len(word) for word in flat])
        wordchars = _padded([flat[i] for i in word_order], self.pad).to(device)
        charlm = self._charlm_inputs(chars) if self.reads_charlm else (None, None, None, None)
        tags = torch.zeros((len(words), len(words[0]), 1), dtype=torch.long, device=device)  # read by the loss only
        with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            _, logits, transitions = self.model(
                words, wordchars, torch.eq(wordchars, self.pad), tags, word_order, [len(w) for w in words],
                [len(flat[i]) for i in word_order], None if charlm[0] is None else charlm[0].to(device),
                charlm[1], charlm[2], charlm[3])
        emissions = np.empty(logits[0].shape, dtype=np.float32)
        emissions[order] = logits[0].float().cpu().numpy()
        return emissions, transitions[0].detach().float().cpu().numpy()


def viterbi(emissions: np.ndarray, transitions: np.ndarray, lengths: list[int]) -> list[list[int]]:
    """The best tag path of each sentence: stanza's ``viterbi_decode`` (the same sums, maxima and
    ties), run over a whole batch at once."""
    longest = emissions.shape[1]
    back = np.zeros(emissions.shape, dtype=np.int64)
    score, last = emissions[:, 0], emissions[:, 0].copy()
    for t in range(1, longest):
        paths = score[:, :, None] + transitions[None]
        back[:, t] = paths.argmax(1)
        score = emissions[:, t] + paths.max(1)
        ending = np.asarray(lengths) == t + 1
        last[ending] = score[ending]
    best = []
    for i, length in enumerate(lengths):
        path = [int(last[i].argmax())]
        for t in range(length - 1, 0, -1):
            path.append(int(back[i, t, path[-1]]))
        best.append(path[::-1])
    return best


def least_sure(emissions: np.ndarray, transitions: np.ndarray, lengths: list[int]) -> np.ndarray:
    """Per sentence, the lowest probability the CRF gives any token's best tag (forward-backward,
    scaled at every step)."""
    longest = emissions.shape[1]
    emitted = np.exp(emissions - emissions.max(2, keepdims=True), dtype=np.float64)
    step = np.exp(transitions - transitions.max(), dtype=np.float64)
    forward, backward = np.empty(emitted.shape), np.ones(emitted.shape)
    forward[:, 0] = emitted[:, 0]
    for t in range(1, longest):
        forward[:, t] = (forward[:, t - 1] @ step) * emitted[:, t]
        forward[:, t] /= forward[:, t].sum(1, keepdims=True) + 1e-300
    ends = np.asarray(lengths)[:, None]
    for t in range(longest - 2, -1, -1):
        inside = (emitted[:, t + 1] * backward[:, t + 1]) @ step.T
        backward[:, t] = np.where(t < ends - 1, inside / (inside.sum(1, keepdims=True) + 1e-300), 1.0)
    marginals = forward * backward
    best = marginals.max(2) / (marginals.sum(2) + 1e-300)
    best[np.arange(longest)[None, :] >= ends] = 1.0  # padding
    return best.min(1)


def _forbid(emissions: np.ndarray, forbidden: list[list[list[int]]] | None) -> np.ndarray:
    """``forbidden``: per sentence and token, the tag ids decoding may not choose there (``constraints.py``)."""
    for s, sentence in enumerate(forbidden or ()):
        for position, tags in enumerate(sentence):
            if tags:
                emissions[s, position, tags] = FORBIDDEN
    return emissions


def first_opinion(member: Member, sentences: list[list[str]], forbidden=None, bf16: bool = False,
                  doubt: bool = True):
    """Member 1's (tag ids per sentence, emission scores with the forbidden ones, transition scores,
    per sentence the lowest probability of a token's best tag, or None without ``doubt``: with no other
    member to ask, nobody reads it)."""
    lengths = [len(s) for s in sentences]
    emissions, transitions = member.scores(sentences, bf16)
    _forbid(emissions, forbidden)
    return (viterbi(emissions, transitions, lengths), emissions, transitions,
            least_sure(emissions, transitions, lengths) if doubt else None)


def second_opinion(members: list[Member], sentences: list[list[str]], first: list[np.ndarray],
                   first_transitions: np.ndarray, forbidden=None, bf16: bool = False) -> list[list[int]]:
    """Tag ids per sentence from the scores of members 2.. averaged with member 1's (``first``: its
    emission scores per sentence, forbidden tags included)."""
    lengths = [len(s) for s in sentences]
    scores = [member.scores(sentences, bf16) for member in members]
    emissions = np.zeros_like(scores[0][0])
    for i, row in enumerate(first):
        emissions[i, :len(row)] = row
    averaged = np.mean([emissions] + [e for e, _ in scores], axis=0)
    return viterbi(_forbid(averaged, forbidden), np.mean([first_transitions] + [t for _, t in scores], axis=0), lengths)


def tag_names(member: Member, path: list[int]) -> list[str]:
    """BIOES tags of a tag-id path; padding ids below the vocabulary prefix mean "no entity"."""
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.ner.trainer import fix_singleton_tags

    return fix_singleton_tags([member.tag_names[max(x, VOCAB_PREFIX_SIZE)] for x in path])
