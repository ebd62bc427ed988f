"""Which lexicon pattern a trigger word matches.

A verb matches a pattern of its lemma when its object is what the pattern names ("imposed
*sanctions*", "supplied Ukraine *with tanks*"), the preposition the pattern names takes an object
("called *for* Israel to halt") and its subject is the weapon the pattern asks for ("Russian
*missiles* struck"); a noun matches when a modifier names what it is ("*food* aid", "tons *of
food*"). Pure functions over spaCy tokens; `event_frames.py` and `event_sources.py` call them.
"""

from __future__ import annotations

from spacy.tokens import Token

from petrel.extract.dependents import children, dependents, first_child
from petrel.extract.event_arguments import STATIONED_BODIES, is_passive, lemma_of, passive_subject, prep_object
from petrel.knowledge.event_lexicon import EventLexicon, EventPattern

# "supplied Ukraine with tanks": verbs whose direct object receives what "with" names
FURNISHING_VERBS = frozenset({"provide", "supply", "furnish", "equip"})
# Sending troops, and where what they are sent as or to says what the sending is: "deployed 300
# troops *to the UN peacekeeping mission*", "*as peacekeeping forces*", "*on a peacekeeping mission*".
_DEPLOYING_WORDS = frozenset({"deploy", "send", "dispatch", "despatch", "redeploy", "contribute", "deployment", "arrive"})
_JOINING_VERBS = frozenset({"join", "serve", "reinforce", "bolster"})  # "arrived *to join* the UN mission"
_MISSION_PREPS = frozenset({"to", "as", "on", "into"})
STATEMENT_ROOT = "01"  # CAMEO 01: public statements


def modifier_lemmas(token: Token) -> set[str]:
    """What a word says it is: its lemma and its modifiers' ("*food* aid"), and what an amount is
    of ("tons *of food*")."""
    lemmas = {lemma_of(token)}
    for dep, child in dependents(token):
        if dep in ("compound", "amod", "nmod"):
            lemmas.add(lemma_of(child))
        if dep == "prep" and (child.lower_ == "of" or (child.lower_ == "in" and _is_amount(token))):
            # "tons *of food*", "$2 million *in military aid*": the amount names what it is of
            for obj in children(child, "pobj"):
                lemmas.add(lemma_of(obj))
                lemmas.update(lemma_of(mod) for mod in children(obj, "amod", "compound"))
    return lemmas


def mission_lemmas(word: Token) -> set[str]:
    """What troops are sent as or to, for a word of deploying: "deployed *as peacekeepers*", "sent
    troops *to the UN peacekeeping mission*", "the deployment of troops *on a peacekeeping mission*",
    "sent 200 troops to serve *as a peacekeeping force*", "arrived to join *the UN peacekeeping
    mission*" -> {peacekeeper} or {peacekeeping, un}."""
    if lemma_of(word) not in _DEPLOYING_WORDS:
        return set()
    lemmas: set[str] = set()
    for purpose in (word, *children(word, "advcl", "xcomp")):
        for prep in children(purpose, "prep"):
            if prep.lower_ not in _MISSION_PREPS or (purpose is not word and prep.lower_ != "as"):
                continue
            for body in children(prep, "pobj"):
                if prep.lower_ == "as" or lemma_of(body) in STATIONED_BODIES:
                    lemmas |= modifier_lemmas(body)
        if purpose is not word and lemma_of(purpose) in _JOINING_VERBS:
            for body in children(purpose, "dobj"):  # "to join the UN peacekeeping mission"
                if lemma_of(body) in STATIONED_BODIES:
                    lemmas |= modifier_lemmas(body)
    return lemmas


def _is_amount(token: Token) -> bool:
    return token.pos_ in ("NUM", "SYM") or token.like_num or token.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL")


def verb_pattern(verb: Token, lexicon: EventLexicon) -> tuple[EventPattern, Token | None] | None:
    """The first of the lexicon's patterns for the verb's lemma that its object, preposition and
    subject fit, with the object it was matched on."""
    for pattern in lexicon.by_verb.get(lemma_of(verb), ()):
        if pattern.subject and not weapon_subject(verb, pattern):
            continue
        if pattern.purpose and not any(lemma_of(clause) in pattern.purpose for clause in children(verb, "advcl", "xcomp")):
            continue  # "gathered *to demand* the release", "gathered outside parliament, *demanding*"
        if pattern.cameo[:2] == STATEMENT_ROOT and pattern.prep is not None and _agreed_on(verb):
            continue  # "agreed with Turkey *to set up* a zone", "*on* a trade deal": an agreement, not accord with a view
        obj = _furnished_thing(verb, pattern) or _verb_object(verb, pattern)
        if pattern.prep is not None and obj is None:
            continue
        if pattern.object and (obj is None or not (modifier_lemmas(obj) & pattern.object)) and not (mission_lemmas(verb) & pattern.object):
            continue
        excluded = obj if obj is not None else first_child(verb, "dobj") or _any_prep_object(verb)
        if pattern.not_object and excluded is not None and modifier_lemmas(excluded) & pattern.not_object:
            continue
        return pattern, obj
    return None


def adjective_patterns(word: Token, lexicon: EventLexicon) -> list[EventPattern]:
    """The lexicon's patterns for a feeling word, by its form ("concerned", often tagged a
    participle) or its lemma."""
    return lexicon.by_adjective.get(word.lower_) or lexicon.by_adjective.get(lemma_of(word)) or []


def _agreed_on(verb: Token) -> bool:
    """Whether a verb says what is agreed, beyond whom with: a to-infinitive or an "on" phrase."""
    if any(a.lower_ == "to" for c in children(verb, "xcomp") for a in children(c, "aux")):
        return True
    return any(prep.lower_ in ("on", "upon") for prep in children(verb, "prep"))


def _verb_object(verb: Token, pattern: EventPattern) -> Token | None:
    if pattern.prep is not None:
        found = prep_object(verb, pattern.prep)
        if found is None and pattern.prep == "for":  # "called for *Israel* to halt": the asked, parsed as a clause
            clause = for_clause(verb)
            found = first_child(clause, "nsubj", "nsubjpass") if clause is not None else None
        return found
    if is_passive(verb):
        return passive_subject(verb)
    # "threatened to attack": the complement is what is threatened
    return first_child(verb, "dobj") or first_child(verb, "xcomp")


def _any_prep_object(verb: Token) -> Token | None:
    return next((obj for prep in children(verb, "prep") for obj in children(prep, "pobj")), None)


def _furnished_thing(verb: Token, pattern: EventPattern) -> Token | None:
    """What "supplied Ukraine *with* air defence systems" gives, when the pattern asks for it by
    name: the object of "with" (the direct object is who receives it)."""
    if lemma_of(verb) not in FURNISHING_VERBS or not pattern.object or pattern.prep is not None or is_passive(verb):
        return None
    receiver = first_child(verb, "dobj")
    if receiver is None or modifier_lemmas(receiver) & pattern.object:
        return None
    thing = prep_object(verb, "with") or prep_object(receiver, "with")  # (the parse may hang it on either)
    if thing is None:
        return None
    return thing if modifier_lemmas(thing) & pattern.object else None


def weapon_subject(verb: Token, pattern: EventPattern) -> Token | None:
    """The subject a pattern asks for: the weapon in "Russian *missiles* struck Kyiv"."""
    subject = first_child(verb, "nsubj")
    return subject if subject is not None and modifier_lemmas(subject) & pattern.subject else None


def is_for_clause(verb: Token) -> bool:
    """"for Israel *to halt* its offensive": a for-to clause (the small English pipeline parses it
    as an adverbial clause marked by "for"), which says what is wanted, not what is done."""
    return (
        verb.dep_ == "advcl" and any(child.lower_ == "for" for child in children(verb, "mark"))
        and any(child.lower_ == "to" for child in children(verb, "aux", "auxpass"))
    )


def for_clause(verb: Token) -> Token | None:
    """The for-to clause a verb (or a request noun) governs: "called *for Israel to halt* its offensive"."""
    return next((child for child in children(verb, "advcl") if is_for_clause(child)), None)


def noun_pattern(noun: Token, lexicon: EventLexicon) -> EventPattern | None:
    """The first of the lexicon's patterns for the noun's lemma that its modifiers fit."""
    for pattern in lexicon.by_noun.get(lemma_of(noun), ()):
        if pattern.object and not (((modifier_lemmas(noun) - {lemma_of(noun)}) | mission_lemmas(noun)) & pattern.object):
            continue
        return pattern
    return None
