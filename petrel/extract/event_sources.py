"""Who does an event when the subject of its verb does not say it.

The source of a noun event: a possessor ("*Israel's* offensive"), a by-phrase, a nationality
adjective ("an *Israeli* attack"), or the subject of a verb that carries it out ("*the Syrian
army* intensified its bombardment", "*Blinken* arrived for talks"). Who did a violent act told in
the passive: the attack it happened in ("killed *in an Israeli air strike*"), a when-clause ("*when
Russian forces shelled* the town"), an attack word the small English pipeline split off ("killed in
*Israeli* tank shelling"), or the place a rocket was fired from. And which sources are no actors:
disasters and accidents. Pure functions over spaCy tokens; `event_frames.py` calls them.
"""

from __future__ import annotations

from spacy.tokens import Token

from petrel.extract.dependents import children, first_child
from petrel.extract.event_arguments import (
    PLACE_ENTITIES, TIME_ENTITIES, Argument, is_passive, lemma_of, prep_object, subject_of,
)
from petrel.extract.event_modality import VIOLENT_ROOTS
from petrel.extract.event_patterns import noun_pattern, verb_pattern
from petrel.extract.reported_speech import POSSESSIVE_PRONOUNS, agrees_with
from petrel.knowledge.event_lexicon import EventLexicon

# Verbs whose subject carries out the event their object names ("held talks", "launched an attack").
SUPPORT_VERBS = frozenset({
    "hold", "have", "launch", "carry", "conduct", "wage", "stage", "mount", "begin", "start", "resume",
    "continue", "open", "pursue", "step", "intensify", "escalate", "join", "attend", "host", "make",
    "kick", "undertake", "perform", "lead", "organize", "organise", "complete", "end", "conclude", "pay", "announce",
})  # fmt: skip
_PART_NOUNS = frozenset({"round", "series", "session", "wave", "day", "week", "phase", "stage", "spate", "string"})
_PARTICIPATION_PREPS = frozenset({"for", "during", "at", "in", "after", "before", "ahead", "on"})
OWNING_NOUNS = frozenset({"responsibility", "credit", "blame"})  # "claimed responsibility for the attack"
_MEANS_PREPS = frozenset({"in", "during", "by"})
# Verbs whose subject undergoes the event their object names ("*faced* criticism from", "*suffered*
# heavy shelling", "*received* a visit from"), and those it undergoes "under" ("*came* under fire").
_UNDERGOING_VERBS = frozenset({"face", "suffer", "receive", "draw", "attract", "endure", "sustain", "encounter", "incur"})
_UNDER_VERBS = frozenset({"come", "be", "remain", "fall", "stay"})
_WHEN_MARKS = frozenset({"when", "as"})
_ATTACKER_ENTITIES = frozenset({"NORP", "GPE", "ORG"})  # "*Israeli* shelling", "*Hamas* rockets"
# What kills, wounds and destroys without anyone acting: such events are no political events.
NATURAL_CAUSES = frozenset({
    "earthquake", "quake", "tremor", "flood", "flooding", "storm", "cyclone", "hurricane", "typhoon", "tornado",
    "tsunami", "landslide", "mudslide", "avalanche", "drought", "heatwave", "wildfire", "lightning", "crash",
    "accident", "collision", "disease", "virus", "outbreak", "epidemic", "pandemic", "cholera", "famine", "rain",
    "snow", "collapse", "stampede", "wave", "eruption",
})  # fmt: skip


def noun_source(noun: Token, verb: Token | None) -> Argument | None:
    """Who does a noun event: "*Israel's* offensive", "an attack *by Hamas*", "an attack led *by
    Hamas*", "an *Israeli* air strike", or the subject of the verb that takes part in it."""
    for child in children(noun, "poss"):
        if child.ent_type_ not in TIME_ENTITIES:  # not "*Saturday's* meeting"
            own = _own_subject(child, verb) if verb is not None and _takes_part(noun, verb) else None
            return own or Argument(child, "poss")  # (not "condemned *its* attack": someone else's)
    by = prep_object(noun, "by")
    if by is not None:
        return Argument(by, "prep:by")
    for child in children(noun, "acl"):  # "an attack led by Hamas"
        agent = prep_object(child, "by")
        if agent is not None:
            return Argument(agent, "acl:agent")
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in _ATTACKER_ENTITIES:
            return Argument(child, child.dep_)
    split = split_attacker(noun) if noun.dep_ == "pobj" else None
    if split is not None:
        return split
    if verb is not None and _takes_part(noun, verb):
        return subject_of(verb)
    return None


def undergone(noun: Token, verb: Token | None) -> tuple[Argument | None, Argument] | None:
    """Who does and who undergoes a noun event the verb's subject undergoes: "the convoy *came
    under* fire from militants", "the minister *faced* criticism from lawmakers", "Kyiv *received*
    a visit from Blinken", "was subjected to attacks by settlers" -> (the from/by phrase or the
    noun's own source, the subject)."""
    if verb is None or not _undergoes(noun, verb):
        return None
    undergoer = first_child(verb, "nsubjpass" if is_passive(verb) else "nsubj")
    if undergoer is None:
        return None
    source = noun_source(noun, None)
    if source is None:
        giver = prep_object(noun, "from") or prep_object(verb, "from")
        source = Argument(giver, "undergone:from") if giver is not None else None
    return source, Argument(undergoer, "undergone:" + undergoer.dep_)


def _undergoes(noun: Token, verb: Token) -> bool:
    if noun.dep_ == "dobj":
        return noun.head.i == verb.i and lemma_of(verb) in _UNDERGOING_VERBS
    if noun.dep_ != "pobj" or noun.head.head.i != verb.i:
        return False
    preposition = noun.head.lower_
    if preposition == "under":
        return lemma_of(verb) in _UNDER_VERBS
    return preposition == "to" and lemma_of(verb) == "subject" and is_passive(verb)


def _own_subject(possessive: Token, verb: Token | None) -> Argument | None:
    """Whose "their assault" is when the subject of the verb above says it: "Iraqi forces began
    *their* assault" -> the Iraqi forces (the pronoun only points back)."""
    if verb is None or possessive.lower_ not in POSSESSIVE_PRONOUNS:
        return None
    subject = first_child(verb, "nsubj")
    if subject is None or not agrees_with(possessive, subject):
        return None
    return Argument(subject, "poss:subject")


def _takes_part(noun: Token, verb: Token) -> bool:
    """Whether the verb's subject takes part in the noun's event: "held talks", "arrived for
    talks", "during a meeting with" -- but not "condemned Israel over the raid"."""
    if is_support_object(noun, verb):
        return True
    noun = _whole(noun)  # "arrived for a second round of talks"
    if noun.dep_ != "pobj" or noun.head.lower_ not in _PARTICIPATION_PREPS:
        return False
    # "arrived for talks", "claimed responsibility for the attack", but not "expressed sorrow
    # for the shootings" or "blamed Israel for the attack"
    obj = first_child(verb, "dobj")
    return noun.head.lower_ != "for" or obj is None or lemma_of(obj) in OWNING_NOUNS


def is_support_object(noun: Token, verb: Token | None) -> bool:
    """"held *talks*", "waged an *offensive*", "held a new round *of talks*": the noun is what a
    support verb carries out."""
    noun = _whole(noun)
    return verb is not None and noun.dep_ == "dobj" and noun.head.i == verb.i and lemma_of(verb) in SUPPORT_VERBS


def _whole(noun: Token) -> Token:
    """The noun an event noun is a part of: "a new round *of talks*" -> round."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and lemma_of(noun.head.head) in _PART_NOUNS:
        noun = noun.head.head
    return noun


def no_ones_act(source: Argument | None, root: str) -> bool:
    """Whether a violent act's source is a disaster or an accident, not an actor: "the
    earthquake", "a plane crash", "the storm" kill and destroy, but no one acts."""
    return source is not None and root in VIOLENT_ROOTS and lemma_of(source.head) in NATURAL_CAUSES


def means_source(verb: Token, lexicon: EventLexicon) -> Argument | None:
    """Who did a violent act reported in the passive, from the attack it happened in: "five
    people were killed *in an Israeli air strike*", "wounded *during shelling by Russian forces*"."""
    for prep in children(verb, "prep"):
        if prep.lower_ not in _MEANS_PREPS:
            continue
        for noun in children(prep, "pobj"):
            pattern = noun_pattern(noun, lexicon)
            if pattern is not None and pattern.cameo[:2] in VIOLENT_ROOTS:
                found = noun_source(noun, None)
                return Argument(found.head, f"means:{found.rule}") if found is not None else None
            gerund = _split_attack(noun, lexicon)
            if gerund is not None:
                found = split_attacker(gerund)
                return Argument(found.head, f"means:{found.rule}") if found is not None else None
    return _attack_when(verb, lexicon)


def _attack_when(verb: Token, lexicon: EventLexicon) -> Argument | None:
    """Who did a violent act reported in the passive, from the attack in a when-clause: "six
    people were killed *when Russian forces shelled* the town", "*when an Israeli drone struck*"."""
    for clause in children(verb, "advcl"):
        if not any(mark.lower_ in _WHEN_MARKS for mark in children(clause, "mark", "advmod")) or is_passive(clause):
            continue
        matched = verb_pattern(clause, lexicon)
        if matched is None or matched[0].cameo[:2] not in VIOLENT_ROOTS:
            continue
        subject = first_child(clause, "nsubj")
        if subject is None or no_ones_act(Argument(subject, "nsubj"), matched[0].cameo[:2]):
            return None
        found = noun_source(subject, None) if noun_pattern(subject, lexicon) is not None else None
        return Argument(found.head, f"when:{found.rule}") if found is not None else Argument(subject, "when:nsubj")
    return None


def launched_from(verb: Token) -> Argument | None:
    """Where a rocket or shell fired in the passive came from, when no one is named: "two rockets
    were fired *from Lebanon*", "a rocket fired *from Gaza*" (coded, as is usual, as the place's)."""
    origin = prep_object(verb, "from")
    if origin is None or origin.ent_type_ not in PLACE_ENTITIES:
        return None
    return Argument(origin, "origin:prep:from")


def _split_attack(noun: Token, lexicon: EventLexicon) -> Token | None:
    """The attack a means phrase names when the parse split it off as a verb: "killed in Israeli
    tank *shelling*", with "tank" the object of "in" and "shelling" hanging on "killed"."""
    following = _next_token(noun)
    if following is None or split_before(following) is None or following.pos_ != "VERB":
        return None
    matched = verb_pattern(following, lexicon)
    return following if matched is not None and matched[0].cameo[:2] in VIOLENT_ROOTS else None


def split_before(attack: Token) -> Token | None:
    """The object of "in" right before an attack word the small English pipeline split from it:
    "in Israeli *shelling*" parsed as "in Israeli" and a verb "shelling" of its own, or "in
    Russian artillery *shelling*" as two objects of "in"."""
    if attack.i == 0:
        return None
    before = attack.doc[attack.i - 1]
    if before.dep_ != "pobj" or before.head.lower_ not in _MEANS_PREPS:
        return None
    if attack.dep_ == "pobj" and attack.head.i == before.head.i:
        return before
    own_verb = attack.tag_ == "VBG" and attack.dep_ == "advcl" and first_child(attack, "nsubj") is None
    if own_verb and attack.head.i == before.head.head.i:
        return before
    return None


def split_attacker(attack: Token) -> Argument | None:
    """Whose attack a split "in Israeli *shelling*" is: the nationality, state or group that the
    word before it is, or that modifies that word ("in *Israeli* tank shelling")."""
    before = split_before(attack)
    if before is None:
        return None
    if before.ent_type_ in _ATTACKER_ENTITIES:
        return Argument(before, "split:pobj")
    named = next((c for c in before.lefts if c.dep_ in ("amod", "compound") and c.ent_type_ in _ATTACKER_ENTITIES), None)
    return Argument(named, f"split:{named.dep_}") if named is not None else None


def _next_token(token: Token) -> Token | None:
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
