"""Exports of a store: tables as Parquet/CSV, events in the GDELT 2.0 and ICEWS layouts.

Two stores: the sample store (the six sample articles coded by the real pipeline, plus a wire
copy of the Idlib report; slow) for what a user checks on real output, and a small hand-built
store (fast) for the edge cases: international bodies, a place, text with tabs and line
breaks, an event without a date, a near-duplicate copy.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from petrel.articles import Article
from petrel.errors import OutputFileError, UnknownNameError, UsageError
from petrel.ontology import default_ontology
from petrel.records import Actor, Event, Place, Span, stable_id
from petrel.store import EventStore, schema
from petrel.store.exports import (
    DEFAULT_TABLES, GDELT_COLUMNS, ICEWS_COLUMNS, INTERNAL_TABLES, ExportOptions, export_store,
    gdelt_mapping_markdown, icews_mapping_markdown,
)  # fmt: skip
from petrel.store.exports.lookups import sector_words_markdown
from tests.store.conftest import IDLIB_ID

DOCS = Path(__file__).resolve().parents[2] / "docs" / "exports.md"
GDELT_NAMES = [column.name for column in GDELT_COLUMNS]
ICEWS_HEADER = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
]  # fmt: skip
TALKS_ID = "2024-05-08-nairobi-turkey-kenya-talks"
COPY_ID = "wire-copy-idlib"


def number_of(petrel_id: str) -> int:
    """The integer the layouts give a petrel id, as docs/exports.md describes it."""
    return int(hashlib.md5(petrel_id.encode()).hexdigest()[:15], 16)


def gdelt_rows(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == 61 for row in rows), "every GDELT line has exactly 61 tab-separated fields"
    return [dict(zip(GDELT_NAMES, row)) for row in rows]


def icews_rows(path: Path) -> list[dict[str, str]]:
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    assert header.split("\t") == ICEWS_HEADER
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == 20 for row in rows)
    return [dict(zip(ICEWS_HEADER, row)) for row in rows]


def query(store: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(store), read_only=True) as connection:
        return connection.execute(sql, params or []).fetchall()


# -- a small hand-built store ------------------------------------------------------------

TALKS = (
    "Kenyan President William Ruto met Turkish Foreign Minister Hakan Fidan in Nairobi on Wednesday. "
    "The United Nations praised the talks between the two governments in a statement issued late in the day. "
    "Fighting was reported again along the border, officials in the region said without giving details. "
    "Both ministers are expected to travel to Addis Ababa next week for a summit of the African Union."
)
COPY = TALKS + " Reporting by a second wire service, which carried the story an hour later."
NAIROBI = Place(text="Nairobi", name="Nairobi", country="KEN", admin1="Nairobi City", lat=-1.28333, lon=36.81667, geonames_id=184745, feature="city")


def _actor(words: str, **resolved) -> Actor:
    start = TALKS.index(words)
    return Actor(text=words, start=start, end=start + len(words), **resolved)


def _event(article_id: str, index: int, trigger: str, cameo: str, **fields) -> Event:
    sentence = TALKS.split(". ")[index]
    start = TALKS.index(trigger)
    code = default_ontology()[cameo]
    return Event(
        article_id=article_id, event_id=stable_id(article_id, index, trigger, cameo), sentence_index=index,
        sentence=sentence, trigger=Span(text=trigger, start=start, end=start + len(trigger)), cameo=cameo,
        cameo_root=cameo[:2], plover=code.plover, quad_class=code.quad_class, goldstein=code.goldstein,
        date_precision="day" if fields.get("date") else None, confidence=0.9, evidence={"rule": "hand-built"}, **fields,
    )  # fmt: skip


def _talks_records(article_id: str) -> list[Event]:
    ruto = _actor("Kenyan President William Ruto", name="William Ruto", country="KEN", sector="GOV", code="KENGOV", kind="person")
    fidan = _actor("Turkish Foreign Minister Hakan Fidan", name="Hakan Fidan", country="TUR", sector="GOV", code="TURGOV", kind="person")
    # A name holding a tab and a line break, as a user's actor file might give one.
    un = _actor("The United Nations", name="United\tNations\nOrganization", country="IGO", sector="IGO", code="IGOUNO", kind="organization")
    press = _actor("the two governments", country="KEN", sector="GOVMED", code="KENGOVMED", kind="organization")
    day = dt.date(2024, 5, 8)
    return [
        _event(article_id, 0, "met", "040", source=ruto, target=fidan, date=day, location=NAIROBI),
        _event(article_id, 1, "praised", "051", source=un, target=press, date=day),
        _event(article_id, 2, "Fighting", "190"),  # no actors, no date, no place
    ]


def build_small_store(path: Path) -> Path:
    """The Nairobi talks (three events) from one outlet, then a near-duplicate copy from another."""
    original = Article(text=TALKS, id="nairobi-talks", date=dt.date(2024, 5, 8), source="Hand Wire", url="https://news.example.org/nairobi-talks")
    copy = Article(text=COPY, id="nairobi-talks-copy", date=dt.date(2024, 5, 8), source="Second Wire")
    with EventStore(path) as store:
        store.ingest([(original, _talks_records(original.id))])
        store.ingest([(copy, _talks_records(copy.id))])
    return path


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    path = build_small_store(tmp_path_factory.mktemp("small") / "small.duckdb")
    assert query(path, "SELECT duplicate_of FROM articles WHERE article_id = 'nairobi-talks-copy'") == [("nairobi-talks",)]
    return path


# -- Parquet and CSV -----------------------------------------------------------------------

@pytest.mark.slow
def test_parquet_files_hold_every_row_of_their_tables(sample_store, tmp_path):
    written = export_store(sample_store, tmp_path / "parquet", "parquet")
    assert [f.what for f in written] == list(DEFAULT_TABLES)
    assert sorted(p.name for p in (tmp_path / "parquet").iterdir()) == sorted(f"{t}.parquet" for t in DEFAULT_TABLES)
    for exported in written:
        stored = query(sample_store, f"SELECT count(*) FROM {exported.what}")[0][0]
        assert pq.read_table(exported.path).num_rows == stored == exported.rows
        assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{exported.path}')").fetchall() == [(stored,)]
    events = pq.read_table(tmp_path / "parquet" / "events.parquet")
    assert events.column_names == schema.EVENTS.column_names
    assert sorted(events.column("event_id").to_pylist()) == sorted(r[0] for r in query(sample_store, "SELECT event_id FROM events"))
    copies = [r for r in events.to_pylist() if r["article_id"] == COPY_ID]
    assert copies and all(r["duplicate_of"] == IDLIB_ID for r in copies), "tables are exported whole, copies marked"


@pytest.mark.slow
def test_csv_files_have_the_table_columns_as_header_and_every_row(sample_store, tmp_path):
    for exported in export_store(sample_store, tmp_path / "csv", "csv"):
        with open(exported.path, newline="", encoding="utf-8") as handle:
            header, *rows = list(csv.reader(handle))
        table = next(t for t in schema.TABLES if t.name == exported.what)
        assert header == table.column_names
        assert len(rows) == query(sample_store, f"SELECT count(*) FROM {table.name}")[0][0]


@pytest.mark.slow
def test_internal_tables_are_exported_only_when_named(sample_store, tmp_path):
    written = export_store(sample_store, tmp_path, "parquet", ExportOptions(tables=("article_bands", "events", "article_bands")))
    assert [f.what for f in written] == ["article_bands", "events"]
    assert written[0].rows == query(sample_store, "SELECT count(*) FROM article_bands")[0][0] > 0
    assert not set(INTERNAL_TABLES) & set(DEFAULT_TABLES)


# -- GDELT on the sample store ---------------------------------------------------------

@pytest.mark.slow
def test_gdelt_rows_are_the_stories_with_their_dates_and_codes(sample_store, tmp_path):
    rows = gdelt_rows(export_store(sample_store, tmp_path / "gdelt.tsv", "gdelt")[0].path)
    stories = {
        number_of(story_id): (day, cameo, root, quad)
        for story_id, day, cameo, root, quad in query(
            sample_store, "SELECT story_id, date, cameo, cameo_root, quad_class FROM stories WHERE reports > 0"
        )
    }
    assert len(rows) == len(stories)
    for row in rows:
        day, cameo, root, quad = stories[int(row["GLOBALEVENTID"])]
        assert row["SQLDATE"] == day.strftime("%Y%m%d") and row["Year"] == str(day.year)
        assert row["MonthYear"] == day.strftime("%Y%m")
        assert row["EventCode"] == cameo and row["EventRootCode"] == root == cameo[:2]
        assert row["EventBaseCode"] == cameo[:3] and row["QuadClass"] == str(quad)
        assert row["AvgTone"] == "" and row["IsRootEvent"] in ("0", "1")
    assert [row["SQLDATE"] for row in rows] == sorted(row["SQLDATE"] for row in rows)


@pytest.mark.slow
def test_gdelt_counts_the_wire_copy_as_a_second_article_of_the_idlib_stories(sample_store, tmp_path):
    rows = {int(r["GLOBALEVENTID"]): r for r in gdelt_rows(export_store(sample_store, tmp_path / "g.tsv", "gdelt")[0].path)}
    with_copy = query(
        sample_store,
        "SELECT DISTINCT story_id FROM events WHERE article_id = ? AND story_id IN "
        "(SELECT story_id FROM events WHERE article_id = ?)", [COPY_ID, IDLIB_ID],
    )  # fmt: skip
    assert with_copy
    for (story_id,) in with_copy:
        row = rows[number_of(story_id)]
        assert row["NumArticles"] == "2" and row["NumSources"] == "2"
        assert int(row["NumMentions"]) >= 2
        assert row["SOURCEURL"] == IDLIB_ID  # the samples have no url: the article id stands in
    only_copy = query(sample_store, "SELECT story_id FROM stories WHERE reports = 0")
    assert only_copy and not {number_of(s) for (s,) in only_copy} & set(rows)
    everything = gdelt_rows(export_store(sample_store, tmp_path / "all.tsv", "gdelt", ExportOptions(include_duplicates=True))[0].path)
    assert len(everything) == query(sample_store, "SELECT count(*) FROM stories")[0][0]


@pytest.mark.slow
def test_gdelt_per_event_leaves_out_the_copies_events_unless_asked(sample_store, tmp_path):
    per_event = gdelt_rows(export_store(sample_store, tmp_path / "e.tsv", "gdelt", ExportOptions(per_event=True))[0].path)
    originals = query(sample_store, "SELECT event_id FROM events WHERE duplicate_of IS NULL")
    assert sorted(int(r["GLOBALEVENTID"]) for r in per_event) == sorted(number_of(e) for (e,) in originals)
    assert {(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in per_event} == {("1", "1", "1")}
    options = ExportOptions(per_event=True, include_duplicates=True)
    everything = gdelt_rows(export_store(sample_store, tmp_path / "all.tsv", "gdelt", options)[0].path)
    assert len(everything) == query(sample_store, "SELECT count(*) FROM events")[0][0]


# -- ICEWS on the sample store ---------------------------------------------------------

@pytest.mark.slow
def test_icews_gives_the_kenya_turkey_talks_with_country_names(sample_store, tmp_path):
    rows = icews_rows(export_store(sample_store, tmp_path / "icews.tsv", "icews")[0].path)
    talks = [r for r in rows if r["Story ID"] == TALKS_ID]
    fidan_to_ruto = [r for r in talks if r["Source Name"] == "Hakan Fidan" and r["Target Name"] == "William Ruto"]
    ruto_to_fidan = [r for r in talks if r["Source Name"] == "William Ruto" and r["Target Name"] == "Hakan Fidan"]
    assert fidan_to_ruto and ruto_to_fidan
    for row in fidan_to_ruto:
        assert (row["Source Country"], row["Target Country"]) == ("Turkey", "Kenya")
    for row in ruto_to_fidan:
        assert (row["Source Country"], row["Target Country"]) == ("Kenya", "Turkey")
    for row in fidan_to_ruto + ruto_to_fidan:
        assert row["Source Sectors"] == row["Target Sectors"] == "Government"
        assert row["Event Text"] == default_ontology()[row["CAMEO Code"]].name
        assert row["Publisher"] == "Petrel sample (invented)"
        assert row["Event Date"].startswith("2024-05-")
    stored = query(sample_store, "SELECT cameo, goldstein, sentence_index FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                   [[e for (e,) in query(sample_store, "SELECT event_id FROM events WHERE article_id = ?", [TALKS_ID])]])  # fmt: skip
    assert sorted((r["CAMEO Code"], float(r["Intensity"]), int(r["Sentence Number"]) - 1) for r in talks) == sorted(stored)


@pytest.mark.slow
def test_icews_leaves_out_the_copys_events_unless_asked(sample_store, tmp_path):
    rows = icews_rows(export_store(sample_store, tmp_path / "i.tsv", "icews")[0].path)
    assert len(rows) == query(sample_store, "SELECT count(*) FROM events WHERE duplicate_of IS NULL")[0][0]
    assert not [r for r in rows if r["Story ID"] == COPY_ID]
    everything = icews_rows(export_store(sample_store, tmp_path / "a.tsv", "icews", ExportOptions(include_duplicates=True))[0].path)
    copy_events = query(sample_store, "SELECT count(*) FROM events WHERE article_id = ?", [COPY_ID])[0][0]
    assert len([r for r in everything if r["Story ID"] == COPY_ID]) == copy_events > 0


# -- the hand-built store: edge cases ------------------------------------------------------

def test_international_bodies_keep_their_code_but_have_no_country(small_store, tmp_path):
    gdelt = gdelt_rows(export_store(small_store, tmp_path / "g.tsv", "gdelt", ExportOptions(per_event=True))[0].path)
    praise = next(r for r in gdelt if r["EventCode"] == "051")
    assert (praise["Actor1Code"], praise["Actor1CountryCode"], praise["Actor1Type1Code"]) == ("IGOUNO", "", "IGO")
    assert (praise["Actor2Code"], praise["Actor2CountryCode"]) == ("KENGOVMED", "KEN")
    assert (praise["Actor2Type1Code"], praise["Actor2Type2Code"], praise["Actor2Type3Code"]) == ("GOV", "MED", "")
    icews = icews_rows(export_store(small_store, tmp_path / "i.tsv", "icews")[0].path)
    praised = next(r for r in icews if r["CAMEO Code"] == "051")
    assert (praised["Source Country"], praised["Source Sectors"]) == ("", "Intergovernmental Organization")
    assert (praised["Target Country"], praised["Target Sectors"]) == ("Kenya", "Government,Media")
    assert praised["Event Text"] == "Praise or endorse" == default_ontology()["051"].name


def test_names_with_tabs_and_line_breaks_stay_on_one_line(small_store, tmp_path):
    for file_format in ("gdelt", "icews"):
        path = export_store(small_store, tmp_path / f"{file_format}.tsv", file_format)[0].path
        rows = gdelt_rows(path) if file_format == "gdelt" else icews_rows(path)
        names = {r.get("Actor1Name") or r.get("Source Name") for r in rows}
        assert "United Nations Organization" in names


def test_the_place_of_an_event_in_both_layouts(small_store, tmp_path):
    meeting = next(r for r in gdelt_rows(export_store(small_store, tmp_path / "g.tsv", "gdelt")[0].path) if r["EventCode"] == "040")
    assert meeting["ActionGeo_Type"] == "4"  # a city outside the USA
    assert meeting["ActionGeo_FullName"] == "Nairobi, Nairobi City, Kenya"
    assert meeting["ActionGeo_CountryCode"] == "KE"  # FIPS 10-4
    assert (float(meeting["ActionGeo_Lat"]), float(meeting["ActionGeo_Long"])) == (-1.28333, 36.81667)
    assert meeting["ActionGeo_ADM1Code"] == meeting["ActionGeo_FeatureID"] == meeting["Actor1Geo_Type"] == ""
    assert meeting["SOURCEURL"] == "https://news.example.org/nairobi-talks"
    assert meeting["IsRootEvent"] == "1" and meeting["SQLDATE"] == "20240508" and meeting["FractionDate"] == "2024.3497"  # 128 of 366 days gone
    assert meeting["NumArticles"] == "2" and meeting["NumSources"] == "2" and meeting["NumMentions"] == "2"
    assert len(meeting["DATEADDED"]) == 14 and meeting["DATEADDED"].isdigit()
    icews = next(r for r in icews_rows(export_store(small_store, tmp_path / "i.tsv", "icews")[0].path) if r["CAMEO Code"] == "040")
    assert (icews["City"], icews["District"], icews["Province"], icews["Country"]) == ("Nairobi", "", "Nairobi City", "Kenya")
    assert (icews["Story ID"], icews["Sentence Number"], icews["Publisher"]) == ("nairobi-talks", "1", "Hand Wire")


def test_unknown_values_are_empty_fields(small_store, tmp_path):
    fighting = next(r for r in gdelt_rows(export_store(small_store, tmp_path / "g.tsv", "gdelt")[0].path) if r["EventCode"] == "190")
    assert fighting["Actor1Code"] == fighting["Actor2Name"] == fighting["ActionGeo_FullName"] == ""
    assert fighting["IsRootEvent"] == "0" and fighting["GoldsteinScale"] == "-10.0"
    icews = next(r for r in icews_rows(export_store(small_store, tmp_path / "i.tsv", "icews")[0].path) if r["CAMEO Code"] == "190")
    assert icews["Source Name"] == icews["Country"] == icews["Latitude"] == ""


def test_ids_are_the_same_on_every_export_and_in_both_layouts(small_store, tmp_path):
    first = export_store(small_store, tmp_path / "1.tsv", "gdelt", ExportOptions(per_event=True))[0].path
    second = export_store(small_store, tmp_path / "2.tsv", "gdelt", ExportOptions(per_event=True))[0].path
    assert first.read_bytes() == second.read_bytes()
    icews = icews_rows(export_store(small_store, tmp_path / "i.tsv", "icews")[0].path)
    assert {r["GLOBALEVENTID"] for r in gdelt_rows(first)} == {r["Event ID"] for r in icews}
    event_ids = [e for (e,) in query(small_store, "SELECT event_id FROM events WHERE duplicate_of IS NULL")]
    assert {int(r["Event ID"]) for r in icews} == {number_of(e) for e in event_ids}


def test_a_story_and_its_copy_count_once_as_rows(small_store, tmp_path):
    stories = gdelt_rows(export_store(small_store, tmp_path / "g.tsv", "gdelt")[0].path)
    assert len(stories) == 3
    everything = gdelt_rows(export_store(small_store, tmp_path / "a.tsv", "gdelt", ExportOptions(include_duplicates=True))[0].path)
    assert len(everything) == 3, "the copy's events are mentions of the original's stories"


def test_gdelt_and_icews_into_a_directory_use_the_format_name(small_store, tmp_path):
    assert export_store(small_store, tmp_path, "gdelt")[0].path == tmp_path / "gdelt.tsv"
    assert export_store(small_store, tmp_path, "icews")[0].path == tmp_path / "icews.tsv"


# -- errors --------------------------------------------------------------------------------

def test_an_unknown_table_lists_the_valid_ones(small_store, tmp_path):
    with pytest.raises(UnknownNameError) as caught:
        export_store(small_store, tmp_path, "csv", ExportOptions(tables=("events", "event")))
    assert caught.value.name == "event"
    assert set(caught.value.valid) == {t.name for t in schema.TABLES}
    assert "use one of: actors, article_bands" in str(caught.value)
    assert not list(tmp_path.glob("*.csv")), "nothing is written before the names are checked"


def test_an_out_that_cannot_be_written_is_an_output_error(small_store, tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a directory")
    with pytest.raises(OutputFileError, match="cannot write to"):
        export_store(small_store, a_file, "parquet")
    with pytest.raises(OutputFileError):
        export_store(small_store, a_file / "under-a-file", "csv")
    with pytest.raises(OutputFileError, match="does not exist"):
        export_store(small_store, tmp_path / "no-such-dir" / "out.tsv", "icews")
    assert a_file.read_text() == "not a directory"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"], "no partial files are left behind"


def test_options_for_another_format_are_refused(small_store, tmp_path):
    with pytest.raises(UsageError, match="--per-event"):
        export_store(small_store, tmp_path / "i.tsv", "icews", ExportOptions(per_event=True))
    with pytest.raises(UsageError, match="--table"):
        export_store(small_store, tmp_path / "g.tsv", "gdelt", ExportOptions(tables=("events",)))
    with pytest.raises(UsageError, match="--include-duplicates"):
        export_store(small_store, tmp_path, "parquet", ExportOptions(include_duplicates=True))
    with pytest.raises(UnknownNameError, match="export format"):
        export_store(small_store, tmp_path, "xlsx")


# -- docs --------------------------------------------------------------------------------

def _generated(text: str, key: str) -> str:
    start = text.index(f"<!-- {key}: generated")
    return text[text.index("\n", start) + 1 : text.index(f"<!-- end of {key} -->")]


def test_docs_map_every_column_as_the_code_does():
    text = DOCS.read_text(encoding="utf-8")
    assert _generated(text, "gdelt columns") == gdelt_mapping_markdown(), "regenerate the GDELT table of docs/exports.md"
    assert _generated(text, "icews columns") == icews_mapping_markdown(), "regenerate the ICEWS table of docs/exports.md"
    assert _generated(text, "sector words") == sector_words_markdown(), "regenerate the sector words of docs/exports.md"
    assert [c.name for c in ICEWS_COLUMNS] == ICEWS_HEADER
    assert len(GDELT_COLUMNS) == 61 and GDELT_NAMES[:2] == ["GLOBALEVENTID", "SQLDATE"] and GDELT_NAMES[-2:] == ["DATEADDED", "SOURCEURL"]


def test_sector_names_are_data_checked_when_loaded(tmp_path):
    from petrel.errors import DataFileError
    from petrel.store.exports.lookups import sector_names, sector_words

    assert sector_names("GOVMED") == "Government,Media" and sector_names("XYZ") == "XYZ"
    bad = tmp_path / "sector_names.tsv"
    bad.write_text("code\tname\nGOV\tGovernment\nGOV\tState\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="sector_names.tsv:3"):
        sector_words.__wrapped__(bad)
