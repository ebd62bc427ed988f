"""The event-root model: trained from our own example sentences, reproducibly, and used only
where the lexicon finds nothing."""

from __future__ import annotations

import json

import pytest

from petrel.errors import DataFileError
from petrel.extract.event_roots import MODEL_PATH, NO_EVENT, default_event_root_model, load_event_root_model
from petrel.training.event_roots import EXAMPLES_DIR, main, read_examples


def test_examples_cover_every_root_and_sentences_without_events():
    examples = read_examples()
    labels = {e.label for e in examples}
    assert labels == {f"{root:02d}" for root in range(1, 21)} | {NO_EVENT}
    assert all(sum(e.label == label for e in examples) >= 50 for label in labels)


def test_a_bad_example_names_its_file_and_line(tmp_path):
    (tmp_path / "mine.tsv").write_text("cameo\tsentence\n190\tRebels shelled the town.\n999\tA made-up code.\n", encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        read_examples(tmp_path)
    assert raised.value.line == 3 and "999" in str(raised.value)


def test_the_shipped_model_knows_the_roots_and_reports_how_it_was_trained():
    model = default_event_root_model()
    assert model is not None
    assert set(model.labels) == {f"{root:02d}" for root in range(1, 21)} | {NO_EVENT}
    assert model.meta["examples"] == len(read_examples(EXAMPLES_DIR))


def test_a_model_file_that_is_not_one_is_a_clear_error(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"labels": ["19"]}), encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_event_root_model(path)
    assert "python -m petrel.training.event_roots" in str(raised.value)


@pytest.mark.slow
def test_retraining_reproduces_the_shipped_model_exactly(capsys):
    """Deterministic training: the model in the repository is what the examples give."""
    assert main(["--check"]) == 0, capsys.readouterr().out
    assert MODEL_PATH.exists()


def test_no_event_wins_only_when_the_model_is_fairly_sure_of_it():
    from petrel.extract.model_events import NO_EVENT_FROM

    model = default_event_root_model()
    assert model.event_root(["market", "inflation", "rise"], none_below=NO_EVENT_FROM) is None
    guess = model.event_root(["MAIN:shell", "shell", "artillery"], none_below=NO_EVENT_FROM)
    assert guess is not None and guess.label in {"19", "18", "20"}
