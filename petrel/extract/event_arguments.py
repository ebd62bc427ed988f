"""Read an event's arguments off the dependency parse: who does it, what it is done to.

`EventFrame` (a trigger, its pattern and its arguments, before actors are resolved) and pure
functions over spaCy tokens, shared by the lexicon's frames (`event_frames.py`), whom an event is
aimed at (`event_targets.py`) and the model's proposals (`model_events.py`): a verb's subject
(the by-agent in the passive, or one inherited from the verb it hangs on), the object of a
preposition, coordinated actors, and the slots a lexicon pattern names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from petrel.extract.actors import listed_apposition
from petrel.extract.dependents import children, dependents, first_child
from petrel.knowledge.actor_tables import default_actor_knowledge
from petrel.knowledge.event_lexicon import EventPattern

_SUBJECTS = ("nsubj", "csubj")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
PLACE_ENTITIES = frozenset({"GPE", "LOC"})
# Acts and trades whose "of" phrase names what they touch: "imports *of Egyptian produce*"
_CONCERNING_NOUNS = frozenset({"import", "export", "boycott", "publication", "shipment", "sale"})
# "accused X *of* shelling", "blamed X *for* attacking", "charged X *with* killing"
_CHARGE_PREPS = frozenset({"of", "for", "with"})
_PARTICIPLES = frozenset({"VBG", "VBN"})
_MISHUNG_CLAUSES = ("ccomp", "conj")  # how the main verb after a reduced relative clause is hung
# "persuaded Biden *to lift*": verbs whose object does what their to-infinitive says (not "ordered
# troops to fire": what is done on orders is the act of who gave them, as coders read it)
CAUSING_VERBS = frozenset({
    "persuade", "convince", "force", "compel", "pressure", "press", "push", "urge", "ask", "tell",
    "encourage", "help", "allow", "permit", "enable", "invite", "oblige", "induce",
})  # fmt: skip
_ACTOR_ENTITIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})
STATIONED_BODIES = frozenset({"mission", "force", "operation", "contingent", "presence"})
_TIME_NOUNS = frozenset({"time", "moment", "occasion"})
# Verbs whose complement is intended, threatened or asked for, not done ("threatened to attack").
INTENT_VERBS = frozenset({
    "threaten", "plan", "vow", "pledge", "promise", "agree", "want", "intend", "prepare", "seek",
    "refuse", "offer", "schedule", "expect", "urge", "warn", "hope", "aim", "propose", "decide",
    "call", "ask", "demand", "try", "attempt", "consider", "allow", "permit", "invite", "authorize", "authorise",
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


def prep_object(token: Token, word: str) -> Token | None:
    """The object of a preposition attached to `token` ("meeting *with* X" -> X)."""
    for dep, prep in dependents(token):
        if dep in ("prep", "agent", "dative") and prep.lower_ == word:
            for obj_dep, obj in dependents(prep):
                if obj_dep != "pobj":
                    continue
                if obj.ent_type_ not in TIME_ENTITIES and obj.lemma_ not in _TIME_NOUNS:  # "for the first time"
                    return obj
                # "on Tuesday" names no one, but "met with Syrian President Bashar Assad Tuesday"
                # is often parsed with the day as the head of the name
                named = [c for c in obj.children if c.dep_ == "compound" and c.ent_type_ not in TIME_ENTITIES]
                if named:
                    return named[-1]
    return None


def coordinated(argument: Argument) -> list[Argument]:
    """One argument per coordinated actor, found by the same rule; "the ambassadors of France,
    Germany and Italy" are three (the first stands for the whole phrase)."""
    return [Argument(token, argument.rule) for head in with_conjuncts(argument.head) for token in (head, *_of_conjuncts(head))]


def _of_conjuncts(head: Token) -> list[Token]:
    """The second and later names coordinated in a role's "of" phrase: "the leaders of Egypt *and
    Jordan*", "the ambassadors of Arnor, *Osgiliath* and *Gondor*"."""
    if head.pos_ != "NOUN" or (lemma_of(head),) not in default_actor_knowledge().sectors:
        return []  # a role or a body ("leaders", "armies"), not a part or a place ("parts of Iraq and Syria")
    owner = prep_object(head, "of")
    if owner is None or owner.pos_ != "PROPN":
        return []
    return [member for member in with_conjuncts(owner)[1:] if member.pos_ == "PROPN"]


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
    if any(dep in ("nsubjpass", "auxpass") for dep, _ in dependents(verb)):
        return True
    if shares_passive(verb):
        return True  # "was tortured and *killed*"
    if reduced_relative(verb) is not None:
        return True  # "the journalists *detained* last month were released"
    return verb.tag_ == "VBN" and verb.dep_ in ("acomp", "oprd", "acl", "xcomp")


def shares_passive(verb: Token) -> bool:
    """A participle coordinated with a passive verb, without a subject of its own: "Rahman was
    tortured and *killed*"."""
    return (
        verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB"
        and any(dep == "nsubjpass" for dep, _ in dependents(verb.head))
        and not any(dep in ("nsubj", "nsubjpass", "dobj") for dep, _ in dependents(verb))
    )


def reduced_relative(verb: Token) -> Token | None:
    """The noun a participle describes when the small English pipeline made it the main verb: in
    "the journalists *detained* last month were released by the army" "detained" gets
    "journalists" as its subject and "were released" hangs on it (as a clause or a conjunct) with
    no subject of its own. (A participle with a subject and no auxiliary is no main verb.)"""
    if verb.tag_ != "VBN" or any(dep in ("aux", "auxpass", "dobj") for dep, _ in dependents(verb)):
        return None
    subject = first_child(verb, "nsubj")
    if subject is None:
        return None
    for dep, clause in dependents(verb):
        if dep in _MISHUNG_CLAUSES and clause.i > verb.i and _subjectless_passive(clause):
            return subject
    return None


def _subjectless_passive(verb: Token) -> bool:
    deps = [dep for dep, _ in dependents(verb)]
    return "auxpass" in deps and not any(dep in ("nsubj", "nsubjpass", "csubj") for dep in deps)


def passive_subject(verb: Token) -> Token | None:
    """What a passive verb is done to: its passive subject, or the noun a participle modifies."""
    found = first_child(verb, "nsubjpass") or reduced_relative(verb)
    if found is not None:
        return found
    if verb.dep_ in _MISHUNG_CLAUSES and _subjectless_passive(verb):
        found = reduced_relative(verb.head)  # "the journalists detained last month *were released*"
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
    controller = _object_controller(verb) or _told_to(verb)
    if controller is not None:
        return controller
    current = verb
    for _ in range(6):
        if is_passive(current):
            agent = prep_object(current, "by")
            if agent is None and lemma_of(current) in INTENT_VERBS and first_child(current, "xcomp") is not None:
                planned = first_child(current, "nsubjpass")  # "He is scheduled to visit": he will visit
                return Argument(planned, "nsubj") if planned is not None else None
            return Argument(agent, "agent") if agent is not None else None
        subject = first_child(current, *_SUBJECTS)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return Argument(current.head, "relcl")
            return Argument(subject, "nsubj" if current is verb else "nsubj:inherited")
        if current.dep_ == "relcl":
            return Argument(current.head, "relcl")
        owner = _participle_owner(current)
        if owner is not None:
            return owner
        if current.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl", "ccomp", "prep", "pobj", "acomp"):
            current = current.head
            continue
        return None
    return None


def _told_to(verb: Token) -> Argument | None:
    """Who does what another persuades, forces or tells them to do: the object of the verb above
    ("persuade *Biden* to lift sanctions", "forced *Russia* to withdraw"), not its subject."""
    if verb.dep_ != "xcomp" or first_child(verb, *_SUBJECTS) is not None or verb.head.pos_ != "VERB" or is_passive(verb.head):
        return None
    if lemma_of(verb.head) not in CAUSING_VERBS:
        return None  # "summoned the ambassador to complain": the one who summons complains
    told = first_child(verb.head, "dobj")
    if told is None or told.i > verb.i or not (told.pos_ == "PRON" or names_actor(told)):
        return None
    return Argument(told, "told:dobj")


def _participle_owner(verb: Token) -> Argument | None:
    """Who an active participle describing a noun is done by: that noun ("*militants* firing
    rockets at the base", "*gunmen* storming the building")."""
    if verb.dep_ != "acl" or verb.tag_ not in _PARTICIPLES or is_passive(verb) or not names_actor(verb.head):
        return None  # (not "a statement *calling* for", "tweets *targeting* lawmakers")
    return Argument(verb.head, "acl")


def names_actor(noun: Token) -> bool:
    """Whether a noun in the middle of a clause names an actor: a named state, body, group or
    person, or a word for a kind of actor ("militants", "police") in petrel's actor knowledge."""
    if noun.dep_ == "ROOT" or noun.pos_ not in ("NOUN", "PROPN"):
        return False  # a noun heading the sentence is a misparse whose phrase runs on
    return noun.ent_type_ in _ACTOR_ENTITIES or (lemma_of(noun),) in default_actor_knowledge().sectors


def _object_controller(gerund: Token) -> Argument | None:
    """Who does what a verb's object is accused, blamed or praised for: "Iraq accused *Turkey* of
    shelling villages", "blamed *Israel* for attacking", "*Turkey* was accused of shelling"."""
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or first_child(gerund, *_SUBJECTS) is not None:
        return None
    prep, verb = gerund.head, gerund.head.head
    if prep.lower_ not in _CHARGE_PREPS or prep.dep_ != "prep" or verb.pos_ != "VERB":
        return None
    found = first_child(verb, "nsubjpass") if is_passive(verb) else first_child(verb, "dobj")
    if found is None or found.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return Argument(found, "charged:nsubjpass" if is_passive(verb) else "charged:dobj")


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


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def target_slots(token: Token, slots: tuple[str, ...], passive: bool) -> Argument | None:
    for slot in slots:
        if slot == "dobj":
            found = passive_subject(token) if passive else first_child(token, "dobj")
            found = apposed_name(found) or found if found is not None and not passive else found
            if found is not None:
                return Argument(concerned(found), "passive-subject" if passive else "dobj")
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
                place = stationed_in(obj) if slot == "prep:to" else None
                return Argument(place, f"mission-place:{slot}") if place is not None else Argument(concerned(obj), slot)
    return None


def apposed_name(obj: Token) -> Token | None:
    """The name a misparsed apposition describes: in "called for a boycott against *Israel*, the
    Arab world's old foe" the small English pipeline makes "foe" the object of "called"; an object
    set off by a comma right after a proper name stands for that name."""
    start = obj.left_edge.i
    if start < 2 or obj.pos_ != "NOUN" or obj.doc[start - 1].text != "," or first_child(obj, "det", "poss") is None:
        return None
    name = obj.doc[start - 2]
    if name.pos_ != "PROPN" or name.dep_ not in ("pobj", "dobj", "conj") or name.i < obj.head.i:
        return None
    return name


def concerned(thing: Token) -> Token:
    """Whom a trade or a boycott names with "of": "a ban on imports *of British beef*", "lifted the
    boycott *of US products*", "suspended publication *of the country's largest daily*"."""
    if lemma_of(thing) not in _CONCERNING_NOUNS:
        return thing
    named = prep_object(thing, "of")
    return named if named is not None and named.pos_ in ("NOUN", "PROPN") else thing


def stationed_in(mission: Token) -> Token | None:
    """The place a mission or force one joins is in: troops sent "to the UN peacekeeping mission
    *in Mali*" go to Mali (the mission is where they serve, not whom the sending is aimed at)."""
    if lemma_of(mission) not in STATIONED_BODIES:
        return None
    place = prep_object(mission, "in")
    named = [place, *(c for c in place.children if c.dep_ == "compound")] if place is not None else []
    return place if any(word.ent_type_ in PLACE_ENTITIES for word in named) else None
