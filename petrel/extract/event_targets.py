"""Whom an event is aimed at when its target slot holds a thing, or holds nothing.

Pure functions over spaCy tokens: whom a thing given or imposed is for ("sanctions *on Iran*",
"aid *to help Nepal* cope"), whom a statement addresses, what a claimed act struck, and the
recipients and places under a trigger ("provided assistance *to Fiji*", "a protest *in
Beijing*"). `event_frames.py` calls them; `events.py` decides which one names an actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from petrel.extract.event_arguments import (
    RELATIVE_PRONOUNS, TIME_ENTITIES, Argument, children, coordinated, first_child, is_passive, lemma_of, prep_object,
    target_slots,
)

# Verbs that send people somewhere to do something: "sent experts to Alabama *to investigate*".
SENDING_VERBS = frozenset({"send", "dispatch", "deploy", "despatch", "fly", "rush"})
_OWNED_ACT_SLOTS = ("prep:on", "prep:against", "prep:at")
_RECIPIENT_PREPS = frozenset({"to", "for"})
_SCENE_PREPS = frozenset({"in", "into", "at", "inside"})
_OWN_PRONOUNS = frozenset({"its", "their"})  # "its forces", "their arms": the actor's own
_FOLLOWED_EDGES = frozenset({"prep", "pobj", "dobj", "dative", "xcomp"})
_OBJECT_PHRASE_TARGETS = ("prep:on", "prep:against", "prep:with", "prep:between", "prep:from", "prep:to", "prep:for", "prep:into")
# Verbs whose object is made to act: "to force Russia to withdraw", "to push Tehran into talks"
_PRESSING_LEMMAS = frozenset({"force", "pressure", "pressurize", "push", "compel", "get", "bring", "persuade", "convince", "coerce"})
_DEALING_SLOTS = ("prep:with", "prep:to")
_HELP_LEMMAS = frozenset({"help", "support", "assist", "aid", "enable", "allow", "relieve", "reinforce", "protect", "defend"})
_BENEFICIARY_SLOTS = ("prep:to", "prep:with", "prep:against", "prep:on", "prep:for")
# "tortured to death", "sentenced to death": the state an act ends in is no one it is aimed at
_RESULT_NOUNS = frozenset({"death"})
# Verbs that hand a thing over to someone: whom it goes to is their "to" phrase
_HANDING_LEMMAS = frozenset({"return", "repatriate", "hand", "give", "deliver", "send", "transfer", "restore", "donate"})


def beneficiaries(target: Argument, verb: Token) -> list[Argument]:
    """Whom an event is for when its target slot holds a thing: "suspended a tax *on US firms*",
    "gave 625 rifles *to the Marines*", or who did the thing: "condemned an attack *by Osgiliath
    soldiers*" (used only if petrel cannot tell the thing is an actor)."""
    if target.head.pos_ != "NOUN":
        return []
    found = purpose_beneficiary(verb) or object_phrase_target(target.head) or target_slots(verb, _BENEFICIARY_SLOTS, False)
    found = found or _dealt_with(verb)  # (the parse may hang "on doing business with X" on the verb)
    found = found or handed_to(target.head, verb)
    if found is not None and lemma_of(found.head) in _RESULT_NOUNS:
        found = None
    found = found or event_agent(target.head, ("by",))  # "condemned an attack *by Osgiliath soldiers*"
    if found is None and not is_passive(verb):  # the same with "by" hung on the verb: "denied charges *by X* that..."
        agent = prep_object(verb, "by")
        found = Argument(agent, "object-agent:by") if agent is not None and agent.pos_ in ("NOUN", "PROPN") else None
    return coordinated(found) if found is not None and found.head.i != target.head.i else []


def handed_to(thing: Token, verb: Token) -> Argument | None:
    """Whom a thing handed over goes to when the parse hangs the "to" phrase on a clause that
    describes the thing: "returned 12 statues that date back to the Inca period *to Bolivia*",
    "returned a painting, missing since 1962, *to Suzdal*". Taken only when the (last) "to" phrase
    follows another phrase of the clause: a clause's single "to" phrase ("the funds that were
    sent to Iran") is the clause's own."""
    if lemma_of(verb) not in _HANDING_LEMMAS or prep_object(verb, "to") is not None:
        return None
    clauses = children(thing, "relcl", "acl") + [c for c in children(verb, "advcl") if c.i > thing.i and not purpose_clause(c)]
    for clause in clauses:
        phrases = [child for child in children(clause, "prep", "npadvmod", "advmod") if child.i > clause.i]
        last_to = next((p for p in reversed(phrases) if p.dep_ == "prep" and p.lower_ == "to"), None)
        if last_to is not None and phrases[0] is not last_to:
            recipient = first_child(last_to, "pobj")
            if recipient is not None and recipient.pos_ in ("PROPN", "NOUN"):
                return Argument(recipient, "handed-to:to")
    return None


def destinations(thing: Token) -> list[Argument]:
    """Whom or where a thing goes to, as the clause on it says: "restrictions on the ability of
    citizens to travel *to Venezuela*", "to visit relatives *in Cuba*", "limits on the money that
    can be sent *to the North*" (the caller keeps one that names an actor or a country)."""
    found = []
    for clause in children(thing, "acl", "relcl"):
        recipients, scenes = recipients_and_scenes(clause, depth=3)
        found += [Argument(arg.head, f"destination:{arg.rule}") for arg in recipients + scenes if arg.head.pos_ in ("NOUN", "PROPN")]
    return found


def own_thing_place(thing: Token) -> Argument | None:
    """Where the things an actor acts on stand, when they are its own: "reinforced *its forces in
    Crimea*", "will lay down *their arms in Mazar*", "an expansion *of its force in
    Afghanistan*": such an act is aimed at the place, not at the actor's own things."""
    owned = thing if first_child(thing, "poss") is not None else prep_object(thing, "of")
    possessor = first_child(owned, "poss") if owned is not None else None
    if possessor is None or possessor.lower_ not in _OWN_PRONOUNS:
        return None
    for word in (owned, thing):
        for prep in children(word, "prep"):
            place = first_child(prep, "pobj") if prep.lower_ in _SCENE_PREPS else None
            if place is not None and place.pos_ in ("PROPN", "NOUN"):
                return Argument(place, f"own-thing:scene:{prep.lower_}")
    return None


def purpose_beneficiary(verb: Token) -> Argument | None:
    """Whom a purpose clause says the thing is for: "sending aid *to help North Korea* cope"."""
    for clause in verb.children:
        if clause.dep_ in ("xcomp", "advcl") and lemma_of(clause) in _HELP_LEMMAS:
            # "to help *Haiti* cope", parsed with Haiti as the subject of "cope"
            helped = first_child(clause, "dobj")
            if helped is None and lemma_of(clause) in ("help", "assist"):  # not "allow residents to vote"
                helped = next((s for c in children(clause, "ccomp", "xcomp") for s in children(c, "nsubj")), None)
            if helped is not None:
                return Argument(helped, "purpose:dobj")
    return None


def pressed(verb: Token) -> Argument | None:
    """Whom an act is meant to push into doing something: "imposed sanctions *to force Russia* to
    withdraw", "refused to ease sanctions *to push Tehran* into talks"."""
    for clause in children(verb, "advcl", "xcomp"):
        if lemma_of(clause) in _PRESSING_LEMMAS and any(child.dep_ == "aux" and child.lower_ == "to" for child in clause.children):
            pushed = first_child(clause, "dobj")
            if pushed is not None and pushed.pos_ in ("NOUN", "PROPN"):
                return Argument(pushed, "purpose:pressed")
    return None


def object_phrase_target(obj: Token, slots: tuple[str, ...] = ()) -> Argument | None:
    """Whom an object-named event is aimed at: "sanctions *on Iran*", "sanctions imposed *on China*",
    "a resumption of ties *with Osgiliath*", "ties *between Gondor and Osgiliath*", or the pattern's
    own prepositional slots ("a curfew *in* parts of Kashmir"), also in a relative clause that
    says what someone did with it ("the ban *it* imposed *on aid agencies*")."""
    found = target_slots(obj, tuple(s for s in slots if s.startswith("prep:") or s == "clause") + _OBJECT_PHRASE_TARGETS, False)
    if found is None:
        participle = next((c for c in obj.children if (c.dep_ == "acl" or _done_by_another(c)) and c.pos_ == "VERB"), None)
        if participle is not None:
            helped = first_child(participle, "dobj") if lemma_of(participle) in _HELP_LEMMAS else None
            # "a shipment of ventilators *to assist Ethiopia*", "sanctions imposed *on China*"
            found = Argument(helped, "purpose:dobj") if helped is not None else target_slots(participle, _OBJECT_PHRASE_TARGETS, False)
    if found is None:
        found = _dealt_with(obj)
    if found is None:
        inner = prep_object(obj, "of")  # "welcomed a resumption *of ties with Osgiliath*"
        if inner is not None and inner.pos_ == "NOUN":
            found = target_slots(inner, _OBJECT_PHRASE_TARGETS, False)
    return found


def _dealt_with(restriction: Token) -> Argument | None:
    """Whom a restriction on doing something is aimed at: "the ban on doing business *with Huawei*",
    "restrictions on travelling *to Cuba*"."""
    for prep in children(restriction, "prep"):
        for act in children(prep, "pcomp") if prep.lower_ in ("on", "against") else ():
            dealing = [act, *children(act, "dobj")]
            found = next((arg for word in dealing if (arg := target_slots(word, _DEALING_SLOTS, False)) is not None), None)
            if found is not None:
                return found
    return None


def _done_by_another(clause: Token) -> bool:
    """"the ban *it imposed*": a relative clause whose subject is someone else, not the noun
    itself ("a bomber *who travelled* to the country")."""
    subject = first_child(clause, "nsubj")
    return clause.dep_ == "relcl" and subject is not None and subject.lower_ not in RELATIVE_PRONOUNS


def disputed_between(effort: Token) -> Argument | None:
    """The parties an effort is made to bring together, from what it is to end: "a mediation
    effort to resolve the rift *between Qatar and its neighbours*"."""
    for clause in children(effort, "acl", "advcl"):
        if any(child.dep_ == "aux" and child.lower_ == "to" for child in clause.children):
            issue = first_child(clause, "dobj")
            parties = prep_object(issue, "between") if issue is not None else None
            if parties is not None:
                return Argument(parties, "purpose:prep:between")
    return None


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


def event_agent(noun: Token, words: tuple[str, ...] = ("of", "by")) -> Argument | None:
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
    if trigger.dep_ == "dobj" and trigger.pos_ == "NOUN" and trigger.head.pos_ == "VERB":
        level.append(trigger.head)  # "staged a protest *in Beijing*", "announced the deployment of troops *to Mali*"
    elif purpose_clause(trigger) and lemma_of(trigger.head) in SENDING_VERBS:
        level.append(trigger.head)  # "sent a team *to Detroit* to investigate a collision"
    elif trigger.dep_ == "conj" and trigger.head.pos_ == "VERB" and lemma_of(trigger) in SENDING_VERBS:
        level.append(trigger.head)  # "declared a curfew *in Kirkuk* and sent in troops"
    for _ in range(depth):
        below = []
        for token in level:
            for child in token.children:
                if child.dep_ in ("prep", "dative") and child.lower_ in _RECIPIENT_PREPS:
                    recipients += [Argument(obj, f"recipient:{child.lower_}") for obj in children(child, "pobj") if obj.ent_type_ not in TIME_ENTITIES]
                elif child.dep_ == "prep" and child.lower_ in _SCENE_PREPS:
                    scenes += [Argument(obj, f"scene:{child.lower_}") for obj in children(child, "pobj") if obj.ent_type_ not in TIME_ENTITIES]
                if child.dep_ in _FOLLOWED_EDGES or purpose_clause(child):
                    below.append(child)
        level = below
    return recipients, scenes


def office_held(trigger: Token) -> tuple[Token, Argument] | None:
    """The office an act is done in, and whose office it is: "resigned *as president of
    Indonesia*", "stepped down as head *of the Labour Party*" (the caller checks that the
    role names a person, not "as part of a mission")."""
    for prep in children(trigger, "prep"):
        if prep.lower_ == "as":
            for role in children(prep, "pobj"):
                body = prep_object(role, "of")
                if body is not None and body.pos_ in ("PROPN", "NOUN"):
                    return role, Argument(body, "office:of")
    return None


def purpose_clause(token: Token) -> bool:
    """"gave 352.5 million euros *to promote investment in Ethiopia*": an infinitive of purpose."""
    return token.dep_ == "advcl" and any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)


def struck_object(noun: Token) -> Argument | None:
    """Whom a violent act named as the subject struck: "a car bomb in Kiev killed *a Chechen
    fighter*", "the airstrike hit *a hospital*"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB":
        return None
    struck = first_child(verb, "dobj")
    return Argument(struck, "struck:dobj") if struck is not None and struck.pos_ in ("NOUN", "PROPN", "PRON") else None
