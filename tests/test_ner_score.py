from extractor.ner.spans import spans_from_bioes
from extractor_lab.ner.score import strict_scores


def test_strict_scores_on_a_hand_built_example():
    gold = [("s1", 0, 2, "PERS"), ("s1", 5, 6, "LOC"), ("s2", 0, 1, "ORG"), ("s2", 3, 4, "LOC")]
    predicted = [("s1", 0, 2, "PERS"),  # right
                 ("s1", 5, 6, "ORG"),   # wrong type
                 ("s2", 0, 1, "ORG"),   # right
                 ("s2", 3, 5, "LOC"),   # wrong span
                 ("s2", 7, 8, "LOC")]   # spurious
    per_label, micro = strict_scores(gold, predicted, ["PERS", "ORG", "LOC"])
    # 2 correct of 5 predicted and 4 gold: P = 0.4, R = 0.5, F1 = 2*0.4*0.5/0.9
    assert micro.correct == 2 and micro.predicted == 5 and micro.gold == 4
    assert abs(micro.precision - 0.4) < 1e-9
    assert abs(micro.recall - 0.5) < 1e-9
    assert abs(micro.f1 - 0.4 / 0.9) < 1e-9
    assert per_label["PERS"].f1 == 1.0
    assert per_label["LOC"].correct == 0 and per_label["LOC"].gold == 2 and per_label["LOC"].predicted == 2
    assert abs(per_label["ORG"].precision - 0.5) < 1e-9 and per_label["ORG"].recall == 1.0


def test_spans_from_bioes_and_bio():
    assert spans_from_bioes(["B-PERS", "E-PERS", "O", "S-LOC"]) == [(0, 2, "PERS"), (3, 4, "LOC")]
    assert spans_from_bioes(["B-ORG", "I-ORG", "O", "B-LOC"]) == [(0, 2, "ORG"), (3, 4, "LOC")]
    assert spans_from_bioes(["O", "I-LOC", "B-PERS"]) == [(1, 2, "LOC"), (2, 3, "PERS")]


def _entities(docs, per_doc):
    return [(f"d{d}", i, i + 1, "PERS") for d in range(docs) for i in range(per_doc)]


def test_paired_bootstrap_of_identical_predictions_is_zero():
    from extractor_lab.ner.score import paired_bootstrap

    gold = _entities(20, 5)
    predicted = gold[::2] + [("d0", 90, 91, "PERS")]
    result = paired_bootstrap(gold, predicted, predicted, ["PERS"], resamples=200)
    assert result["difference"] == result["low"] == result["high"] == 0.0
    assert result["a_wins"] == 0.0 and result["documents"] == 20


def test_paired_bootstrap_sees_a_gain_in_every_document_as_certain():
    from extractor_lab.ner.score import paired_bootstrap

    gold = _entities(20, 5)
    better = [e for e in gold if e[1] < 4]   # 4 of 5 right in every document: F1 = 8/9
    worse = [e for e in gold if e[1] < 2]    # 2 of 5: F1 = 4/7
    result = paired_bootstrap(gold, better, worse, ["PERS"], resamples=200)
    assert abs(result["difference"] - (8 / 9 - 4 / 7)) < 1e-4
    # every document gains alike, so every resample shows the same difference
    assert abs(result["low"] - result["difference"]) < 1e-4 and abs(result["high"] - result["difference"]) < 1e-4
    assert result["a_wins"] == 1.0


def test_paired_bootstrap_of_a_gain_in_one_document_is_uncertain():
    from extractor_lab.ner.score import paired_bootstrap

    gold = _entities(20, 5)
    a = [e for e in gold if e[0] != "d0" or e[1] < 5]   # A: all right
    b = [e for e in gold if e[0] != "d0"]                # B: misses document d0 only
    result = paired_bootstrap(gold, a, b, ["PERS"], resamples=500)
    assert result["difference"] > 0 and result["low"] == 0.0 and 0.3 < result["a_wins"] < 0.9
