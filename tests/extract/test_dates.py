"""When: date phrases in wire copy resolved to calendar dates (petrel/extract/dates.py,
petrel/extract/date_phrases.py), and the date that belongs to an event's trigger.

The seed report (../shared/corpus/seed.txt) was published on Thursday 2024-03-21.
"""

from __future__ import annotations

from datetime import date

import pytest

from petrel.extract.date_phrases import resolve_phrase, resolve_weekday
from petrel.extract.dates import DateMention, date_for, find_dates, infer_publication_date
from petrel.nlp import load_pipeline

pytestmark = pytest.mark.slow

THURSDAY = date(2024, 3, 21)  # the seed's publication date


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def dates_in(nlp):
    """(text, ISO date, precision) of every date phrase found in `text`, checked against offsets."""

    def dates_in(text: str, publication: date | None = THURSDAY) -> list[tuple[str, str, str]]:
        mentions = find_dates(nlp(text), publication)
        for mention in mentions:
            assert text[mention.start_char : mention.end_char] == mention.text
        return [(m.text, m.date.isoformat(), m.precision) for m in mentions]

    return dates_in


@pytest.fixture(scope="module")
def event_date(nlp):
    """The date phrase `date_for` gives the first token `trigger` of `text`, or None."""

    def event_date(text: str, trigger: str, publication: date | None = THURSDAY) -> DateMention | None:
        doc = nlp(text)
        token = next(token for token in doc if token.text == trigger)
        return date_for(token, find_dates(doc, publication))

    return event_date


# --- explicit dates (dateparser, most recent on or before publication) ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas attacked Israel on Oct. 7.", ("Oct. 7", "2023-10-07", "day")),
        ("Clashes erupted on October 7, 2023 in the south.", ("October 7, 2023", "2023-10-07", "day")),
        ("Russia invaded Ukraine on 23 February 2022.", ("23 February 2022", "2022-02-23", "day")),
        ("The court ruled in January.", ("January", "2024-01-01", "month")),
        ("Protests began in January 2024.", ("January 2024", "2024-01-01", "month")),
        ("Elections were held in 2019.", ("2019", "2019-01-01", "year")),
        ("Leaders met in mid-January.", ("mid-January", "2024-01-01", "month")),
        ("The group rearmed in late 2021.", ("late 2021", "2021-01-01", "year")),
        ("Parliament voted on March 28.", ("March 28", "2023-03-28", "day")),
        ("Parliament voted on March 21.", ("March 21", "2024-03-21", "day")),
    ],
)
def test_explicit_dates_take_the_most_recent_on_or_before_publication(dates_in, text, expected):
    assert dates_in(text) == [expected]


def test_a_date_split_by_the_tagger_is_one_phrase(dates_in):
    assert dates_in("Hamas attacked on Oct. 7, 2023, killing 1,200.") == [("Oct. 7, 2023", "2023-10-07", "day")]
    assert dates_in("Strikes killed 12 on Sunday, 17 March.") == [("Sunday, 17 March", "2024-03-17", "day")]


def test_a_yearless_date_in_a_clause_about_the_future_is_the_next_one(dates_in):
    assert dates_in("The vote is set for March 28.") == [("March 28", "2024-03-28", "day")]
    assert dates_in("The summit will be held in June.") == [("June", "2024-06-01", "month")]
    assert dates_in("Elections will be held in March.") == [("March", "2024-03-01", "month")]  # this March


# --- relative words, counted from publication ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yesterday police arrested 12 people.", ("Yesterday", "2024-03-20", "day")),
        ("Today the cabinet met.", ("Today", "2024-03-21", "day")),
        ("Police detained the men last week.", ("last week", "2024-03-14", "day")),
        ("Prices rose last month.", ("last month", "2024-02-01", "month")),
        ("Talks stalled earlier this month.", ("earlier this month", "2024-03-01", "month")),
        ("Troops crossed the border last year.", ("last year", "2023-01-01", "year")),
        ("Soldiers raided the village two weeks ago.", ("two weeks ago", "2024-03-07", "day")),
        ("The decision came three years ago.", ("three years ago", "2021-01-01", "year")),
    ],
)
def test_relative_words_count_from_publication(dates_in, text, expected):
    assert dates_in(text) == [expected]


# --- petrel's weekday rule ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sisi called Thursday for a cease-fire.", ("Thursday", "2024-03-21", "day")),
        ("Blinken arrived in Cairo early Thursday.", ("early Thursday", "2024-03-21", "day")),
        ("Blinken held talks on Wednesday.", ("Wednesday", "2024-03-20", "day")),
        ("Israeli forces raided Jenin late Friday.", ("late Friday", "2024-03-15", "day")),
        ("Police arrested him last Thursday.", ("last Thursday", "2024-03-14", "day")),
        ("Protesters gathered Monday night.", ("Monday night", "2024-03-18", "day")),
    ],
)
def test_a_bare_weekday_is_the_latest_on_or_before_publication(dates_in, text, expected):
    assert dates_in(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He is scheduled to visit Israel on Friday.", ("Friday", "2024-03-22", "day")),
        ("The ministers will meet on Thursday.", ("Thursday", "2024-03-28", "day")),
        ("Talks are expected to resume on Monday.", ("Monday", "2024-03-25", "day")),
        ("Talks will resume next Tuesday.", ("next Tuesday", "2024-03-26", "day")),
    ],
)
def test_a_weekday_in_a_clause_about_the_future_is_the_next_one(dates_in, text, expected):
    assert dates_in(text) == [expected]


def test_reporting_day_stays_past_while_the_reported_plan_is_future(dates_in):
    assert dates_in("Egypt said on Thursday it would host talks on Sunday.") == [
        ("Thursday", "2024-03-21", "day"),
        ("Sunday", "2024-03-24", "day"),
    ]


def test_setting_fire_is_not_a_plan(dates_in):
    assert dates_in("Homes were set ablaze on Saturday.") == [("Saturday", "2024-03-16", "day")]


def test_weekday_rule_on_plain_words():
    assert resolve_weekday("thursday", THURSDAY) == (THURSDAY, "day")
    assert resolve_weekday("thursday", THURSDAY, future=True) == (date(2024, 3, 28), "day")
    assert resolve_weekday("last thursday", THURSDAY) == (date(2024, 3, 14), "day")
    assert resolve_phrase("Friday", THURSDAY) == (date(2024, 3, 15), "day")


# --- durations that fix a start; what is not a date ---


def test_nth_day_of_a_war_gives_its_first_day(dates_in, nlp):
    text = "The Israeli war, now in its 167th day, has pushed 85% of Gaza's population into displacement."
    assert dates_in(text) == [("in its 167th day", "2023-10-07", "day")]
    assert find_dates(nlp(text), THURSDAY)[0].kind == "start"


def test_since_marks_a_start(nlp):
    (mention,) = find_dates(nlp("Since Oct. 7 more than 400 people have died in the West Bank."), THURSDAY)
    assert (mention.date, mention.kind) == (date(2023, 10, 7), "start")


@pytest.mark.parametrize(
    "text",
    [
        "The man, 45, was killed in the past 24 hours.",
        "Violence has surged since the 1990s.",
        "The conflict has lasted for decades.",
        "He was detained for two weeks.",
        "Fighting continued over the weekend.",
        "The Sunday Times reported the raid.",
    ],
)
def test_durations_ages_and_vague_times_are_not_dates(dates_in, text):
    assert dates_in(text) == []


def test_without_a_publication_date_only_phrases_with_a_year_resolve(dates_in):
    text = "Troops withdrew on Friday, on Oct. 7 and last year, and returned on 23 February 2022."
    assert dates_in(text, publication=None) == [("23 February 2022", "2022-02-23", "day")]


# --- the date that belongs to an event ---


def test_date_attached_to_the_trigger_wins_over_the_reporting_date(event_date):
    text = "The ministry said on Wednesday that Israeli forces killed three people on Tuesday."
    assert event_date(text, "killed").text == "Tuesday"
    assert event_date(text, "said").text == "Wednesday"


def test_a_reported_event_takes_the_date_of_the_verb_that_reports_it(event_date):
    text = "The top diplomat said Wednesday that the U.S. has submitted a draft resolution."
    assert event_date(text, "submitted").date == date(2024, 3, 20)


def test_a_noun_event_takes_the_date_of_its_verb(event_date):
    assert event_date("Blinken arrived in Cairo early Thursday for talks with Egyptian officials.", "talks").text == "early Thursday"


def test_a_relative_clause_keeps_its_own_date(event_date):
    text = "Israel stands accused of genocide at the court, which in January issued a ruling ordering Israel to stop."
    assert event_date(text, "accused") is None
    assert event_date(text, "ordering").precision == "month"


def test_a_participle_describing_a_noun_keeps_its_own_date(event_date):
    text = "The two countries agreed to resume talks, with a first round of negotiations planned in Ankara on 17 June."
    assert event_date(text, "agreed") is None
    assert event_date(text, "planned").text.endswith("17 June")


def test_a_dated_noun_dates_itself_its_verb_and_its_clause_only(event_date):
    text = "Israel has waged an offensive since an Oct. 7 attack in which some 1,200 Israelis were killed."
    assert event_date(text, "attack").date == date(2023, 10, 7)
    assert event_date(text, "killed").date == date(2023, 10, 7)
    assert event_date("The Oct. 7 attack killed 1,200 people.", "killed").date == date(2023, 10, 7)
    assert event_date("He called for a Palestinian state on the 1967 borders.", "called") is None


def test_a_date_elsewhere_in_the_sentence_is_the_fallback(event_date):
    text = "Settlers, who burned cars in Huwara, left the village on Tuesday."
    assert event_date(text, "burned").text == "Tuesday"


def test_a_coordinated_clause_lends_its_date(event_date):
    # the small pipeline reads "on Tuesday settlers" as a compound noun
    text = "Israeli forces killed three Palestinians in Jenin, and on Tuesday settlers burned cars."
    assert event_date(text, "killed").text == "Tuesday"
    assert event_date(text, "burned").text == "Tuesday"


def test_no_date_in_the_sentence_gives_none(event_date):
    assert event_date("Protesters marched in Cairo. Police fired tear gas on Friday.", "marched") is None


# --- publication date from the text ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 27 January 2022, a group of people protested against the Taliban in Kabul.", date(2022, 1, 27)),
        ("Around 12 April 2022 (as reported), Taliban forces arrested two men in Herat.", date(2022, 4, 12)),
        ("On 23 February 2022, Russian forces shelled Kharkiv.", date(2022, 2, 23)),
        ("21 March 2024 — Israeli forces raided Jenin late Friday.", date(2024, 3, 21)),
        ("GAZA CITY, Gaza Strip, Thursday, March 21, 2024 (AP) — Strikes hit Rafah.", date(2024, 3, 21)),
        ("CAIRO, March 21 (Reuters) - Egypt condemned the war that began on Oct. 7, 2023.", date(2024, 3, 21)),
    ],
)
def test_publication_date_from_an_opening_date_or_dateline(text, expected):
    assert infer_publication_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested 12 people on Monday.",
        "CAIRO, March 21 (Reuters) - Egypt called for a cease-fire.",  # no year anywhere
        "Protests spread in 2019 and again in January.",
    ],
)
def test_no_publication_date_when_nothing_tells(text):
    assert infer_publication_date(text) is None


def test_acled_note_dates_its_event(nlp):
    text = "On 27 January 2022, a group of people protested against the Taliban in Kabul."
    doc = nlp(text)
    publication = infer_publication_date(text)
    trigger = next(token for token in doc if token.text == "protested")
    mention = date_for(trigger, find_dates(doc, publication))
    assert (mention.date, mention.precision, mention.text) == (date(2022, 1, 27), "day", "27 January 2022")


# --- the seed report, published Thursday 2024-03-21 ---


def test_seed_report_dates(nlp, seed_report):
    doc = nlp(seed_report.read_text(encoding="utf-8"))
    mentions = find_dates(doc, THURSDAY)

    def date_of(trigger: str, occurrence: int = 0) -> tuple[str, str] | None:
        token = [token for token in doc if token.text == trigger][occurrence]
        mention = date_for(token, mentions)
        return None if mention is None else (mention.date.isoformat(), mention.precision)

    assert date_of("called") == ("2024-03-21", "day")  # "called Thursday"
    assert date_of("arrived") == ("2024-03-21", "day")  # "early Thursday"
    assert date_of("kicked") == ("2024-03-20", "day")  # "on Wednesday"
    assert date_of("visit") == ("2024-03-22", "day")  # "is scheduled to visit Israel on Friday"
    assert date_of("submitted") == ("2024-03-20", "day")  # "said Wednesday that ... has submitted"
    assert date_of("attack", 1) == ("2023-10-07", "day")  # "an Oct. 7 cross-border attack"
    assert date_of("pushed") == ("2023-10-07", "day")  # "the Israeli war, now in its 167th day"
    assert date_of("issued") == ("2024-01-01", "month")  # ICJ "in January issued an interim ruling"
    assert date_of("warned") is None  # nothing in the sentence: the caller uses publication
    assert {(m.text, m.date.isoformat(), m.precision) for m in mentions} >= {
        ("Thursday", "2024-03-21", "day"),
        ("early Thursday", "2024-03-21", "day"),
        ("Friday", "2024-03-22", "day"),
        ("Oct. 7", "2023-10-07", "day"),
        ("in its 167th day", "2023-10-07", "day"),
        ("January", "2024-01-01", "month"),
    }


@pytest.mark.parametrize(
    ("phrase", "resolved"),
    [
        ("21 March 2024", (date(2024, 3, 21), "day")),
        ("March 21, 2024", (date(2024, 3, 21), "day")),
        ("on or about 3 June 2022", (date(2022, 6, 3), "day")),
        ("November 2019", (date(2019, 11, 1), "month")),
        ("2022", (date(2022, 1, 1), "year")),
    ],
)
def test_a_date_written_out_in_full_is_that_date_whatever_the_publication_date(phrase, resolved):
    assert resolve_phrase(phrase, THURSDAY) == resolved
    assert resolve_phrase(phrase, None) == resolved
    assert resolve_phrase(phrase, THURSDAY, future=True) == resolved


def test_a_day_the_month_does_not_have_leaves_only_its_year():
    assert resolve_phrase("31 February 2024", THURSDAY) == (date(2024, 1, 1), "year")
