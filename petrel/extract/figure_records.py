"""Turn figures found in a sentence into Figure records: subject resolved, source attached."""

from __future__ import annotations

from spacy.tokens import Span, Token

from petrel.articles import Article
from petrel.extract.actors import ArticleActors
from petrel.extract.dependents import words_of
from petrel.extract.event_frames import reporting_verb
from petrel.extract.events import according_to, reported_by
from petrel.extract.figures import FigureMention, find_figures
from petrel.knowledge.figure_words import FigureWords
from petrel.records import Figure, stable_id


def figure_record(
    mention: FigureMention, article: Article, index: int, sentence: Span, actors: ArticleActors, knowledge: FigureWords
) -> Figure:
    words = mention.words
    subject = actors.mention_for(mention.subject_head) if mention.subject_head is not None else None
    reporter = reporting_verb(mention.trigger) or estimating_verb(mention.trigger, knowledge)
    attribution = (reported_by(reporter, sentence, actors) if reporter is not None else None) or according_to(sentence, actors)
    return Figure(
        article_id=article.id,
        figure_id=stable_id(article.id, words.start_char, words.end_char, mention.category),
        sentence_index=index, sentence=sentence.text.strip(),
        span={"text": words.text, "start": words.start_char, "end": words.end_char},
        category=mention.category, value=mention.value, low=mention.low, high=mention.high,
        approximate=mention.approximate, qualifier=mention.qualifier, unit=mention.unit,
        subject=subject, date=article.date, location=None, attribution=attribution,
    )


_COUNT_WORDS = frozenset({"dozen", "dozens", "hundreds", "thousands", "millions", "scores", "tens"})


def sentence_figures(sentence: Span, index: int, article: Article, actors: ArticleActors, words: FigureWords) -> list[Figure]:
    """The figures of one sentence, in text order (a sentence without a number word has none)."""
    seen = words_of(sentence.doc)
    if not any(seen.like_num[i] or seen.lower[i] in _COUNT_WORDS for i in range(sentence.start, sentence.end)):
        return []
    return [figure_record(mention, article, index, sentence, actors, words) for mention in find_figures(sentence, words)]


def estimating_verb(trigger: Token, knowledge: FigureWords) -> Token | None:
    """The verb by which its subject gives the total: "the Observatory *put* the death toll at 26"."""
    total_nouns = {phrase[-1] for phrase in knowledge.totals}
    for verb in (trigger, *trigger.ancestors):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in knowledge.estimate_verbs:
            if any(child.dep_ == "dobj" and child.lemma_.lower() in total_nouns for child in verb.children):
                return verb
            return None
    return None
