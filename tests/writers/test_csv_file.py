import csv
import io

from petrel.writers import COLUMN_NAMES, open_writer


def _read_rows(path):
    with open(path, encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return reader.fieldnames, list(reader)


def test_header_is_the_flat_columns_and_rows_read_back(tmp_path, records):
    path = tmp_path / "out.csv"
    with open_writer("csv", path) as writer:
        for record in records:
            writer.write(record)
    header, (event_row, figure_row) = _read_rows(path)
    assert header == COLUMN_NAMES
    assert event_row["record"] == "event"
    assert event_row["source_country"] == "EGY"
    assert event_row["source_code"] == "EGYGOV"
    assert (event_row["cameo"], event_row["cameo_root"], event_row["plover"]) == ("0256", "02", "REQUEST")
    assert event_row["goldstein"] == "3.4" and event_row["quad_class"] == "1"
    assert event_row["context"] == "ceasefire;humanitarian"
    assert event_row["date"] == "2024-03-21"
    assert event_row["target_code"] == ""  # None is an empty cell
    assert event_row["negated"] == "false"
    assert figure_row["record"] == "figure"
    assert (figure_row["approximate"], figure_row["qualifier"]) == ("true", "nearly")
    assert float(figure_row["value"]) == 32000
    assert figure_row["cameo"] == ""


def test_sentence_with_comma_and_quotes_survives(tmp_path, sisi_event):
    sentence = 'Sisi said: "We call, again, for a cease-fire."'
    path = tmp_path / "out.csv"
    with open_writer("csv", path) as writer:
        writer.write(sisi_event.model_copy(update={"sentence": sentence}))
    _, (row,) = _read_rows(path)
    assert row["sentence"] == sentence


def test_no_records_still_writes_the_header(tmp_path):
    path = tmp_path / "out.csv"
    open_writer("csv", path).close()
    assert _read_rows(path) == (COLUMN_NAMES, [])


def test_csv_to_stdout(capsys, sisi_event):
    with open_writer("csv", None) as writer:
        writer.write(sisi_event)
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["event_id"] for row in rows] == [sisi_event.event_id]
