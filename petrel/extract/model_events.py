"""Events the lexicon misses, proposed by the event-root model on the sentence's main verb.

Only used for a sentence in which the lexicon found nothing. The model says which CAMEO root
the sentence's main event has (or none); the event gets the root's general code ("190"), the
main verb as trigger, its subject and object as actors, a lower confidence than any lexicon
event, and evidence that names the model and its probability.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from petrel.extract.event_frames import (
    GIVING_VERBS, Argument, EventFrame, as_demand, as_intent, as_refusal, beneficiaries, coordinated, first_child, is_passive, no_ones_act,
    reporting_verb, subject_of, target_slots,
)
from petrel.extract.event_roots import EventRootModel
from petrel.extract.sentence_features import main_predicate, sentence_features
from petrel.knowledge.complement_codes import default_complement_codes
from petrel.knowledge.event_lexicon import EventPattern
from petrel.ontology import Ontology

MODEL_RULE = "model:event_roots"
# "No event" wins from this probability on. Chosen on our own examples (5-fold cross-validation):
# 6% of held-out sentences without an event get one, 95% of those with one do (docs/event-coding.md).
NO_EVENT_FROM = 0.5
_TARGET_SLOTS = ("dobj", "dative", "prep:with", "prep:against", "prep:on", "prep:to", "prep:at", "clause")
# Giving is aimed at whom the thing goes to: "sent 100 vehicles *to Lebanon*", "is ready to
# contribute troops *to Somalia*" (the thing given is no one).
_GIVING_ROOTS = frozenset({"06", "07"})
_GIVING_LEMMAS = frozenset({*GIVING_VERBS, "contribute", "donate", "supply", "deploy", "allocate", "pledge"})
_RECIPIENT_SLOTS = ("dative", "prep:to") + _TARGET_SLOTS
_STANCE_SLOTS = ("prep:about", "prep:of", "prep:over", "prep:on", "prep:toward", "prep:towards", "clause")


def _slots(verb: Token, root: str) -> tuple[str, ...]:
    giving = root in _GIVING_ROOTS or verb.lemma_.lower() in _GIVING_LEMMAS
    return _RECIPIENT_SLOTS if giving else _TARGET_SLOTS


def _stance_target(predicate: Token, root: str) -> Argument | None:
    """What a copular stance is about: "is skeptical *about the scheme*", "is ready to contribute
    troops *to* ...", "is willing to provide *Brazil* with ..."."""
    stance = first_child(predicate, "acomp")
    if stance is None:
        return None
    found = target_slots(stance, _STANCE_SLOTS, False)
    complement = first_child(stance, "xcomp")
    if found is None and complement is not None:
        found = target_slots(complement, _slots(complement, root), False)
    return found


def model_frame(sentence: Span, model: EventRootModel, ontology: Ontology) -> EventFrame | None:
    prediction = model.event_root(sentence_features(sentence), none_below=NO_EVENT_FROM)
    if prediction is None:
        return None
    code = f"{prediction.label}0"
    if code not in ontology:
        return None
    predicate = main_predicate(sentence)
    pattern = EventPattern(
        id=MODEL_RULE, cameo=code, verbs=frozenset(), nouns=frozenset(), prep=None, object=frozenset(),
        verb_targets=_TARGET_SLOTS, noun_targets=(), line=0,
    )
    frame = EventFrame(trigger=sentence.doc[predicate.i : predicate.i + 1], pattern=pattern, nominal=predicate.pos_ != "VERB")
    frame.probability = round(prediction.probability, 3)
    source = subject_of(predicate)
    if no_ones_act(source, prediction.label):
        return None  # "a storm destroyed dozens of homes"
    if source is not None:
        frame.sources = coordinated(source)
    root = prediction.label
    target = target_slots(predicate, _slots(predicate, root), is_passive(predicate)) or _stance_target(predicate, root)
    governor = predicate
    complement = first_child(predicate, "xcomp")
    if target is None and complement is not None and complement.pos_ == "VERB":
        # "refuses to remove *the ban on Indian television channels*": what the complement acts on
        target, governor = target_slots(complement, _slots(complement, root), False), complement
    if target is not None:
        frame.targets = coordinated(target)
        frame.fallback_targets = beneficiaries(target, governor)
    frame.negated = any(child.dep_ == "neg" for child in predicate.children)
    if frame.negated:
        as_refusal(frame, predicate, default_complement_codes())  # "will not release the victims" happened: 12
    else:
        as_intent(frame, predicate, default_complement_codes())
    if not frame.negated:
        frame.reporter = reporting_verb(predicate)
        as_demand(frame, default_complement_codes())
    return frame
