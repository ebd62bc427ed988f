"""Importing PETRARCH-2 / TABARI verb dictionaries (petrel/knowledge/petrarch_verbs.py).

Each rule is shown on a hand-written dictionary snippet; one test loads the real CAMEO.2.0.txt
from ../shared/dict when it is there.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.knowledge.dictionary_files import line_of, write_dictionary

from petrel.errors import DataFileError, DictionarySkip, ExitCode
from petrel.knowledge.event_lexicon import EventPattern
from petrel.knowledge.petrarch_verbs import PetrarchLexicon, load_petrarch_verbs

SHARED_CAMEO = Path(__file__).resolve().parents[2].parent / "shared" / "dict" / "CAMEO.2.0.txt"

SYNSETS = """\
&MILITARY
+TROOPS
+ARMED_FORCES
+ARMY

&CEASEFIRE
+TRUCE
+CEASE-FIRE
"""


def _dictionary(tmp_path: Path, text: str, name: str = "verbs.txt") -> Path:
    return write_dictionary(tmp_path, text, name)


_line = line_of


def _only(lexicon: PetrarchLexicon, path: Path, fragment: str) -> EventPattern:
    """The pattern imported from the line containing `fragment`."""
    line = _line(path, fragment)
    [pattern] = [p for p in lexicon.patterns if p.line == line]
    return pattern


def _import(tmp_path: Path, text: str) -> tuple[PetrarchLexicon, Path]:
    path = _dictionary(tmp_path, text)
    return load_petrarch_verbs(path), path


# -- verb blocks ----------------------------------------------------------------------------
def test_verb_block_gives_its_verbs_the_block_code(tmp_path):
    lexicon, path = _import(tmp_path, """
        # a comment before the first block
        ---  CRITICIZE   [111]  ---
        CRITICIZE   # jw 11/13/91
        DENOUNCE {DENOUNCES DENOUNCED DENOUNCING }
    """)
    [pattern] = lexicon.patterns
    assert pattern.verbs == {"criticize", "denounce"}
    assert (pattern.cameo, pattern.prep, pattern.object) == ("111", None, frozenset())
    assert pattern.id == f"petrarch:CRITICIZE:{_line(path, '--- ')}"


def test_irregular_forms_reduce_to_the_verb_lemma(tmp_path):
    lexicon, _ = _import(tmp_path, """
        ---  ACCELERATE   [042]  ---
        SPEED {SPEEDING SPEEDS SPED }
    """)
    assert set(lexicon.by_verb) == {"speed"}


def test_verb_with_its_own_code_gets_its_own_pattern(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  ASK   [---]  ---
        ASK     [020]
        INQUIRE
    """)
    [pattern] = lexicon.by_verb["ask"]
    assert pattern.cameo == "020"
    assert pattern.id == f"petrarch:ASK:{_line(path, 'ASK     [020]')}"
    # the block's null code [---] gives its other verbs no event of their own
    assert "inquire" not in lexicon.by_verb
    assert lexicon.report.skipped[DictionarySkip.NULL_CODE] == [_line(path, "--- ")]


def test_multiword_verb_keeps_its_head_verb_and_preposition(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  ASK   [---]  ---
        +ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
        +CALL_OFF [160]
        +WAGE_WAR [190]
    """)
    ask_for = _only(lexicon, path, "+ASK_FOR")
    assert (ask_for.verbs, ask_for.prep, ask_for.cameo) == ({"ask"}, "for", "020")
    assert _only(lexicon, path, "+WAGE_WAR").object == {"war"}
    # "called off" cannot be told from "called" by a pattern: coding every "call" 160 would be wrong
    assert "call" not in lexicon.by_verb
    assert lexicon.report.skipped[DictionarySkip.PARTICLE_VERB] == [_line(path, "+CALL_OFF")]


# -- pattern lines --------------------------------------------------------------------------
def test_bare_word_becomes_object_lemma(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  ACCELERATE   [---]  ---
        RUSH
        - * AID                                               [070]         # RUSH
        - * SANCTIONS [163]
    """)
    aid = _only(lexicon, path, "AID")
    assert (aid.verbs, aid.prep, aid.object, aid.cameo) == ({"rush"}, None, {"aid"}, "070")
    assert aid.id == f"petrarch:ACCELERATE:{aid.line}"
    # spaCy lemmatises "sanctions" as "sanction": the obvious singular is kept beside the word
    assert _only(lexicon, path, "SANCTIONS").object == {"sanctions", "sanction"}


def test_prep_pattern_becomes_prep_and_object(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  APPEAL   [020]  ---
        APPEAL
        - * (FOR CEASEFIRE)                                   [0256]        # APPEAL
        - * (TO A VOTE)                                       [014]
    """)
    ceasefire = _only(lexicon, path, "CEASEFIRE")
    assert (ceasefire.prep, ceasefire.object, ceasefire.cameo) == ("for", {"ceasefire"}, "0256")
    assert _only(lexicon, path, "VOTE").object == {"vote"}  # the article is not a condition


def test_prep_without_noun_finds_the_target_after_the_preposition(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  ACCELERATE   [---]  ---
        RUSH
        - * (TO)                                              [042:043]     # RUSH
    """)
    pattern = _only(lexicon, path, "(TO)")
    assert (pattern.prep, pattern.object, pattern.verb_targets) == ("to", frozenset(), ("prep:to",))


def test_noun_phrase_takes_its_head_word(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  ACCELERATE   [---]  ---
        RUSH
        - * {RELIEF ASSISTANCE}                               [073]         # RUSH
        - * (FOR {HUMANITARIAN AID})                          [0233]
    """)
    assert _only(lexicon, path, "RELIEF").object == {"assistance"}
    assert _only(lexicon, path, "HUMANITARIAN").object == {"aid"}


def test_synset_expands_to_its_words(tmp_path):
    lexicon, path = _import(tmp_path, SYNSETS + """
        ---  ACCELERATE   [---]  ---
        RUSH
        - * &MILITARY                                         [154]
        - * {&CEASEFIRE PROPOSAL}                             [026]
        - * (TO &CEASEFIRE)                                   [0356]
    """)
    assert _only(lexicon, path, "* &MILITARY").object == {"troops", "troop", "forces", "force", "army"}
    assert _only(lexicon, path, "PROPOSAL").object == {"proposal"}  # the synset only modifies the head
    assert _only(lexicon, path, "(TO &CEASEFIRE)").object == {"truce", "cease-fire"}


def test_target_marker_in_prepositional_phrase_sets_the_target_slot(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  FIRE   [190]  ---
        FIRE
        - * ROCKET (AT +)                                     [194]
    """)
    pattern = _only(lexicon, path, "ROCKET")
    assert (pattern.prep, pattern.object, pattern.verb_targets) == (None, {"rocket"}, ("prep:at",))


def test_code_pair_gives_the_source_code(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  ARRANGE   [---]  ---
        SET
        - * OFF (FOR)                                         [042:043]     # SET
        - * (BEFORE COURT)                                    [:173]        # APPEAR
    """)
    assert _only(lexicon, path, "OFF (FOR)").cameo == "042"
    assert lexicon.report.particles_dropped == 1  # "off" is kept out: a pattern cannot require it
    assert lexicon.report.skipped[DictionarySkip.REVERSED_CODE] == [_line(path, "[:173]")]


# -- what cannot be imported is skipped and counted -----------------------------------------
def test_a_word_before_the_verb_is_what_its_subject_must_be(tmp_path):
    lexicon, path = _import(tmp_path, SYNSETS + """
        ---  ACCELERATE   [---]  ---
        RUSH
        - * AID                                               [070]
        - &MILITARY *                                         [154]         # RUSH
        -  &MILITARY * EXERCISES                              [062:062]
        - IN_ *                                               [075]
    """)
    by_line = {p.line: p for p in lexicon.patterns}
    rush_troops = by_line[_line(path, "[154]")]
    assert (rush_troops.cameo, rush_troops.object) == ("154", frozenset())
    assert {"troop", "army"} <= rush_troops.subject
    exercises = by_line[_line(path, "EXERCISES")]
    assert exercises.subject == rush_troops.subject and "exercise" in exercises.object
    report = lexicon.report
    assert report.skipped[DictionarySkip.SUBJECT_SIDE] == [_line(path, "IN_")]  # PETRARCH's markers: no subject
    assert str(report).startswith(f"imported 3 patterns for 1 verbs from {path}")
    assert "1 subject-side patterns with more than one word or a marker before the verb" in str(report)


def test_unknown_code_is_skipped(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  HACK   [999]  ---
        HACK
        - * NETWORK                                           [176]
        - * INCIDENTS                                         [---]
        - * ACCOUNT                                           [080!]
        - * WEBSITE                                           [172]
    """)
    assert [p.cameo for p in lexicon.patterns] == ["172"]  # the rest of the file still imports
    skipped = lexicon.report.skipped
    assert skipped[DictionarySkip.UNKNOWN_CODE] == [_line(path, "[999]"), _line(path, "[176]"), _line(path, "[080!]")]
    assert skipped[DictionarySkip.NULL_CODE] == [_line(path, "INCIDENTS")]


def test_pattern_with_more_conditions_than_a_pattern_holds_is_skipped(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  ACCELERATE   [---]  ---
        RUSH
        - * POLICE (TO BORDER)                                [153]         # RUSH
        - * (TO PRESS) (FOR OUSTER)                           [1041]
        - * (TO BORDER)                                       [154]         # RUSH
    """)
    # keeping only "to border" would code "rushed police to the border" 154 and shadow 153
    [pattern] = lexicon.patterns
    assert (pattern.prep, pattern.object, pattern.cameo) == ("to", {"border"}, "154")
    assert lexicon.report.skipped[DictionarySkip.TWO_CONDITIONS] == [_line(path, "POLICE"), _line(path, "OUSTER")]


def test_undefined_synset_and_particle_only_patterns_are_skipped(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  BURN   [1712]  ---
        BURN
        - * &WEAPON                                           [194]
        - * DOWN                                              [1712]        # BURN
        - * VENTURE (WITH VISIT)                              VISIT)[042:043]
    """)
    assert [p.cameo for p in lexicon.patterns] == ["1712"]
    skipped = lexicon.report.skipped
    assert skipped[DictionarySkip.UNDEFINED_SYNSET] == [_line(path, "&WEAPON")]
    assert skipped[DictionarySkip.PARTICLE_ONLY] == [_line(path, "DOWN")]
    assert skipped[DictionarySkip.MALFORMED] == [_line(path, "VENTURE")]


def test_matcher_tries_an_object_before_a_bare_preposition(tmp_path):
    lexicon, path = _import(tmp_path, """
        ---  ACCELERATE   [---]  ---
        RUSH
        - * (TO)                                              [042:043]     # RUSH
        - * AID                                               [070]         # RUSH
    """)
    # "rushed aid to Gaza" fits both; the object is the narrower condition
    assert [p.cameo for p in lexicon.by_verb["rush"]] == ["070", "042"]


# -- files that are not verb dictionaries ---------------------------------------------------
def test_not_a_dictionary_names_file_and_line(tmp_path):
    path = _dictionary(tmp_path, """
        # an actor dictionary, given by mistake
        AFGHANISTAN_ [AFG]
        +AFGHAN_
    """, name="actors.txt")
    with pytest.raises(DataFileError) as raised:
        load_petrarch_verbs(path)
    assert (raised.value.path, raised.value.line) == (str(path), 2)
    assert str(raised.value).startswith(f"{path}:2: not a verb dictionary")
    assert raised.value.exit_code == ExitCode.BAD_DATA_FILE


def test_binary_file_names_file_and_line(tmp_path):
    path = tmp_path / "verbs.bin"
    path.write_bytes(b"---  RUSH  [070]  ---\nRUSH\n\x00\x01\x02")
    with pytest.raises(DataFileError) as raised:
        load_petrarch_verbs(path)
    assert (raised.value.path, raised.value.line) == (str(path), 3)


def test_block_header_without_a_name_names_the_line(tmp_path):
    path = _dictionary(tmp_path, """
        ---  RUSH  [070]  ---
        RUSH
        ---   [154]  ---
    """)
    with pytest.raises(DataFileError) as raised:
        load_petrarch_verbs(path)
    assert raised.value.line == 3


def test_latin1_dictionary_is_read(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_bytes("# dictionnaire révisé\n---  RUSH  [070]  ---\nRUSH\n".encode("latin-1"))
    [pattern] = load_petrarch_verbs(path).patterns
    assert (pattern.verbs, pattern.line) == ({"rush"}, 2)


# -- the imported patterns in use -----------------------------------------------------------
@pytest.mark.slow
def test_imported_pattern_codes_a_sentence(tmp_path):
    from petrel.extract.event_frames import find_event_frames
    from petrel.knowledge.event_lexicon import default_event_lexicon
    from petrel.nlp import load_pipeline

    lexicon, path = _import(tmp_path, """
        ---  ACCELERATE   [---]  ---
        RUSH
        - * (TO)                                              [042:043]     # RUSH
        - * AID                                               [070]         # RUSH
    """)
    doc = load_pipeline()("Germany rushed aid to Gaza.")
    [frame] = find_event_frames(next(doc.sents), default_event_lexicon().extended_with(lexicon))
    assert (frame.trigger.text, frame.pattern.cameo) == ("rushed", "070")
    assert frame.pattern.id == f"petrarch:ACCELERATE:{_line(path, 'AID')}"
    assert [t.head.text for t in frame.targets] == ["Gaza"]


@pytest.mark.skipif(not SHARED_CAMEO.exists(), reason="../shared/dict/CAMEO.2.0.txt is not here (not shipped with petrel)")
def test_cameo_2_dictionary_imports_with_sensible_counts():
    started = time.perf_counter()
    lexicon = load_petrarch_verbs(SHARED_CAMEO)
    assert time.perf_counter() - started < 5
    report = lexicon.report
    assert report.blocks > 350 and report.verbs > 1000 and report.patterns > 3000
    assert report.skipped[DictionarySkip.SUBJECT_SIDE]  # '- &MILITARY *' and its kind
    assert report.patterns > 2 * report.skipped_count
    rush = {tuple(sorted(p.object)): p.cameo for p in lexicon.by_verb["rush"] if not p.prep}
    assert rush[("aid",)] == "070"
    assert rush[("relief",)] == "073"
    lines = SHARED_CAMEO.read_text(encoding="utf-8").split("\n")
    for pattern in lexicon.patterns:
        block, line = pattern.id.split(":")[1:]
        assert int(line) == pattern.line and block.isupper()
        assert not lines[pattern.line - 1].startswith(("#", "&", "~"))


@pytest.mark.slow
def test_troops_rushing_to_a_border_is_coded_from_an_imported_subject_pattern(tmp_path):
    lexicon, path = _import(tmp_path, SYNSETS + """
        ---  ACCELERATE   [---]  ---
        RUSH
        - &MILITARY *                                         [154]         # RUSH
    """)
    from petrel.extract.event_frames import find_event_frames
    from petrel.knowledge.event_lexicon import default_event_lexicon
    from petrel.nlp import load_pipeline

    doc = load_pipeline()("Indian troops rushed to the border on Monday.")
    [frame] = find_event_frames(next(doc.sents), default_event_lexicon().extended_with(lexicon))
    assert (frame.trigger.text, frame.pattern.cameo) == ("rushed", "154")
    assert frame.sources[0].head.text in ("Indian", "troops")
