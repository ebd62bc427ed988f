"""The one entry point: articles in, records out.

`code_articles` is what the CLI, the Python API, the multiprocessing path and (later) the Spark
path call. The spaCy pipeline is loaded once per process; texts go through `nlp.pipe` in
batches; each parsed article is enriched by small stages (actors, then events).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc

from petrel.articles import Article
from petrel.extract.actors import ActorMatcher, ArticleActors
from petrel.extract.event_roots import EventRootModel, default_event_root_model
from petrel.extract.dates import infer_publication_date
from petrel.extract.events import sentence_events
from petrel.extract.figure_records import sentence_figures
from petrel.extract.dependents import forget_parse
from petrel.extract.when_and_where import date_and_place
from petrel.knowledge.actor_files import extend_knowledge, remembered_people, with_imported_files
from petrel.knowledge.actor_tables import ActorKnowledge, default_actor_knowledge
from petrel.knowledge.event_lexicon import EventLexicon, default_event_lexicon
from petrel.knowledge.figure_words import FigureWords, default_figure_words
from petrel.knowledge.petrarch_verbs import load_petrarch_verbs
from petrel.nlp import load_pipeline
from petrel.ontology import Ontology, default_ontology
from petrel.records import Event, Figure

Record = Event | Figure
DEFAULT_BATCH_SIZE = 32


@dataclass(frozen=True)
class ExtraKnowledge:
    """A user's own knowledge files, used besides petrel's: PETRARCH/TABARI verb dictionaries,
    actor files (YAML, or PETRARCH actor dictionaries) and PETRARCH agent dictionaries."""

    verbs: tuple[Path, ...] = ()
    actors: tuple[Path, ...] = ()
    agents: tuple[Path, ...] = ()
    verbs_only: bool = False  # code with the imported verb dictionaries alone (no built-in lexicon, no model)
    # People a store remembers (name, country, sector, code): they resolve bare names ("Ruto")
    # that petrel's own tables lack, and never override them.
    people: tuple[tuple[str, str | None, str | None, str | None], ...] = ()

    def lexicon(self) -> EventLexicon:
        imported = [load_petrarch_verbs(path) for path in self.verbs]
        if self.verbs_only and imported:
            lexicon, imported = imported[0], imported[1:]
        else:
            lexicon = default_event_lexicon()
        for other in imported:
            lexicon = lexicon.extended_with(other)
        return lexicon

    def actor_knowledge(self) -> tuple[ActorKnowledge, list[str]]:
        knowledge, reports = with_imported_files(default_actor_knowledge(), self.actors, self.agents)
        if self.people:
            knowledge = extend_knowledge(knowledge, remembered_people(self.people), [], replace=False)
        return knowledge, reports


NO_EXTRA_KNOWLEDGE = ExtraKnowledge()


@dataclass
class ArticleCoder:
    """Everything needed to code parsed articles: the pipeline and the knowledge, loaded once."""

    nlp: object
    ontology: Ontology
    lexicon: EventLexicon
    actor_matcher: ActorMatcher
    event_model: EventRootModel | None = None
    figure_words: FigureWords = field(default_factory=default_figure_words)

    @classmethod
    def load(cls, extra: ExtraKnowledge = NO_EXTRA_KNOWLEDGE) -> "ArticleCoder":
        """petrel's knowledge, with a user's own files added."""
        nlp = load_pipeline()
        knowledge, _ = extra.actor_knowledge()
        model = None if extra.verbs_only else default_event_root_model()
        return cls(nlp, default_ontology(), extra.lexicon(), ActorMatcher(nlp, knowledge), model)

    def code_doc(self, article: Article, doc: Doc) -> list[Record]:
        """The records of one parsed article, in text order."""
        try:
            actors = ArticleActors(doc, self.actor_matcher.find(doc), day=article.date)
            records: dict[str, Record] = {}
            for index, sentence in enumerate(doc.sents):
                for event in sentence_events(sentence, index, article, actors, self.lexicon, self.ontology, self.event_model):
                    records.setdefault(event.event_id, event)  # coordinated words can find one event twice
                for figure in sentence_figures(sentence, index, article, actors, self.figure_words):
                    records.setdefault(figure.figure_id, figure)
            publication = article.date or infer_publication_date(article.text)
            return date_and_place(doc, list(records.values()), publication, actors.countries())
        finally:
            forget_parse(doc)

    def code_batch(self, articles: list[Article], batch_size: int = DEFAULT_BATCH_SIZE) -> list[list[Record]]:
        texts = ((article.text, article) for article in articles)
        return [self.code_doc(article, doc) for doc, article in self.nlp.pipe(texts, as_tuples=True, batch_size=batch_size)]


_CODERS: dict[ExtraKnowledge, ArticleCoder] = {}


def default_coder(extra: ExtraKnowledge = NO_EXTRA_KNOWLEDGE) -> ArticleCoder:
    """The coder of this process (loaded on first use, then reused), with a user's files if given."""
    if extra not in _CODERS:
        _CODERS[extra] = ArticleCoder.load(extra)
    return _CODERS[extra]


def _usable(articles: Iterable[Article | str | dict]) -> Iterator[Article]:
    for value in articles:
        text = value.get("text") if isinstance(value, dict) else getattr(value, "text", value)
        if isinstance(text, str) and not text.strip():
            continue  # nothing to code: no records, no error
        yield Article.from_value(value)


def _chunks(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while chunk := list(islice(articles, size)):
        yield chunk


def _code_chunk(job: tuple[list[Article], ExtraKnowledge]) -> list[list[Record]]:
    chunk, extra = job
    return default_coder(extra).code_batch(chunk)


def code_articles(
    articles: Iterable[Article | str | dict],
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_article: Callable[[Article, list[Record]], None] | None = None,
    extra: ExtraKnowledge = NO_EXTRA_KNOWLEDGE,
) -> Iterator[Record]:
    """Code articles into event and figure records, lazily, in input order.

    Accepts Articles, bare texts or dicts with a "text" field. Articles with no usable text
    give no records. `workers` > 1 codes in that many processes (each loads the pipeline once);
    `on_article` is called after each article with its records (for progress reporting).
    `extra` names a user's own knowledge files (verb, actor and agent dictionaries, actor YAML).
    """
    chunks = _chunks(_usable(articles), batch_size)
    if workers <= 1:
        coded = ((chunk, default_coder(extra).code_batch(chunk, batch_size)) for chunk in chunks)
        yield from _emit(coded, on_article)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        pending = []
        results = pool.imap(_code_chunk, ((chunk, extra) for chunk in _remember(chunks, pending)))
        coded = ((pending.pop(0), result) for result in results)
        yield from _emit(coded, on_article)


def _remember(chunks: Iterator[list[Article]], pending: list) -> Iterator[list[Article]]:
    for chunk in chunks:
        pending.append(chunk)
        yield chunk


def _emit(coded, on_article) -> Iterator[Record]:
    for chunk, results in coded:
        for article, records in zip(chunk, results):
            yield from records
            if on_article is not None:
                on_article(article, records)
