import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from petrel.errors import UsageError
from petrel.writers import COLUMN_NAMES, ParquetFileWriter, open_writer


def test_columns_have_their_types_and_values(tmp_path, records):
    path = tmp_path / "out.parquet"
    with open_writer("parquet", path) as writer:
        for record in records:
            writer.write(record)
    table = pq.read_table(path)
    assert table.column_names == COLUMN_NAMES
    assert table.schema.field("trigger_start").type == pa.int64()
    assert table.schema.field("goldstein").type == pa.float64()
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("approximate").type == pa.bool_()
    event_row, figure_row = table.to_pylist()
    assert (event_row["source_code"], event_row["cameo"], event_row["goldstein"]) == ("EGYGOV", "0256", 3.4)
    assert event_row["date"] == dt.date(2024, 3, 21)
    assert event_row["target_code"] is None
    assert (figure_row["value"], figure_row["approximate"], figure_row["qualifier"]) == (32000.0, True, "nearly")


def test_no_records_give_a_valid_file_with_the_schema(tmp_path):
    path = tmp_path / "empty.parquet"
    open_writer("parquet", path).close()
    table = pq.read_table(path)
    assert table.num_rows == 0
    assert table.schema.field("date").type == pa.date32()


def test_rows_are_written_in_row_groups(tmp_path, sisi_event, in_article):
    path = tmp_path / "out.parquet"
    with ParquetFileWriter(path, row_group_size=2) as writer:
        for index in range(5):
            writer.write(in_article(sisi_event, "article-a", index))
    metadata = pq.ParquetFile(path).metadata
    assert (metadata.num_rows, metadata.num_row_groups) == (5, 3)


@pytest.mark.parametrize("destination", [None, "-"])
def test_parquet_to_stdout_is_a_usage_error_with_a_fix(destination):
    with pytest.raises(UsageError, match="standard output") as caught:
        open_writer("parquet", destination)
    assert "--output" in caught.value.fix
