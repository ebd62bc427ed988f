"""The table of what appeals, promises, demands, refusals and threats are about."""

import pytest

from petrel.errors import DataFileError
from petrel.knowledge.complement_codes import default_complement_codes, load_complement_codes


def test_the_longest_complement_prefix_wins():
    codes = default_complement_codes()
    assert codes.code_for("02", "0841") == "0253"  # appeal for the release of persons
    assert codes.code_for("02", "087") == "0256"  # appeal for de-escalation
    assert codes.code_for("13", "163") == "1312"  # threaten sanctions
    assert codes.code_for("13", "166") == "131"  # other reductions of relations: threaten non-force
    assert codes.code_for("02", "111") is None  # an appeal to criticise: no sub-code


def test_every_shipped_code_belongs_to_its_frame_root():
    codes = default_complement_codes()
    assert codes.roots == {"02", "03", "10", "12", "13"}
    assert all(code.startswith(root) for (root, _), code in codes.table.items())


@pytest.mark.parametrize(
    ("row", "reason"),
    [("02\t084\t1053", "not a code of root 02"), ("02\t999\t020", "'999' is not a CAMEO code"), ("02\t084\t0253\n02\t084\t0253", "given twice")],
)
def test_a_bad_row_names_the_file_and_line(tmp_path, row, reason):
    path = tmp_path / "complements.tsv"
    path.write_text("frame_root\tcomplement\tcode\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_complement_codes(path)
    assert reason in str(raised.value) and raised.value.line >= 2
