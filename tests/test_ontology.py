"""The CAMEO ontology joined with PLOVER (petrel/ontology.py, petrel/data/ontology/).

What a coder relies on: every CAMEO code has its PLOVER type, mode and context, and a user who
breaks a table while editing it is told which file and which line to fix.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from petrel.errors import DataFileError, ExitCode
from petrel.ontology import ONTOLOGY_DIR, default_ontology, load_ontology
from petrel.records import PLOVER_TYPES


@pytest.fixture(scope="module")
def ontology():
    return default_ontology()


# -- the packaged tables ------------------------------------------------------------------
def test_ontology_has_every_cameo_code(ontology):
    assert len(ontology) == 311
    assert {"01", "20", "010", "0256", "195", "2042"} <= set(ontology.codes())


def test_appeal_for_ceasefire_is_a_plover_request_to_yield(ontology):
    code = ontology["0256"]
    assert code.plover == "REQUEST"
    assert code.mode == "yield"
    assert list(code.context) == ["military"]
    assert code.root == "02"
    assert code.penta_class == 0
    assert code.quad_class == 1


def test_make_a_visit_is_a_consult_visit(ontology):
    code = ontology["042"]
    assert (code.plover, code.mode, code.root) == ("CONSULT", "visit", "04")


def test_aerial_weapons_are_an_assault_with_the_most_negative_weight(ontology):
    code = ontology["195"]
    assert code.plover == "ASSAULT"
    assert code.root == "19"
    assert code.quad_class == 4
    assert code.goldstein == -10.0


def test_public_statements_have_no_plover_type(ontology):
    assert ontology["01"].plover is None
    assert ontology["010"].plover is None


def test_every_plover_type_is_one_of_the_sixteen(ontology):
    used = {ontology[code].plover for code in ontology.codes()} - {None}
    assert used == set(PLOVER_TYPES)


def test_every_code_belongs_to_a_root_in_the_table(ontology):
    assert all(ontology[code].root in ontology for code in ontology.codes())


def test_unknown_code_is_not_in_the_ontology(ontology):
    assert "0999" not in ontology
    with pytest.raises(KeyError):
        ontology["0999"]


def test_default_ontology_is_loaded_once():
    assert default_ontology() is default_ontology()


# -- a user's edited copy -------------------------------------------------------------------
@pytest.fixture
def ontology_copy(tmp_path) -> Path:
    """A writable copy of the packaged ontology directory."""
    target = tmp_path / "ontology"
    shutil.copytree(Path(str(ONTOLOGY_DIR)), target)
    return target


def _replace_line(path: Path, old: str, new: str) -> int:
    """Replace the line that is exactly `old`; return its 1-based line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = lines.index(old)
    lines[index] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def _append_line(path: Path, line: str) -> int:
    """Append a line; return its 1-based line number."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return len(text.splitlines()) + 1


def _assert_points_at(error: DataFileError, filename: str, line: int) -> None:
    assert Path(error.path).name == filename
    assert error.line == line
    assert f"{filename}:{line}:" in str(error)
    assert error.exit_code == ExitCode.BAD_DATA_FILE


def test_an_unchanged_copy_loads_like_the_package(ontology_copy, ontology):
    copy = load_ontology(ontology_copy)
    assert copy.codes() == ontology.codes()
    assert copy["0256"] == ontology["0256"]


def test_unknown_plover_type_names_file_and_line(ontology_copy):
    line = _replace_line(
        ontology_copy / "cameo_to_plover.txt",
        "195: ASSAULT, heavy-weapons, military # Employ aerial weapons",
        "195: AIRSTRIKE, heavy-weapons, military # Employ aerial weapons",
    )
    with pytest.raises(DataFileError) as caught:
        load_ontology(ontology_copy)
    _assert_points_at(caught.value, "cameo_to_plover.txt", line)
    assert "AIRSTRIKE" in str(caught.value)
    assert "ASSAULT" in caught.value.fix  # the fix lists the valid types


def test_mapping_an_unknown_cameo_code_names_file_and_line(ontology_copy):
    line = _append_line(ontology_copy / "plover_supplement.txt", "1999: ASSAULT, , military # not a CAMEO code")
    with pytest.raises(DataFileError) as caught:
        load_ontology(ontology_copy)
    _assert_points_at(caught.value, "plover_supplement.txt", line)
    assert "1999" in str(caught.value)


def test_a_code_mapped_twice_names_the_second_line(ontology_copy):
    # 195 is already mapped in cameo_to_plover.txt, which is read first.
    line = _append_line(ontology_copy / "plover_supplement.txt", "195: ASSAULT, , military # Employ aerial weapons")
    with pytest.raises(DataFileError) as caught:
        load_ontology(ontology_copy)
    _assert_points_at(caught.value, "plover_supplement.txt", line)
    assert "195" in str(caught.value) and "twice" in str(caught.value)


def test_bad_code_in_cameo_table_names_file_and_line(ontology_copy):
    line = _replace_line(
        ontology_copy / "cameo_codes.tsv",
        "042\tMake a visit\t1.9\t1\t1",
        "42a\tMake a visit\t1.9\t1\t1",
    )
    with pytest.raises(DataFileError) as caught:
        load_ontology(ontology_copy)
    _assert_points_at(caught.value, "cameo_codes.tsv", line)


def _drop_visit_mapping(directory: Path) -> None:
    _replace_line(directory / "cameo_to_plover.txt", "042: CONSULT, visit,   # Make a visit", "")


def test_a_code_missing_from_every_mapping_file_is_named(ontology_copy):
    _drop_visit_mapping(ontology_copy)
    with pytest.raises(DataFileError) as caught:
        load_ontology(ontology_copy)
    assert "042" in caught.value.reason
    assert Path(caught.value.path).parent == ontology_copy
    assert "CODE: TYPE" in caught.value.fix


def test_a_code_missing_from_every_mapping_file_names_its_line(ontology_copy):
    _drop_visit_mapping(ontology_copy)
    lines = (ontology_copy / "cameo_codes.tsv").read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines, start=1) if line.startswith("042\t"))
    with pytest.raises(DataFileError) as caught:
        load_ontology(ontology_copy)
    _assert_points_at(caught.value, "cameo_codes.tsv", row)
