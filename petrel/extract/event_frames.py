"""Find events on the dependency parse: trigger words from the lexicon and their arguments.

This module only finds (pure functions over spaCy tokens); `events.py` turns what is found
into records. A verb event takes its source from the subject (the by-agent in the passive) and
its target from the slots its pattern names; a noun event ("talks with", "an Israeli attack
on Rafah") takes its source from a possessor, a nationality adjective, a by-phrase, or the
subject of the verb that governs it ("arrived for talks").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from petrel.extract.actors import listed_apposition
from petrel.knowledge.complement_codes import ComplementCodes, default_complement_codes
from petrel.knowledge.event_lexicon import EventLexicon, EventPattern

SAY_VERBS = frozenset({
    "say", "tell", "announce", "state", "report", "claim", "add", "note", "stress", "confirm",
    "insist", "allege", "declare", "write", "explain",
})  # fmt: skip
# What a statement's issuer stands behind, for "according to the statement" later on
DOCUMENT_NOUNS = frozenset({"statement", "report", "communique", "communiqué", "declaration", "readout", "letter"})
_STATEMENT_ROOT = "01"  # (not "investigated a report alleging ...": the report is what is investigated)
_SUBJECTS = ("nsubj", "csubj")
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_HYPOTHETICAL_DETERMINERS = frozenset({"any", "no", "every"})
_DENIAL_VERBS = frozenset({"deny", "refuse", "reject", "fail", "decline"})
# "failed to reach a deal", "refused to free": a withheld act is a refusal whatever the tense
_REFUSAL_VERBS = frozenset({"refuse", "fail", "decline"})
_CLAIM_VERBS = frozenset({"claim", "admit", "acknowledge", "confirm"})
_SELF_PRONOUNS = frozenset({"they", "it", "we", "he", "she", "i"})
_CLAIM_PATTERN = "claim_responsibility"
_OWNING_NOUNS = frozenset({"responsibility", "credit", "blame"})  # "claimed responsibility for the attack"
_OWNED_ACT_SLOTS = ("prep:on", "prep:against", "prep:at")
_PART_NOUNS = frozenset({"round", "series", "session", "wave", "day", "week", "phase", "stage", "spate", "string"})
# Verbs whose subject carries out the event their object names ("held talks", "launched an attack").
SUPPORT_VERBS = frozenset({
    "hold", "have", "launch", "carry", "conduct", "wage", "stage", "mount", "begin", "start", "resume",
    "continue", "open", "pursue", "step", "intensify", "escalate", "join", "attend", "host", "make",
    "kick", "undertake", "perform", "lead", "organize", "organise", "complete", "end", "conclude",
    "wag", "stag",  # the small English pipeline lemmatises "waged" as "wag", "staged" as "stag"
})  # fmt: skip
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_TIME_NOUNS = frozenset({"time", "moment", "occasion"})
_VIOLENT_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
_DE_ESCALATION = "087"
_MEANS_PREPS = frozenset({"in", "during", "by"})
_RECIPIENT_PREPS = frozenset({"to", "for"})
_SCENE_PREPS = frozenset({"in", "into", "at", "inside"})
_FOLLOWED_EDGES = frozenset({"prep", "pobj", "dobj", "dative", "xcomp"})
_AIMED_AT = ("prep:on", "prep:against", "prep:to")
_OBJECT_PHRASE_TARGETS = ("prep:on", "prep:against", "prep:with", "prep:between", "prep:from", "prep:to", "prep:for", "prep:into")
_HELP_LEMMAS = frozenset({"help", "support", "assist", "aid", "enable", "allow"})
_BENEFICIARY_SLOTS = ("prep:to", "prep:with", "prep:against", "prep:on", "prep:for")
_YIELDING_ROOTS = frozenset({"06", "07", "08"})
# "A met B": two parties in the subject and object of a meeting verb meet each other, and the
# meeting is coded both ways, as PETRARCH codes "A will meet B and C". "A met with B" and "A
# signed a deal with B" stay one way, as PETRARCH codes them ("with" makes B the one visited).
_MEETING_CODES = frozenset({"040"})
_GIVING_ROOTS = frozenset({"05", "06", "07"})
_BARE_INTENT = "030"
# Verbs that send people somewhere to do something: "sent experts to Alabama *to investigate*".
SENDING_VERBS = frozenset({"send", "dispatch", "deploy", "despatch", "fly", "rush"})
# "tortured to death", "sentenced to death": the state an act ends in is no one it is aimed at
_RESULT_NOUNS = frozenset({"death"})
# "received X from Y" is Y giving X: the giving verbs whose object-named patterns it takes.
RECEIVING_VERBS = frozenset({"receive", "get", "obtain", "accept", "secure", "win"})
GIVING_VERBS = ("give", "provide", "send", "offer", "extend", "grant", "deliver", "make", "issue")
# What kills, wounds and destroys without anyone acting: such events are no political events.
NATURAL_CAUSES = frozenset({
    "earthquake", "quake", "tremor", "flood", "flooding", "storm", "cyclone", "hurricane", "typhoon", "tornado",
    "tsunami", "landslide", "mudslide", "avalanche", "drought", "heatwave", "wildfire", "lightning", "crash",
    "accident", "collision", "disease", "virus", "outbreak", "epidemic", "pandemic", "cholera", "famine", "rain",
    "snow", "collapse", "stampede", "wave", "eruption",
})  # fmt: skip
# Generic nouns whose modifier names the event: "a mediation effort", "an aid convoy".
EVENT_CARRIERS = frozenset({
    "effort", "process", "mission", "operation", "campaign", "initiative", "programme", "program", "convoy",
    "shipment", "package", "delivery", "flight", "drive", "bid", "push",
})  # fmt: skip
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
_PARTICIPATION_PREPS = frozenset({"for", "during", "at", "in", "after", "before", "ahead", "on"})
# Verbs whose complement is intended, threatened or asked for, not done ("threatened to attack").
INTENT_VERBS = frozenset({
    "threaten", "plan", "vow", "pledge", "promise", "agree", "want", "intend", "prepare", "seek",
    "refuse", "offer", "schedule", "expect", "urge", "warn", "hope", "aim", "propose", "decide",
    "call", "ask", "demand", "try", "attempt", "consider", "allow", "permit", "invite", "authorize", "authorise",
})  # fmt: skip

# Nouns whose infinitive is wanted, not done: "efforts to reach a deal", "a threat to strike".
INTENT_NOUNS = frozenset({
    "effort", "attempt", "bid", "plan", "push", "call", "demand", "proposal", "hope", "move", "intention",
    "pledge", "promise", "threat", "offer", "decision", "plea", "appeal", "request", "readiness", "willingness",
    "way", "need", "chance", "opportunity", "right", "order", "mandate", "initiative", "campaign",
})  # fmt: skip


@dataclass(frozen=True)
class Argument:
    """An actor slot filled by a token (the head of its noun phrase), and how it was found."""

    head: Token
    rule: str


@dataclass
class EventFrame:
    """A trigger, the pattern it matched, and its arguments, before actors are resolved."""

    trigger: Span
    pattern: EventPattern
    nominal: bool
    sources: list[Argument] = field(default_factory=list)
    targets: list[Argument] = field(default_factory=list)
    reciprocal: bool = False
    negated: bool = False
    object_token: Token | None = None
    reporter: Token | None = None  # the verb of saying this event is reported under
    probability: float | None = None  # set when the event-root model, not the lexicon, proposed it
    # whom the event is for when the target slot holds a thing ("rejected a request *for X*")
    fallback_targets: list[Argument] = field(default_factory=list)


# -- small parse helpers ----------------------------------------------------------------
def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def first_child(token: Token, *deps: str) -> Token | None:
    return next((child for child in token.children if child.dep_ in deps), None)


def prep_object(token: Token, word: str) -> Token | None:
    """The object of a preposition attached to `token` ("meeting *with* X" -> X)."""
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ == word:
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.ent_type_ not in _TIME_ENTITIES and obj.lemma_ not in _TIME_NOUNS:  # "for the first time"
                    return obj
                # "on Tuesday" names no one, but "met with Syrian President Bashar Assad Tuesday"
                # is often parsed with the day as the head of the name
                named = [c for c in obj.children if c.dep_ == "compound" and c.ent_type_ not in _TIME_ENTITIES]
                if named:
                    return named[-1]
    return None


def coordinated(argument: Argument) -> list[Argument]:
    """One argument per coordinated actor, found by the same rule."""
    return [Argument(token, argument.rule) for token in with_conjuncts(argument.head)]


def with_conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Turkey and Qatar", "the US, Russia, and
    Switzerland" however spaCy attached the list)."""
    found = [token]
    members = [*token.conjuncts]
    for child in token.children:
        if listed_apposition(child):
            members += [child, *child.conjuncts]
    for member in sorted(set(members), key=lambda t: t.i):
        if member.i > token.i and member.pos_ in ("NOUN", "PROPN", "PRON"):
            found.append(member)
    return found


def is_passive(verb: Token) -> bool:
    """"Gaza was shelled", "Israel stands accused of", "hostages held by Hamas"."""
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        return True
    if shares_passive(verb):
        return True  # "was tortured and *killed*"
    return verb.tag_ == "VBN" and verb.dep_ in ("acomp", "oprd", "acl", "xcomp")


def shares_passive(verb: Token) -> bool:
    """A participle coordinated with a passive verb, without a subject of its own: "Rahman was
    tortured and *killed*"."""
    return (
        verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB"
        and any(child.dep_ == "nsubjpass" for child in verb.head.children)
        and not any(child.dep_ in ("nsubj", "nsubjpass", "dobj") for child in verb.children)
    )


def passive_subject(verb: Token) -> Token | None:
    """What a passive verb is done to: its passive subject, or the noun a participle modifies."""
    found = first_child(verb, "nsubjpass")
    if found is not None:
        return found
    if shares_passive(verb):
        return first_child(verb.head, "nsubjpass")
    if verb.dep_ == "acl":
        return verb.head
    if verb.dep_ in ("acomp", "oprd", "xcomp"):
        return first_child(verb.head, "nsubj", "nsubjpass")
    return None


def subject_of(verb: Token) -> Argument | None:
    """Who does what the verb says: its subject, the by-agent if passive, or an inherited subject."""
    current = verb
    for _ in range(6):
        if is_passive(current):
            agent = prep_object(current, "by")
            if agent is None and _lemma(current) in INTENT_VERBS and first_child(current, "xcomp") is not None:
                planned = first_child(current, "nsubjpass")  # "He is scheduled to visit": he will visit
                return Argument(planned, "nsubj") if planned is not None else None
            return Argument(agent, "agent") if agent is not None else None
        subject = first_child(current, *_SUBJECTS)
        if subject is not None:
            if subject.lower_ in _RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return Argument(current.head, "relcl")
            return Argument(subject, "nsubj" if current is verb else "nsubj:inherited")
        if current.dep_ == "relcl":
            return Argument(current.head, "relcl")
        if current.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl", "ccomp", "prep", "pobj", "acomp"):
            current = current.head
            continue
        return None
    return None


def governing_verb(token: Token) -> Token | None:
    """The verb a noun event hangs from ("arrived for *talks*", "held *talks*")."""
    current = token
    for _ in range(6):
        if current.dep_ not in ("dobj", "pobj", "prep", "conj", "nsubj", "nsubjpass", "attr", "compound", "appos"):
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _modifier_lemmas(token: Token) -> set[str]:
    lemmas = {_lemma(token)}
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            lemmas.add(_lemma(child))
        if child.dep_ == "prep" and (child.lower_ == "of" or (child.lower_ == "in" and _is_amount(token))):
            # "tons *of food*", "$2 million *in military aid*": the amount names what it is of
            lemmas.update(_lemma(obj) for obj in child.children if obj.dep_ == "pobj")
            lemmas.update(_lemma(mod) for obj in child.children if obj.dep_ == "pobj" for mod in obj.children if mod.dep_ in ("amod", "compound"))
    return lemmas


def _is_amount(token: Token) -> bool:
    return token.pos_ in ("NUM", "SYM") or token.like_num or token.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL")


def _negated(trigger: Token) -> bool:
    if any(child.dep_ == "neg" for child in trigger.children):
        return True
    head = trigger.head
    return trigger.dep_ in ("xcomp", "pcomp", "ccomp", "dobj") and _lemma(head) in _DENIAL_VERBS and head != trigger


def reporting_verb(trigger: Token) -> Token | None:
    """The verb of saying that reports this event ("..., the presidency *said*")."""
    for ancestor in trigger.ancestors:
        if _lemma(ancestor) in SAY_VERBS and ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


# -- verb events ----------------------------------------------------------------------
def _verb_object(verb: Token, pattern: EventPattern) -> Token | None:
    if pattern.prep is not None:
        return prep_object(verb, pattern.prep)
    if is_passive(verb):
        return passive_subject(verb)
    # "threatened to attack": the complement is what is threatened
    return first_child(verb, "dobj") or first_child(verb, "xcomp")


def _any_prep_object(verb: Token) -> Token | None:
    return next((obj for prep in verb.children if prep.dep_ == "prep" for obj in prep.children if obj.dep_ == "pobj"), None)


def is_intended(verb: Token) -> bool:
    """"threatened to attack", "plans to visit", "demanded that Israel release": the complement of
    an intent verb is not done (conjoined complements too: "vowed to rebuild and *reopen*")."""
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return _lemma(verb.head) in INTENT_NOUNS  # "efforts to reach a deal", "a plan to withdraw"
    return verb.dep_ in ("xcomp", "ccomp") and _lemma(verb.head) in INTENT_VERBS


def _verb_pattern(verb: Token, lexicon: EventLexicon) -> tuple[EventPattern, Token | None] | None:
    for pattern in lexicon.by_verb.get(_lemma(verb), ()):
        if pattern.subject and not _weapon(verb, pattern):
            continue
        obj = _verb_object(verb, pattern)
        if pattern.prep is not None and obj is None:
            continue
        if pattern.object and (obj is None or not (_modifier_lemmas(obj) & pattern.object)):
            continue
        excluded = obj if obj is not None else first_child(verb, "dobj") or _any_prep_object(verb)
        if pattern.not_object and excluded is not None and _modifier_lemmas(excluded) & pattern.not_object:
            continue
        return pattern, obj
    return None


def _weapon(verb: Token, pattern: EventPattern) -> Token | None:
    """The subject a pattern asks for: the weapon in "Russian *missiles* struck Kyiv"."""
    subject = first_child(verb, "nsubj")
    return subject if subject is not None and _modifier_lemmas(subject) & pattern.subject else None


def target_slots(token: Token, slots: tuple[str, ...], passive: bool) -> Argument | None:
    for slot in slots:
        if slot == "dobj":
            found = passive_subject(token) if passive else first_child(token, "dobj")
            if found is not None:
                return Argument(found, "passive-subject" if passive else "dobj")
        elif slot == "dative":
            found = first_child(token, "dative", "iobj")
            if found is not None and found.pos_ != "ADP":
                return Argument(found, "dative")
        elif slot == "clause":  # "expressed hope *that the government* will change"
            clause = first_child(token, "ccomp", "acl")
            found = first_child(clause, "nsubj", "nsubjpass") if clause is not None else None
            if found is not None and found.pos_ in ("NOUN", "PROPN"):
                return Argument(found, "clause-subject")
        else:
            obj = prep_object(token, slot.split(":", 1)[1])
            if obj is not None:
                return Argument(obj, slot)
    return None


def is_meeting(frame: EventFrame, partner: Argument | None) -> bool:
    """Whether the frame's source meets the partner its object names: "Netanyahu met Putin"."""
    return bool(frame.sources) and partner is not None and frame.pattern.cameo in _MEETING_CODES and partner.rule == "dobj"


def _complement(verb: Token, lexicon: EventLexicon) -> tuple[Token, EventPattern] | None:
    """The event an appeal, promise, demand, refusal or threat is about: "urged X *to release* Y",
    "demanded that Israel *allow* aid in", "threatened *sanctions*"."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB":
            matched = _verb_pattern(child, lexicon)
            if matched is not None:
                return child, matched[0]
        if child.dep_ == "dobj":
            pattern = _noun_pattern(child, lexicon)
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
    elif root == "03" and inner.cameo[:2] in _VIOLENT_ROOTS:
        root = "13"  # "vowed to attack", "wants to strike": an intended violent act is a threat
    inner_code = inner.cameo
    if any(c.dep_ == "neg" for c in complement.children) and inner_code[:2] in _VIOLENT_ROOTS:
        inner_code = _DE_ESCALATION  # "urged both sides not to attack": an appeal to de-escalate
    code = complements.code_for(root, inner_code) or (f"{root}0" if root != pattern.cameo[:2] else None)
    if code is None or code == pattern.cameo:
        return pattern, complement
    return replace(pattern, id=f"{pattern.id}+{inner.id}", cameo=code), complement


def _is_event_noun(token: Token, lexicon: EventLexicon) -> bool:
    """"sanctions" in "imposed sanctions" names the event, not who it is done to ("released *prisoners*")."""
    return _lemma(token) in lexicon.by_noun or token.pos_ not in ("NOUN", "PROPN", "PRON")


def beneficiaries(target: Argument, verb: Token) -> list[Argument]:
    """Whom an event is for when its target slot holds a thing: "suspended a tax *on US firms*",
    "gave 625 rifles *to the Marines*", or who did the thing: "condemned an attack *by Osgiliath
    soldiers*" (used only if petrel cannot tell the thing is an actor)."""
    if target.head.pos_ != "NOUN":
        return []
    found = _helped(verb) or _object_phrase_target(target.head) or target_slots(verb, _BENEFICIARY_SLOTS, False)
    if found is not None and _lemma(found.head) in _RESULT_NOUNS:
        found = None
    found = found or _event_agent(target.head, ("by",))  # "condemned an attack *by Osgiliath soldiers*"
    if found is None and not is_passive(verb):  # the same with "by" hung on the verb: "denied charges *by X* that..."
        agent = prep_object(verb, "by")
        found = Argument(agent, "object-agent:by") if agent is not None and agent.pos_ in ("NOUN", "PROPN") else None
    return coordinated(found) if found is not None and found.head.i != target.head.i else []


def _helped(verb: Token) -> Argument | None:
    """Whom a purpose clause says the thing is for: "sending aid *to help North Korea* cope"."""
    for clause in verb.children:
        if clause.dep_ in ("xcomp", "advcl") and _lemma(clause) in _HELP_LEMMAS:
            # "to help *Haiti* cope", parsed with Haiti as the subject of "cope"
            helped = first_child(clause, "dobj")
            if helped is None and _lemma(clause) in ("help", "assist"):  # not "allow residents to vote"
                helped = next((s for c in children(clause, "ccomp", "xcomp") for s in children(c, "nsubj")), None)
            if helped is not None:
                return Argument(helped, "purpose:dobj")
    return None


def _object_phrase_target(obj: Token, slots: tuple[str, ...] = ()) -> Argument | None:
    """Whom an object-named event is aimed at: "sanctions *on Iran*", "sanctions imposed *on China*",
    "a resumption of ties *with Osgiliath*", "ties *between Gondor and Osgiliath*", or the pattern's
    own prepositional slots ("a curfew *in* parts of Kashmir")."""
    found = target_slots(obj, tuple(s for s in slots if s.startswith("prep:") or s == "clause") + _OBJECT_PHRASE_TARGETS, False)
    if found is None:
        participle = next((c for c in obj.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
        if participle is not None:
            helped = first_child(participle, "dobj") if _lemma(participle) in _HELP_LEMMAS else None
            # "a shipment of ventilators *to assist Ethiopia*", "sanctions imposed *on China*"
            found = Argument(helped, "purpose:dobj") if helped is not None else target_slots(participle, _OBJECT_PHRASE_TARGETS, False)
    if found is None:
        inner = prep_object(obj, "of")  # "welcomed a resumption *of ties with Osgiliath*"
        if inner is not None and inner.pos_ == "NOUN":
            found = target_slots(inner, _OBJECT_PHRASE_TARGETS, False)
    return found


def addressee(document: Token) -> Argument | None:
    """Whom a statement or letter is aimed at, from the participle that says what it does:
    "a statement *urging North Korea* to comply", "a letter *calling on the UN* to act", "a
    statement saying that *its president* had expressed concern"."""
    for participle in children(document, "acl"):
        if participle.tag_ != "VBG":
            continue
        found = target_slots(participle, ("dobj", "prep:on", "prep:to", "clause"), False)
        if found is not None and found.head.pos_ in ("NOUN", "PROPN"):
            return Argument(found.head, f"document:{found.rule}")
    return None


def owned_act_target(act: Token) -> Argument | None:
    """Whom an act one claims or denies was aimed at, or where it struck: "claimed responsibility
    for an attack *on the army's sites*", "for the bombing *at a hotel*"."""
    found = target_slots(act, _OWNED_ACT_SLOTS, False)
    return Argument(found.head, f"claimed-act:{found.rule}") if found is not None else None


def _event_agent(noun: Token, words: tuple[str, ...] = ("of", "by")) -> Argument | None:
    """Who did what an object names, when the object is itself an event: "rejected *the Afghan
    government's* offer", "rejected the call *of the European Parliament*", "denied claims *by
    the army*": the rejection, denial or welcome is aimed at them."""
    possessor = first_child(noun, "poss")
    if possessor is not None and possessor.pos_ in ("PROPN", "NOUN"):
        return Argument(possessor, "object-agent:poss")
    for word in words:
        agent = prep_object(noun, word)
        if agent is not None and agent.pos_ in ("PROPN", "NOUN"):
            return Argument(agent, f"object-agent:{word}")
    return None


def recipients_and_scenes(trigger: Token, depth: int = 4) -> tuple[list[Argument], list[Argument]]:
    """Who an event with no target named is for, and where it is aimed, from the phrases under
    its trigger: "provided $2 million in assistance *to Fiji*", "agreed to a ceasefire *in
    Hodeidah*", "staged a protest *in Beijing*". The caller keeps a recipient that is an actor
    and a scene that is a place (as PETRARCH codes a place with no actor by its country)."""
    recipients, scenes, level = [], [], [trigger]
    if trigger.dep_ == "dobj" and _lemma(trigger.head) in SUPPORT_VERBS:
        level.append(trigger.head)  # "staged a protest *in Beijing*"
    elif _purpose_clause(trigger) and _lemma(trigger.head) in SENDING_VERBS:
        level.append(trigger.head)  # "sent a team *to Detroit* to investigate a collision"
    for _ in range(depth):
        below = []
        for token in level:
            for child in token.children:
                if child.dep_ in ("prep", "dative") and child.lower_ in _RECIPIENT_PREPS:
                    recipients += [Argument(obj, f"recipient:{child.lower_}") for obj in children(child, "pobj") if obj.ent_type_ not in _TIME_ENTITIES]
                elif child.dep_ == "prep" and child.lower_ in _SCENE_PREPS:
                    scenes += [Argument(obj, f"scene:{child.lower_}") for obj in children(child, "pobj") if obj.ent_type_ not in _TIME_ENTITIES]
                if child.dep_ in _FOLLOWED_EDGES or _purpose_clause(child):
                    below.append(child)
        level = below
    return recipients, scenes


def _purpose_clause(token: Token) -> bool:
    """"gave 352.5 million euros *to promote investment in Ethiopia*": an infinitive of purpose."""
    return token.dep_ == "advcl" and any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)


def _complement_target(complement: Token, lexicon: EventLexicon) -> Argument | None:
    """Who an appeal or threat is aimed at, from its complement: the subject of "demanded that
    *Israel* release", the object of "threatened to attack *Ukraine*", or the on/against phrase of
    "threatened to impose sanctions *on Iran*" (the sanctions are not the target)."""
    if complement.dep_ == "ccomp":
        subject = first_child(complement, "nsubj")
        return Argument(subject, "complement-subject") if subject is not None else None
    target = target_slots(complement, ("dobj",), False)
    if target is not None and _noun_pattern(target.head, lexicon) is not None:
        event_noun = target.head
        target = target_slots(complement, _AIMED_AT, False) or target_slots(event_noun, _AIMED_AT, False)
    return target


def verb_frame(verb: Token, lexicon: EventLexicon, complements: ComplementCodes | None = None) -> EventFrame | None:
    if verb.pos_ != "VERB" or is_intended(verb) or verb.dep_ == "amod":
        return None  # amod: a participle describing a noun, "the occupied West Bank", "detained journalists"
    received = _received_frame(verb, lexicon)
    if received is not None:
        return received
    matched = _verb_pattern(verb, lexicon)
    if matched is None:
        return None
    pattern, obj = matched
    pattern, complement = _about_complement(verb, pattern, lexicon, complements or default_complement_codes())
    if pattern.cameo == _BARE_INTENT and complement is None and not pattern.object and verb.dep_ in ("acl", "advcl", "relcl", "amod"):
        return None  # "a militant wanted on suspicion", "supplies aimed at", "as planned": no intent stated
    frame = EventFrame(trigger=verb.doc[verb.i : verb.i + 1], pattern=pattern, nominal=False, object_token=obj)
    weapon = _weapon(verb, pattern) if pattern.subject else None
    source = (_noun_source(weapon, None) or Argument(weapon, "nsubj")) if weapon is not None else subject_of(verb)
    if weapon is not None and source.head is not weapon:
        source = Argument(source.head, f"weapon:{source.rule}")  # whose missiles: "*Russian* missiles"
    if no_ones_act(source, pattern.cameo[:2]):
        return None  # "the earthquake killed 40", "victims killed by the crash"
    if source is None and is_passive(verb) and pattern.cameo[:2] in _VIOLENT_ROOTS:
        source = _means_source(verb, lexicon)
    if source is not None:
        frame.sources = coordinated(source)
    planned = is_passive(verb) and _lemma(verb) in INTENT_VERBS and first_child(verb, "xcomp") is not None
    target = None if planned else target_slots(verb, pattern.verb_targets, is_passive(verb))  # "is scheduled to visit X"
    if target is None:
        complement = complement or (obj if obj is not None and obj.dep_ == "xcomp" else None)
        if complement is not None and complement.pos_ == "VERB":
            target = _complement_target(complement, lexicon)
    if target is not None and _lemma(target.head) in DOCUMENT_NOUNS and pattern.cameo[:2] == _STATEMENT_ROOT:
        target = addressee(target.head) or target  # "issued a statement *urging North Korea* to ..."
    if target is not None and obj is not None and target.head.i == obj.i and _is_event_noun(obj, lexicon):
        target = None  # "imposed *sanctions*": the object names the event, not whom it is done to
    if obj is not None and _lemma(obj) in _OWNING_NOUNS:
        act = prep_object(obj, "for") or prep_object(verb, "for")  # "claimed responsibility for an attack *on X*"
        aimed = owned_act_target(act) if act is not None and _is_event_noun(act, lexicon) else None
        target = aimed or target
    if target is None and obj is not None and obj.pos_ in ("NOUN", "PROPN"):
        target = _object_phrase_target(obj, pattern.verb_targets)  # "imposed sanctions *on Iran*", "cut ties *with Qatar*"
    if target is None and obj is not None and _is_event_noun(obj, lexicon):
        target = _event_agent(obj)  # "rejected the call *of the European Parliament*"
    if target is None and pattern.cameo[:2] in _GIVING_ROOTS:
        target = _helped(verb)  # "donated 250 ventilators *to assist Ethiopia*"
    if target is not None:
        frame.targets = coordinated(target)
        # whom the thing is for, on the verb that governs it: "considering *sending* aid to Iraq"
        governor = target.head.head if target.head.dep_ == "dobj" and target.head.head.pos_ == "VERB" else verb
        frame.fallback_targets = beneficiaries(target, governor)
    meeting = is_meeting(frame, target)
    frame.negated = _negated(verb)
    if frame.negated:
        _as_refusal(frame, verb, complements or default_complement_codes())
    else:
        as_intent(frame, verb, complements or default_complement_codes())
    # a meeting that happened or is planned is mutual; one refused or denied is not ("would not meet")
    frame.reciprocal = meeting and not frame.negated and not frame.pattern.id.endswith("+refusal")
    return frame


def _means_source(verb: Token, lexicon: EventLexicon) -> Argument | None:
    """Who did a violent act reported in the passive, from the attack it happened in: "five
    people were killed *in an Israeli air strike*", "wounded *during shelling by Russian forces*"."""
    for prep in children(verb, "prep"):
        if prep.lower_ not in _MEANS_PREPS:
            continue
        for noun in children(prep, "pobj"):
            pattern = _noun_pattern(noun, lexicon)
            if pattern is not None and pattern.cameo[:2] in _VIOLENT_ROOTS:
                found = _noun_source(noun, None)
                return Argument(found.head, f"means:{found.rule}") if found is not None else None
    return None


def _received_frame(verb: Token, lexicon: EventLexicon) -> EventFrame | None:
    """"Demonstrators received weapons *from the government*": what one receives from someone is
    what they gave, sent or provided — the giver is the source, the receiver the target."""
    if _lemma(verb) not in RECEIVING_VERBS or is_passive(verb):
        return None
    thing = first_child(verb, "dobj")
    if thing is None:
        return None
    giver = prep_object(verb, "from") or prep_object(thing, "from")
    if giver is None or giver.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    what = _modifier_lemmas(thing)
    for lemma in GIVING_VERBS:
        for pattern in lexicon.by_verb.get(lemma, ()):
            if pattern.object and pattern.prep is None and what & pattern.object:
                frame = EventFrame(
                    trigger=verb.doc[verb.i : verb.i + 1], pattern=replace(pattern, id=f"{pattern.id}+received"),
                    nominal=False, object_token=thing, negated=_negated(verb),
                )  # fmt: skip
                frame.sources = coordinated(Argument(giver, "received:from"))
                receiver = subject_of(verb)
                frame.targets = coordinated(Argument(receiver.head, "received:" + receiver.rule)) if receiver else []
                return frame
    return None


def no_ones_act(source: Argument | None, root: str) -> bool:
    """Whether a violent act's source is a disaster or an accident, not an actor: "the
    earthquake", "a plane crash", "the storm" kill and destroy, but no one acts."""
    return source is not None and root in _VIOLENT_ROOTS and _lemma(source.head) in NATURAL_CAUSES


def is_future(verb: Token) -> bool:
    """"will withdraw", "would release", "is ready to send", "are willing to talk"."""
    if any(_lemma(child) in _FUTURE_AUXILIARIES for child in verb.children if child.dep_ == "aux"):
        return True
    return verb.dep_ == "xcomp" and _lemma(verb.head) in READINESS_WORDS


def as_intent(frame: EventFrame, verb: Token, complements: ComplementCodes) -> None:
    """An act announced for the future is an intent (CAMEO 03) if cooperative and a threat (13)
    if violent: "will release the hostages" -> 0353, "will attack" -> 1384."""
    root = frame.pattern.cameo[:2]
    frame_root = "03" if root in _COOPERATIVE_ROOTS else "13" if root in _VIOLENT_ROOTS else None
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
        modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS), None)
        if modal is not None:
            return modal
        if verb.dep_ == "xcomp" and _lemma(verb.head) in ("have", "need"):
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


def _as_refusal(frame: EventFrame, verb: Token, complements: ComplementCodes) -> None:
    """"will not lift the embargo", "refused to release": a cooperative act withheld is a refusal
    (CAMEO 12: refuse to yield, reject aid...), an event that happened, not a negated one. Past
    negation of a meeting or a statement of support ("did not meet") stays a negated event."""
    root = frame.pattern.cameo[:2]
    modal = any(_lemma(child) in _MODALS for child in verb.children if child.dep_ == "aux")
    modal = modal or (verb.dep_ in ("xcomp", "ccomp") and _lemma(verb.head) in _REFUSAL_VERBS)
    if root not in _YIELDING_ROOTS and not (root in _PROMISING_ROOTS and modal):
        return
    code = complements.code_for("12", frame.pattern.cameo)
    if code is not None:
        frame.pattern = replace(frame.pattern, id=f"{frame.pattern.id}+refusal", cameo=code)
        frame.negated = False


# -- noun events ----------------------------------------------------------------------
def _noun_pattern(noun: Token, lexicon: EventLexicon) -> EventPattern | None:
    for pattern in lexicon.by_noun.get(_lemma(noun), ()):
        if pattern.object and not ((_modifier_lemmas(noun) - {_lemma(noun)}) & pattern.object):
            continue
        return pattern
    return None


def _noun_source(noun: Token, verb: Token | None) -> Argument | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return Argument(child, "poss")
    by = prep_object(noun, "by")
    if by is not None:
        return Argument(by, "prep:by")
    for child in noun.children:  # "an attack led by Hamas"
        if child.dep_ == "acl":
            agent = prep_object(child, "by")
            if agent is not None:
                return Argument(agent, "acl:agent")
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return Argument(child, child.dep_)
    if verb is not None and _takes_part(noun, verb):
        return subject_of(verb)
    return None


def _is_support_object(noun: Token, verb: Token | None) -> bool:
    """"held *talks*", "waged an *offensive*", "held a new round *of talks*": the noun is what a
    support verb carries out."""
    noun = _whole(noun)
    return verb is not None and noun.dep_ == "dobj" and noun.head.i == verb.i and _lemma(verb) in SUPPORT_VERBS


def _whole(noun: Token) -> Token:
    """The noun an event noun is a part of: "a new round *of talks*" -> round."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in _PART_NOUNS:
        noun = noun.head.head
    return noun


def _takes_part(noun: Token, verb: Token) -> bool:
    """Whether the verb's subject takes part in the noun's event: "held talks", "arrived for
    talks", "during a meeting with" -- but not "condemned Israel over the raid"."""
    if _is_support_object(noun, verb):
        return True
    noun = _whole(noun)  # "arrived for a second round of talks"
    if noun.dep_ != "pobj" or noun.head.lower_ not in _PARTICIPATION_PREPS:
        return False
    # "arrived for talks", "claimed responsibility for the attack", but not "expressed sorrow
    # for the shootings" or "blamed Israel for the attack"
    obj = first_child(verb, "dobj")
    return noun.head.lower_ != "for" or obj is None or _lemma(obj) in _OWNING_NOUNS


def _drawn_in(noun: Token, verb: Token | None, lexicon: EventLexicon) -> Argument | None:
    """Whom the subject drew into the event: "rebels engaged *peacekeepers* in a firefight",
    "dragged *the country* into a war"."""
    if verb is None or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "into") or noun.head.head.i != verb.i:
        return None
    obj = first_child(verb, "dobj")
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or _is_event_noun(obj, lexicon):
        return None
    return Argument(obj, "drawn-in:dobj")


def _struck(noun: Token) -> Argument | None:
    """Whom a violent act named as the subject struck: "a car bomb in Kiev killed *a Chechen
    fighter*", "the airstrike hit *a hospital*"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB":
        return None
    struck = first_child(verb, "dobj")
    return Argument(struck, "struck:dobj") if struck is not None and struck.pos_ in ("NOUN", "PROPN", "PRON") else None


def noun_frame(noun: Token, lexicon: EventLexicon) -> EventFrame | None:
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.dep_ == "compound" and _lemma(noun.head) not in EVENT_CARRIERS:
        return None  # a modifier, not an event: "riot police", "attack helicopters", "sanctions list"
    pattern = _noun_pattern(noun, lexicon)
    if pattern is None:
        return None
    if any(child.lower_ in _HYPOTHETICAL_DETERMINERS for child in noun.children if child.dep_ == "det"):
        return None  # "any Israeli attack": not an event that happened (warnings are the verb's)
    start = noun.i
    if pattern.object:
        for child in noun.lefts:
            if child.dep_ in ("compound", "amod") and _lemma(child) in pattern.object:
                start = min(start, child.i)
    # "a mediation effort between A and B": the carrier noun holds the event's arguments
    anchor = noun.head if noun.dep_ == "compound" else noun
    frame = EventFrame(trigger=noun.doc[start : max(noun.i, anchor.i) + 1], pattern=pattern, nominal=True)
    between = prep_object(anchor, "between")
    if between is not None and len(with_conjuncts(between)) >= 2 and pattern.reciprocal:
        first, *others = with_conjuncts(between)
        frame.sources = [Argument(first, "prep:between")]
        frame.targets = [Argument(t, "prep:between") for t in others]
        frame.reciprocal = True
    else:
        verb = governing_verb(anchor)
        if verb is not None and (is_intended(verb) or (_lemma(verb) in INTENT_VERBS and anchor.dep_ == "dobj")):
            return None  # "threatened to impose sanctions", "plans to hold talks": not (yet) done
        source = _noun_source(anchor, verb)
        if source is not None:
            frame.sources = coordinated(source)
        target = target_slots(anchor, pattern.noun_targets, passive=False)
        if target is not None and target.rule == "prep:between" and not pattern.reciprocal:
            frame.targets = [Argument(t, "prep:between") for t in with_conjuncts(target.head)]  # mediation between A and B
            target = None
        if target is None and not frame.targets and _is_support_object(anchor, verb):
            slots = tuple(slot for slot in pattern.noun_targets if slot.startswith("prep:"))
            target = target_slots(verb, slots, passive=False)  # "waged an offensive on Gaza"
        if target is None and not frame.targets:
            target = _drawn_in(anchor, verb, lexicon)
        if target is None and not frame.targets and pattern.cameo[:2] in _VIOLENT_ROOTS:
            target = _struck(anchor)
        if pattern.reciprocal and len(frame.sources) >= 2 and (target is None or target.rule != "prep:with"):
            # "Ethiopia and Egypt held talks (on the dam)": the participants meet each other
            first, *others = frame.sources
            frame.sources, frame.targets, frame.reciprocal = [first], others, True
        elif target is not None:
            frame.targets = coordinated(target)
    frame.negated = _negated(anchor)
    return frame


def _own_claims(frames: list[EventFrame], lexicon: EventLexicon) -> list[EventFrame]:
    """"The Houthis claimed that they had attacked Abha": claiming one's own act is claiming
    responsibility (CAMEO 015), an event of its own besides the act claimed."""
    pattern = lexicon.by_id.get(_CLAIM_PATTERN)
    claims = []
    for frame in frames:
        reporter = frame.reporter
        if pattern is None or reporter is None or _lemma(reporter) not in _CLAIM_VERBS or frame.nominal:
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


def find_event_frames(sentence: Span, lexicon: EventLexicon) -> list[EventFrame]:
    """Every event the lexicon finds in one sentence, in text order."""
    tokens = list(sentence)  # (iterating a Span makes every Token anew)
    frames = [frame for token in tokens if token.pos_ == "VERB" and (frame := verb_frame(token, lexicon)) is not None]
    consumed = {frame.object_token.i for frame in frames if frame.object_token is not None and frame.pattern.object}
    # "Israeli air strikes hit Rafah": the strikes are the event the verb tells, not a second one
    consumed |= {weapon.i for frame in frames if frame.pattern.subject and (weapon := _weapon(frame.trigger.root, frame.pattern)) is not None}
    for token in tokens:
        if token.i in consumed or token.pos_ not in ("NOUN", "PROPN"):
            continue  # "imposed sanctions": the verb's event already says it
        frame = noun_frame(token, lexicon)
        if frame is not None:
            frames.append(frame)
    for frame in frames:
        frame.reporter = reporting_verb(frame.trigger.root)
        as_demand(frame, default_complement_codes())
    frames += _own_claims(frames, lexicon)
    # The saying itself is not also an event when what is said is one (a dictionary may code "say"),
    # unless its own pattern asks for an object: "declared a curfew", "claimed responsibility".
    reporters = {frame.reporter.i for frame in frames if frame.reporter is not None}
    frames = [frame for frame in frames if frame.trigger.root.i not in reporters or frame.pattern.object]
    return sorted(frames, key=lambda f: f.trigger.start)
