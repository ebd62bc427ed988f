"""Figures: the numbers a report gives, tied to their category words on the parse.

petrel/extract/figures.py (with petrel/extract/figure_numbers.py) finds them in one parsed
sentence. Each test parses wire-style sentences and checks what a user reads in a figure
record: the words quoted, the category, the value with its bounds and hedge, the unit, and
whose figure it is.
"""

from __future__ import annotations

import pytest

from petrel.extract.actors import ActorMatcher, ArticleActors
from petrel.extract.figures import FigureMention, find_figures
from petrel.knowledge.actor_tables import default_actor_knowledge
from petrel.knowledge.figure_words import default_figure_words

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def figures_in(nlp):
    """The figures of a text, sentence by sentence, in text order."""
    words = default_figure_words()

    def figures_in(text: str) -> list[FigureMention]:
        doc = nlp(text)
        return [figure for sentence in doc.sents for figure in find_figures(sentence, words)]

    return figures_in


@pytest.fixture(scope="module")
def the_figure(figures_in):
    """The one figure of a sentence."""

    def the_figure(text: str) -> FigureMention:
        figures = figures_in(text)
        assert len(figures) == 1, [(f.words.text, f.category) for f in figures]
        return figures[0]

    return the_figure


def _summary(figure: FigureMention) -> tuple:
    return (figure.words.text, figure.category, figure.value, figure.low, figure.high, figure.approximate, figure.qualifier, figure.unit)


# -- the seed report ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_figures(seed_report, nlp):
    doc = nlp(seed_report.read_text(encoding="utf-8"))
    actors = ArticleActors(doc, ActorMatcher(nlp, default_actor_knowledge()).find(doc))
    words = default_figure_words()
    return [(figure, actors) for sentence in doc.sents for figure in find_figures(sentence, words)]


def test_seed_report_gives_its_six_figures_and_nothing_else(seed_figures):
    # not the 1967 borders, not Oct. 7, not the war's 167th day
    assert [(f.category, f.value, f.unit) for f, _ in seed_figures] == [
        ("sheltering", 1_400_000, "people"),
        ("killed", 1200, "people"),
        ("killed", 32000, "people"),
        ("injured", 74200, "people"),
        ("displaced", 85, "percent"),
        ("damaged", 60, "percent"),
    ]


def test_seed_more_than_1_4_million_who_took_refuge_in_rafah_are_sheltering(seed_figures):
    figure, _ = seed_figures[0]
    assert _summary(figure) == (
        "more than 1.4 million people have taken refuge", "sheltering", 1_400_000, 1_400_000, None, True, "more than", "people",
    )


def test_seed_some_1200_israelis_killed_is_an_approximate_count_of_israelis(seed_figures):
    figure, actors = seed_figures[1]
    assert _summary(figure) == ("some 1,200 Israelis were killed", "killed", 1200, None, None, True, "some", "people")
    subject = actors.mention_for(figure.subject_head)
    assert (subject.country, subject.kind) == ("ISR", "population")


def test_seed_nearly_32000_palestinians_killed_has_32000_as_its_upper_bound(seed_figures):
    figure, actors = seed_figures[2]
    assert _summary(figure) == ("Nearly 32,000 Palestinians", "killed", 32000, None, 32000, True, "nearly", "people")
    assert figure.trigger.text == "killed"
    assert actors.mention_for(figure.subject_head).code == "PSECVL"


def test_seed_nearly_74200_injured_are_the_same_palestinians(seed_figures):
    # "Nearly 32,000 Palestinians ... have since been killed in Gaza, and nearly 74,200 injured"
    figure, actors = seed_figures[3]
    assert _summary(figure) == ("nearly 74,200 injured", "injured", 74200, None, 74200, True, "nearly", "people")
    assert actors.mention_for(figure.subject_head).country == "PSE"


def test_seed_85_percent_pushed_into_displacement_are_displaced(seed_figures):
    figure, actors = seed_figures[4]
    assert _summary(figure)[1:] == ("displaced", 85, None, None, False, None, "percent")
    assert figure.words.text.startswith("85% of Gaza's population")
    assert (figure.trigger.text, figure.rule) == ("displacement", "into")
    assert actors.mention_for(figure.subject_head).country == "PSE"


def test_seed_60_percent_damaged_or_destroyed_is_one_damaged_figure(seed_figures):
    figure, _ = seed_figures[5]
    assert _summary(figure) == (
        "60% of the enclave's infrastructure has been damaged or destroyed", "damaged", 60, None, None, False, None, "percent",
    )
    assert figure.subject_head.text == "infrastructure"


# -- numbers as they are written ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "value", "low", "high", "approximate"),
    [
        ("More than 1.4 million people have fled their homes.", 1_400_000, 1_400_000, None, True),
        ("The bombing killed 32,000 people.", 32000, None, None, False),
        ("Israeli strikes killed 23 Palestinians overnight.", 23, None, None, False),
        ("Three soldiers were killed in the ambush.", 3, None, None, False),
        ("Twenty-five people were wounded.", 25, None, None, False),
        ("A dozen protesters were arrested.", 12, None, None, True),
        ("Half a dozen soldiers were injured.", 6, None, None, True),
        ("Dozens of protesters were arrested.", None, 24, None, True),
        ("Hundreds of families fled the fighting.", None, 200, None, True),
        ("Thousands were displaced by the floods.", None, 2000, None, True),
        ("Tens of thousands of people have been killed since 2011.", None, 20_000, None, True),
        ("Several hundred people were detained.", None, 300, None, True),
        ("Between 90 and 100 people were killed.", None, 90, 100, True),
        ("The strike killed 10-15 people.", None, 10, 15, True),
        ("Two or three people were wounded.", None, 2, 3, True),
        ("Between 1 and 2 million people have been displaced.", None, 1_000_000, 2_000_000, True),
        ("Up to 50 people were taken hostage by gunmen.", 50, None, 50, True),
        ("At least eight people were killed.", 8, 8, None, True),
        ("Nearly 300 people were injured.", 300, None, 300, True),
        ("Roughly 1,000 people have been arrested.", 1000, None, None, True),
        ("An estimated 2 million people were affected by the drought.", 2_000_000, None, None, True),
        ("The floods displaced 1,000 or more people.", 1000, 1000, None, True),
        ("Exactly 12 people were killed.", 12, None, None, False),
    ],
)
def test_counts_are_read_with_their_bounds_and_hedges(the_figure, sentence, value, low, high, approximate):
    figure = the_figure(sentence)
    assert (figure.value, figure.low, figure.high, figure.approximate) == (value, low, high, approximate)


@pytest.mark.parametrize(
    "sentence",
    [
        "About 85% of the population has been displaced.",
        "About 85 percent of the population has been displaced.",
        "About 85 per cent of the population has been displaced.",
    ],
)
def test_percentages_count_percent_of_the_population(the_figure, sentence):
    figure = the_figure(sentence)
    assert (figure.value, figure.unit, figure.qualifier, figure.category) == (85, "percent", "about", "displaced")
    assert figure.subject_head.text == "population"


def test_qualifier_is_the_hedge_as_written(the_figure):
    assert the_figure("The death toll rose to more than 40 on Tuesday.").qualifier == "more than"
    assert the_figure("Up to 50 people were taken hostage.").qualifier == "up to"
    assert the_figure("Between 90 and 100 people were killed.").qualifier == "between"
    assert the_figure("Twelve people were killed.").qualifier is None


# -- how a count is tied to its category word --------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "category", "rule"),
    [
        ("Some 1,200 Israelis were killed in the attack.", "killed", "passive-subject"),
        ("An airstrike killed at least eight people, health officials said.", "killed", "object"),
        ("Three people died when the building collapsed.", "killed", "subject"),
        ("At least 20 killed in Gaza strike.", "killed", "modifier"),
        ("The 1,200 Israelis killed on Oct. 7 were mourned.", "killed", "modifier"),
        ("A dozen others remain missing.", "missing", "predicate"),
        ("The floods left 500 people homeless.", "displaced", "predicate"),
        ("The fighting has forced more than 100,000 people to flee their homes.", "displaced", "predicate"),
        ("Up to 50 people were taken hostage by gunmen.", "hostages", "passive-subject"),
        ("Security forces rounded up 300 people after the march.", "detained", "object"),
        ("Police detained between 90 and 100 people in the capital.", "detained", "object"),
        ("Officials said 150 people remain in custody.", "detained", "into"),
        ("Gunmen abducted 25 students from a school in Kaduna.", "hostages", "object"),
        ("Israel says about 130 hostages remain in Gaza.", "hostages", "noun"),
        ("Some 20,000 people are sheltering in schools.", "sheltering", "subject"),
        ("The war has created 6 million refugees.", "refugees", "noun"),
        ("The drought affected 2 million people.", "affected", "object"),
        ("The storm claimed 45 lives.", "killed", "object"),
    ],
)
def test_count_is_tied_to_its_category_word_on_the_parse(the_figure, sentence, category, rule):
    figure = the_figure(sentence)
    assert (figure.category, figure.rule) == (category, rule)


def test_death_toll_rising_to_a_number_is_a_killed_figure(the_figure):
    figure = the_figure("The death toll from the earthquake rose to more than 40 on Tuesday.")
    assert (figure.category, figure.value, figure.low, figure.rule, figure.trigger.text) == ("killed", 40, 40, "total", "toll")
    assert figure.words.text == "death toll from the earthquake rose to more than 40"
    assert figure.subject_head is None


def test_raising_the_death_toll_gives_the_new_total(figures_in):
    figures = figures_in("The ministry said 120 people were killed, raising the death toll to 3,000.")
    assert [(f.words.text, f.value, f.rule) for f in figures] == [
        ("120 people were killed", 120, "passive-subject"),
        ("death toll to 3,000", 3000, "total"),
    ]


def test_number_of_refugees_is_a_total_of_refugees(the_figure):
    figure = the_figure("The number of refugees who fled to Poland reached 1.5 million.")
    assert (figure.category, figure.value, figure.rule) == ("refugees", 1_500_000, "total")
    assert figure.words.text.startswith("number of refugees")


def test_killed_and_injured_counts_in_one_sentence_are_two_figures(figures_in):
    figures = figures_in("At least 15 people were killed and 40 wounded when a car bomb exploded.")
    assert [(f.words.text, f.category, f.value) for f in figures] == [
        ("At least 15 people were killed", "killed", 15),
        ("40 wounded", "injured", 40),
    ]


def test_each_coordinated_count_takes_its_own_verb(figures_in):
    figures = figures_in("The attack killed 12 people and wounded 30 others.")
    assert [(f.category, f.value) for f in figures] == [("killed", 12), ("injured", 30)]


def test_second_conjunct_count_shares_the_verb_of_the_first(figures_in):
    figures = figures_in("20 Palestinians and 3 Israelis were killed.")
    assert [(f.category, f.value, f.subject_head.text) for f in figures] == [
        ("killed", 20, "Palestinians"),
        ("killed", 3, "Israelis"),
    ]


def test_people_included_in_a_count_share_its_category(figures_in):
    figures = figures_in("An Israeli airstrike on a house in Rafah killed at least eight people, including three children.")
    assert [(f.words.text, f.category, f.rule) for f in figures] == [
        ("killed at least eight people", "killed", "object"),
        ("three children", "killed", "including"),
    ]


def test_active_subject_of_a_killing_is_who_killed_not_a_count_of_dead(figures_in):
    figures = figures_in("Twenty gunmen killed three soldiers near the border.")
    assert [(f.value, f.subject_head.text) for f in figures] == [(3, "soldiers")]


def test_people_who_did_the_killing_are_not_counted(figures_in):
    assert figures_in("About 2,000 soldiers attacked the town.") == []
    assert [f.value for f in figures_in("About 2,000 soldiers attacked the town, killing 30.")] == [30]


def test_one_number_for_damaged_or_destroyed_is_one_damaged_figure(the_figure):
    for sentence in ("Around 300 houses were damaged or destroyed in the storm.", "Around 300 houses were destroyed or damaged in the storm."):
        figure = the_figure(sentence)
        assert (figure.category, figure.value, figure.unit) == ("damaged", 300, "homes")


def test_one_number_for_killed_or_injured_is_neither_and_so_other(the_figure):
    figure = the_figure("At least 20 people were killed or injured in the blast.")
    assert (figure.category, figure.words.text) == ("other", "At least 20 people were killed or injured")


# -- units ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The storm damaged 1,200 homes.", "homes"),
        ("The quake destroyed 300 buildings.", "buildings"),
        ("Airstrikes destroyed 12 bridges.", "bridges"),
        ("Hundreds of families fled the fighting.", "families"),
        ("The fire destroyed 40% of the forest.", "percent"),
        ("Israeli troops arrested three Palestinians in Jenin.", "people"),
        ("Nearly 74,200 were injured.", "people"),
    ],
)
def test_unit_says_what_is_counted(the_figure, sentence, unit):
    assert the_figure(sentence).unit == unit


# -- the words quoted ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        ("Some 1,200 Israelis were killed in the attack.", "Some 1,200 Israelis were killed"),
        ("An airstrike killed at least eight people, officials said.", "killed at least eight people"),
        ("The plane crashed, killing all 150 people on board.", "killing all 150 people"),
        ("Nearly 32,000 Palestinians, mostly women and children, have been killed.", "Nearly 32,000 Palestinians"),
        ("More than 2,000 people have since been arrested.", "More than 2,000 people have since been arrested"),
    ],
)
def test_quoted_words_run_from_the_hedge_to_the_category_word_when_adjacent(the_figure, sentence, quoted):
    assert the_figure(sentence).words.text == quoted


# -- numbers that are no figures ----------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "The two states were to be set up on the 1967 borders.",
        "The accord was signed in 1994 in Cairo.",
        "A 35-year-old man was questioned by police.",
        "The talks resumed on Oct. 7 at 3 p.m. in Doha.",
        "The Israeli war, now in its 167th day, goes on.",
        "The UN approved $80 million in aid for the displaced.",
        "For details about the arrests call 555-0134.",
        "The Boeing 777 landed safely in Doha.",
        "Security Council Resolution 2334 was adopted by 14 votes.",
        "The army deployed 5,000 troops and 300 tanks near the border.",
        "Inflation rose 5% and unemployment reached 12 percent.",
        "He was sentenced to 10 years in prison in 2019.",
        "The ceasefire lasted 72 hours, and 200 trucks entered Gaza.",
        "No one was killed in the blast.",
    ],
)
def test_numbers_not_tied_to_a_category_word_are_no_figures(figures_in, sentence):
    assert [f.words.text for f in figures_in(sentence)] == []


def test_dates_and_ages_beside_a_real_figure_are_left_out(figures_in):
    figures = figures_in("A 35-year-old man was among 12 people killed on Oct. 7, 2023 in Kibbutz Be'eri.")
    assert [(f.words.text, f.value) for f in figures] == [("12 people killed", 12)]


def _figure_sources(text: str) -> list[tuple[float | None, str | None]]:
    from petrel.articles import Article
    from petrel.pipeline import default_coder

    records = default_coder().code_batch([Article(text=text)])[0]
    return [(r.value, r.attribution.actor.name if r.attribution and r.attribution.actor else None)
            for r in records if r.record == "figure"]  # fmt: skip


@pytest.mark.slow
def test_who_puts_the_death_toll_at_a_number_is_its_source():
    text = "The Syrian Observatory for Human Rights, a war monitor, put the death toll at 26."
    assert _figure_sources(text) == [(26.0, "Syrian Observatory for Human Rights")]


@pytest.mark.slow
def test_a_participle_of_saying_takes_the_subject_of_its_verb_as_source():
    text = "UNICEF condemned the attack on the market, saying that at least seven children had been killed."
    assert _figure_sources(text) == [(7.0, "UNICEF")]


def test_a_second_count_with_its_noun_left_out_is_a_figure_of_its_own(figures_in):
    figures = figures_in("More than 30,000 Palestinians have been killed in Gaza, and nearly 74,200 injured.")
    assert [(f.category, f.words.text) for f in figures] == [
        ("killed", "More than 30,000 Palestinians have been killed"), ("injured", "nearly 74,200 injured"),
    ]
    assert figures[1].subject_head.text == "Palestinians"  # the same people


def test_migrants_who_drowned_were_killed(the_figure):
    assert the_figure("Twelve migrants drowned off Lahij on Monday.").category == "killed"
