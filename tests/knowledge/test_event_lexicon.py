"""The event lexicon (petrel/knowledge/event_lexicon.py, petrel/data/events/lexicon.yaml).

The lexicon is data a user edits: it must load, agree with the ontology, and when it is broken
say which file and line to fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from petrel.errors import DataFileError, ExitCode
from petrel.knowledge.event_lexicon import LEXICON_PATH, EventLexicon, default_event_lexicon, load_event_lexicon
from petrel.ontology import default_ontology


@pytest.fixture(scope="module")
def lexicon():
    return load_event_lexicon()


# -- the packaged lexicon -------------------------------------------------------------------
def test_packaged_lexicon_loads_with_verb_and_noun_patterns(lexicon):
    assert len(lexicon.patterns) > 50
    assert "shell" in lexicon.by_verb
    assert "talk" in lexicon.by_noun
    assert lexicon.path == str(LEXICON_PATH)


def test_every_pattern_gives_a_code_of_the_ontology(lexicon):
    ontology = default_ontology()
    unknown = [(p.id, p.cameo) for p in lexicon.patterns if p.cameo not in ontology]
    assert not unknown


def test_only_public_statements_lack_a_plover_type(lexicon):
    # Public statements (CAMEO 01: comments, denials, condolences) have no PLOVER type.
    ontology = default_ontology()
    untyped = [p.id for p in lexicon.patterns if ontology[p.cameo].plover is None]
    assert untyped and all(lexicon_pattern.cameo.startswith("01") for lexicon_pattern in lexicon.patterns if lexicon_pattern.id in untyped)


def test_pattern_ids_are_unique(lexicon):
    ids = [p.id for p in lexicon.patterns]
    assert len(ids) == len(set(ids))


def test_every_pattern_remembers_its_line_in_the_file(lexicon):
    lines = LEXICON_PATH.read_text(encoding="utf-8").splitlines()
    for pattern in lexicon.patterns:
        assert lines[pattern.line - 1] == f"- id: {pattern.id}"


def test_call_patterns_are_tried_most_specific_first(lexicon):
    calls = lexicon.by_verb["call"]
    specificity = [p.specificity for p in calls]
    assert specificity == sorted(specificity, reverse=True)
    # "call for a cease-fire" must be tried before the bare "call for" appeal.
    ids = [p.id for p in calls]
    assert ids.index("appeal_ceasefire") < ids.index("appeal_for")
    assert calls[-1].id == "appeal_for"


def test_appeal_for_ceasefire_pattern_needs_for_and_a_truce_word(lexicon):
    pattern = next(p for p in lexicon.by_verb["call"] if p.id == "appeal_ceasefire")
    assert pattern.cameo == "0256"
    assert pattern.prep == "for"
    assert {"cease-fire", "ceasefire", "truce"} <= pattern.object


def test_default_lexicon_is_loaded_once():
    assert default_event_lexicon() is default_event_lexicon()


# -- a user's edited copy -------------------------------------------------------------------
def _copy_with(tmp_path: Path, entry: str) -> tuple[Path, int]:
    """The packaged lexicon with `entry` appended; returns the path and the entry's first line."""
    text = LEXICON_PATH.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path = tmp_path / "lexicon.yaml"
    path.write_text(text + entry, encoding="utf-8")
    return path, len(text.splitlines()) + 1


def _load_error(path: Path) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        load_event_lexicon(path)
    error = caught.value
    assert error.path == str(path)
    assert error.exit_code == ExitCode.BAD_DATA_FILE
    return error


def test_a_copy_with_a_new_entry_loads(tmp_path):
    path, line = _copy_with(tmp_path, '- id: blockade_port\n  cameo: "191"\n  verbs: [blockade]\n  object: [port]\n')
    pattern = load_event_lexicon(path).patterns[-1]
    assert (pattern.id, pattern.cameo, pattern.line) == ("blockade_port", "191", line)


def test_unknown_key_names_file_line_and_valid_keys(tmp_path):
    path, line = _copy_with(tmp_path, '- id: blockade_port\n  cameo: "191"\n  verbs: [blockade]\n  objects: [port]\n')
    error = _load_error(path)
    assert error.line == line
    assert f"{path}:{line}:" in str(error)
    assert "objects" in error.reason
    assert "object" in error.fix


def test_unknown_cameo_code_names_file_and_line(tmp_path):
    path, line = _copy_with(tmp_path, '- id: blockade_port\n  cameo: "1999"\n  verbs: [blockade]\n')
    error = _load_error(path)
    assert error.line == line
    assert "'1999' is not a CAMEO code" in str(error)


def test_duplicate_id_names_the_second_entry_and_the_first(tmp_path):
    path, line = _copy_with(tmp_path, '- id: shell\n  cameo: "194"\n  verbs: [bombard]\n')
    first = next(p.line for p in load_event_lexicon().patterns if p.id == "shell")
    error = _load_error(path)
    assert error.line == line
    assert f"first at line {first}" in error.reason


def test_entry_without_verbs_or_nouns_names_file_and_line(tmp_path):
    path, line = _copy_with(tmp_path, '- id: blockade_port\n  cameo: "191"\n  prep: of\n')
    error = _load_error(path)
    assert error.line == line
    assert "blockade_port" in error.reason


def test_jointly_naming_no_entry_names_file_and_line(tmp_path):
    path, line = _copy_with(tmp_path, '- id: naval_drill\n  cameo: "150"\n  nouns: [drill]\n  jointly: joint_drills\n')
    error = _load_error(path)
    assert error.line == line
    assert "'joint_drills', which is no entry's id" in error.reason


def test_military_exercises_done_together_are_joint_exercises(lexicon):
    assert lexicon.by_id[lexicon.by_id["military_exercise"].jointly].cameo == "062"


def test_text_that_is_not_yaml_names_file_and_line(tmp_path):
    # The third line of the entry is indented one space too few.
    path, line = _copy_with(tmp_path, '- id: blockade_port\n  cameo: "191"\n verbs: [blockade]\n')
    error = _load_error(path)
    assert error.line == line + 2
    assert "not valid YAML" in error.reason


def test_unquoted_cameo_code_with_leading_zero_is_not_misread(tmp_path):
    path, _ = _copy_with(tmp_path, "- id: demand_truce\n  cameo: 0256\n  verbs: [demand]\n  object: [truce]\n")
    try:
        pattern = load_event_lexicon(path).patterns[-1]
    except DataFileError:
        return  # rejected, with file and line: acceptable
    assert pattern.cameo == "0256"


# -- combining lexicons ---------------------------------------------------------------------
def _user_lexicon(tmp_path: Path, entries: str) -> EventLexicon:
    path = tmp_path / "more.yaml"
    path.write_text(entries, encoding="utf-8")
    return load_event_lexicon(path)


def test_extended_lexicon_tries_the_more_specific_pattern_first(lexicon, tmp_path):
    more = _user_lexicon(tmp_path, '- id: call_for_vote\n  cameo: "024"\n  verbs: [call]\n  prep: for\n  object: [vote]\n')
    combined = lexicon.extended_with(more)
    assert len(combined.patterns) == len(lexicon.patterns) + 1
    ids = [p.id for p in combined.by_verb["call"]]
    assert ids.index("call_for_vote") < ids.index("appeal_for")
    assert combined.path == f"{lexicon.path} + {more.path}"


def test_extended_lexicon_keeps_its_own_pattern_first_on_a_tie(lexicon, tmp_path):
    # the same conditions as the packaged appeal_for: the packaged one stays in front
    more = _user_lexicon(tmp_path, '- id: call_for_other\n  cameo: "010"\n  verbs: [call]\n  prep: for\n')
    ids = [p.id for p in lexicon.extended_with(more).by_verb["call"]]
    assert ids.index("appeal_for") < ids.index("call_for_other")


def test_extending_with_a_clashing_id_names_file_and_line(lexicon, tmp_path):
    more = _user_lexicon(tmp_path, '- id: shell\n  cameo: "194"\n  verbs: [bombard]\n')
    with pytest.raises(DataFileError) as caught:
        lexicon.extended_with(more)
    assert (caught.value.path, caught.value.line) == (more.path, 1)
    assert str(LEXICON_PATH) in caught.value.reason


def test_a_nouns_object_slot_is_its_of_phrase(lexicon):
    arrest = lexicon.by_id["arrest"]
    assert (arrest.verb_targets, arrest.noun_targets) == (("dobj",), ("prep:of",))
    assert lexicon.by_id["blockade"].noun_targets.count("prep:of") == 1  # listed once even when also given


def test_adjectives_trigger_comments(lexicon):
    assert [p.cameo for p in lexicon.by_adjective["skeptical"]] == ["012"]
    assert [p.cameo for p in lexicon.by_adjective["optimistic"]] == ["013"]


def test_a_purpose_condition_counts_as_one_more_condition(lexicon):
    gather = lexicon.by_id["gather_to_protest"]
    assert "demand" in gather.purpose and gather.specificity == 1
