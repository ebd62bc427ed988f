"""A store of (by default) one million events: how fast it fills, how fast typical queries answer.

    .venv/bin/python benchmarks/store_benchmark.py                        # 1,000,000 events
    .venv/bin/python benchmarks/store_benchmark.py --events 100000 --store /tmp/small.duckdb

The events are real petrel output varied: the bundled sample articles (and the seed report,
when ../shared is here) are coded once; each stored article then takes one of them, with a new
id, its dates shifted by up to two years, its actors' countries drawn from 40 countries, and a
text assembled from sentences of the coded articles with about a third of their words
changed (so that texts differ as real articles do); one article in twenty is a syndicated copy of an earlier one (a sentence added), to keep
the near-duplicate search honest. Ingest goes through `EventStore.ingest`, 1,024 articles a
transaction (--batch-articles), as `petrel code --db` does by default; the time of coding the base articles is not
counted (it is the NLP throughput, measured by benchmarks/throughput.py).

Then each typical query of `petrel events` / `petrel figures` is run --repeat times on the
full store and its p50/p95 latency printed. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from petrel.articles import Article
from petrel.readers.fields import article_from_fields
from petrel.store import EventStore
from petrel.store.batches import STORE_BATCH_ARTICLES

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "seed.txt"
COUNTRIES = (
    "USA RUS CHN UKR ISR PSE EGY IRN IRQ SYR TUR SAU YEM SDN ETH SOM KEN NGA MLI BFA NER COD ZAF "
    "IND PAK AFG MMR PHL FRA DEU GBR POL BLR VEN COL MEX BRA HTI LBY LBN"
).split()


def base_articles() -> list[tuple[Article, list]]:
    from petrel.pipeline import default_coder

    with open(REPO / "examples" / "articles.jsonl", encoding="utf-8") as lines:
        articles = [article_from_fields(json.loads(line)) for line in lines]
    if SEED.exists():
        articles.append(Article(text=SEED.read_text(encoding="utf-8"), date=dt.date(2024, 3, 21), source="seed"))
    return list(zip(articles, default_coder().code_batch(articles)))


def _actor(actor, country: str):
    if actor is None or actor.country in (None, "IGO", "NGO"):
        return actor
    return actor.model_copy(update={"country": country, "code": country + (actor.sector or "")})


class ArticleFactory:
    """Varied articles with varied records, made from coded base articles."""

    def __init__(self, bases: list[tuple[Article, list]], seed: int = 20240321):
        self.bases = bases
        self.pick = random.Random(seed)
        self.sentences = [s.strip() + "." for article, _ in bases for s in article.text.split(". ") if len(s) > 40]
        self.words = sorted({word for sentence in self.sentences for word in sentence.split()})
        self.made: list[Article] = []

    def article(self, number: int) -> tuple[Article, list]:
        pick = self.pick
        base, records = pick.choice(self.bases)
        article_id = f"bench-{number:07d}"
        shift = dt.timedelta(days=pick.randint(-365, 365))
        coded = {getattr(r, "source", None) and r.source.country for r in records} | {None}
        countries = {code: pick.choice(COUNTRIES) for code in sorted(coded, key=lambda code: (code is not None, code or ""))}  # (a set's order changes per run)
        if self.made and pick.random() < 0.05:
            original = pick.choice(self.made[-500:])
            text = original.text + " " + pick.choice(self.sentences)
        else:
            text = " ".join(self._reworded(s) for s in pick.sample(self.sentences, min(8, len(self.sentences))))
        varied = []
        for record in records:
            update = {"article_id": article_id, "date": record.date + shift if record.date else None}
            if record.record == "event":
                update["event_id"] = f"{article_id}-{record.event_id}"
                update["source"] = _actor(record.source, countries.get(record.source.country if record.source else None, "USA"))
                update["target"] = _actor(record.target, pick.choice(COUNTRIES))
            else:
                update["figure_id"] = f"{article_id}-{record.figure_id}"
            varied.append(record.model_copy(update=update))
        article = dataclasses.replace(base, id=article_id, text=text, date=base.date + shift if base.date else None,
                                      source=pick.choice(["Wire A", "Wire B", "Daily C", "Radio D", "Agency E"]))  # fmt: skip
        self.made.append(article)
        return article, varied


    def _reworded(self, sentence: str) -> str:
        """A sentence with about a third of its words changed: a different report's sentence."""
        return " ".join(self.pick.choice(self.words) if self.pick.random() < 0.3 else w for w in sentence.split())


def fill(store_path: Path, events: int, batch_articles: int = STORE_BATCH_ARTICLES) -> dict:
    bases = base_articles()
    factory = ArticleFactory(bases)
    stored_events = stored_figures = 0
    seconds = 0.0
    number = 0
    store = EventStore(store_path)
    try:
        while stored_events < events:
            batch = [factory.article(number + i) for i in range(batch_articles)]
            number += batch_articles
            started = time.perf_counter()
            counts = store.ingest(batch)
            seconds += time.perf_counter() - started
            stored_events += counts.events
            stored_figures += counts.figures
            if number % (batch_articles * 20) == 0:
                rate = (stored_events + stored_figures) / seconds
                print(f"  {number:,} articles, {stored_events:,} events, {rate:,.0f} records/s", file=sys.stderr)
        near = store.connection.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
        stories = store.connection.execute("SELECT count(*) FROM stories").fetchone()[0]
    finally:
        started = time.perf_counter()
        store.close()  # the last fold of the write-ahead log into the file is part of the ingest
        seconds += time.perf_counter() - started
    records = stored_events + stored_figures
    return {"articles": number, "events": stored_events, "figures": stored_figures, "near_duplicates": near,
            "stories": stories, "seconds": seconds, "records_per_second": records / seconds}  # fmt: skip


def typical_queries():
    """(name, function of a connection) for the queries of issue 6 item 5."""
    from petrel.store import queries as q

    since, until = dt.date(2024, 1, 1), dt.date(2024, 3, 31)
    return [
        ("events: country EGY, 50 rows", lambda c: q.find_events(c, q.EventFilter(country="EGY"), limit=50)),
        ("events: dyad ISR:PSE in a quarter", lambda c: q.find_events(c, q.EventFilter(dyad=("ISR", "PSE"), since=since, until=until), limit=100)),
        ("events: actor name 'Ruto'", lambda c: q.find_events(c, q.EventFilter(actor="Ruto"), limit=50)),
        ("events: CAMEO 19, place 'Darfur'", lambda c: q.find_events(c, q.EventFilter(cameo="19", place="Darfur"), limit=50)),
        ("events: text 'cease-fire'", lambda c: q.find_events(c, q.EventFilter(text="cease-fire"), limit=50)),
        ("stories: PLOVER ASSAULT, country SYR", lambda c: q.find_stories(c, q.EventFilter(plover="ASSAULT", country="SYR"), limit=50)),
        ("counts by week, country USA", lambda c: q.event_counts(c, q.EventFilter(country="USA"), "week")),
        ("counts by month, all", lambda c: q.event_counts(c, q.EventFilter(), "month")),
        ("dyad matrix, top 10", lambda c: q.dyad_matrix(c, q.EventFilter(), top=10)),
        ("Goldstein by month, country RUS", lambda c: q.goldstein_series(c, q.EventFilter(country="RUS"), "month")),
        ("figures: killed, compared by source", lambda c: q.compare_figures(c, q.FigureFilter(category="killed"))),
    ]  # fmt: skip


def time_queries(store_path: Path, repeat: int) -> list[tuple[str, float, float, int]]:
    results = []
    with EventStore(store_path, read_only=True) as store:
        for name, query in typical_queries():
            query(store.connection)  # warm: the first run reads the columns from disk
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                rows = query(store.connection)
                timings.append((time.perf_counter() - started) * 1000)
            p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
            results.append((name, statistics.median(timings), p95, len(rows)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, default=Path("/tmp/petrel-benchmark.duckdb"))
    parser.add_argument("--repeat", type=int, default=40, help="runs of each query")
    parser.add_argument("--batch-articles", type=int, default=STORE_BATCH_ARTICLES, help="articles a transaction (petrel code --db: %(default)s)")
    parser.add_argument("--queries-only", action="store_true", help="time the queries of an existing store")
    parser.add_argument("--fill-only", action="store_true", help="fill the store, do not time queries")
    arguments = parser.parse_args()
    if not arguments.queries_only:
        for suffix in ("", ".wal"):
            Path(f"{arguments.store}{suffix}").unlink(missing_ok=True)
        filled = fill(arguments.store, arguments.events, arguments.batch_articles)
        print(
            f"ingest: {filled['articles']:,} articles ({filled['near_duplicates']:,} near-duplicates), "
            f"{filled['events']:,} events, {filled['figures']:,} figures, {filled['stories']:,} stories "
            f"in {filled['seconds']:.1f} s = {filled['records_per_second']:,.0f} records/s "
            f"({arguments.batch_articles} articles a transaction)"
        )
        print(f"store file: {arguments.store.stat().st_size / 1e6:,.0f} MB; "
              f"ingest peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB", flush=True)
        if not arguments.fill_only:
            # Queries are timed in a new process, as a user's `petrel events` runs: not in one
            # whose heap still holds the million records it made.
            command = [sys.executable, __file__, "--queries-only", "--store", str(arguments.store), "--repeat", str(arguments.repeat)]
            subprocess.run(command, check=True)
        return
    print(f"{'query':42} {'p50 ms':>8} {'p95 ms':>8} {'rows':>6}")
    for name, p50, p95, rows in time_queries(arguments.store, arguments.repeat):
        print(f"{name:42} {p50:8.1f} {p95:8.1f} {rows:6}")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


if __name__ == "__main__":
    main()
