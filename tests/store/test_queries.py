"""Asking a store questions: which events and figures match, and how they add up.

Two stores: the sample store (six invented articles coded by the real pipeline, plus a wire
copy of the Idlib one; slow to build) and a small hand-built store of Gaza reports whose death
tolls two sources give on the same days (`build_reports_store`, fast; the CLI tests use it too).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from petrel.articles import Article
from petrel.errors import UnknownNameError, UsageError
from petrel.records import Actor, Attribution, Event, Figure, Place, Span, stable_id
from petrel.store import EventStore
from petrel.store.queries import (
    EventFilter, FigureFilter, compare_figures, count_events, dyad_matrix, event_counts, figure_series,
    find_events, find_figures, find_stories, goldstein_series,
)  # fmt: skip
from tests.store.conftest import IDLIB_ID

KENYA_ID = "2024-05-08-nairobi-turkey-kenya-talks"
DAKAR_ID = "2025-05-06-dakar-protest"
COPY_ID = "wire-copy-idlib"


@pytest.fixture(scope="module")
def samples(sample_store):
    with EventStore(sample_store, read_only=True) as store:
        yield store.connection


def _articles(rows) -> set[str]:
    return {row["article_id"] for row in rows}


# ---- events of the sample store --------------------------------------------------------------


@pytest.mark.slow
def test_country_finds_the_turkey_kenya_talks_and_nothing_from_dakar(samples):
    rows = find_events(samples, EventFilter(country="KEN"))
    assert _articles(rows) == {KENYA_ID}
    assert all("KEN" in (row["source_country"], row["target_country"]) for row in rows)
    talks = [row for row in rows if row["cameo"] == "043"]
    assert talks and (talks[0]["source_name"], talks[0]["target_name"]) == ("William Ruto", "Hakan Fidan")
    assert find_events(samples, EventFilter(country="ken")) == rows  # codes in any case


@pytest.mark.slow
def test_a_dyad_is_directed_and_matches_countries_or_actor_codes(samples):
    turkey_to_kenya = find_events(samples, EventFilter(dyad=("TUR", "KEN")))
    assert turkey_to_kenya and all((r["source_country"], r["target_country"]) == ("TUR", "KEN") for r in turkey_to_kenya)
    by_code = find_events(samples, EventFilter(dyad=("TURGOV", "KENGOV")))
    assert {r["event_id"] for r in by_code} <= {r["event_id"] for r in turkey_to_kenya}
    assert any(r["target_name"] == "William Ruto" for r in by_code)
    kenya_to_turkey = find_events(samples, EventFilter(dyad=("KEN", "TUR")))
    assert kenya_to_turkey and not {r["event_id"] for r in kenya_to_turkey} & {r["event_id"] for r in turkey_to_kenya}


@pytest.mark.slow
def test_a_cameo_prefix_finds_every_code_under_it(samples):
    assaults = find_events(samples, EventFilter(cameo="19"))
    assert assaults and all(row["cameo"].startswith("19") for row in assaults)
    assert {"2024-06-18-fashaga-border-clash", IDLIB_ID} <= _articles(assaults)
    exactly_190 = find_events(samples, EventFilter(cameo="190"))
    assert 0 < len(exactly_190) < len(assaults)
    assert all(row["plover"] == "ASSAULT" for row in find_events(samples, EventFilter(plover="assault", cameo="19")))


@pytest.mark.slow
def test_a_date_range_keeps_events_dated_inside_it(samples):
    rows = find_events(samples, EventFilter(since=dt.date(2024, 5, 8), until=dt.date(2024, 5, 8)))
    assert rows and all(row["date"] == dt.date(2024, 5, 8) for row in rows)
    # Turkey and Kenya agreed that day to resume trade talks; the round of negotiations planned
    # for 17 June falls outside.
    assert [row for row in rows if row["cameo"] == "030"]
    assert not [row for row in rows if row["trigger_text"] == "planned"]
    assert [row for row in find_events(samples, EventFilter(since=dt.date(2024, 6, 1))) if row["trigger_text"] == "planned"]


@pytest.mark.slow
def test_copies_are_left_out_unless_asked_for(samples):
    default = find_events(samples, EventFilter(cameo="19"))
    assert COPY_ID not in _articles(default)
    everything = find_events(samples, EventFilter(cameo="19", include_duplicates=True))
    copies = [row for row in everything if row["article_id"] == COPY_ID]
    assert copies and len(everything) == len(default) + len(copies)
    originals = {row["event_id"]: row["story_id"] for row in default}
    assert all(originals[row["mention_of"]] == row["story_id"] for row in copies if row["mention_of"])


@pytest.mark.slow
def test_actor_text_and_outlet_match_substrings_in_any_case(samples):
    fidan = find_events(samples, EventFilter(actor="fidan"))
    assert fidan and all("fidan" in " ".join(str(row[c]) for c in ("source_name", "source_text", "target_name", "target_text")).lower() for row in fidan)
    toll = find_events(samples, EventFilter(text="DEATH TOLL"))
    assert toll and all("death toll" in row["sentence"] for row in toll)
    assert find_events(samples, EventFilter(outlet="wire copy")) == []  # only the copy runs on the wire
    assert _articles(find_events(samples, EventFilter(outlet="wire copy", include_duplicates=True))) == {COPY_ID}


@pytest.mark.slow
def test_place_matches_a_place_name_or_its_country(samples):
    nairobi = find_events(samples, EventFilter(place="nairobi"))
    assert nairobi and {row["location_name"] for row in nairobi} == {"Nairobi"}
    in_ethiopia = find_events(samples, EventFilter(place="ETH"))
    assert in_ethiopia and {row["location_country"] for row in in_ethiopia} == {"ETH"}


@pytest.mark.slow
def test_user_values_never_become_sql(samples):
    assert find_events(samples, EventFilter(actor="x'); DROP TABLE events; --")) == []
    assert find_events(samples, EventFilter(text="%")) == []  # a LIKE wildcard is just a character
    assert count_events(samples, EventFilter(include_duplicates=True)) == samples.execute("SELECT count(*) FROM events").fetchone()[0]


@pytest.mark.slow
def test_events_come_oldest_first_and_limit_cuts_the_list(samples):
    rows = find_events(samples, EventFilter())
    dates = [row["date"] for row in rows if row["date"] is not None]
    assert dates == sorted(dates)
    assert find_events(samples, EventFilter(), limit=5) == rows[:5]
    newest = find_events(samples, EventFilter(), order="-date", limit=1)[0]
    assert newest["date"] == max(dates)
    with pytest.raises(UnknownNameError, match="date"):
        find_events(samples, EventFilter(), order="newest")


@pytest.mark.slow
def test_stories_of_matching_events_carry_their_counts_copies_included(samples):
    stories = find_stories(samples, EventFilter(cameo="19", place="SYR"))
    assert stories
    matched = {row["story_id"] for row in find_events(samples, EventFilter(cameo="19", place="SYR"))}
    assert {story["story_id"] for story in stories} == matched
    told_twice = [story for story in stories if story["articles"] == 2]
    assert told_twice and all(story["reports"] == 1 for story in told_twice)  # the wire copy is no second report


@pytest.mark.slow
def test_counts_by_month_add_up_to_the_matching_dated_events(samples):
    where = EventFilter(cameo="1")  # every code starting 1: conflict, verbal and material
    counts = event_counts(samples, where, "month")
    dated = [row for row in find_events(samples, where) if row["date"] is not None]
    assert sum(row["events"] for row in counts) == len(dated)
    assert all(row["period"].day == 1 for row in counts)
    assert [(row["period"], row["quad_class"]) for row in counts] == sorted((row["period"], row["quad_class"]) for row in counts)
    weeks = event_counts(samples, where, "week")
    assert all(row["period"].weekday() == 0 for row in weeks)  # ISO weeks start on Monday
    with pytest.raises(UnknownNameError, match="period"):
        event_counts(samples, where, "fortnight")


@pytest.mark.slow
def test_goldstein_series_averages_the_scores_of_each_period(samples):
    series = goldstein_series(samples, EventFilter(country="KEN"), "day")
    rows = find_events(samples, EventFilter(country="KEN"))
    for point in series:
        scores = [row["goldstein"] for row in rows if row["date"] == point["period"]]
        assert point["events"] == len(scores)
        assert point["goldstein"] == pytest.approx(sum(scores) / len(scores))
    assert all(point["goldstein"] > 0 for point in series)  # talks and agreements: cooperation


@pytest.mark.slow
def test_dyad_matrix_counts_events_between_the_busiest_countries(samples):
    matrix = {(row["source"], row["target"]): row["events"] for row in dyad_matrix(samples, EventFilter())}
    assert matrix[("ETH", "SDN")] == len(find_events(samples, EventFilter(dyad=("ETH", "SDN"))))
    assert matrix[("TUR", "KEN")] >= 1
    two = dyad_matrix(samples, EventFilter(), top=2)
    assert len({side for row in two for side in (row["source"], row["target"])}) <= 2


# ---- figures of the sample store ---------------------------------------------------------------


@pytest.mark.slow
def test_figures_filter_by_category_source_and_place(samples):
    killed = find_figures(samples, FigureFilter(category="killed"))
    assert killed and {row["category"] for row in killed} == {"killed"}
    assert COPY_ID not in _articles(killed)
    ministry = find_figures(samples, FigureFilter(source="health ministry"))
    assert {(row["category"], row["value"] or row["low"]) for row in ministry} == {("killed", 23), ("injured", 24)}
    assert _articles(find_figures(samples, FigureFilter(place="BLR"))) == {"2025-04-09-eu-belarus-sanctions"}
    assert len(find_figures(samples, FigureFilter(include_duplicates=True))) > len(find_figures(samples, FigureFilter()))


@pytest.mark.slow
def test_the_idlib_tolls_are_listed_with_who_gave_them(samples):
    """The health ministry's 23 (dated the Wednesday of the strikes) and the Syrian
    Observatory's 26 ("put the death toll at 26", no date words: the publication day) are on
    rows of their own dates; the Gaza tests show two sources' tolls side by side on one row."""
    rows = compare_figures(samples, FigureFilter(category="killed", since=dt.date(2024, 9, 1), until=dt.date(2024, 9, 30)))
    reports = {(report["source"], report["value"]) for row in rows for report in row["reports"]}
    assert {("the health ministry", 23), ("Syrian Observatory for Human Rights", 26), ("UNICEF", 7)} <= reports
    assert all(report["article_id"] == IDLIB_ID for row in rows for report in row["reports"])


def test_a_bad_filter_value_is_a_usage_error_with_a_fix():
    for bad in (dict(cameo="19x"), dict(quad_class=5), dict(dyad=("EGY",)), dict(since=dt.date(2024, 2, 1), until=dt.date(2024, 1, 1))):
        with pytest.raises(UsageError) as caught:
            EventFilter(**bad)
        assert caught.value.fix
    with pytest.raises(UnknownNameError, match="ASSAULT"):
        EventFilter(plover="bombing")
    with pytest.raises(UnknownNameError, match="displaced"):
        FigureFilter(category="dead")


# ---- a hand-built store of Gaza reports ---------------------------------------------------------

GAZA = Place(text="Gaza", name="Gaza", country="PSE", lat=31.50161, lon=34.46672, geonames_id=281133, feature="PPLA")
CAIRO = Place(text="Cairo", name="Cairo", country="EGY", lat=30.06263, lon=31.24967, geonames_id=360630, feature="PPLC")
MINISTRY = "Gaza's health ministry"
MONITOR = "Euro-Med Monitor"
FILLERS = {  # each report its own words, so that only the wire copy is a near-duplicate
    "gaza-toll-ministry": "Aid agencies said trucks carrying flour and medicine waited at the Rafah crossing for a third day.",
    "gaza-toll-monitor": "The monitor said its field teams counted the dead at hospitals in Khan Younis and Deir al-Balah.",
    "gaza-toll-ministry-later": "Hospitals in the south reported running out of fuel for their generators as talks in Doha resumed.",
}


def _toll_figure(article_id: str, text: str, sentence: str, value: int, source: str | None, day: dt.date, index: int = 0) -> Figure:
    words = f"{value:,} people killed"
    start = text.index(words)
    attribution = None
    if source is not None:
        at = text.index(source)
        actor = Actor(text=source, start=at, end=at + len(source), country="PSE", sector="HLH", code="PSEHLH", kind="organization")
        if source == MONITOR:
            actor = Actor(text=source, start=at, end=at + len(source), name=MONITOR, country="NGO", sector="NGO", code="NGO", kind="organization")
        attribution = Attribution(text=f"according to {source}", start=at - 13, end=at + len(source), actor=actor)
    return Figure(
        article_id=article_id, figure_id=stable_id(article_id, index, words), sentence_index=index, sentence=sentence,
        span=Span(text=words, start=start, end=start + len(words)), category="killed", value=value, unit="people",
        date=day, location=GAZA, attribution=attribution,
    )  # fmt: skip


def _event(article_id: str, sentence: str, trigger: str, cameo: str, plover: str, quad: int, goldstein: float,
           source: Actor | None, target: Actor | None, day: dt.date, place: Place | None, index: int = 0) -> Event:  # fmt: skip
    start = sentence.index(trigger)
    return Event(
        article_id=article_id, event_id=stable_id(article_id, index, trigger, cameo), sentence_index=index,
        sentence=sentence, trigger=Span(text=trigger, start=start, end=start + len(trigger)), cameo=cameo,
        cameo_root=cameo[:2], plover=plover, quad_class=quad, goldstein=goldstein, source=source, target=target,
        date=day, date_precision="day", location=place, confidence=0.9, evidence={"rule": "hand-built"},
    )  # fmt: skip


def _actor(sentence: str, words: str, **resolved) -> Actor:
    start = sentence.index(words)
    return Actor(text=words, start=start, end=start + len(words), **resolved)


def _toll_article(article_id: str, outlet: str, day: dt.date, value: int, source: str | None) -> tuple[Article, list]:
    said = f", according to {source}" if source else ""
    sentence = f"At least {value:,} people killed in Gaza since October{said}."
    text = f"{sentence} {FILLERS[article_id]}"
    strike = "Israeli warplanes struck Rafah overnight."
    text += " " + strike
    israel = _actor(text, "Israeli warplanes", country="ISR", sector="MIL", code="ISRMIL", kind="group")
    event = _event(article_id, strike, "struck", "195", "ASSAULT", 4, -10.0, israel, None, day, GAZA, index=2)
    return Article(text=text, id=article_id, date=day, source=outlet), [_toll_figure(article_id, text, sentence, value, source, day), event]


def reports_articles() -> list[tuple[Article, list]]:
    """Five invented reports: a Cairo meeting, tolls from the ministry and a monitor on
    21 March, the ministry's higher toll on 25 March, and a wire copy of the first toll report."""
    meeting = "Egyptian President Abdel-Fattah al-Sisi met U.S. Secretary of State Antony Blinken in Cairo on Thursday."
    sisi = _actor(meeting, "Egyptian President Abdel-Fattah al-Sisi", name="Abdel-Fattah al-Sisi", country="EGY", sector="GOV", code="EGYGOV", kind="person")
    blinken = _actor(meeting, "U.S. Secretary of State Antony Blinken", name="Antony Blinken", country="USA", sector="GOV", code="USAGOV", kind="person")
    march_21 = dt.date(2024, 3, 21)
    cairo = (
        Article(text=meeting, id="cairo-meeting", date=march_21, source="Nile Wire (invented)"),
        [_event("cairo-meeting", meeting, "met", "040", "CONSULT", 1, 1.0, sisi, blinken, march_21, CAIRO)],
    )
    ministry = _toll_article("gaza-toll-ministry", "Gaza Daily (invented)", march_21, 31988, MINISTRY)
    monitor = _toll_article("gaza-toll-monitor", "Monitor News (invented)", march_21, 32070, MONITOR)
    later = _toll_article("gaza-toll-ministry-later", "Gaza Daily (invented)", dt.date(2024, 3, 25), 32333, MINISTRY)
    article, records = ministry
    copy_text = article.text + " Crossings stayed closed on Friday."
    copy = Article(text=copy_text, id="gaza-toll-copy", date=march_21, source="Copy Wire (invented)")
    copy_records = [record.model_copy(update={"article_id": copy.id, **({"figure_id": "copy-" + record.figure_id} if isinstance(record, Figure) else {"event_id": "copy-" + record.event_id})}) for record in records]
    return [cairo, ministry, monitor, later, (copy, copy_records)]


def build_reports_store(path: Path) -> Path:
    with EventStore(path) as store:
        store.ingest(reports_articles())
    return path


@pytest.fixture
def reports(tmp_path):
    with EventStore(build_reports_store(tmp_path / "reports.duckdb"), read_only=True) as store:
        yield store.connection


def test_the_hand_built_copy_is_stored_as_a_near_duplicate(reports):
    assert reports.execute("SELECT duplicate_of FROM articles WHERE article_id = 'gaza-toll-copy'").fetchone() == ("gaza-toll-ministry",)


def test_compare_puts_the_tolls_of_two_sources_side_by_side(reports):
    rows = compare_figures(reports, FigureFilter(category="killed", place="Gaza"))
    assert [(row["place"], row["date"]) for row in rows] == [("Gaza", dt.date(2024, 3, 21)), ("Gaza", dt.date(2024, 3, 25))]
    first, later = rows
    assert [(r["source"], r["value"], r["article_id"]) for r in first["reports"]] == [
        (MONITOR, 32070, "gaza-toll-monitor"),  # highest first
        (MINISTRY, 31988, "gaza-toll-ministry"),
    ]
    assert [(r["source"], r["value"]) for r in later["reports"]] == [(MINISTRY, 32333)]


def test_compare_counts_the_articles_of_a_source_copies_only_when_asked(reports):
    def ministry_articles(where):
        [first, _] = compare_figures(reports, where)
        return next(r["articles"] for r in first["reports"] if r["source"] == MINISTRY)

    assert ministry_articles(FigureFilter(category="killed")) == 1
    assert ministry_articles(FigureFilter(category="killed", include_duplicates=True)) == 2


def test_figure_series_gives_each_sources_toll_per_day(reports):
    series = figure_series(reports, FigureFilter(category="killed"))
    assert [(point["date"], point["source"], point["value"]) for point in series] == [
        (dt.date(2024, 3, 21), MONITOR, 32070),
        (dt.date(2024, 3, 21), MINISTRY, 31988),
        (dt.date(2024, 3, 25), MINISTRY, 32333),
    ]


def test_figures_filter_by_source_name_words_or_country(reports):
    assert {row["value"] for row in find_figures(reports, FigureFilter(source="health ministry"))} == {31988, 32333}
    assert {row["value"] for row in find_figures(reports, FigureFilter(source="euro-med"))} == {32070}
    assert {row["value"] for row in find_figures(reports, FigureFilter(source="PSE"))} == {31988, 32333}
    assert find_figures(reports, FigureFilter(since=dt.date(2024, 3, 22)))[0]["value"] == 32333


def test_the_egypt_us_meeting_is_found_by_country_dyad_and_actor(reports):
    for where in (EventFilter(country="EGY"), EventFilter(dyad=("EGY", "USA")), EventFilter(actor="blinken"), EventFilter(sector="gov")):
        assert [row["article_id"] for row in find_events(reports, where)] == ["cairo-meeting"]
    assert find_events(reports, EventFilter(dyad=("USA", "EGY"))) == []
    assert count_events(reports, EventFilter(cameo="19")) == 3  # the copy's strike is left out
    assert count_events(reports, EventFilter(cameo="19", include_duplicates=True)) == 4


def test_queries_read_a_store_opened_read_only(reports):
    with pytest.raises(duckdb.Error):
        reports.execute("DELETE FROM events")
