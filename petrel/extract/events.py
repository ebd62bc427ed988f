"""Turn event frames into Event records: actors resolved, codes filled, evidence attached."""

from __future__ import annotations

from itertools import product

from spacy.tokens import Span, Token

from petrel.articles import Article
from petrel.extract.actors import ArticleActors, is_definite
from petrel.extract.dependents import words_of
from petrel.extract.event_frames import (
    DOCUMENT_NOUNS, Argument, EventFrame, find_event_frames, first_child, prep_object, recipients_and_scenes,
)
from petrel.extract.event_patterns import STATEMENT_ROOT
from petrel.extract.event_roots import EventRootModel
from petrel.extract.event_targets import destinations, office_held, own_thing_place
from petrel.extract.model_events import model_frame
from petrel.knowledge.event_lexicon import EventLexicon
from petrel.ontology import Ontology
from petrel.records import Actor, Attribution, Event, stable_id

_BASE_CONFIDENCE = {False: 0.55, True: 0.45}  # verb, noun
_MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
_CONSULTATION_ROOTS = frozenset({"04", "05"})
_REFUSAL_ROOT = "12"
# Acts done in words: statements, appeals, praise, demands, criticism, refusals, threats (an intent, 03,
# is coded on the act intended as often as on the words: "agreed to a ceasefire *in Hodeidah*").
_VERBAL_ROOTS = frozenset({"01", "02", "05", "10", "11", "12", "13"})
# Rules whose trigger is the act itself, promised, threatened, owed or withheld (event_modality.py).
_TOLD_OF_AN_ACT = ("+intent", "+threat", "+demand", "+appeal", "+refusal")
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_SUBORDINATE = frozenset({"advcl", "acl", "relcl", "pcomp"})


def _actors(arguments: list[Argument], actors: ArticleActors) -> list[tuple[Actor | None, str | None]]:
    resolved = []
    for arg in arguments:
        group = actors.group_for(arg.head)  # "the two sides": both, each an actor of the event
        resolved += [(actor, f"{arg.rule}:pair") for actor in group] if group else [(actors.mention_for(arg.head), arg.rule)]
    return resolved or [(None, None)]


def _targets(frame: EventFrame, actors: ArticleActors) -> list[tuple[Actor | None, str | None]]:
    """The frame's targets; when they are the source's own things, the place they stand in ("its
    forces *in Crimea*"); when they are only things petrel knows nothing of ("a statement", "the
    ban") and the event names whom it is for ("on outlawed groups"), those instead."""
    placed = _own_things_placed(frame.targets, actors)
    if placed:
        return placed
    targets = _actors(frame.targets, actors)
    if _only_things(targets, frame.targets):
        if frame.fallback_targets:
            fallback = _actors(frame.fallback_targets, actors)
            return _thing_destination(frame.fallback_targets, fallback, actors) or fallback
        if not frame.nominal or not frame.targets:
            targets = _recipient_or_scene(frame, actors) or targets
        return targets[:1]  # "a blockade on food, water and medicine": one event, not one per thing
    return targets


def _own_things_placed(arguments: list[Argument], actors: ArticleActors) -> list[tuple[Actor | None, str | None]]:
    """"Russia reinforced *its forces in Crimea*": the place an actor's own things stand in (the
    place names whom the act is aimed at better than the actor's own things do, known or not:
    "extended their mission *in the troubled Balkan republic*")."""
    for argument in arguments:
        place = own_thing_place(argument.head)
        actor = actors.mention_for(place.head) if place is not None else None
        if actor is not None:
            return [(actor, place.rule)]
    return []


def _thing_destination(
    things: list[Argument], resolved: list[tuple[Actor | None, str | None]], actors: ArticleActors
) -> list[tuple[Actor | None, str | None]]:
    """"eased restrictions on *the ability of citizens to travel to Cuba*": when what the event is
    for is itself a thing petrel knows nothing of (`resolved`: what the things resolve to), the
    country or body its clause sends it to."""
    if not _only_things(resolved, things):
        return []
    for thing in things:
        for found in destinations(thing.head):
            actor = actors.mention_for(found.head)
            if _is_known(actor):
                return [(actor, found.rule)]
    return []


def _mutual(frame: EventFrame, root: str) -> bool:
    return root in _MUTUAL_ROOTS or (root == _REFUSAL_ROOT and frame.pattern.id.endswith("+refusal"))


def _talks_with(frame: EventFrame, partners: list[Actor | None]) -> bool:
    """"A held talks with B", "A negotiated with B": talks are had by both (CAMEO 046, as
    PETRARCH codes them), unlike "A met with B", a visit one pays the other. The partner is
    made a source only when petrel knows whose side it is on (a record "someone -> A" says nothing)."""
    return (
        frame.pattern.reciprocal and frame.pattern.cameo[:2] in _CONSULTATION_ROOTS and not frame.negated
        and not frame.pattern.id.endswith("+refusal") and any(t.rule.endswith("prep:with") for t in frame.targets)
        and all(partner is not None and partner.country for partner in partners)
    )


def _names_no_one(frame: EventFrame, actors: ArticleActors) -> bool:
    """Whether the frame's targets are only things ("a first trade deal"), or none at all, and
    no one the thing is for is named either ("welcomed the resumption of ties *with Osgiliath*")."""
    if not _only_things(_actors(frame.targets, actors), frame.targets):
        return False
    return not any(_is_known(actor) for actor, _ in _actors(frame.fallback_targets, actors)) if frame.fallback_targets else True


def _recipient_or_scene(frame: EventFrame, actors: ArticleActors) -> list[tuple[Actor | None, str | None]]:
    """When the target slots hold no actor: whom the event is for, else the place it is aimed at
    (where it happens: "a protest *in Beijing*", or where it is sent: "sent a team *to Detroit*")."""
    office = _office_body(frame, actors)  # "resigned as president *of Indonesia*"
    if office:
        return office
    recipients, scenes = recipients_and_scenes(frame.trigger.root)
    taken = {arg.head.i for arg in frame.sources}
    for argument in recipients:
        actor = actors.mention_for(argument.head)
        if argument.head.i not in taken and _is_known(actor):
            return [(actor, argument.rule)]
    said_at = _where_said(frame)
    for argument in scenes + recipients:
        if argument.rule.startswith("scene:") and argument.head.head.head.i in said_at:
            continue  # "threatened *in Tehran* to close the strait": where words are said is not whom they address
        actor = actors.mention_for(argument.head)
        if argument.head.i not in taken and (_is_known(actor) or argument.head.ent_type_ in _PLACE_ENTITIES):
            return [(_placed_thing(frame, argument, actor, actors), argument.rule)]
    return []


def _where_said(frame: EventFrame) -> set[int]:
    """The words a place phrase hangs on when it tells where a verbal act was done: the trigger
    of a statement, appeal, praise, demand, criticism, refusal or threat, the verb that carries
    a noun one, or the statement a verb puts out ("made his remarks *in Doha*"). A meeting is
    held where it is held (PETRARCH codes the host), and a place under the act's object is what
    it is about ("called for a ceasefire *in Gaza*")."""
    if frame.pattern.cameo[:2] not in _VERBAL_ROOTS or frame.pattern.id.endswith(_TOLD_OF_AN_ACT):
        return set()  # ("will meet *in Zurich*": the trigger is the act intended, held where it says)
    trigger = frame.trigger.root
    said = {trigger.i}
    if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        said.add(trigger.head.i)
    if frame.pattern.cameo[:2] == STATEMENT_ROOT and frame.object_token is not None:
        said.add(frame.object_token.i)  # "delivered *a speech* in Tehran": the object is the statement
    return said


def _office_body(frame: EventFrame, actors: ArticleActors) -> list[tuple[Actor | None, str | None]]:
    """"resigned as president *of Indonesia*": the country or body whose office the act is done in."""
    office = office_held(frame.trigger.root)
    if office is None:
        return []
    role, body = office
    held = actors.actor_for(role)
    actor = actors.mention_for(body.head) if held is not None and held.kind == "person" else None
    return [(actor, body.rule)] if _is_known(actor) or (actor is not None and body.head.ent_type_ in _PLACE_ENTITIES) else []


def _placed_thing(frame: EventFrame, scene: Argument, place: Actor | None, actors: ArticleActors) -> Actor | None:
    """"stormed *a police headquarters in eastern Afghanistan*": when the place is where the thing
    acted on stands, the target reads as the thing in its place, coded by the place."""
    if place is None or frame.pattern.object or not frame.targets:
        return place  # (not the event a pattern's object names: "declared a ceasefire in Idlib")
    preposition = scene.head.head
    for argument in frame.targets:
        mention = actors.mention_for(argument.head)
        if mention is None:
            continue
        # the place phrase hangs on the thing, or on the verb right after it (a parse may do either)
        within = mention.start <= place.start and place.end <= mention.end
        next_to = preposition.idx >= mention.end and actors.text[mention.end : preposition.idx].strip() == ""
        if within or next_to:
            start, end = mention.start, max(mention.end, place.end)
            return place.model_copy(update={"text": actors.text[start:end], "start": start, "end": end})
    return place


def _is_known(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.code or actor.country or actor.sector)


def _only_things(resolved: list[tuple[Actor | None, str | None]], arguments: list[Argument]) -> bool:
    """Whether every target argument is a thing petrel knows nothing of ("a statement", "the ban")."""
    return all(_unknown_thing(actor, arg) for (actor, _), arg in zip(resolved, arguments))


def _unknown_thing(actor: Actor | None, argument: Argument) -> bool:
    return argument.head.pos_ in ("NOUN", "NUM", "SYM") and (actor is None or not (actor.code or actor.country or actor.sector or actor.kind))


def _quote(sentence: Span, first: int, last: int, actor: Actor | None, cue: str) -> Attribution:
    span = sentence.doc[first : last + 1]
    return Attribution(text=span.text, start=span.start_char, end=span.end_char, actor=actor, cue=cue)


def _source_of(head: Token, actors: ArticleActors) -> Actor | None:
    """Who a source phrase stands for: an actor, or the issuer of "the statement" named before."""
    actor = actors.actor_for(head)
    if actor is None and head.lemma_.lower() in DOCUMENT_NOUNS and is_definite(head):
        issuer = actors.documents.get(head.lemma_.lower())
        if issuer is not None:
            actor = issuer
    return actor


def remember_documents(sentence: Span, actors: ArticleActors) -> None:
    """"the Egyptian presidency said in a statement", "the UN issued a report": who issued which
    document, for a later "according to the statement" or "the statement said"."""
    doc, lemmas = sentence.doc, words_of(sentence.doc).lemma  # (no Token made for other words)
    for i in range(sentence.start, sentence.end):
        if lemmas[i] not in DOCUMENT_NOUNS:
            continue
        token = doc[i]
        if token.dep_ not in ("pobj", "dobj"):
            continue
        verb = token.head.head if token.dep_ == "pobj" else token.head
        subject = first_child(verb, "nsubj") if verb.pos_ in ("VERB", "AUX") else None
        issuer = actors.actor_for(subject) if subject is not None else None
        if issuer is not None:
            actors.documents[lemmas[i]] = issuer


def reported_by(reporter: Token, sentence: Span, actors: ArticleActors) -> Attribution | None:
    """The subject of a verb of saying above an event: "the Egyptian presidency said"; for a
    participle, the subject of the verb it hangs on ("UNICEF condemned the attack, *saying*...")."""
    subject = first_child(reporter, "nsubj")
    if subject is None and reporter.dep_ == "advcl" and reporter.tag_ == "VBG":
        subject = first_child(reporter.head, "nsubj")
    if subject is None:
        return None
    words = actors.phrase_tokens(subject)
    start = words[0].i - 1 if words[0].i > 0 and sentence.doc[words[0].i - 1].dep_ == "det" else words[0].i  # "the presidency"
    first, last = min(start, reporter.i), max(words[-1].i, reporter.i)
    return _quote(sentence, first, last, _source_of(subject, actors), reporter.text)


def according_to(sentence: Span, actors: ArticleActors) -> Attribution | None:
    """"according to the UN": who the sentence's claims come from."""
    doc, lower = sentence.doc, words_of(sentence.doc).lower  # (no Token made for other words)
    for i in range(sentence.start, sentence.end):
        token = doc[i] if lower[i] == "according" else None
        if token is None or token.dep_ != "prep":
            continue
        source = prep_object(token, "to") or next(
            (obj for child in token.children for obj in child.children if obj.dep_ == "pobj"), None
        )
        if source is not None:
            words = actors.phrase_tokens(source)
            return _quote(sentence, token.i, words[-1].i, _source_of(source, actors), "according to")
    return None


def _confidence(frame: EventFrame, source: Actor | None, target: Actor | None) -> float:
    if frame.probability is not None:  # a model guess ranks below every lexicon event
        score = 0.1 + 0.3 * frame.probability
    else:
        score = _BASE_CONFIDENCE[frame.nominal] + 0.1 * frame.pattern.specificity
    if source is not None and source.code:
        score += 0.15
    if target is not None and target.code:
        score += 0.1
    if _adds_to_another(frame):
        score -= 0.15
    return round(min(score, 0.95), 2)


def _adds_to_another(frame: EventFrame) -> bool:
    """Whether the event is told in a clause that adds to the sentence's main one: the trigger's
    own clause ("stormed a police HQ, *killing* five officers"), or for a verb, a clause that
    describes a noun ("vetoed a resolution that would extend an inquiry into who *is to blame*")
    or a report inside an adverbial clause ("launched an assault even as the Kurds said
    Baghdad's forces *had attacked* their fighters"). A noun keeps its rank in a clause of its
    light verb: "23 were killed as government forces launched *air strikes*" (the clause says
    who did the killing the main clause reports)."""
    word = frame.trigger.root
    if word.dep_ in _SUBORDINATE:
        return True
    if frame.nominal:
        return False
    chain = [token.dep_ for token in (word, *word.ancestors)]  # from the trigger up to the root
    described = any(dep in ("relcl", "acl") for dep in chain)
    reported_in_adverbial = "advcl" in chain and "ccomp" in chain[: chain.index("advcl")]
    return described or reported_in_adverbial


def _party(actor: Actor) -> tuple[int, int, str | None]:
    """What tells an event's actors apart: their words, and their code (one phrase may name two
    actors: "Israeli and Egyptian officials")."""
    return actor.start, actor.end, actor.code


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and _party(a) == _party(b)


def sentence_events(
    sentence: Span, sentence_index: int, article: Article, actors: ArticleActors,
    lexicon: EventLexicon, ontology: Ontology, model: EventRootModel | None = None,
) -> list[Event]:
    """The events of one sentence, in text order: the lexicon's, or else the model's proposal."""
    remember_documents(sentence, actors)
    frames = find_event_frames(sentence, lexicon)
    if not frames and model is not None:
        frames = [frame] if (frame := model_frame(sentence, model, ontology)) is not None else []
    if not frames:
        return []
    sentence_source = according_to(sentence, actors)
    text = sentence.text.strip()  # (a Span's text is rebuilt from its tokens on every access)
    events = []
    for frame in frames:
        reported = reported_by(frame.reporter, sentence, actors) if frame.reporter is not None else None
        events += events_from_frame(frame, article, sentence_index, text, actors, ontology, reported or sentence_source)
    return events


def _evidence(frame: EventFrame) -> dict:
    if frame.probability is not None:
        return {"rule": frame.pattern.id, "probability": frame.probability}
    lexicon = "petrarch" if frame.pattern.id.startswith("petrarch:") else "petrel"  # imported with --verbs
    return {"rule": f"lexicon:{frame.pattern.id}", "lexicon": lexicon}


def events_from_frame(
    frame: EventFrame, article: Article, sentence_index: int, sentence: str,
    actors: ArticleActors, ontology: Ontology, attribution: Attribution | None,
) -> list[Event]:
    """One event per (source, target) pair; both directions for "talks between A and B"."""
    code = ontology[frame.pattern.cameo]
    trigger = frame.trigger
    sources = _actors(frame.sources, actors)
    parties = {_party(actor) for actor, _ in sources if actor is not None}
    if len(parties) >= 2 and _mutual(frame, code.root) and _names_no_one(frame, actors):
        # "Brazil and the United States are seeking to deepen a partnership", "X, Y and Z met",
        # "US and China agreed to sign a trade deal", "X and Y failed to reach agreement":
        # coordinated parties of a cooperative act (or its refusal) with no one else named act
        # toward each other
        frame.reciprocal = True
        pairs = [((a, f"{a_rule}:mutual"), (b, f"{b_rule}:mutual")) for (a, a_rule), (b, b_rule) in product(sources, sources) if a is not b]
    else:
        pairs = list(product(sources, _targets(frame, actors)))
        frame.reciprocal = frame.reciprocal or _talks_with(frame, [target for _, (target, _) in pairs])
        if frame.reciprocal:
            pairs += [(target, source) for source, target in pairs]
    events = []
    for (source, source_rule), (target, target_rule) in pairs:
        if _same_actor(source, target):
            continue
        evidence = _evidence(frame)
        evidence.update({
            "trigger_kind": "noun" if frame.nominal else "verb",
            "source_from": source_rule if source is not None else None,
            "target_from": target_rule if target is not None else None,
        })
        if frame.reciprocal:
            evidence["reciprocal"] = True
            if source is not None and target is not None:
                actors.remember_pair(source, target)
        events.append(
            Event(
                article_id=article.id,
                event_id=stable_id(
                    article.id, trigger.start_char, trigger.end_char, code.code,
                    source.start if source else None, target.start if target else None,
                    source.code if source else None, target.code if target else None,
                ),
                sentence_index=sentence_index,
                sentence=sentence,
                trigger={"text": trigger.text, "start": trigger.start_char, "end": trigger.end_char},
                cameo=code.code, cameo_root=code.root, plover=code.plover, mode=code.mode,
                context=list(code.context), quad_class=code.quad_class, penta_class=code.penta_class,
                goldstein=code.goldstein, source=source, target=target,
                # Until dates are resolved from the text, the publication date stands in.
                date=article.date, date_precision="day" if article.date else None, date_text=None,
                location=None, attribution=attribution, negated=frame.negated,
                confidence=_confidence(frame, source, target), evidence=evidence,
            )
        )
    return events

