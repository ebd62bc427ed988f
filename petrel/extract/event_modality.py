"""Whether what a verb tells has happened, is to happen, is owed or is withheld.

An act announced for the future is an intent or a threat ("will release" -> 0353, "will attack"
-> 1384), one a speaker says another must do is a demand or an appeal ("Israel *must* end
attacks"), and a cooperative act withheld is a refusal ("will not lift the embargo" -> 1244).
What is stopped ("a cessation *of hostilities*") or what a feeling is about ("concerned that
fighting *could spread*") has not happened.
Pure functions over one `EventFrame` and its verb; `event_frames.py` calls them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from petrel.extract.dependents import children
from petrel.extract.event_arguments import EventFrame, coordinated, lemma_of, subject_of
from petrel.extract.event_patterns import adjective_patterns
from petrel.knowledge.complement_codes import ComplementCodes
from petrel.knowledge.event_lexicon import EventLexicon

# "failed to reach a deal", "refused to free": a withheld act is a refusal whatever the tense
_REFUSAL_VERBS = frozenset({"refuse", "fail", "decline"})
VIOLENT_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
_YIELDING_ROOTS = frozenset({"06", "07", "08"})
_COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "would"})
# Adjectives whose infinitive is intended: "ready to send troops", "willing to negotiate".
READINESS_WORDS = frozenset({
    "ready", "willing", "prepared", "committed", "determined", "poised", "set", "keen", "eager", "likely", "due",
})  # fmt: skip
_PROMISING_ROOTS = frozenset({"03", "04", "05"})
_MODALS = frozenset({"will", "would", "can", "could", "shall"})
OBLIGATION_MODALS = frozenset({"must", "should", "ought"})
_ADVISING_MODALS = frozenset({"should", "ought"})
_STOPPING_VERBS = frozenset({"halt", "stop", "end", "cease", "suspend", "pause", "freeze"})
_STOPPING_NOUNS = frozenset({"halt", "suspension", "cessation", "pause", "end", "stop", "freeze", "cut", "cutoff", "lull"})


def is_future(verb: Token) -> bool:
    """"will withdraw", "would release", "is ready to send", "are willing to talk"."""
    if any(lemma_of(child) in _FUTURE_AUXILIARIES for child in children(verb, "aux")):
        return True
    return verb.dep_ == "xcomp" and lemma_of(verb.head) in READINESS_WORDS


def as_intent(frame: EventFrame, verb: Token, complements: ComplementCodes) -> None:
    """An act announced for the future is an intent (CAMEO 03) if cooperative and a threat (13)
    if violent: "will release the hostages" -> 0353, "will attack" -> 1384."""
    root = frame.pattern.cameo[:2]
    frame_root = "03" if root in _COOPERATIVE_ROOTS else "13" if root in VIOLENT_ROOTS else None
    if frame_root is None or not is_future(verb):
        return
    code = complements.code_for(frame_root, frame.pattern.cameo)
    if code is not None:
        kind = "intent" if frame_root == "03" else "threat"
        frame.pattern = replace(frame.pattern, id=f"{frame.pattern.id}+{kind}", cameo=code)


def _obligation(verb: Token) -> Token | None:
    """The modal that makes an act owed: "Israel *must* end attacks", "must be ready to mediate",
    "Israel *has to* stop"."""
    for _ in range(3):
        modal = next((c for c in children(verb, "aux") if c.lower_ in OBLIGATION_MODALS), None)
        if modal is not None:
            return modal
        if verb.dep_ == "xcomp" and lemma_of(verb.head) in ("have", "need"):
            return verb.head  # "has to stop", "needs to allow"
        if verb.dep_ not in ("xcomp", "acomp"):
            return None
        verb = verb.head
    return None


def as_demand(frame: EventFrame, complements: ComplementCodes) -> None:
    """"Russia says *Israel must end* attacks": what a speaker says another must do is a demand
    (CAMEO 10; "should" an appeal, 02) made by the speaker to whoever must act, about that act."""
    verb, reporter = frame.trigger.root, frame.reporter
    if frame.nominal or reporter is None or frame.negated:
        return
    modal = _obligation(verb)
    if modal is None:
        return
    root = "02" if modal.lower_ in _ADVISING_MODALS else "10"
    code = complements.code_for(root, frame.pattern.cameo) or f"{root}0"
    speaker = subject_of(reporter)
    if speaker is None or code == frame.pattern.cameo:
        return
    kind = "appeal" if root == "02" else "demand"
    frame.targets = frame.sources or frame.targets
    frame.sources = coordinated(speaker)
    frame.fallback_targets = []
    frame.pattern = replace(frame.pattern, id=f"{frame.pattern.id}+{kind}", cameo=code)


def as_refusal(frame: EventFrame, verb: Token, complements: ComplementCodes) -> None:
    """"will not lift the embargo", "refused to release": a cooperative act withheld is a refusal
    (CAMEO 12: refuse to yield, reject aid...), an event that happened, not a negated one. Past
    negation of a meeting or a statement of support ("did not meet") stays a negated event."""
    root = frame.pattern.cameo[:2]
    modal = any(lemma_of(child) in _MODALS for child in children(verb, "aux"))
    modal = modal or (verb.dep_ in ("xcomp", "ccomp") and lemma_of(verb.head) in _REFUSAL_VERBS)
    if root not in _YIELDING_ROOTS and not (root in _PROMISING_ROOTS and modal):
        return
    code = complements.code_for("12", frame.pattern.cameo)
    if code is not None:
        frame.pattern = replace(frame.pattern, id=f"{frame.pattern.id}+refusal", cameo=code)
        frame.negated = False


def stopped(noun: Token) -> bool:
    """Whether an event word is what is stopped: "a suspension *of military operations*", "a halt
    *to the fighting*", "agreed to halt *fighting*" (the stopping is the event, if any)."""
    head = noun.head
    if noun.dep_ in ("dobj", "xcomp"):  # ("halt *fighting*": the small pipeline makes it a verb too)
        return lemma_of(head) in _STOPPING_VERBS or _called_off(head)
    if noun.dep_ == "nsubjpass":  # "the strike was called off"
        return _called_off(head)
    return noun.dep_ == "pobj" and head.lower_ in ("of", "to", "in") and lemma_of(head.head) in _STOPPING_NOUNS


def _called_off(verb: Token) -> bool:
    """"called off a strike", "the strike was called off" (not "called a strike")."""
    return lemma_of(verb) in ("call", "cancel") and (lemma_of(verb) == "cancel" or any(c.lower_ == "off" for c in children(verb, "prt")))


def felt_about(verb: Token, lexicon: EventLexicon) -> bool:
    """"optimistic that talks *would resume*", "concerned that fighting *could spread*": what a
    feeling is about has not happened (the feeling is the event)."""
    return verb.dep_ == "ccomp" and bool(adjective_patterns(verb.head, lexicon))
