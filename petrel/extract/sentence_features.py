"""What the event-root model sees of a sentence: lemmas and a few dependency facts.

Used both when the model is trained (on example sentences we wrote) and when it codes, so the
two can never drift apart. Names and numbers are left out: the model should learn what was
done, not who did it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from petrel.extract.event_frames import SAY_VERBS

_CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV", "AUX"})
_SKIPPED_LEMMAS = frozenset({"be", "have", "do", "will", "would", "could", "should", "may", "might", "can", "also"})
_ARGUMENT_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp", "prt", "neg", "dative", "acomp", "attr"})


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def main_predicate(sentence: Span) -> Token:
    """The verb that carries the sentence's news: the root, or what a verb of saying reports."""
    predicate = sentence.root
    while _lemma(predicate) in SAY_VERBS:
        reported = next((c for c in predicate.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
        if reported is None:
            break
        predicate = reported
    return predicate


def _argument_features(verb: Token, prefix: str) -> list[str]:
    features = []
    for child in verb.children:
        if child.dep_ not in _ARGUMENT_DEPS:
            continue
        if child.dep_ == "prep":
            objects = [o for o in child.children if o.dep_ == "pobj"]
            features.append(f"{prefix}{_lemma(verb)}_{child.lower_}")
            features += [f"{prefix}{_lemma(verb)}_{child.lower_}_{_lemma(o)}" for o in objects if o.pos_ == "NOUN"]
        elif child.dep_ == "neg":
            features.append(f"{prefix}not_{_lemma(verb)}")
        elif child.pos_ in ("NOUN", "VERB", "ADJ", "ADP", "ADV"):
            features.append(f"{prefix}{_lemma(verb)}_{_lemma(child)}")
    return features


def sentence_features(sentence: Span) -> list[str]:
    """Feature names of one sentence (a bag: order and repeats do not matter)."""
    features = []
    content = [t for t in sentence if t.pos_ in _CONTENT_POS and _lemma(t) not in _SKIPPED_LEMMAS and t.is_alpha]
    for token in content:
        features.append(_lemma(token))
    for first, second in zip(content, content[1:]):
        features.append(f"{_lemma(first)}+{_lemma(second)}")
    predicate = main_predicate(sentence)
    features.append(f"MAIN:{_lemma(predicate)}")
    features += _argument_features(predicate, "MAIN:")
    for token in sentence:
        if token.pos_ == "VERB" and token is not predicate:
            features += _argument_features(token, "")
        if token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
            features.append(f"{token.dep_}:{_lemma(token)}")
    if sentence.root is not predicate:
        features.append("REPORTED")
    if any(t.dep_ == "auxpass" for t in predicate.children):
        features.append("MAIN:passive")
    return features
