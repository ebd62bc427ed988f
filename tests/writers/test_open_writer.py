import pytest

from petrel.errors import UnknownNameError
from petrel.writers import FORMATS, RecordWriter, open_writer


def test_unknown_format_lists_the_valid_formats():
    with pytest.raises(UnknownNameError) as caught:
        open_writer("xlsx", "out.xlsx")
    assert "'xlsx'" in str(caught.value)
    assert "csv, jsonl, parquet" in caught.value.fix


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_gives_a_record_writer(tmp_path, fmt, sisi_event):
    with open_writer(fmt, tmp_path / f"out.{fmt}") as writer:
        assert isinstance(writer, RecordWriter)
        writer.write(sisi_event)
    assert writer.count == 1
