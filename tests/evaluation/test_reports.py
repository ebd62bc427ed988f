"""Scoring petrel's events against gold: which event decides a sentence, and what counts as a triple."""

import pytest

from petrel.evaluation.datasets import CodedSentence, GoldCoding, PentaclassSentence
from petrel.evaluation.pentaclass import main_event, score_pentaclass
from petrel.evaluation.petr2_gsr import score_petr2_gsr
from petrel.ontology import default_ontology
from petrel.records import Actor, Event


def event(cameo: str, confidence: float, start: int = 0, source: str | None = None, target: str | None = None,
          negated: bool = False, source_text: str = "them") -> Event:
    code = default_ontology()[cameo]
    actor = lambda country, text: Actor(text=text, start=0, end=len(text), country=country) if country else None  # noqa: E731
    return Event(
        article_id="a", event_id=f"{cameo}-{start}", sentence_index=0, sentence="s",
        trigger={"text": "w", "start": start, "end": start + 1}, cameo=code.code, cameo_root=code.root,
        penta_class=code.penta_class, source=actor(source, source_text), target=actor(target, "them"),
        negated=negated, confidence=confidence, evidence={"rule": "lexicon:test"},
    )


def test_the_most_confident_event_decides_and_ties_go_to_the_earliest_trigger():
    assert main_event([event("190", 0.5, 10), event("042", 0.7, 20)]).cameo == "042"
    assert main_event([event("190", 0.6, 30), event("042", 0.6, 5)]).cameo == "042"
    assert main_event([]) is None


def test_pentaclass_report_counts_sentences_without_events_as_errors():
    sentences = [
        PentaclassSentence("s1", "Rebels shelled Kiev.", "4", 1, {"S": "Rebels"}),
        PentaclassSentence("s2", "Talks were held.", "1", 2),
    ]
    report = score_pentaclass("pentaclass", "dev.tsv", sentences, [[event("190", 0.6, source="UKR", source_text="Rebels")], []])
    assert report.metrics["accuracy"] == 0.5
    assert report.metrics["no_event_share"] == 0.5
    assert report.metrics["source_span_f1"] == 1.0
    assert report.confusion[1][-1] == 1  # class 1 predicted nothing
    assert [e.id for e in report.errors] == ["s2"]
    assert report.error_patterns == [("1 -> no event", 1)]


def test_petr2_scores_country_triples_at_root_level_and_ignores_negated_events():
    sentence = CodedSentence("p1", "The US leader visited Beijing.", None, (GoldCoding("USAGOV", "CHN", "042"),), 1)
    report = score_petr2_gsr("petr2_gsr", "gsr.xml", [sentence], [[event("043", 0.7, source="USA", target="CHN"),
                                                                      event("190", 0.6, source="USA", target="CHN", negated=True)]])
    assert report.metrics["root_f1"] == 1.0  # 043 and 042 share the root 04
    assert report.metrics["code_f1"] == 0.0
    assert report.errors == []


def test_petr2_counts_an_event_in_a_sentence_without_one_as_invented():
    sentence = CodedSentence("p2", "Markets were calm.", None, (), 1)
    report = score_petr2_gsr("petr2_gsr", "gsr.xml", [sentence], [[event("190", 0.6, source="SYR")]])
    assert report.metrics["root_precision"] == 0.0
    assert report.error_patterns == [("invented: event in a sentence with none", 1)]
    assert report.errors[0].predicted == "SYR->--- 19"


def test_petr2_leaves_out_events_without_any_actor():
    sentence = CodedSentence("p3", "Eight people were killed.", None, (), 1)
    report = score_petr2_gsr("petr2_gsr", "gsr.xml", [sentence], [[event("190", 0.6)]])
    assert report.errors == [] and report.metrics["root_precision"] == 0.0


@pytest.mark.parametrize("name", ["pentaclass", "petr2_gsr"])
def test_reports_become_plain_json(name):
    report = score_pentaclass(name, "x", [], []) if name == "pentaclass" else score_petr2_gsr(name, "x", [], [])
    data = report.to_dict()
    assert data["dataset"] == name and "metrics" in data


def test_petr2_actor_country_accuracy_counts_source_and_target_of_events_matched_by_root():
    sentence = CodedSentence("p4", "Russia shelled Kharkiv.", None, (GoldCoding("RUSMIL", "UKR", "194"),), 1)
    report = score_petr2_gsr("petr2_gsr", "gsr.xml", [sentence], [[event("190", 0.7, source="RUS", target="POL")]])
    assert report.metrics["events_matched_by_root"] == 1
    assert report.metrics["actor_country_accuracy"] == 0.5  # source right, target wrong


def test_span_words_of_coordinated_actors_come_from_every_record_of_the_trigger():
    sentence = PentaclassSentence("s3", "Syria and Israel clashed.", "4", 1, {"S": "Syria and Israel"})
    first = event("190", 0.6, start=17, source="SYR", source_text="Syria")
    israel = Actor(text="Israel", start=10, end=16, country="ISR")
    second = event("190", 0.6, start=17).model_copy(update={"event_id": "other", "source": israel})
    report = score_pentaclass("pentaclass", "dev.tsv", [sentence], [[first, second]])
    assert report.metrics["source_span_f1"] == 1.0  # the phrase that coordinates them, "and" included
    apart = PentaclassSentence("s4", "Syria, backed by Iran, and Israel clashed.", "4", 1, {"S": "Syria and Israel"})
    far = second.model_copy(update={"source": Actor(text="Israel", start=27, end=33, country="ISR")})
    report = score_pentaclass("pentaclass", "dev.tsv", [apart], [[first, far]])
    assert report.metrics["source_span_f1"] == pytest.approx(0.8)  # words between that are not coordination stay out
