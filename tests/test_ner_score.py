from extractor.ner.score import spans_from_bioes, strict_scores


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
