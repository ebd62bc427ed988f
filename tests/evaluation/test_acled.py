"""The ACLED mapping: killed figures summed, the main record's date and place compared."""

from datetime import date

from petrel.evaluation.acled import killed, score_acled
from petrel.evaluation.datasets import AcledEvent, read_acled
from petrel.records import Figure, Place


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
