"""Find events on the dependency parse: trigger words from the lexicon and their arguments.

This module only finds (pure functions over spaCy tokens); `events.py` turns what is found
into records. A verb event takes its source from the subject (the by-agent in the passive) and
its target from the slots its pattern names; a noun event ("talks with", "an Israeli attack
on Rafah") takes its source from a possessor, a nationality adjective, a by-phrase, or the
subject of the verb that governs it ("arrived for talks"). Which pattern a word matches is
`event_patterns.py`'s; who does an event no subject names, `event_sources.py`'s; what a speaker
says of themselves, `reported_speech.py`'s.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from petrel.extract.event_arguments import (
    INTENT_VERBS, TIME_ENTITIES, Argument, EventFrame, coordinated, governing_verb, is_passive, lemma_of, prep_object, subject_of,
    target_slots, with_conjuncts,
)
from petrel.extract.dependents import children, dependents, first_child, words_of
from petrel.extract.event_modality import VIOLENT_ROOTS, as_demand, as_intent, as_refusal, felt_about, stopped
from petrel.extract.event_patterns import (
    STATEMENT_ROOT, adjective_patterns, for_clause, is_for_clause, modifier_lemmas, noun_pattern, verb_pattern, weapon_subject,
)
from petrel.extract.event_sources import (  # (no_ones_act: model_events.py reads it from here too)
    OWNING_NOUNS, is_support_object, launched_from, means_source, no_ones_act, noun_source, split_attacker, undergone,
    split_before,
)
from petrel.extract.event_targets import (  # (recipients_and_scenes: events.py reads it from here)
    SENDING_VERBS, addressee, beneficiaries, disputed_between, event_agent, object_phrase_target, owned_act_target,
    pressed, purpose_beneficiary, recipients_and_scenes, struck_object,
)
from petrel.extract.reported_speech import (  # (SAY_VERBS, reporting_verb: other modules read them from here)
    SAY_VERBS, own_claims, reporting_verb, speaker_for_self,
)
from petrel.knowledge.complement_codes import ComplementCodes, default_complement_codes
from petrel.knowledge.event_lexicon import EventLexicon, EventPattern

# What a statement's issuer stands behind, for "according to the statement" later on
DOCUMENT_NOUNS = frozenset({"statement", "report", "communique", "communiqué", "declaration", "readout", "letter"})
_STATEMENT = "010"  # a statement put out, not specified ("made remarks", "delivered a speech")
_HYPOTHETICAL_DETERMINERS = frozenset({"any", "no", "every"})
_DENIAL_VERBS = frozenset({"deny", "refuse", "reject", "fail", "decline"})
_DE_ESCALATION = "087"
_HOLDING_BACK_PREPS = frozenset({"from", "against"})  # "refrained from attacking", "warned against striking"
_AIMED_AT = ("prep:on", "prep:against", "prep:to")
# "A met B": two parties in the subject and object of a meeting verb meet each other, and the
# meeting is coded both ways, as PETRARCH codes "A will meet B and C". "A met with B" and "A
# signed a deal with B" stay one way, as PETRARCH codes them ("with" makes B the one visited).
_MEETING_CODES = frozenset({"040"})
_CONSULTATION_ROOT = "04"
_GIVING_ROOTS = frozenset({"05", "06", "07"})
_BARE_INTENT = "030"
# "received X from Y" is Y giving X: the giving verbs whose object-named patterns it takes.
_INTENT_ROOT = "03"
_ARMED_ROOTS = frozenset({"18", "19", "20"})  # attacks, fighting, mass violence: done with weapons
# Verbs that say what their subject is: "was *skeptical*", "remained *optimistic*", "feels *confident*".
_COPULAS = frozenset({"be", "remain", "feel", "seem", "appear", "stay", "sound", "grow", "become"})
RECEIVING_VERBS = frozenset({"receive", "get", "obtain", "accept", "secure", "win"})
GIVING_VERBS = ("give", "provide", "send", "offer", "extend", "grant", "deliver", "make", "issue")
# Generic nouns whose modifier names the event: "a mediation effort", "an aid convoy".
EVENT_CARRIERS = frozenset({
    "effort", "process", "mission", "operation", "campaign", "initiative", "programme", "program", "convoy",
    "shipment", "package", "delivery", "flight", "drive", "bid", "push", "action", "camp",  # "a protest action", "a protest camp"
})  # fmt: skip
# "a state *of emergency*", "martial *law*": a condition the pattern's word names
_STATE_NOUNS = frozenset({"state", "law"})
# "left for Moscow on a visit": the preposition that names where each travel verb goes
_DESTINATION_PREPS = {
    "arrive": ("in", "at"), "leave": ("for",), "depart": ("for",), "head": ("to", "for"), "travel": ("to",),
    "fly": ("to",), "go": ("to",), "come": ("to",), "be": ("in",), "land": ("in",), "set": ("for",),
}  # fmt: skip
_TRAVEL_PURPOSE_PREPS = frozenset({"on", "for"})
_VISIT_CODES = frozenset({"042"})

# Nouns whose infinitive is wanted, not done: "efforts to reach a deal", "a threat to strike".
INTENT_NOUNS = frozenset({
    "effort", "attempt", "bid", "plan", "push", "call", "demand", "proposal", "hope", "move", "intention",
    "pledge", "promise", "threat", "offer", "decision", "plea", "appeal", "request", "readiness", "willingness",
    "way", "need", "chance", "opportunity", "right", "order", "mandate", "initiative", "campaign",
})  # fmt: skip


def _negated(trigger: Token) -> bool:
    if first_child(trigger, "neg") is not None:
        return True
    head = trigger.head
    return trigger.dep_ in ("xcomp", "pcomp", "ccomp", "dobj") and lemma_of(head) in _DENIAL_VERBS and head != trigger


# -- verb events ----------------------------------------------------------------------
def is_intended(verb: Token) -> bool:
    """"threatened to attack", "plans to visit", "demanded that Israel release": the complement of
    an intent verb is not done (conjoined complements too: "vowed to rebuild and *reopen*"), nor
    is what a for-clause asks for ("called for Israel *to halt*")."""
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    if is_for_clause(verb) or _held_back(verb):
        return True
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return lemma_of(verb.head) in INTENT_NOUNS  # "efforts to reach a deal", "a plan to withdraw"
    # up the chain of complements: "hopes the EU will persuade Biden *to lift* sanctions" is hoped for
    for _ in range(3):
        if verb.dep_ not in ("xcomp", "ccomp"):
            return False
        if lemma_of(verb.head) in INTENT_VERBS:
            return True
        verb = verb.head
    return False


def _held_back(gerund: Token) -> bool:
    """"refrained *from attacking*", "stopped protesters *from marching*", "warned Hezbollah
    *against attacking*": what a verb keeps someone from or warns against is not done."""
    prep = gerund.head
    return gerund.dep_ == "pcomp" and prep.lower_ in _HOLDING_BACK_PREPS and prep.head.pos_ == "VERB"


def _asked_of(request: Token) -> Argument | None:
    """Whom a demand or call is aimed at, from its clause: "renewed its call *for the president* to
    resign", "repeated its demand *that Washington* lift sanctions"."""
    clause = for_clause(request)
    subject = first_child(clause, "nsubj", "nsubjpass") if clause is not None else None
    if subject is not None:
        return Argument(subject, "complement-subject")
    return target_slots(request, ("clause",), False)


def _furnished(verb: Token, obj: Token | None) -> Argument | None:
    """Who receives what a verb furnishes them "with": "supplied *Ukraine* with tanks"."""
    if obj is None or obj.dep_ != "pobj" or obj.head.lower_ != "with":
        return None
    receiver = first_child(verb, "dobj")
    if receiver is None or obj.head.head.i not in (verb.i, receiver.i):
        return None
    return Argument(receiver, "furnished:dobj")


def is_meeting(frame: EventFrame, partner: Argument | None) -> bool:
    """Whether the frame's source meets the partner its object names: "Netanyahu met Putin"."""
    return bool(frame.sources) and partner is not None and frame.pattern.cameo in _MEETING_CODES and partner.rule == "dobj"


def _complement(verb: Token, lexicon: EventLexicon) -> tuple[Token, EventPattern] | None:
    """The event an appeal, promise, demand, refusal or threat is about: "urged X *to release* Y",
    "demanded that Israel *allow* aid in", "threatened *sanctions*"."""
    for dep, child in dependents(verb):
        if (dep in ("xcomp", "ccomp") or is_for_clause(child)) and child.pos_ == "VERB":
            matched = verb_pattern(child, lexicon)
            if matched is not None:
                return child, matched[0]
        if dep == "dobj":
            pattern = noun_pattern(child, lexicon)
            if pattern is not None:
                return child, pattern
    return None


def _about_complement(verb: Token, pattern: EventPattern, lexicon: EventLexicon, complements: ComplementCodes) -> tuple[EventPattern, Token | None]:
    """The pattern made specific by what its complement names (the codebook's 02/03/10/12/13 sub-codes)."""
    root = pattern.cameo[:2]
    if root not in complements.roots or len(pattern.cameo) == 4:
        return pattern, None  # four digits: the lexicon already says exactly what it is about
    found = _complement(verb, lexicon)
    if found is None:
        return pattern, None
    complement, inner = found
    if pattern.object and complement.pos_ != "VERB":
        return pattern, None  # "accepted mediation", "demanded an apology": the lexicon entry says it
    someone_else = first_child(verb, "dobj") if complement.dep_ == "xcomp" else first_child(complement, "nsubj")
    if root == "03" and complement.pos_ == "VERB" and someone_else is not None:
        root = "02"  # "wants Putin to attack": wanting someone else to act is asking them
    elif root == "03" and inner.cameo[:2] in VIOLENT_ROOTS:
        root = "13"  # "vowed to attack", "wants to strike": an intended violent act is a threat
    inner_code = inner.cameo
    if any(c.dep_ == "neg" for c in complement.children) and inner_code[:2] in VIOLENT_ROOTS:
        inner_code = _DE_ESCALATION  # "urged both sides not to attack": an appeal to de-escalate
    code = complements.code_for(root, inner_code) or (f"{root}0" if root != pattern.cameo[:2] else None)
    if code is None or code == pattern.cameo:
        return pattern, complement
    return replace(pattern, id=f"{pattern.id}+{inner.id}", cameo=code), complement


def _is_event_noun(token: Token, lexicon: EventLexicon) -> bool:
    """"sanctions" in "imposed sanctions" names the event, not who it is done to ("released *prisoners*")."""
    return lemma_of(token) in lexicon.by_noun or token.pos_ not in ("NOUN", "PROPN", "PRON")


def _names_event(obj: Token, pattern: EventPattern, lexicon: EventLexicon) -> bool:
    """Whether a verb's object names its event rather than whom it is done to: "imposed
    *sanctions*", and a generic noun the pattern's word qualifies, "announced *a ceasefire
    initiative*", "lifted *a state of emergency*" (but "released *prisoners*" names people)."""
    if _is_event_noun(obj, lexicon):
        return True
    qualified = pattern.object & (modifier_lemmas(obj) - {lemma_of(obj)})
    return bool(qualified) and lemma_of(obj) in EVENT_CARRIERS | _STATE_NOUNS


def _complement_target(complement: Token, lexicon: EventLexicon) -> Argument | None:
    """Who an appeal or threat is aimed at, from its complement: the subject of "demanded that
    *Israel* release", the object of "threatened to attack *Ukraine*", or the on/against phrase of
    "threatened to impose sanctions *on Iran*" (the sanctions are not the target)."""
    if complement.dep_ == "ccomp" or is_for_clause(complement):
        subject = first_child(complement, "nsubj", "nsubjpass")
        return Argument(subject, "complement-subject") if subject is not None else None
    target = target_slots(complement, ("dobj",), False)
    if target is not None and noun_pattern(target.head, lexicon) is not None:
        event_noun = target.head
        target = target_slots(complement, _AIMED_AT, False) or target_slots(event_noun, _AIMED_AT, False)
    return target


def verb_frame(verb: Token, lexicon: EventLexicon, complements: ComplementCodes | None = None) -> EventFrame | None:
    if verb.pos_ != "VERB" or is_intended(verb) or felt_about(verb, lexicon) or stopped(verb) or verb.dep_ == "amod":
        return None  # amod: a participle describing a noun, "the occupied West Bank", "detained journalists"
    received = _received_frame(verb, lexicon)
    if received is not None:
        return received
    matched = verb_pattern(verb, lexicon)
    if matched is None:
        return None
    pattern, obj = matched
    pattern, complement = _about_complement(verb, pattern, lexicon, complements or default_complement_codes())
    if pattern.cameo == _BARE_INTENT and complement is None and not pattern.object and verb.dep_ in ("acl", "advcl", "relcl", "amod"):
        return None  # "a militant wanted on suspicion", "supplies aimed at", "as planned": no intent stated
    frame = EventFrame(trigger=verb.doc[verb.i : verb.i + 1], pattern=pattern, nominal=False, object_token=obj)
    # the subject a pattern asks for is a weapon, whose owner acts ("*Russian* missiles struck"), in
    # an attack; elsewhere it is who acts ("*US troops* arrived": the troops, not the state)
    weapon = weapon_subject(verb, pattern) if pattern.subject and pattern.cameo[:2] in _ARMED_ROOTS else None
    if weapon is not None:
        source = noun_source(weapon, None) or Argument(weapon, "nsubj")
    elif pattern.cameo[:2] in VIOLENT_ROOTS and split_before(verb) is not None:
        source = split_attacker(verb)  # "killed in Israeli *shelling*": not the victims of "killed"
    else:
        source = subject_of(verb)
    if weapon is not None and source.head is not weapon:
        source = Argument(source.head, f"weapon:{source.rule}")  # whose missiles: "*Russian* missiles"
    if no_ones_act(source, pattern.cameo[:2]):
        return None  # "the earthquake killed 40", "victims killed by the crash"
    if source is None and is_passive(verb) and pattern.cameo[:2] in VIOLENT_ROOTS:
        source = means_source(verb, lexicon) or launched_from(verb)
    if source is not None:
        frame.sources = coordinated(source)
    pattern = frame.pattern = _done_jointly(pattern, frame.sources, lexicon)
    target = _verb_target(verb, pattern, obj, complement, lexicon)
    if target is not None and source is not None and target.head.i == source.head.i:
        target = None  # "a rocket fired *from Gaza*": where it came from is not where it went
    if target is not None:
        frame.targets = coordinated(target)
        # whom the thing is for, on the verb that governs it: "considering *sending* aid to Iraq"
        governor = target.head.head if target.head.dep_ == "dobj" and target.head.head.pos_ == "VERB" else verb
        frame.fallback_targets = [b for b in beneficiaries(target, governor) if obj is None or b.head.i != obj.i]  # (not "called *for sanctions*")
    meeting = is_meeting(frame, target)
    frame.negated = _negated(verb)
    if frame.negated:
        as_refusal(frame, verb, complements or default_complement_codes())
    else:
        as_intent(frame, verb, complements or default_complement_codes())
    # a meeting that happened or is planned is mutual; one refused or denied is not ("would not meet")
    frame.reciprocal = meeting and not frame.negated and not frame.pattern.id.endswith("+refusal")
    return frame


def _done_jointly(pattern: EventPattern, sources: list[Argument], lexicon: EventLexicon) -> EventPattern:
    """The pattern an event is when several coordinated parties do it together: "Germany, Italy
    and the US took part in the war game" is their military cooperation (`jointly` in the lexicon)."""
    if pattern.jointly is None or len(sources) < 2:
        return pattern
    return lexicon.by_id.get(pattern.jointly, pattern)


def _verb_target(verb: Token, pattern: EventPattern, obj: Token | None, complement: Token | None, lexicon: EventLexicon) -> Argument | None:
    """Whom a verb event is aimed at: its pattern's slots, else what its complement or object names."""
    planned = is_passive(verb) and lemma_of(verb) in INTENT_VERBS and first_child(verb, "xcomp") is not None
    target = _furnished(verb, obj)
    if target is None and not planned:  # (not "is scheduled to visit X")
        target = target_slots(verb, pattern.verb_targets, is_passive(verb))
    if target is None:
        complement = complement or (obj if obj is not None and obj.dep_ == "xcomp" else None)
        if complement is not None and complement.pos_ == "VERB":
            target = _complement_target(complement, lexicon)
    if target is None and obj is not None and is_for_clause(obj.head) and obj.dep_ in ("nsubj", "nsubjpass"):
        target = Argument(obj, "complement-subject")  # "pushed for *Congress* to update the law"
    if target is not None and lemma_of(target.head) in DOCUMENT_NOUNS and pattern.cameo[:2] == STATEMENT_ROOT:
        # (not "investigated a report alleging ...": the report is what is investigated)
        target = addressee(target.head) or target  # "issued a statement *urging North Korea* to ..."
    elif target is not None and pattern.cameo == _STATEMENT and lemma_of(target.head) in pattern.object:
        target = addressee(target.head)  # "made *his remarks* in Doha", "delivered a speech": the statement itself
    if target is not None and obj is not None and target.head.i == obj.i and _names_event(obj, pattern, lexicon):
        target = None  # "imposed *sanctions*": the object names the event, not whom it is done to
    if obj is not None and lemma_of(obj) in OWNING_NOUNS:
        act = prep_object(obj, "for") or prep_object(verb, "for")  # "claimed responsibility for an attack *on X*"
        aimed = owned_act_target(act) if act is not None and _is_event_noun(act, lexicon) else None
        target = aimed or target
    if target is None and obj is not None and obj.pos_ in ("NOUN", "PROPN"):
        target = object_phrase_target(obj, pattern.verb_targets)  # "imposed sanctions *on Iran*", "cut ties *with Qatar*"
    if target is None and obj is not None and _is_event_noun(obj, lexicon):
        target = _asked_of(obj) or event_agent(obj)  # "rejected the call *of the European Parliament*"
    if target is None and (pattern.cameo[:2] in _GIVING_ROOTS or lemma_of(verb) in SENDING_VERBS):
        target = purpose_beneficiary(verb)  # "donated 250 ventilators *to assist Ethiopia*", "sent troops to reinforce X"
    if target is None:  # "imposed sanctions *to force Russia* to withdraw"
        target = pressed(verb) or (pressed(complement) if complement is not None and complement.pos_ == "VERB" else None)
    return target


def _received_frame(verb: Token, lexicon: EventLexicon) -> EventFrame | None:
    """"Demonstrators received weapons *from the government*": what one receives from someone is
    what they gave, sent or provided — the giver is the source, the receiver the target."""
    if lemma_of(verb) not in RECEIVING_VERBS or is_passive(verb):
        return None
    thing = first_child(verb, "dobj")
    if thing is None:
        return None
    giver = prep_object(verb, "from") or prep_object(thing, "from")
    if giver is None or giver.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    what = modifier_lemmas(thing)
    for lemma in GIVING_VERBS:
        for pattern in lexicon.by_verb.get(lemma, ()):
            if pattern.object and pattern.prep is None and what & pattern.object:
                if pattern.cameo.startswith(_INTENT_ROOT) and lemma_of(thing) in lexicon.by_noun:
                    continue  # a visit received was paid, not offered: the noun's own event ("received a visit from")
                frame = EventFrame(
                    trigger=verb.doc[verb.i : verb.i + 1], pattern=replace(pattern, id=f"{pattern.id}+received"),
                    nominal=False, object_token=thing, negated=_negated(verb),
                )  # fmt: skip
                frame.sources = coordinated(Argument(giver, "received:from"))
                receiver = subject_of(verb)
                frame.targets = coordinated(Argument(receiver.head, "received:" + receiver.rule)) if receiver else []
                return frame
    return None


# -- noun events ----------------------------------------------------------------------
def _drawn_in(noun: Token, verb: Token | None, lexicon: EventLexicon) -> Argument | None:
    """Whom the subject drew into the event: "rebels engaged *peacekeepers* in a firefight",
    "dragged *the country* into a war"."""
    if verb is None or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "into") or noun.head.head.i != verb.i:
        return None
    obj = first_child(verb, "dobj")
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or _is_event_noun(obj, lexicon):
        return None
    return Argument(obj, "drawn-in:dobj")


def _partner_of_body(noun: Token, pattern: EventPattern) -> Argument | None:
    """Whom a body meets when the parse hangs "with" on the body: "meetings of the joint trade
    committee *with South Korea*", "talks of the commission with Iran"."""
    if "prep:with" not in pattern.noun_targets:
        return None
    body = prep_object(noun, "of")
    partner = prep_object(body, "with") if body is not None else None
    return Argument(partner, "of:prep:with") if partner is not None else None


def _destination(noun: Token, verb: Token | None, lexicon: EventLexicon) -> Argument | None:
    """Where a visit goes when the travel verb says it: "left *for Moscow* on a three-day visit",
    "arrived *in Algiers* for a state visit" (but not "left for talks": talks are no place)."""
    if verb is None or noun.dep_ != "pobj" or noun.head.lower_ not in _TRAVEL_PURPOSE_PREPS or noun.head.head.i != verb.i:
        return None
    for word in _DESTINATION_PREPS.get(lemma_of(verb), ()):
        place = prep_object(verb, word)
        if place is not None and place.i != noun.i and place.pos_ in ("PROPN", "NOUN") and not _is_event_noun(place, lexicon):
            return Argument(place, f"destination:prep:{word}")
    return None


def noun_frame(noun: Token, lexicon: EventLexicon) -> EventFrame | None:
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in TIME_ENTITIES:
        return None  # (a month: "in *March*")
    if noun.dep_ == "compound" and lemma_of(noun.head) not in EVENT_CARRIERS:
        return None  # a modifier, not an event: "riot police", "attack helicopters", "sanctions list"
    pattern = noun_pattern(noun, lexicon)
    if pattern is None:
        return None
    if any(child.lower_ in _HYPOTHETICAL_DETERMINERS for child in children(noun, "det")):
        return None  # "any Israeli attack": not an event that happened (warnings are the verb's)
    if stopped(noun):
        return None  # "a cessation of *hostilities*", "agreed to halt *fighting*": what is stopped
    start = noun.i
    if pattern.object:
        for child in noun.lefts:
            if child.dep_ in ("compound", "amod") and lemma_of(child) in pattern.object:
                start = min(start, child.i)
    # "a mediation effort between A and B": the carrier noun holds the event's arguments
    anchor = noun.head if noun.dep_ == "compound" else noun
    frame = EventFrame(trigger=noun.doc[start : max(noun.i, anchor.i) + 1], pattern=pattern, nominal=True)
    verb = None
    between = prep_object(anchor, "between")
    if between is not None and len(with_conjuncts(between)) >= 2 and pattern.reciprocal:
        first, *others = with_conjuncts(between)
        frame.sources = [Argument(first, "prep:between")]
        frame.targets = [Argument(t, "prep:between") for t in others]
        frame.reciprocal = True
    else:
        verb = governing_verb(anchor)
        if verb is not None and (is_intended(verb) or felt_about(verb, lexicon) or (lemma_of(verb) in INTENT_VERBS and anchor.dep_ == "dobj")):
            return None  # "threatened to impose sanctions", "plans to hold talks": not (yet) done
        suffered = undergone(anchor, verb)
        source = suffered[0] if suffered is not None else noun_source(anchor, verb)
        if source is not None:
            frame.sources = coordinated(source)
        pattern = frame.pattern = _done_jointly(pattern, frame.sources, lexicon)
        if suffered is not None:
            target = suffered[1]  # "the convoy came under fire from militants"
        else:
            target = target_slots(anchor, pattern.noun_targets, passive=False) or _partner_of_body(anchor, pattern)
        if target is None and "prep:between" in pattern.noun_targets:
            target = disputed_between(anchor)  # "a mediation effort to end the dispute *between A and B*"
        if target is not None and target.rule.endswith("prep:between") and not pattern.reciprocal:
            frame.targets = [Argument(t, target.rule) for t in with_conjuncts(target.head)]  # mediation between A and B
            target = None
        if target is None and not frame.targets and is_support_object(anchor, verb):
            slots = tuple(slot for slot in pattern.noun_targets if slot.startswith("prep:"))
            target = target_slots(verb, slots, passive=False)  # "waged an offensive on Gaza"
        if target is None and not frame.targets:
            target = _drawn_in(anchor, verb, lexicon)
        if target is None and not frame.targets and pattern.cameo in _VISIT_CODES:
            target = _destination(anchor, verb, lexicon)
        if target is None and not frame.targets and pattern.cameo[:2] in VIOLENT_ROOTS:
            target = struck_object(anchor)
        if pattern.reciprocal and len(frame.sources) >= 2 and (target is None or target.rule != "prep:with"):
            # "Ethiopia and Egypt held talks (on the dam)": the participants meet each other
            first, *others = frame.sources
            frame.sources, frame.targets, frame.reciprocal = [first], others, True
        elif target is not None:
            frame.targets = coordinated(target)
    frame.negated = _negated(anchor)
    if verb is not None and is_support_object(anchor, verb) and not frame.negated:
        as_intent(frame, verb, default_complement_codes())  # "will launch a military operation": a threat
    return frame


# -- adjective events -----------------------------------------------------------------
def adjective_frame(adjective: Token, lexicon: EventLexicon) -> EventFrame | None:
    """"The State Department said it was *skeptical* about Iran's motives", "remained *optimistic*
    that talks would resume": a feeling said of a copula's subject is that subject's comment, aimed
    at what it is about."""
    patterns = adjective_patterns(adjective, lexicon)
    copula = _copula_of(adjective)
    if not patterns or copula is None:
        return None
    pattern = patterns[0]
    frame = EventFrame(trigger=adjective.doc[adjective.i : adjective.i + 1], pattern=pattern, nominal=False)
    source = subject_of(copula) if copula is not adjective else Argument(first_child(adjective, "nsubjpass"), "nsubjpass")
    if source is not None:
        frame.sources = coordinated(source)
    target = target_slots(adjective, pattern.verb_targets, passive=False)
    if target is not None:
        frame.targets = coordinated(target)
    frame.negated = _negated(adjective) or _negated(copula)
    return frame


def _copula_of(adjective: Token) -> Token | None:
    """The verb that says the feeling of its subject: "was *skeptical*", "is *concerned*" (tagged a
    participle), or the participle itself when parsed as a passive ("the minister was *encouraged*")."""
    if adjective.dep_ == "acomp" and lemma_of(adjective.head) in _COPULAS:
        return adjective.head
    if adjective.tag_ == "VBN" and first_child(adjective, "nsubjpass") is not None and prep_object(adjective, "by") is None:
        return adjective  # (not "was encouraged *by* the talks": that says who encouraged)
    return None


def _described_attacks(frames: list[EventFrame]) -> list[EventFrame]:
    """"a deadly attack *targeting* non-Muslims", "launched a missile attack *hitting* a hospital":
    a participle that describes an attack tells whom that attack hit, not a second attack. The
    attack takes its target (if it names none) and the participle is dropped."""
    by_word = {}
    for frame in frames:
        if frame.pattern.cameo[:2] in VIOLENT_ROOTS:
            by_word[frame.trigger.root.i] = frame
            if frame.object_token is not None:
                by_word.setdefault(frame.object_token.i, frame)  # "launched *a missile attack*"
    kept = []
    for frame in frames:
        word = frame.trigger.root
        attack = by_word.get(word.head.i) if word.dep_ == "acl" and not frame.nominal else None
        if attack is None or attack is frame or frame.pattern.cameo[:2] not in VIOLENT_ROOTS or attack.targets:
            kept.append(frame)
            continue
        attack.targets, attack.fallback_targets = frame.targets, frame.fallback_targets
    return kept


def _share_meeting_partners(frames: list[EventFrame]) -> None:
    """"Met with Assad *to discuss* the war", "held talks with Abe *to discuss* trade": what a
    meeting is held to discuss is discussed with the one met, not with no one."""
    meetings = {}
    for frame in frames:
        if frame.pattern.cameo[:2] == _CONSULTATION_ROOT and frame.targets:
            meetings[frame.trigger.root.i] = frame
            if frame.nominal and (verb := governing_verb(frame.trigger.root)) is not None:
                meetings.setdefault(verb.i, frame)  # "held *talks* with Abe to discuss"
    for frame in frames:
        verb = frame.trigger.root
        meeting = meetings.get(verb.head.i)
        if meeting is None or meeting is frame or frame.targets or frame.pattern.cameo[:2] != _CONSULTATION_ROOT:
            continue
        if verb.dep_ in ("advcl", "xcomp", "acl") and any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children):
            frame.targets, frame.reciprocal = list(meeting.targets), meeting.reciprocal


def find_event_frames(sentence: Span, lexicon: EventLexicon) -> list[EventFrame]:
    """Every event the lexicon finds in one sentence, in text order."""
    # Only words the lexicon has patterns for can start a frame (the rest are never made Tokens).
    doc, words = sentence.doc, words_of(sentence.doc)
    indices = range(sentence.start, sentence.end)
    verbs = [doc[i] for i in indices if words.pos[i] == "VERB" and (words.lemma[i] in lexicon.by_verb or words.lemma[i] in RECEIVING_VERBS)]
    frames = [frame for verb in verbs if (frame := verb_frame(verb, lexicon)) is not None]
    consumed = {frame.object_token.i for frame in frames if frame.object_token is not None and frame.pattern.object}
    # "Israeli air strikes hit Rafah": the strikes are the event the verb tells, not a second one
    consumed |= {weapon.i for frame in frames if frame.pattern.subject and (weapon := weapon_subject(frame.trigger.root, frame.pattern)) is not None}
    for i in indices:
        if i in consumed or words.pos[i] not in ("NOUN", "PROPN") or words.lemma[i] not in lexicon.by_noun:
            continue  # "imposed sanctions": the verb's event already says it
        frame = noun_frame(doc[i], lexicon)
        if frame is not None:
            frames.append(frame)
    for i in indices:
        if words.pos[i] in ("ADJ", "VERB") and (words.lower[i] in lexicon.by_adjective or words.lemma[i] in lexicon.by_adjective) and (frame := adjective_frame(doc[i], lexicon)) is not None:
            frames.append(frame)
    for frame in frames:
        frame.reporter = reporting_verb(frame.trigger.root)
        as_demand(frame, default_complement_codes())
    frames += own_claims(frames, lexicon)
    for frame in frames:
        speaker_for_self(frame)
    _share_meeting_partners(frames)
    frames = _described_attacks(frames)
    # The saying itself is not also an event when what is said is one (a dictionary may code "say"),
    # unless its own pattern asks for an object: "declared a curfew", "claimed responsibility".
    reporters = {frame.reporter.i for frame in frames if frame.reporter is not None}
    frames = [frame for frame in frames if frame.trigger.root.i not in reporters or frame.pattern.object]
    return sorted(frames, key=lambda f: f.trigger.start)
