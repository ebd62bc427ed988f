"""The scoring arithmetic on numbers small enough to check by hand."""

import pytest

from petrel.evaluation.scoring import class_scores, confusion_matrix, macro_f1, set_score, token_f1


def test_a_missing_prediction_costs_recall_but_not_precision():
    scores = {s.label: s for s in class_scores(["0", "0", "1"], ["0", None, "1"], ["0", "1"])}
    assert scores["0"].precision == 1.0
    assert scores["0"].recall == 0.5
    assert scores["1"].f1 == 1.0


def test_macro_f1_is_the_mean_of_class_f1():
    scores = class_scores(["0", "0", "1", "1"], ["0", "1", "1", "1"], ["0", "1"])
    # class 0: P 1, R 0.5 -> 0.667; class 1: P 0.667, R 1 -> 0.8
    assert macro_f1(scores) == pytest.approx((2 / 3 + 0.8) / 2)


def test_confusion_matrix_puts_no_prediction_in_the_last_column():
    assert confusion_matrix(["0", "1", "1"], ["0", "0", None], ["0", "1"]) == [[1, 0, 0], [1, 0, 1]]


def test_set_score_pools_sentences():
    score = set_score([({("USA", "CHN", "04")}, {("USA", "CHN", "04"), ("CHN", "USA", "04")}), (set(), {("---", "---", "19")})])
    assert (score.true_positive, score.predicted, score.gold) == (1, 3, 1)
    assert score.recall == 1.0 and score.precision == pytest.approx(1 / 3)


def test_token_f1_ignores_case_and_punctuation():
    assert token_f1("the Croatian government 's", "The Croatian government's") == 1.0
    assert token_f1("Israeli troops", None) == 0.0
    assert token_f1("Israeli troops", "troops") == pytest.approx(2 / 3)
