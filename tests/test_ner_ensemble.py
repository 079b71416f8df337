"""Ensembles of NER taggers: packing, loading and decoding several members together."""
import pytest

from extractor_lab.cli import main
from extractor_lab.ner import corpus as ner_corpus
from extractor_lab.ner.pack import pack
from extractor.models import NER_MODEL_DIR as DEFAULT_MODEL_DIR
from extractor.ner.tagger import NerTagger

from conftest import SHARED


def _train_tiny(tmp_path, name, *extra):
    out = tmp_path / name
    code = main(["train", "ner", "--set", f"out={out}", "--set", f"work_dir={tmp_path / f'work-{name}'}",
                 "--set", "max_steps=10", "--set", "eval_interval=10", "--set", "limit_docs=4", "--set", "threads=1",
                 "--set", "silver=", *extra])
    assert code == 0
    return out


@pytest.fixture(scope="module")
def corpus_sentences():
    documents = ner_corpus.read_documents(SHARED / "ner-uk-2.0", "test")[:3]
    return [s.tokens for d in documents for s in d.sentences][:60]


def test_two_trained_members_pack_load_and_tag(tmp_path, corpus_sentences):
    first = _train_tiny(tmp_path, "first", "--set", "vectors_file=")
    second = _train_tiny(tmp_path, "second", "--set", "seed=99", "--set", f"vectors_file={first / 'uk_vectors.pt'}")
    files = pack([first, second], tmp_path / "ensemble")
    assert [f.name for f in files] == ["uk_ner.pt", "uk_ner_2.pt"]
    tagger = NerTagger(tmp_path / "ensemble", members=2)
    assert tagger.members == 2
    tags = tagger.tag_bioes(corpus_sentences)
    assert [len(t) for t in tags] == [len(s) for s in corpus_sentences]


def test_members_with_different_vectors_are_refused(tmp_path, capsys):
    first = _train_tiny(tmp_path, "first", "--set", "vectors_file=")
    other = tmp_path / "other"
    other.mkdir()
    (other / "uk_ner.pt").write_bytes((first / "uk_ner.pt").read_bytes())
    (other / "uk_vectors.pt").write_bytes(b"not the same vectors")
    code = main(["train", "ner-pack", str(first), str(other), "--out", str(tmp_path / "ensemble")])
    assert code == 2
    error = capsys.readouterr().err
    assert "share one vector file" in error and str(other / "uk_vectors.pt") in error
    assert not (tmp_path / "ensemble").exists()


def test_a_folder_that_is_not_a_trained_model_is_named(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match=str(tmp_path / "empty" / "uk_ner.pt")):
        pack([tmp_path / "empty"], tmp_path / "out")


def test_a_member_twice_tags_exactly_like_the_member_alone(tmp_path, corpus_sentences):
    """Averaging two copies changes no score, and half-precision storage changes no tag."""
    assert main(["train", "ner-pack", str(DEFAULT_MODEL_DIR), str(DEFAULT_MODEL_DIR), "--out", str(tmp_path / "twice")]) == 0
    twice = NerTagger(tmp_path / "twice", members=2)
    assert twice.members == 2
    alone = NerTagger(DEFAULT_MODEL_DIR)
    # the shipped folder may itself be an ensemble; its first member alone is the reference
    first_only = tmp_path / "first-only"
    pack([DEFAULT_MODEL_DIR], first_only)
    reference = NerTagger(first_only).tag_bioes(corpus_sentences)
    if alone.members == 1:
        assert alone.tag_bioes(corpus_sentences) == reference
    assert twice.tag_bioes(corpus_sentences) == reference
    assert any(tag != "O" for sentence in reference for tag in sentence)


def test_evaluate_against_itself_shows_no_difference(capsys):
    """`extractor evaluate ner --against`: a model compared with itself differs by exactly nothing."""
    import json

    code = main(["evaluate", "ner", "--corpus", str(SHARED / "ner-uk-2.0"), "--split", "dev",
                 "--against", str(DEFAULT_MODEL_DIR), "--json"])
    assert code == 0
    comparison = json.loads(capsys.readouterr().out)
    assert comparison["a"]["micro_all"] == comparison["b"]["micro_all"]
    assert comparison["a"]["micro_all"]["correct"] > 0
    for key in ("micro_all", "micro_core"):
        assert comparison["a_minus_b"][key]["difference"] == 0.0
        assert comparison["a_minus_b"][key]["documents"] == 39


def test_batched_viterbi_finds_what_stanza_finds_sentence_by_sentence():
    import numpy as np
    from stanza.models.common.crf import viterbi_decode

    from extractor.ner.ensemble import viterbi

    random = np.random.default_rng(7)
    lengths = [9, 9, 5, 1, 3]
    emissions = random.normal(size=(5, 9, 6)).astype(np.float32)
    transitions = random.normal(size=(6, 6)).astype(np.float32)
    expected = [list(map(int, viterbi_decode(emissions[i, :n], transitions)[0])) for i, n in enumerate(lengths)]
    assert viterbi(emissions, transitions, lengths) == expected


def test_least_sure_is_the_lowest_token_marginal_over_all_tag_paths():
    """Checked against brute force: every path of 3 tokens over 3 tags, weighted by exp(score)."""
    import itertools

    import numpy as np

    from extractor.ner.ensemble import least_sure

    random = np.random.default_rng(3)
    emissions = random.normal(size=(2, 3, 3)).astype(np.float32)
    transitions = random.normal(size=(3, 3)).astype(np.float32)
    lengths = [3, 2]
    for i, length in enumerate(lengths):
        marginals = np.zeros((length, 3))
        for path in itertools.product(range(3), repeat=length):
            score = sum(emissions[i, t, tag] for t, tag in enumerate(path))
            score += sum(transitions[a, b] for a, b in zip(path, path[1:]))
            for t, tag in enumerate(path):
                marginals[t, tag] += np.exp(score)
        expected = (marginals.max(1) / marginals.sum(1)).min()
        assert least_sure(emissions, transitions, lengths)[i] == pytest.approx(expected, rel=1e-6)


def test_our_inputs_give_the_scores_stanzas_data_loader_gives(corpus_sentences):
    """The model inputs built from token lists are the ones stanza builds from a Document."""
    import numpy as np
    from stanza.models.ner.data import DataLoader

    from extractor.ner.ensemble import Member

    tagger = NerTagger(DEFAULT_MODEL_DIR, members=2)
    sentences = corpus_sentences[:40]
    document = tagger.pipeline.processors["tokenize"].process(sentences)
    for trainer, config in zip(tagger._ner.trainers, tagger._ner.configs):
        ours, transitions = Member(trainer, config, 100).scores(sentences)
        loader = DataLoader(document, len(sentences), config, vocab=trainer.vocab, evaluation=True,
                            preprocess_tags=False)
        from stanza.models.ner.trainer import unpack_batch

        inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = \
            unpack_batch(loader[0], "cpu")
        _, logits, _ = trainer.model(inputs[0], inputs[1], inputs[2], inputs[4], word_orig_idx, sentlens, wordlens,
                                     inputs[3], charoffsets, charlens, char_orig_idx)
        theirs = np.empty_like(ours)
        theirs[orig_idx] = logits[0].detach().numpy()
        for i, sentence in enumerate(sentences):
            assert np.array_equal(ours[i, :len(sentence)], theirs[i, :len(sentence)])


def test_second_opinions_span_member_one_alone_to_the_full_ensemble(corpus_sentences):
    """Below probability 0 no sentence gets a second opinion (member 1's tags); below 1 every one does."""
    tagger = NerTagger(DEFAULT_MODEL_DIR, members=2)
    if tagger.members == 1:
        pytest.skip("the shipped model is a single tagger")
    alone = NerTagger(DEFAULT_MODEL_DIR, members=1).tag_bioes(corpus_sentences)
    tagger.second_opinion_below = 0.0
    assert tagger.tag_bioes(corpus_sentences) == alone
    tagger.second_opinion_below = 1.0
    everyone = tagger.tag_bioes(corpus_sentences)
    assert everyone != alone  # member 2 changes some tag of these 60 sentences
    tagger.second_opinion_below = 0.9
    unsure = tagger.tag_bioes(corpus_sentences)
    assert all(tags in (a, e) for tags, a, e in zip(unsure, alone, everyone))
