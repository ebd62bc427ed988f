"""Figure words (petrel/knowledge/figure_words.py, petrel/data/figures/figure_words.yaml).

The file is data a user edits: it must load, cover every figure category of the output
contract, and when it is broken say which file and line to fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from petrel.errors import DataFileError, ExitCode
from petrel.knowledge.figure_words import FILE_KEYS, CATEGORIES, FIGURE_WORDS_PATH, default_figure_words, load_figure_words


@pytest.fixture(scope="module")
def words():
    return load_figure_words()


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "figure_words.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# -- the packaged file --------------------------------------------------------------------------
def test_every_category_of_the_output_contract_has_words(words):
    assert set(words.categories.values()) == set(CATEGORIES)


@pytest.mark.parametrize(
    ("word", "category"),
    [
        ("kill", "killed"), ("die", "killed"), ("dead", "killed"), ("death toll", "killed"), ("fatality", "killed"),
        ("injure", "injured"), ("wound", "injured"), ("hurt", "injured"),
        ("displace", "displaced"), ("flee", "displaced"), ("displacement", "displaced"), ("uproot", "displaced"),
        ("arrest", "detained"), ("detain", "detained"), ("jail", "detained"), ("round up", "detained"), ("detainee", "detained"),
        ("missing", "missing"), ("hostage", "hostages"), ("abduct", "hostages"), ("kidnap", "hostages"),
        ("refugee", "refugees"), ("take refuge", "sheltering"), ("seek refuge", "sheltering"), ("shelter", "sheltering"),
        ("affect", "affected"), ("damage", "damaged"), ("destroy", "destroyed"), ("raze", "destroyed"), ("flatten", "destroyed"),
    ],
)  # fmt: skip
def test_category_words_carry_their_category(words, word, category):
    assert words.categories[tuple(word.split())] == category


@pytest.mark.parametrize(
    ("qualifier", "bound"),
    [
        ("nearly", "upper"), ("almost", "upper"), ("up to", "upper"), ("fewer than", "upper"), ("less than", "upper"),
        ("close to", "upper"), ("as many as", "upper"),
        ("some", "about"), ("about", "about"), ("around", "about"), ("roughly", "about"), ("approximately", "about"),
        ("an estimated", "about"),
        ("more than", "lower"), ("over", "lower"), ("at least", "lower"), ("upwards of", "lower"),
    ],
)  # fmt: skip
def test_hedges_say_how_the_number_bounds_the_count(words, qualifier, bound):
    found = [q for q in words.qualifiers if q.text == qualifier and not q.after]
    assert [(q.bound, q.approximate) for q in found] == [(bound, True)]


def test_exactly_is_a_qualifier_that_is_not_approximate(words):
    [exactly] = [q for q in words.qualifiers if q.text == "exactly"]
    assert (exactly.bound, exactly.approximate) == ("exact", False)


def test_longer_qualifiers_are_tried_first(words):
    sizes = [len(q.words) for q in words.qualifiers]
    assert sizes == sorted(sizes, reverse=True)


def test_destroyed_and_damaged_together_are_damaged_and_killed_with_injured_is_other(words):
    assert words.union(["damaged", "destroyed"]) == "damaged"
    assert words.union(["destroyed", "damaged"]) == "damaged"
    assert words.union(["killed", "injured"]) == "other"
    assert words.union(["killed"]) == "killed"


def test_header_comment_explains_every_key():
    header = "\n".join(line for line in FIGURE_WORDS_PATH.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    for key in FILE_KEYS:
        assert f"#   {key}:" in header


def test_default_words_are_loaded_once():
    assert default_figure_words() is default_figure_words()


# -- errors that name the file and the line -----------------------------------------------------
def test_unknown_category_lists_the_valid_ones(tmp_path):
    path = _write(tmp_path, "categories:\n  killed: [kill]\n  wounded: [wound]\n")
    with pytest.raises(DataFileError) as error:
        load_figure_words(path)
    assert (error.value.path, error.value.line) == (str(path), 3)
    assert "'wounded'" in error.value.reason and "injured" in error.value.fix
    assert error.value.exit_code == ExitCode.BAD_DATA_FILE


def test_word_under_two_categories_names_both_lines(tmp_path):
    path = _write(tmp_path, "categories:\n  killed: [kill, dead]\n  missing:\n    - missing\n    - dead\n")
    with pytest.raises(DataFileError) as error:
        load_figure_words(path)
    assert error.value.line == 5
    assert "killed (line 2)" in error.value.reason


def test_unquoted_yes_or_no_is_not_taken_for_a_word(tmp_path):
    path = _write(tmp_path, "categories:\n  killed: [kill, no]\n")
    with pytest.raises(DataFileError) as error:
        load_figure_words(path)
    assert error.value.line == 2 and "quote" in error.value.fix


def test_qualifier_bound_must_be_one_petrel_knows(tmp_path):
    path = _write(tmp_path, "categories:\n  killed: [kill]\nqualifiers:\n  - bound: roughly\n    before: [some]\n")
    with pytest.raises(DataFileError) as error:
        load_figure_words(path)
    assert error.value.line == 4 and "about, lower, upper, exact" in error.value.reason


def test_qualifier_in_two_groups_is_an_error(tmp_path):
    text = "categories:\n  killed: [kill]\nqualifiers:\n  - bound: about\n    before: [some]\n  - bound: lower\n    before: [over, some]\n"
    with pytest.raises(DataFileError) as error:
        load_figure_words(_write(tmp_path, text))
    assert error.value.line == 7 and "first at line 5" in error.value.reason


def test_counted_subject_must_be_a_category_word(tmp_path):
    path = _write(tmp_path, "categories:\n  killed: [kill]\ncounted_subject: [die]\n")
    with pytest.raises(DataFileError) as error:
        load_figure_words(path)
    assert error.value.line == 3 and "'die'" in error.value.reason


def test_unknown_key_lists_the_keys(tmp_path):
    path = _write(tmp_path, "categories:\n  killed: [kill]\nhedges: [some]\n")
    with pytest.raises(DataFileError) as error:
        load_figure_words(path)
    assert error.value.line == 3 and "qualifiers" in error.value.fix


def test_broken_yaml_names_the_line(tmp_path):
    path = _write(tmp_path, "categories:\n  killed: [kill\n  injured: [wound]\n")
    with pytest.raises(DataFileError) as error:
        load_figure_words(path)
    assert error.value.line is not None and "not valid YAML" in error.value.reason


def test_a_minimal_file_of_categories_alone_loads(tmp_path):
    words = load_figure_words(_write(tmp_path, "categories:\n  killed: [kill, death toll]\n"))
    assert words.categories == {("kill",): "killed", ("death", "toll"): "killed"}
    assert words.qualifiers == () and words.measures == frozenset()
