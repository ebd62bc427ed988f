"""Events told in reported speech: who reports them, and speakers who speak of themselves.

The verb of saying that reports an event ("..., the presidency *said*"); a pronoun that points
back to the speaker ("Farc said *it* will release the sergeant": Farc releases; "Israel said a
mortar bomb was fired *at it*": at Israel); and claiming one's own act, which is claiming
responsibility ("the Houthis claimed that *they* had attacked Abha": CAMEO 015). Pure functions
over spaCy tokens and the frames of one sentence; `event_frames.py` calls them.
"""

from __future__ import annotations

from spacy.tokens import Token

from petrel.extract.dependents import dependents, first_child
from petrel.extract.event_arguments import Argument, EventFrame, coordinated, lemma_of, subject_of
from petrel.knowledge.actor_tables import default_actor_knowledge
from petrel.knowledge.event_lexicon import EventLexicon

SAY_VERBS = frozenset({
    "say", "tell", "announce", "state", "report", "claim", "add", "note", "stress", "confirm",
    "insist", "allege", "declare", "write", "explain",
})  # fmt: skip
_CLAIM_VERBS = frozenset({"claim", "admit", "acknowledge", "confirm"})
_CLAIM_PATTERN = "claim_responsibility"
_SELF_PRONOUNS = frozenset({"they", "it", "we", "he", "she", "i"})
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
_OBJECT_PRONOUNS = {"it": "it", "them": "they", "him": "he", "her": "she"}


def reporting_verb(trigger: Token) -> Token | None:
    """The verb of saying that reports this event ("..., the presidency *said*")."""
    for ancestor in trigger.ancestors:
        if lemma_of(ancestor) in SAY_VERBS and ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def own_claims(frames: list[EventFrame], lexicon: EventLexicon) -> list[EventFrame]:
    """"The Houthis claimed that they had attacked Abha": claiming one's own act is claiming
    responsibility (CAMEO 015), an event of its own besides the act claimed."""
    pattern = lexicon.by_id.get(_CLAIM_PATTERN)
    claims = []
    for frame in frames:
        reporter = frame.reporter
        if pattern is None or reporter is None or lemma_of(reporter) not in _CLAIM_VERBS or frame.nominal:
            continue
        if not frame.sources or frame.sources[0].head.lower_ not in _SELF_PRONOUNS:
            continue
        claim = EventFrame(trigger=reporter.doc[reporter.i : reporter.i + 1], pattern=pattern, nominal=False)
        subject = subject_of(reporter)
        claim.sources = coordinated(subject) if subject is not None else []
        claim.targets = frame.targets
        if claim.sources:
            frame.sources = claim.sources  # "they" are the claimants
        claims.append(claim)
    return claims


def speaker_for_self(frame: EventFrame) -> None:
    """"Farc said *it* will release the sergeant", "the rebels said *they* will lay down arms":
    a speaker who says what they themselves do is the source, named as the speaker is (the
    pronoun only points back)."""
    reporter = frame.reporter
    speaker = first_child(reporter, "nsubj") if reporter is not None else None
    if speaker is None:
        return
    if len(frame.sources) == 1 and frame.sources[0].rule in ("nsubj", "nsubj:inherited"):
        pronoun = frame.sources[0].head
        if pronoun.lower_ in _SELF_PRONOUNS and agrees_with(pronoun, speaker):
            frame.sources = coordinated(Argument(speaker, "nsubj:speaker"))
    if len(frame.targets) == 1:  # "Israel said a mortar bomb was fired *at it*"
        pronoun = frame.targets[0].head
        if pronoun.lower_ in _OBJECT_PRONOUNS and agrees_with(pronoun, speaker):
            frame.targets = coordinated(Argument(speaker, f"{frame.targets[0].rule}:speaker"))


def agrees_with(pronoun: Token, speaker: Token) -> bool:
    """Whether a pronoun (or a possessive) can stand for the speaker: a named or common noun of the pronoun's number
    ("it" is no person, "he" and "she" no state or body, "they" many)."""
    if speaker.pos_ not in ("NOUN", "PROPN") or speaker.i > pronoun.i:
        return False
    plural = speaker.tag_ in ("NNS", "NNPS") or any(dep == "conj" for dep, _ in dependents(speaker))
    word = POSSESSIVE_PRONOUNS.get(pronoun.lower_) or _OBJECT_PRONOUNS.get(pronoun.lower_, pronoun.lower_)
    if word == "it":
        return not plural and speaker.ent_type_ != "PERSON"
    if word in ("he", "she"):
        return not plural and (speaker.ent_type_ == "PERSON" or _is_person_word(speaker))
    return plural and word == "they"  # (not "the UN said *they* had killed five": others)


def _is_person_word(noun: Token) -> bool:
    """"the president", "the minister": a word for a kind of person in petrel's actor knowledge."""
    word = default_actor_knowledge().sectors.get((lemma_of(noun),))
    return word is not None and word.kind == "person"
