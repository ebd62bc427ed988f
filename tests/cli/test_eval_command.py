from __future__ import annotations

import json

from tests.conftest import SHARED
import pytest

TINY_PENTACLASS = (
    "Israeli troops shelled the town of Beit Hanoun on Monday.\t4\n"
    "The Egyptian foreign minister met his Jordanian counterpart in Cairo.\t1\n"
    "The prime minister condemned the bombing as a cowardly act.\t3\n"
)


def test_eval_scores_a_users_own_file_and_prints_json(petrel, tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(TINY_PENTACLASS, encoding="utf-8")
    run = petrel("eval", "--dataset", str(path), "--json")
    assert run.exit_code == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["dataset"] == "pentaclass" and report["examples"] == 3
    assert report["metrics"]["accuracy"] == 1.0
    assert [c["label"] for c in report["classes"]] == ["0", "1", "2", "3", "4"]


def test_eval_is_deterministic(petrel, tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(TINY_PENTACLASS, encoding="utf-8")
    assert petrel("eval", "-d", str(path), "--json").stdout == petrel("eval", "-d", str(path), "--json").stdout


def test_eval_text_report_shows_the_confusion_matrix_and_errors(petrel, tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("The prime minister condemned the bombing as a cowardly act.\t1\n", encoding="utf-8")
    run = petrel("eval", "--dataset", str(path))
    assert run.exit_code == 0, run.stderr
    assert "macro f1" in run.stdout and "Confusion matrix" in run.stdout
    assert "gold 1 | predicted 3" in run.stdout


def test_unknown_dataset_lists_the_known_ones(petrel):
    run = petrel("eval", "--dataset", "gdelt")
    assert run.exit_code == 2
    assert "pentaclass" in run.stderr and "petr2_gsr" in run.stderr


def test_named_dataset_not_found_says_where_it_looked(petrel, tmp_path):
    run = petrel("eval", "--dataset", "pentaclass", "--data-dir", str(tmp_path))
    assert run.exit_code == 2
    assert "--data-dir" in run.stderr and str(tmp_path) in run.stderr


@pytest.mark.slow
def test_petr2_gsr_dev_set_runs_end_to_end(petrel):
    if not (SHARED / "eval" / "petr2_gsr_validation.xml").exists():
        pytest.skip("../shared/eval is not here")
    run = petrel("eval", "--dataset", "petr2_gsr", "--json", "--data-dir", str(SHARED / "eval"))
    assert run.exit_code == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["examples"] == 78
    assert 0.0 < report["metrics"]["root_f1"] <= 1.0
