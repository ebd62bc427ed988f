import io
import json

import pytest

from petrel.errors import OutputFileError
from petrel.records import Event, Figure
from petrel.writers import JsonLinesWriter, open_writer


def _read_lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_lines_parse_back_into_the_same_records(tmp_path, sisi_event, casualty_figure):
    path = tmp_path / "out.jsonl"
    with open_writer("jsonl", path) as writer:
        writer.write(sisi_event)
        writer.write(casualty_figure)
    assert writer.count == 2
    event_line, figure_line = _read_lines(path)
    assert Event.model_validate(event_line) == sisi_event
    assert Figure.model_validate(figure_line) == casualty_figure
    assert event_line["date"] == "2024-03-21"


def test_every_contract_field_is_present_with_null_for_unknown(tmp_path, sisi_event):
    path = tmp_path / "out.jsonl"
    with open_writer("jsonl", path) as writer:
        writer.write(sisi_event)
    (line,) = _read_lines(path)
    assert list(line) == list(Event.model_fields)
    assert line["target"] is None and line["mode"] is None
    assert line["source"]["start"] == sisi_event.source.start


def test_non_ascii_text_is_written_as_is(tmp_path, casualty_figure):
    path = tmp_path / "out.jsonl"
    with open_writer("jsonl", path) as writer:
        writer.write(casualty_figure)
    assert "Gaza’s health ministry" in path.read_text(encoding="utf-8")


def test_stdout_gets_each_record_flushed_at_once(monkeypatch, records):
    class RecordingStdout(io.StringIO):
        flushed: list[str] = []

        def flush(self):
            self.flushed.append(self.getvalue())

    stdout = RecordingStdout()
    monkeypatch.setattr("sys.stdout", stdout)
    writer = open_writer("jsonl", None)
    writer.write(records[0])
    assert stdout.flushed[-1].count("\n") == 1  # a consumer (| head, | jq) sees it now
    writer.write(records[1])
    writer.close()
    writer.close()  # closing twice is harmless, and stdout stays open
    assert not stdout.closed
    assert [json.loads(line)["record"] for line in stdout.getvalue().splitlines()] == ["event", "figure"]


def test_records_written_before_ctrl_c_are_kept(tmp_path, sisi_event):
    path = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt), open_writer("jsonl", path) as writer:
        writer.write(sisi_event)
        raise KeyboardInterrupt
    assert len(_read_lines(path)) == 1


def test_opening_a_file_replaces_its_old_content(tmp_path, sisi_event):
    path = tmp_path / "out.jsonl"
    path.write_text("old line\n" * 3, encoding="utf-8")
    with open_writer("jsonl", path) as writer:
        writer.write(sisi_event)
    assert len(_read_lines(path)) == 1


def test_missing_directory_is_a_petrel_error_with_a_fix(tmp_path):
    with pytest.raises(OutputFileError, match="no-such-dir") as caught:
        JsonLinesWriter(tmp_path / "no-such-dir" / "out.jsonl")
    assert "directory exists" in caught.value.fix


def test_writing_after_close_is_refused(tmp_path, sisi_event):
    writer = open_writer("jsonl", tmp_path / "out.jsonl")
    writer.close()
    with pytest.raises(ValueError, match="closed"):
        writer.write(sisi_event)
