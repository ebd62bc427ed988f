"""Actors: find the knowledge words in a parsed article, then resolve noun phrases to actors.

Find: `ActorMatcher.find(doc)` marks every country name, demonym, capital and named body
(spaCy PhraseMatcher) and every sector word (by lemma). Annotate: `ArticleActors.actor_for(token)`
turns the noun phrase headed by a token into an `Actor` record: country from names, demonyms
and metonyms, sector from titles and agent words, a person's name from the proper nouns
that are left. Bare surnames ("Blinken") resolve to a person introduced earlier with a title
in the same article; with no such knowledge the country stays null. How far a mention's words
run is `actor_spans.py`'s.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from petrel.extract.actor_spans import listed_apposition  # noqa: F401 (event_arguments imports it from here)
from petrel.extract.actor_spans import mention_extent, modifies_a_thing, noun_phrase
from petrel.extract.dependents import words_of
from petrel.knowledge.actor_tables import ActorKnowledge, NamedActor, SectorWord
from petrel.records import Actor

_HOW = {"country-name": "a name of", "demonym": "the demonym of", "capital": "a capital or seat of power of", "organization": "the body"}
_PERSONAL_PRONOUNS = frozenset({"he", "she", "his", "her"})
_BODY_KINDS = frozenset({"state", "organization", "group"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})
_PAIR_NOUNS = frozenset({"side", "leader", "country", "party", "nation", "government", "minister", "president"})
_MENTION_POS = frozenset({"NOUN", "PROPN", "PRON"})
# Prepositions whose object places an actor in a country ("officials in Saudi Arabia").
_LOCATING_PREPS = {"in", "from", "of"}
_OBJECT_PRONOUNS = {"him": "person", "her": "person", "them": "plural", "it": "thing"}
_ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "oprd"})
_CLAUSE_LINKS = frozenset({"conj", "xcomp", "advcl", "ccomp"})
_UNKNOWN_NAME_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group"}


@dataclass(frozen=True)
class KnowledgeHit:
    """A knowledge word or phrase found in the text (token offsets, end exclusive)."""

    start: int
    end: int
    named: NamedActor | None = None
    sector: SectorWord | None = None


class ActorMatcher:
    """Finds actor knowledge in a doc. Built once per process for one spaCy vocab."""

    def __init__(self, nlp, knowledge: ActorKnowledge):
        self.knowledge = knowledge
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for phrase in knowledge.named:
            # All-capital abbreviations ("US", "WHO", "AU") must match exactly, not "us", "who".
            matcher = self._exact if phrase.upper() == phrase else self._lower
            matcher.add(phrase, [nlp.make_doc(phrase)])
        # first lemma -> the lengths of the sector terms it starts, longest first
        self._sector_sizes: dict[str, list[int]] = {}
        for term in knowledge.sectors:
            self._sector_sizes.setdefault(term[0], []).append(len(term))
        for lemma, sizes in self._sector_sizes.items():
            self._sector_sizes[lemma] = sorted(set(sizes), reverse=True)

    def find(self, doc: Doc) -> dict[int, KnowledgeHit]:
        """Knowledge hits by token index (every token a hit covers points to it)."""
        hits: dict[int, KnowledgeHit] = {}
        matches = [*self._lower(doc), *self._exact(doc)]
        # Longest first, so "Saudi Arabia" wins over "Saudi", "Gaza Strip" over "Gaza".
        for match_id, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
            if any(i in hits for i in range(start, end)):
                continue
            phrase = doc.vocab.strings[match_id]
            if doc[start].text[:1].isupper() != phrase[:1].isupper():
                continue  # "turkey", "chad": capitalisation tells a name from a common word
            hit = KnowledgeHit(start, end, named=self.knowledge.named[phrase])
            for i in range(start, end):
                hits[i] = hit
        lemmas = words_of(doc).lemma  # (from the doc's arrays: no Token per word)
        for start, lemma in enumerate(lemmas):
            if start in hits or lemma not in self._sector_sizes:
                continue
            for size in self._sector_sizes[lemma]:
                if start + size > len(lemmas):
                    continue  # a slice past the end would look like a shorter term
                word = self.knowledge.sectors.get(tuple(lemmas[start : start + size]))
                if word is not None and not any(i in hits for i in range(start, start + size)):
                    hit = KnowledgeHit(start, start + size, sector=word)
                    for i in range(start, start + size):
                        hits[i] = hit
                    break
        return hits


@dataclass(frozen=True)
class _Resolution:
    country: str | None
    sector: str | None
    code: str | None
    kind: str | None
    name: str | None


class ArticleActors:
    """Resolves actor phrases in one parsed article, remembering titled people by surname."""

    def __init__(self, doc: Doc, hits: dict[int, KnowledgeHit], day: date | None = None):
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access
        self.hits = _as_on(hits, day)
        self._people: dict[str, _Resolution] = {}
        self._person_mentions: list[tuple[int, _Resolution]] = []  # (token index, person), in text order
        self._last_pair: tuple[Actor, Actor] | None = None
        self.documents: dict[str, Actor] = {}  # "statement" -> who issued it (filled as sentences are coded)
        # A phrase is looked at again for each role it may play: its tokens and what it names
        # are kept (by head, and by head and tokens) instead of being found again each time.
        self._phrases: dict[int, list[Token]] = {}
        self._resolutions: dict[tuple[int, ...], _Resolution | None] = {}
        self._learn_people()
        self._resolutions.clear()  # found while people were still being learned
        self._bodies: list[tuple[int, _Resolution]] | None = None  # states, bodies and groups, for "it" and "they"

    # -- find -------------------------------------------------------------------------
    def phrase_tokens(self, head: Token) -> list[Token]:
        """The tokens of the noun phrase headed by `head`: its left modifiers and the head
        (a list shared by every caller: not to be changed)."""
        tokens = self._phrases.get(head.i)
        if tokens is None:
            tokens = self._phrases[head.i] = noun_phrase(head)
        return tokens

    def _hits_in(self, tokens: list[Token]) -> list[KnowledgeHit]:
        seen: list[KnowledgeHit] = []
        for token in tokens:
            hit = self.hits.get(token.i)
            if hit is not None and hit not in seen:
                seen.append(hit)
        return seen

    def _person_name(self, tokens: list[Token], head: Token) -> Span | None:
        """The run of proper nouns ending at the head that no knowledge word explains."""
        if head.pos_ != "PROPN" or head.i in self.hits or not any(c.isalpha() for c in head.text):
            return None
        by_index = {t.i: t for t in tokens}
        start = head.i
        while start - 1 in by_index and start - 1 not in self.hits:
            previous = by_index[start - 1]
            if previous.pos_ == "PROPN" or (previous.is_punct and previous.text in "-'’."):
                start -= 1
            else:
                break
        while start < head.i and self.doc[start].is_punct:
            start += 1
        return self.doc[start : head.i + 1]

    # -- annotate ---------------------------------------------------------------------
    def _resolve(self, tokens: list[Token], head: Token) -> _Resolution | None:
        key = (head.i, *(token.i for token in tokens))
        if key not in self._resolutions:
            self._resolutions[key] = self._resolution(tokens, head)
        return self._resolutions[key]

    def _resolution(self, tokens: list[Token], head: Token) -> _Resolution | None:
        hits = self._hits_in(tokens)
        bodies = [h for h in hits if h.named is not None and h.named.how == "organization"]
        # the entry covering the head wins over a named modifier: "Hamas leader Yahya Sinwar"
        body_hit = next((h for h in bodies if _covers(h, head)), bodies[0] if bodies else None)
        country_hit = next((h for h in hits if h.named is not None and h.named.how != "organization"), None)
        sectors = [h for h in hits if h.sector is not None]
        person = self._person_name(tokens, head)

        if body_hit is not None and body_hit.named.kind != "state":
            body = body_hit.named
            if person is None and (_covers(body_hit, head) or not sectors):
                return _Resolution(body.country, body.sector, body.code, body.kind, body.name)

        country = country_hit.named if country_hit is not None else None
        sector_word = _pick_sector(sectors, head)
        if sector_word is not None and country is None and body_hit is None and person is None and head.pos_ == "NOUN" \
                and not any(_covers(h, head) for h in sectors) and self._locating_country(head, tokens) is None:
            return None  # a sector word modifying a thing is no actor: "military aid", "police reform"
        iso3 = country.country if country is not None else (body_hit.named.country if body_hit else None)
        sector = sector_word.sector if sector_word else (country.sector if country is not None else None)
        if person is not None and iso3 is None and sector_word is None:
            remembered = self._people.get(person[-1].text) or self._people.get(person.text)
            if remembered is not None:
                return remembered
            # An unknown name is still an actor, with nothing guessed; dates and places are not.
            kind = _UNKNOWN_NAME_KINDS.get(head.ent_type_)
            return _Resolution(None, None, None, kind, person.text) if kind else None
        # A place an imported dictionary codes outside ISO 3166 ("Arnor" [ARN], the USSR [USR]):
        # its own code stands in front of the sector; the country stays null.
        prefix = iso3 or (country.code if country is not None else None)
        if prefix is None and sector is None:
            return None
        kind = _kind_of(head, country_hit, sector_word, person)
        if kind == "population" and sector is None:
            sector = "CVL"  # "Palestinians": the civilian population of the country
        return _Resolution(iso3, sector, _actor_code(prefix, sector), kind, person.text if person is not None else None)

    def _learn_people(self) -> None:
        """Remember people introduced with a country or a title ("U.S. Secretary of State Antony Blinken")."""
        for i, pos in enumerate(words_of(self.doc).pos):  # (no Token made for the other words)
            if pos != "PROPN":
                continue
            hit = self.hits.get(i)
            token = self.doc[i]
            if (hit is not None and (hit.named is None or hit.named.kind != "person")) or token.dep_ in {"compound", "flat"}:
                continue  # a person in the tables is learned too: "He" and "the leader" may follow
            tokens = self.phrase_tokens(token)
            resolution = self._resolve(tokens, token)
            if resolution is None or resolution.name is None or resolution.code is None:
                continue
            self._person_mentions.append((token.i, resolution))
            surname = resolution.name.split()[-1].split("-")[-1]
            self._people.setdefault(surname, resolution)
            self._people.setdefault(resolution.name, resolution)
            self._people.setdefault(token.text, resolution)

    def actor_for(self, head: Token) -> Actor | None:
        """The actor named by the noun phrase headed by `head`, or None if it names none."""
        quantity, head = head, _through_quantity(head)
        if head.lower_ in _PERSONAL_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass", "poss"):
            return self._pronoun(head)
        if head.lower_ in ("it", "they") and head.dep_ in ("nsubj", "nsubjpass"):
            return self._it_or_they(head)
        tokens = self.phrase_tokens(head)
        resolution = self._resolve(tokens, head)
        if resolution is not None and resolution.kind == "person" and resolution.name is None and is_definite(head):
            antecedent = self._role_antecedent(head, resolution)
            if antecedent is not None:
                resolution = antecedent
                self._mentioned(head, antecedent)  # "The Egyptian leader warned ... He also called"
        if resolution is not None and resolution.country is None and resolution.sector is not None:
            located = self._locating_country(head, tokens)
            if located is not None:
                tokens, country, prefix = located  # prefix: the place's code, also outside ISO ("Gondor" GON)
                resolution = _Resolution(
                    country, resolution.sector, _actor_code(country or prefix, resolution.sector), resolution.kind, resolution.name
                )
        if resolution is None:
            return None
        if modifies_a_thing(head):  # "*Iraqi* warplanes": the words are the warplanes', the actor Iraq's
            start, end = self._extent(self.phrase_tokens(head.head), head.head)
        else:
            start, end = self._extent(tokens, head, quantity)
        return Actor(
            text=self.text[start:end], start=start, end=end, name=resolution.name,
            country=resolution.country, sector=resolution.sector, code=resolution.code,
            kind=resolution.kind,
        )

    # -- earlier mentions: "he", "the Egyptian leader", "the two sides" --------------------------
    def _latest_person(self, before: int, country: str | None = None, sector: str | None = None) -> _Resolution | None:
        for index, person in reversed(self._person_mentions):
            if index < before and (country is None or person.country == country) and (sector is None or person.sector == sector):
                return person
        return None

    def _bodies_named(self) -> list[tuple[int, _Resolution]]:
        """(head index, actor) of each subject or object phrase naming a state, body or group
        (found when a pronoun first asks for them)."""
        if self._bodies is not None:
            return self._bodies
        found = self._bodies = []
        for i, pos in enumerate(words_of(self.doc).pos):
            if pos not in ("NOUN", "PROPN"):
                continue
            token = self.doc[i]
            if token.dep_ not in _ARGUMENT_DEPS:
                continue
            if not any(j in self.hits for j in range(token.left_edge.i, token.right_edge.i + 1)):
                continue  # nothing known in the phrase: skip the costlier resolution
            tokens = self.phrase_tokens(token)
            if not any(t.i in self.hits for t in tokens):
                continue
            resolution = self._resolve(tokens, token)
            if resolution is not None and resolution.code and resolution.kind in _BODY_KINDS:
                found.append((token.i, resolution))
        return found

    def _it_or_they(self, pronoun: Token) -> Actor | None:
        """"it said", "they attacked": the state, body or group last named as subject or object."""
        kinds = _BODY_KINDS if pronoun.lower_ == "they" else _BODY_KINDS - {"group"}
        plural = pronoun.lower_ == "they"
        candidates = [(i, body) for i, body in self._bodies_named() if i < pronoun.i and body.kind in kinds
                      and (plural or self.doc[i].tag_ not in ("NNS", "NNPS"))]
        subjects = [(i, body) for i, body in candidates if self.doc[i].dep_ in ("nsubj", "nsubjpass")]
        if not (subjects or candidates):
            return None
        _, body = (subjects or candidates)[-1]  # the last subject first: who "they" were
        return Actor(
            text=pronoun.text, start=pronoun.idx, end=pronoun.idx + len(pronoun.text), name=body.name,
            country=body.country, sector=body.sector, code=body.code, kind=body.kind,
        )

    def _mentioned(self, token: Token, person: _Resolution) -> None:
        """A person mentioned again (by role or pronoun) is the latest one for what follows."""
        if (token.i, person) not in self._person_mentions:
            bisect.insort(self._person_mentions, (token.i, person), key=lambda mention: mention[0])

    def _pronoun(self, pronoun: Token) -> Actor | None:
        """"he said", "she told": the person last named before, as the subject of a new clause."""
        person = self._latest_person(before=pronoun.i)
        if person is None:
            return None
        self._mentioned(pronoun, person)
        return Actor(
            text=pronoun.text, start=pronoun.idx, end=pronoun.idx + len(pronoun.text), name=person.name,
            country=person.country, sector=person.sector, code=person.code, kind="person",
        )

    def _role_antecedent(self, head: Token, role: _Resolution) -> _Resolution | None:
        """"the Egyptian leader", "the top diplomat": the last person named before of that country
        (and sector, when the role word gives one that is not just 'government')."""
        person = self._latest_person(head.i, role.country, role.sector) or (
            self._latest_person(head.i, role.country) if role.country else None
        )
        return person

    def remember_pair(self, first: Actor, second: Actor) -> None:
        """The participants of a meeting or talks, for a later "the two sides"."""
        if first.code and second.code and first.code != second.code:
            self._last_pair = (first, second)

    def group_for(self, head: Token) -> list[Actor] | None:
        """"the two sides", "both leaders": the two actors that last met, as written here; "US
        and British activists": one actor per country modifier."""
        split = self._per_modifier(head)
        if split is not None:
            return split
        if head.lemma_.lower() not in _PAIR_NOUNS or self._last_pair is None:
            return None
        if not any(c.lower_ in ("two", "both") for c in head.children):
            return None
        start, end = self._extent(self.phrase_tokens(head), head)
        return [actor.model_copy(update={"text": self.text[start:end], "start": start, "end": end}) for actor in self._last_pair]

    def _per_modifier(self, head: Token) -> list[Actor] | None:
        """One actor for each of coordinated country modifiers: "Israeli and Egyptian officials"."""
        for modifier in head.lefts:
            if modifier.dep_ not in ("amod", "nmod", "compound"):
                continue
            members = [modifier, *(c for c in modifier.children if c.dep_ == "conj")]
            members += _coordinated_sibling(modifier, head)
            if len(members) < 2:
                continue
            tokens = self.phrase_tokens(head)
            member_tokens = {m.i for m in members} | {c.i for c in modifier.children if c.dep_ == "cc"}
            start, end = self._extent(tokens, head)
            found = []
            for member in members:
                own = [t for t in tokens if t.i not in member_tokens or t.i == member.i]
                resolution = self._resolve(own, head)
                if resolution is None or resolution.country is None:
                    return None
                found.append(Actor(
                    text=self.text[start:end], start=start, end=end, name=resolution.name, country=resolution.country,
                    sector=resolution.sector, code=resolution.code, kind=resolution.kind,
                ))  # fmt: skip
            return found if len({actor.country for actor in found}) == len(found) else None
        return None

    def countries(self) -> dict[str, set[str]]:
        """The countries the article names (by name, demonym or capital), in order of first
        mention, each with the words that name it ("Tripoli" names Libya as its capital)."""
        found: dict[str, set[str]] = {}
        for index in sorted(self.hits):
            hit = self.hits[index]
            named = hit.named
            if named is not None and named.how != "organization" and named.country:
                found.setdefault(named.country, set()).add(self.doc[hit.start : hit.end].text.lower())
        return found

    def explain(self, head: Token) -> list[str]:
        """Why a phrase resolves as it does: each knowledge word found in it, and the name."""
        head = _through_quantity(head)
        tokens = self.phrase_tokens(head)
        reasons = []
        for hit in self._hits_in(tokens):
            words = self.doc[hit.start : hit.end].text
            if hit.named is not None:
                named = hit.named
                reasons.append(f"{words!r}: {_HOW.get(named.how, named.how)} {named.name or named.code} ({named.code})")
            elif hit.sector is not None:
                role = f", {hit.sector.role} role" if hit.sector.role else ""
                reasons.append(f"{words!r}: sector word {hit.sector.sector} ({hit.sector.kind}{role})")
        person = self._person_name(tokens, head)
        if person is not None:
            remembered = self._people.get(person[-1].text) or self._people.get(person.text)
            reasons.append(f"{person.text!r}: a name" + (f", known as {remembered.code}" if remembered and remembered.code else ""))
        if head.lower_ in _PERSONAL_PRONOUNS:
            reasons.append(f"{head.text!r}: a pronoun, the person last named before it")
        return reasons or ["nothing petrel knows: no country, body, sector word or name"]

    def mention_for(self, head: Token) -> Actor | None:
        """The actor of a noun phrase, or — when petrel knows nothing of it ("a convicted IRA
        bomber", "the council decision") — the bare mention, with every code null."""
        antecedent = object_antecedent(head)
        if antecedent is not None:  # "called Erdogan and urged *him*": the target is Erdogan
            return self.mention_for(antecedent)
        actor = self.actor_for(head)
        quantity, head = head, _through_quantity(head)  # "parts of Kashmir": the mention names Kashmir
        if actor is not None or head.pos_ not in _MENTION_POS or head.like_num:
            return actor
        start, end = self._extent(self.phrase_tokens(head), head, quantity)
        owner = self._owner(head) if head.pos_ == "NOUN" else None
        if owner is not None:  # "an arms depot of the Syrian army": the army's, as PETRARCH codes it
            return Actor(text=self.text[start:end], start=start, end=end, country=owner.country, sector=owner.sector, code=owner.code)
        return Actor(text=self.text[start:end], start=start, end=end)

    def _owner(self, thing: Token) -> Actor | None:
        """The actor a thing petrel knows nothing of belongs to: "the headquarters *of the army*"."""
        for prep in thing.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        owner = self.actor_for(obj)
                        # whose: a country or a named body, not a bare sector ("the head of" is no one's)
                        return owner if owner is not None and owner.code and owner.code != owner.sector else None
        return None

    def _extent(self, tokens: list[Token], head: Token, quantity: Token | None = None) -> tuple[int, int]:
        """Character offsets of the mention whose noun phrase is `tokens` (see `actor_spans`)."""
        return mention_extent(tokens, head, self.hits, quantity)

    def _locating_country(self, head: Token, tokens: list[Token]) -> tuple[list[Token], str | None, str] | None:
        """'officials in Saudi Arabia': the country of a prepositional phrase after the head,
        and the phrase's tokens extended over it."""
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in _LOCATING_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                inner = self._resolve(self.phrase_tokens(obj), obj)
                # a state, or a national body: "opponents of Rwanda's Senate", "ministers from the Georgian government"
                national = inner is not None and inner.kind == "organization" and inner.country not in (None, "IGO", "NGO")
                if inner is not None and (inner.country or inner.code) and (inner.kind == "state" or national):
                    return sorted({*tokens, *prep.subtree}, key=lambda t: t.i), inner.country, inner.code
        return None


_QUANTITY_NOUNS = frozenset({
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores", "million",
    "millions", "number", "group", "handful", "some", "many", "several", "most", "all", "two", "three",
    "part", "parts", "section", "sections", "portion", "areas",  # partitives: "parts of Kashmir"
})  # fmt: skip


def _as_on(hits: dict[int, KnowledgeHit], day: date | None) -> dict[int, KnowledgeHit]:
    """Hits with dated codes as they were on the article's day ("[ARMGOV 030101-050531]")."""
    dated = {id(hit): hit for hit in hits.values() if hit.named is not None and hit.named.dated}
    if not dated:
        return hits
    current = {key: replace(hit, named=hit.named.on(day)) for key, hit in dated.items()}
    return {index: current.get(id(hit), hit) for index, hit in hits.items()}



def is_definite(head: Token) -> bool:
    """"the leader", "this statement": a phrase that points back to something named before."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _through_quantity(head: Token) -> Token:
    """"dozens of protesters" names the protesters."""
    if head.lower_ in _QUANTITY_NOUNS or head.like_num:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return obj
    return head


def _actor_code(country: str | None, sector: str | None) -> str | None:
    """The CAMEO-style code: country then sector ("EGYGOV"), or either alone."""
    return (country or "") + (sector or "") or None


def _covers(hit: KnowledgeHit, token: Token) -> bool:
    return hit.start <= token.i < hit.end


def _pick_sector(sectors: list[KnowledgeHit], head: Token) -> SectorWord | None:
    """The sector of a phrase: the head's word, unless it is generic and a modifier says more."""
    if not sectors:
        return None
    head_hit = next((h for h in sectors if _covers(h, head)), None)
    modifiers = [h for h in sectors if h is not head_hit]
    if head_hit is None:
        return modifiers[-1].sector
    if head_hit.sector.role == "generic" and modifiers:
        return modifiers[-1].sector
    return head_hit.sector


def _kind_of(head: Token, country_hit: KnowledgeHit | None, sector: SectorWord | None, person: Span | None) -> str:
    if person is not None:
        return "person"
    if sector is not None:
        return sector.kind
    if country_hit is not None and country_hit.named.how == "demonym" and _covers(country_hit, head):
        if head.pos_ in ("NOUN", "PROPN") and not modifies_a_thing(head):
            return "population"  # "Palestinians", "Israelis" (not "*Russian* shelling", tagged PROPN)
    return "state"



def object_antecedent(pronoun: Token) -> Token | None:
    """Whom an object pronoun points back to in its own sentence: "Trump called Erdogan and urged
    *him*", "Ajak was freed after Kiir pardoned *him*", "held 2,000 people to use *them* as
    shields". The nearest subject or object before it that agrees in number and person, and is
    not the subject of the pronoun's own clause (who urged him is not him)."""
    agreement = _OBJECT_PRONOUNS.get(pronoun.lower_)
    if agreement is None or pronoun.dep_ not in ("dobj", "dative", "pobj"):
        return None
    own_subjects = _clause_subjects(pronoun.head)
    for token in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start]):
        if token.dep_ in _ANTECEDENT_DEPS and token.pos_ in ("NOUN", "PROPN") and token.i not in own_subjects and _agrees(token, agreement):
            return token
    return None


def _clause_subjects(verb: Token) -> set[int]:
    """The subjects of a verb, its own or the one it shares ("called X and *urged*", "to *use*")."""
    found: set[int] = set()
    for _ in range(4):
        found |= {child.i for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")}
        if found or verb.dep_ not in _CLAUSE_LINKS or verb.head.i == verb.i:
            return found
        verb = verb.head
    return found


def _agrees(token: Token, agreement: str) -> bool:
    plural = token.tag_ in ("NNS", "NNPS") or any(child.dep_ == "conj" for child in token.children)
    if agreement == "plural":
        return plural
    if agreement == "person":
        return not plural and token.ent_type_ == "PERSON"
    return not plural and token.ent_type_ not in ("PERSON", "DATE", "TIME")



def _coordinated_sibling(modifier: Token, head: Token) -> list[Token]:
    """The modifier the parse hangs on the head instead of coordinating it: in "UK and EU
    negotiators" spaCy may read "and" as UK's and "EU" as a second modifier of "negotiators"."""
    if not any(child.dep_ == "cc" for child in modifier.children) or any(child.dep_ == "conj" for child in modifier.children):
        return []
    after = modifier.right_edge.i + 1
    sibling = head.doc[after] if after < head.i else None
    return [sibling] if sibling is not None and sibling.head == head and sibling.dep_ in ("amod", "nmod", "compound") else []
