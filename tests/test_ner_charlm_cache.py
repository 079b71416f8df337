"""Our character-LM features (the training-time cache, and tagging without the
next-character layer) equal what stanza itself computes."""
import pytest
import torch
from torch.nn.utils.rnn import pad_packed_sequence
from stanza.models.common.char_model import CharacterLanguageModel
from stanza.models.common.data import get_long_tensor, sort_all
from stanza.models.ner.data import DataLoader

from extractor_lab.ner.charlm import train_both
from extractor.ner import charlm_features
from extractor_lab.ner.charlm_cache import cached_charlm_features
from extractor.models import NER_MODEL_DIR as DEFAULT_MODEL_DIR
from extractor.ner.tagger import NerTagger

from conftest import SHARED

SENTENCES = [
    ["Президент", "України", "Володимир", "Зеленський", "прибув", "до", "Києва", "."],
    ["У", "Курській", "області", "тривають", "бої", "."],
    ["КНДР", "відправила", "12", "тис.", "військових", "."],
]


@pytest.fixture(scope="module")
def charlm(tmp_path_factory):
    """A tiny forward model trained by the lab's charlm trainer on a few real texts."""
    tmp = tmp_path_factory.mktemp("charlm")
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "bruk" / "text" / "good").glob("*.txt"))[:3]]
    train_both(texts, tmp / "work", tmp / "model", 16, 1, 1234, directions=("forward",), dropout=0.2)
    assert not (tmp / "model" / "uk_charlm_backward.pt").exists()
    model = CharacterLanguageModel.load(str(tmp / "model" / "uk_charlm_forward.pt"), finetune=False)
    assert model.args["char_dropout"] == 0.2  # the option reaches stanza's trainer
    model.eval()
    return model


def features(model, sentences):
    """Word features per sentence, padded, as stanza's get_representation (or the cache) gives them."""
    packed = model.get_representation(*batch(model, sentences))
    return pad_packed_sequence(packed, batch_first=True)[0]


def batch(model, sentences):
    """Forward-LM inputs for these sentences, built by stanza's own NER batching code."""
    vocab = model.char_vocab()
    loader = DataLoader.__new__(DataLoader)
    loader.vocab = {"char": vocab}
    chars, _, offsets, _, lengths = loader.process_chars([[vocab.map(word) for word in s] for s in sentences])
    (chars, offsets), orig_idx = sort_all([chars, offsets], lengths)
    lengths = [len(c) for c in chars]
    return get_long_tensor(chars, len(chars), pad_id=vocab.unit2id(" ")), offsets, lengths, orig_idx


def test_cached_features_equal_stanzas_whatever_the_batch(charlm):
    expected = features(charlm, SENTENCES)
    # what the cache relies on: a sentence alone, with no neighbours, gets the features it gets in a batch
    alone = features(charlm, SENTENCES[1:2])
    with cached_charlm_features():
        first = features(charlm, SENTENCES)
        # the same sentences again, now served from the cache
        again = features(charlm, SENTENCES)
    assert torch.allclose(first, expected, atol=1e-6)
    assert torch.equal(again, first)
    assert torch.allclose(alone[0], expected[1][:alone.shape[1]], atol=1e-6)
    assert len(charlm.__dict__["_extractor_sentence_cache"]) == len(SENTENCES)


def test_cache_is_off_outside_the_block(charlm):
    """Tagging never uses the cache: stanza's own method is back after the block."""
    with cached_charlm_features():
        pass
    assert CharacterLanguageModel.get_representation.__module__ == "stanza.models.common.char_model"


def test_cached_features_come_without_dropout(charlm):
    """Computed in eval mode even when the tagger is training, like the features at tagging time."""
    charlm.train()
    try:
        expected_model_state = charlm.training
        with cached_charlm_features():
            charlm.__dict__.pop("_extractor_sentence_cache", None)
            cached = features(charlm, SENTENCES)
        assert charlm.training == expected_model_state
    finally:
        charlm.eval()
    assert torch.allclose(cached, features(charlm, SENTENCES), atol=1e-6)


@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_features_without_the_output_layer_equal_stanzas_on_the_shipped_models(direction):
    model = CharacterLanguageModel.load(str(DEFAULT_MODEL_DIR / f"uk_charlm_{direction}.pt"), finetune=False)
    model.eval()
    inputs = batch(model, SENTENCES)
    expected = pad_packed_sequence(model.get_representation(*inputs), batch_first=True)[0]
    ours = pad_packed_sequence(charlm_features.word_features(model, *inputs), batch_first=True)[0]
    assert ours.shape == expected.shape
    assert torch.allclose(ours, expected, atol=1e-6)


def test_tagger_reads_its_language_models_without_the_output_layer():
    tagger = NerTagger(DEFAULT_MODEL_DIR, members=2)
    models = [trainer.model for trainer in tagger._ner.trainers]
    bound = [lm.get_representation.__func__ for m in models
             for lm in (getattr(m, "charmodel_forward", None), getattr(m, "charmodel_backward", None)) if lm is not None]
    assert bound == [charlm_features.word_features] * 2  # member 2's pair; member 1 reads none
    # bound to these instances only: stanza's class keeps its own method
    assert CharacterLanguageModel.get_representation.__module__ == "stanza.models.common.char_model"
