"""Throughput of petrel against a bare spaCy `nlp.pipe` over the same texts, in one run.

    .venv/bin/python benchmarks/throughput.py                      # the sample articles, repeated
    .venv/bin/python benchmarks/throughput.py ../shared/eval/acled_dev.csv --text-column notes
    .venv/bin/python benchmarks/throughput.py news.jsonl --limit 500

"bare spaCy" is the stock pipeline as `spacy.load` gives it, what a user would otherwise run.
"petrel parse" is petrel's own pipeline without any coding: the stock one plus the dateline
component and the mended verb lemmas (`petrel.verb_lemmas`), with the attribute-ruler rules found
by lookup (`petrel.attribute_rules`, the same annotations). Prints words/s and articles/s for each (best of --rounds, the rounds alternating),
petrel's speed against bare spaCy, coding's share of petrel's time, and the peak memory.
Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from pathlib import Path

import spacy

from petrel.nlp import SPACY_MODEL, load_pipeline
from petrel.pipeline import DEFAULT_BATCH_SIZE, code_articles, default_coder

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"


def read_texts(path: Path, text_column: str, limit: int | None, repeat: int) -> list[str]:
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as handle:
            texts = [row[text_column] for row in csv.DictReader(handle) if row.get(text_column)]
    else:
        texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = texts * repeat
    return texts[:limit] if limit else texts


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def report(label: str, seconds: float, texts: list[str], words: int) -> None:
    print(
        f"{label:<12} {seconds:8.2f} s  {words / seconds:9.0f} words/s  {len(texts) / seconds:8.1f} articles/s"
        f"  peak memory so far {peak_memory_mb():7.0f} MB"
    )


def _once(run, texts: list[str]) -> float:
    started = time.perf_counter()
    run(texts)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", nargs="?", type=Path, default=EXAMPLES, help="JSONL with 'text', or CSV")
    parser.add_argument("--text-column", default="text", help="CSV column with the article text")
    parser.add_argument("--limit", type=int, default=None, help="use at most this many texts")
    parser.add_argument("--repeat", type=int, default=None, help="repeat the texts (default: 40 for the samples, 1 otherwise)")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--rounds", type=int, default=2, help="time each this many times, keep the best")
    args = parser.parse_args()

    repeat = args.repeat or (40 if args.input == EXAMPLES else 1)
    texts = read_texts(args.input, args.text_column, args.limit, repeat)
    nlp = load_pipeline()
    stock = spacy.load(SPACY_MODEL)
    words = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    default_coder()  # load petrel's knowledge before timing, as a long run would
    list(code_articles(texts[:5]))  # warm-up
    print(f"{len(texts)} texts, {words} tokens, from {args.input}; batch size {args.batch_size}; 1 process")
    print(f"spaCy pipeline {stock.meta['name']} {stock.meta['version']}: {', '.join(stock.pipe_names)}")
    print(f"petrel's pipeline: {', '.join(nlp.pipe_names)}")

    runs = {
        "bare spaCy": lambda t: [None for _ in stock.pipe(t, batch_size=args.batch_size)],
        "petrel parse": lambda t: [None for _ in nlp.pipe(t, batch_size=args.batch_size)],
        "petrel": lambda t: list(code_articles(t, batch_size=args.batch_size)),
    }
    # Rounds alternate (bare, petrel, bare, petrel...) so drifts of the machine hit both alike.
    best = {label: _once(run, texts) for label, run in runs.items()}
    for _ in range(args.rounds - 1):
        for label, run in runs.items():
            best[label] = min(best[label], _once(run, texts))
    for label, seconds in best.items():
        report(label, seconds, texts, words)
    bare, parse, coded = best["bare spaCy"], best["petrel parse"], best["petrel"]
    print(f"petrel runs at {bare / coded:.2f}x the speed of bare spaCy ({coded / bare:.2f}x its time)")
    print(f"coding takes {1 - parse / coded:.0%} of petrel's time ({parse / coded:.2f}x: petrel's parse against all of petrel)")


if __name__ == "__main__":
    sys.exit(main())
