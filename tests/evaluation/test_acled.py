"""The ACLED mapping: killed figures summed, the main record's date and place compared."""

from datetime import date

from petrel.evaluation.acled import killed, main_record, score_acled
from petrel.evaluation.datasets import AcledEvent, read_acled
from petrel.records import Event, Figure, Place


def figure(category: str, value: float, place: Place | None = None, day: date | None = None) -> Figure:
    return Figure(
        article_id="a", figure_id=f"{category}{value}", sentence_index=0, sentence="s",
        span={"text": "x", "start": 0, "end": 1}, category=category, value=value, location=place, date=day,
    )


def test_fatalities_are_the_sum_of_killed_figures_and_zero_without_any():
    assert killed([figure("killed", 3), figure("killed", 2), figure("injured", 9)]) == 5
    assert killed([]) == 0


def test_a_note_is_right_when_figures_date_country_and_place_agree():
    goma = Place(text="Goma", name="Goma", country="COD")
    row = AcledEvent("DRC1", "On 27 January 2022, ...", date(2022, 1, 27), 2, "COD", "Goma", ("Goma", "Nord-Kivu"), 2)
    report = score_acled("acled", "x.csv", [row], [[figure("killed", 2, goma, date(2022, 1, 27))]])
    assert report.metrics == {"fatalities_match": 1.0, "date_match": 1.0, "country_match": 1.0, "place_match": 1.0}


def test_acled_rows_take_their_country_code_from_the_country_name(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(
        "event_id_cnty,event_date,country,admin1,admin2,admin3,location,notes,fatalities\n"
        'GBR1,2022-04-12,United Kingdom,England,,,London,"Around 12 April 2022, activists marched in London.",0.0\n',
        encoding="utf-8",
    )
    (row,) = read_acled(path)
    assert (row.iso3, row.event_date, row.fatalities, row.place_names) == ("GBR", date(2022, 4, 12), 0, ("London", "England"))


def event(trigger: str, sentence_index: int, kind: str, confidence: float) -> Event:
    return Event(
        article_id="a", event_id=trigger, sentence_index=sentence_index, sentence="s",
        trigger={"text": trigger, "start": 0, "end": len(trigger)}, cameo="141", cameo_root="14",
        confidence=confidence, evidence={"rule": "test", "trigger_kind": kind},
    )


def test_the_note_is_about_the_verb_event_of_its_first_sentence():
    protest = event("protested", 0, "verb", 0.7)
    invasion = event("invasion", 0, "noun", 0.9)  # "protested against the invasion of Ukraine"
    later = event("arrested", 1, "verb", 0.95)
    assert main_record([later, invasion, protest]) is protest
    assert main_record([figure("killed", 3)]).category == "killed"
