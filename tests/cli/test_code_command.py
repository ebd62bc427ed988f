"""`petrel code` as a user runs it: exit codes, stdout purity, bad input in a batch, the seed report."""

from __future__ import annotations

import csv
import json

import pytest

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


def _events(records: list[dict]) -> list[dict]:
    return [r for r in records if r["record"] == "event"]


def _find(events, cameo_root, source_code=None, target_code=None, trigger=None):
    return [
        e for e in events
        if e["cameo_root"] == cameo_root
        and (source_code is None or (e["source"] or {}).get("code") == source_code)
        and (target_code is None or (e["target"] or {}).get("code") == target_code)
        and (trigger is None or e["trigger"]["text"].lower().startswith(trigger))
    ]


def test_seed_report_gives_the_events_a_reader_expects(petrel, seed_report):
    run = petrel("code", "--date", "2024-03-21", seed_report)
    assert run.exit_code == 0, run.stderr
    events = _events(run.records())
    text = seed_report.read_text(encoding="utf-8")

    appeal = _find(events, "02", source_code="EGYGOV", trigger="call")
    assert appeal and appeal[0]["plover"] == "REQUEST"
    assert appeal[0]["source"]["name"] == "Abdel-Fattah al-Sisi"
    assert "cease-fire" in appeal[0]["sentence"]

    meeting = _find(events, "04", source_code="EGYGOV", target_code="USAGOV")
    assert meeting and meeting[0]["plover"] == "CONSULT"
    assert {e["target"]["name"] for e in meeting} >= {"Antony Blinken"}

    visit = [e for e in _find(events, "04", source_code="USAGOV", target_code="EGYGOV") if e["mode"] == "visit"]
    assert visit and visit[0]["target"]["text"] == "Cairo"

    hail = _find(events, "05", source_code="USAGOV", trigger="hail")
    assert hail and hail[0]["plover"] == "SUPPORT" and hail[0]["target"]["country"] == "EGY"

    for event in appeal + meeting + visit + hail:
        trigger = event["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
        assert event["sentence"] in text
        assert event["date"] == "2024-03-21"
        assert event["evidence"]["rule"].startswith("lexicon:")


def test_seed_report_codes_the_event_types_of_issue_three(petrel, seed_report):
    """Talks in Saudi Arabia, the draft resolution, the offensive, the genocide accusation, the
    rejected displacement; the warning about a Rafah attack is a threat, not an assault."""
    events = _events(petrel("code", "--date", "2024-03-21", seed_report).records())
    assert _find(events, "04", source_code="USAGOV", target_code="SAUGOV", trigger="talks")
    resolution = _find(events, "02", source_code="USA", trigger="submitted")
    assert resolution and resolution[0]["target"]["code"] == "IGOUNO" and resolution[0]["plover"] == "REQUEST"
    offensive = _find(events, "19", source_code="ISR", trigger="offensive")
    assert offensive and offensive[0]["plover"] == "ASSAULT" and offensive[0]["target"]["country"] == "PSE"
    accusation = _find(events, "11", target_code="ISR", trigger="accused")
    assert accusation and accusation[0]["plover"] == "ACCUSE" and accusation[0]["cameo"] == "1124"
    assert [e for e in _find(events, "12", trigger="reject") if e["plover"] == "REJECT"]
    warning = [e for e in events if e["trigger"]["text"] == "warned"]
    assert warning and warning[0]["plover"] == "THREATEN"
    warned_sentence = warning[0]["sentence_index"]
    assert not [e for e in events if e["sentence_index"] == warned_sentence and e["plover"] == "ASSAULT"]


def test_seed_report_resolves_its_actors(petrel, seed_report):
    """Sisi and Blinken in every mention (names, 'the Egyptian leader', 'He'), Hamas, Israel, the
    UN Security Council, the presidency as attribution, Palestinians as a population."""
    records = petrel("code", "--date", "2024-03-21", seed_report).records()
    actors = {}
    for record in records:
        for actor in (record.get("source"), record.get("target"), (record.get("attribution") or {}).get("actor")):
            if actor:
                actors.setdefault(actor["text"], actor)
    for mention in ("Egyptian President Abdel-Fattah al-Sisi", "Sisi", "The Egyptian leader", "He"):
        assert (actors[mention]["code"], actors[mention]["name"]) == ("EGYGOV", "Abdel-Fattah al-Sisi"), mention
    for mention in ("U.S. Secretary of State Antony Blinken", "Blinken"):
        assert (actors[mention]["code"], actors[mention]["name"]) == ("USAGOV", "Antony Blinken"), mention
    assert (actors["Hamas"]["country"], actors["Hamas"]["kind"]) == ("PSE", "group")
    assert actors["Israel"]["code"] == "ISR"
    assert actors["the UN Security Council"]["country"] == "IGO"
    assert actors["the Egyptian presidency"]["code"] == "EGYGOV"
    assert actors["Nearly 32,000 Palestinians"]["code"] == "PSECVL"


def test_actors_of_the_seed_report_named_alone(petrel):
    run = petrel("actors", "the International Court of Justice", "the Egyptian presidency", "Palestinians", "--format", "jsonl")
    icj, presidency, palestinians = [json.loads(line) for line in run.stdout.splitlines()]
    assert icj["country"] == "IGO" and icj["text"] == "the International Court of Justice"
    assert presidency["code"] == "EGYGOV" and palestinians["country"] == "PSE"


def test_seed_report_dates_each_event(petrel, seed_report):
    """The Cairo meeting on the day (Thursday), the Saudi talks on Wednesday, the planned Israel
    visit on Friday (an intent), the Oct. 7 attack in 2023."""
    events = _events(petrel("code", "--date", "2024-03-21", seed_report).records())
    meeting = _find(events, "04", source_code="EGYGOV", trigger="meeting")[0]
    assert (meeting["date"], meeting["date_text"]) == ("2024-03-21", "Thursday")
    saudi = _find(events, "04", target_code="SAUGOV", trigger="talks")[0]
    assert (saudi["date"], saudi["date_text"]) == ("2024-03-20", "Wednesday")
    visit = _find(events, "03", source_code="USAGOV", target_code="ISR")[0]
    assert (visit["cameo"], visit["date"], visit["date_text"]) == ("036", "2024-03-22", "Friday")
    attack = _find(events, "19", source_code="PSEREB", trigger="attack")[0]
    assert (attack["date"], attack["date_precision"]) == ("2023-10-07", "day")


def test_an_article_without_a_publication_date_takes_it_from_its_opening(petrel):
    run = petrel("code", "-", stdin="On 27 January 2022, protesters clashed with police in Goma.\n")
    (event, *_) = _events(run.records())
    assert event["date"] == "2022-01-27"


def test_seed_report_gives_its_figures_with_qualifiers_subjects_and_sources(petrel, seed_report):
    figures = {r["span"]["text"]: r for r in petrel("code", "--date", "2024-03-21", seed_report).records() if r["record"] == "figure"}
    by_value = {(f["category"], f["value"]): f for f in figures.values()}
    assert set(by_value) == {("sheltering", 1400000), ("killed", 1200), ("killed", 32000), ("injured", 74200),
                             ("displaced", 85), ("damaged", 60)}
    assert by_value[("killed", 1200)]["subject"]["code"] == "ISRCVL" and by_value[("killed", 1200)]["date"] == "2023-10-07"
    palestinians = by_value[("killed", 32000)]
    assert (palestinians["qualifier"], palestinians["approximate"], palestinians["subject"]["country"]) == ("nearly", True, "PSE")
    assert by_value[("sheltering", 1400000)]["qualifier"] == "more than"
    for share in (by_value[("displaced", 85)], by_value[("damaged", 60)]):
        assert share["unit"] == "percent" and share["attribution"]["actor"]["code"] == "IGOUNO"
        assert share["date"] == "2024-03-21"


def test_seed_report_places_the_visit_in_cairo_and_the_figures_in_gaza(petrel, seed_report):
    records = petrel("code", "--date", "2024-03-21", seed_report).records()
    visit = _find(_events(records), "04", source_code="USAGOV", trigger="arrived")[0]
    assert (visit["location"]["name"], visit["location"]["country"]) == ("Cairo", "EGY")
    figures = [r for r in records if r["record"] == "figure"]
    assert figures and all(f["location"]["country"] == "PSE" for f in figures)


def test_directory_with_bad_files_is_coded_except_those(petrel, tmp_path):
    batch = tmp_path / "batch"
    (batch / "nested").mkdir(parents=True)
    (batch / "good.jsonl").write_text(
        json.dumps({"id": "a1", "text": "Egyptian President Abdel-Fattah al-Sisi met Jordan's King Abdullah in Cairo."}) + "\n"
        + "{broken json\n"
        + json.dumps({"id": "a2", "text": "Police arrested 12 protesters in Nairobi on Tuesday."}) + "\n",
        encoding="utf-8",
    )
    (batch / "nested" / "story.txt").write_text("Russian forces shelled the Ukrainian city of Kharkiv overnight.", encoding="utf-8")
    (batch / "empty.txt").write_text("", encoding="utf-8")
    (batch / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (batch / "no_text_column.csv").write_text("id,body\n1,Troops clashed near the border.\n", encoding="utf-8")

    run = petrel("code", "--date", "2024-05-01", batch)

    assert run.exit_code == 1
    articles = {r["article_id"] for r in run.records()}
    assert {"a1", "a2"} <= articles and len(articles) == 3  # the two JSON lines and the text file
    problems = [line for line in run.stderr.splitlines() if "skipped:" in line]
    assert len(problems) == 4, run.stderr
    for name, reason in [("good.jsonl:2", "not valid JSON"), ("empty.txt", "empty"),
                         ("image.txt", "binary"), ("no_text_column.csv", "no \"text\" column")]:
        assert sum(name in line and reason in line for line in problems) == 1, (name, run.stderr)


def test_nothing_readable_exits_4(petrel, tmp_path):
    run = petrel("code", tmp_path / "missing.jsonl")
    assert run.exit_code == 4
    assert "missing.jsonl: skipped: no such file or directory" in run.stderr
    assert run.stdout == ""


def test_sample_articles_to_a_file_print_a_table_and_keep_stdout_for_people(petrel, tmp_path):
    output = tmp_path / "sample.jsonl"
    run = petrel("code", EXAMPLES, "--output", output)
    assert run.exit_code == 0, run.stderr
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len({r["article_id"] for r in records}) == 7
    assert "events" in run.stdout and "written to" in run.stdout
    assert "date" in run.stdout and "source" in run.stdout and "target" in run.stdout


def test_stdin_text_and_csv_output(petrel):
    run = petrel("code", "--format", "csv", "--date", "2024-02-02", "-",
                 stdin="The European Union imposed sanctions on Belarusian officials on Friday.")
    assert run.exit_code == 0, run.stderr
    rows = list(csv.DictReader(run.stdout.splitlines()))
    assert any(row["cameo"] == "163" and row["source_code"] == "IGOEUR" for row in rows)


def test_parquet_without_output_is_a_usage_error(petrel):
    run = petrel("code", "--format", "parquet", "-", stdin="Talks resumed.")
    assert run.exit_code == 2
    assert "--output" in run.stderr


def test_two_workers_give_the_same_records_as_one(petrel):
    one = petrel("code", EXAMPLES / "articles.jsonl")
    two = petrel("code", "--workers", "2", "--batch-size", "2", EXAMPLES / "articles.jsonl")
    assert one.exit_code == two.exit_code == 0
    assert one.records() == two.records()


def test_db_appends_and_recoding_replaces(petrel, tmp_path):
    import duckdb

    db = tmp_path / "store.duckdb"
    assert petrel("code", EXAMPLES / "articles.jsonl", "--db", db).exit_code == 0
    assert petrel("code", EXAMPLES / "articles.jsonl", "--db", db, "--quiet").exit_code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        total, distinct = con.execute("select count(*), count(distinct event_id) from events").fetchone()
    assert total == distinct > 0


# -- --verbs: a user's PETRARCH/TABARI verb dictionary -------------------------------------
_VERB_DICTIONARY = """\
--- RUSH   [---] ---
RUSH
- * AID  [070]  # RUSH
--- REMARK   [010] ---
REMARK
"""


def test_verbs_dictionary_codes_its_patterns_and_reports_what_it_imported(petrel, tmp_path):
    dictionary = tmp_path / "my.verbs.txt"
    dictionary.write_text(_VERB_DICTIONARY, encoding="utf-8")
    run = petrel("code", "-", "--verbs", dictionary, stdin="Germany rushed aid to Gaza on Monday.\n")
    assert run.exit_code == 0, run.stderr
    (event,) = run.records()
    assert (event["cameo"], event["source"]["country"], event["target"]["country"]) == ("070", "DEU", "PSE")
    assert event["evidence"]["lexicon"] == "petrarch" and event["evidence"]["rule"].startswith("lexicon:petrarch:RUSH:")
    assert "imported 2 patterns" in run.stderr


def test_a_saying_in_the_dictionary_is_not_coded_when_what_is_said_is_an_event(petrel, tmp_path):
    dictionary = tmp_path / "my.verbs.txt"
    dictionary.write_text(_VERB_DICTIONARY + "--- SAY   [010] ---\nSAY\n", encoding="utf-8")
    run = petrel("code", "-", "--verbs", dictionary, stdin="The ministry said Israeli troops shelled Rafah.\n")
    assert run.exit_code == 0, run.stderr
    assert [r["cameo_root"] for r in run.records()] == ["19"]


def test_a_file_that_is_not_a_verb_dictionary_stops_with_its_name(petrel, tmp_path):
    dictionary = tmp_path / "notes.txt"
    dictionary.write_text("just some notes\n", encoding="utf-8")
    run = petrel("code", "-", "--verbs", dictionary, stdin="Germany rushed aid to Gaza.\n")
    assert run.exit_code == 3
    assert f"{dictionary}:1" in run.stderr and "not a verb dictionary" in run.stderr


def test_a_bad_option_value_is_a_usage_message_not_a_traceback(petrel):
    run = petrel("code", "--format", "xml", "x.txt")
    assert run.exit_code == 2
    assert "Invalid value for '--format'" in run.stderr and "Traceback" not in run.stderr
