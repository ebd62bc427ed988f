"""How many of PETRARCH-2's own unit-test codings petrel reproduces, with PETRARCH's dictionaries.

    .venv/bin/python benchmarks/petrarch_unit_tests.py            # ../shared/dict
    .venv/bin/python benchmarks/petrarch_unit_tests.py --show 20  # and the first 20 misses

The 284 sentences of PETR.UnitTest.records.xml use fictional actors (Arnor, Gondor...) defined
in PETR.Validate.actors/agents.txt and verb patterns in PETR.Validate.verbs.txt; petrel loads
the three through its importers (as `petrel code --verbs-only --verbs --actors --agents` does: the
test verb file's made-up codes would lose to petrel's own lexicon otherwise), codes each
sentence from its text on its date, and compares (source code, target code, event code) triples.
Not a test: a measure of compatibility (PETRARCH-2 itself reproduced 41% in published checks).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from petrel.evaluation.datasets import read_petrarch_validation
from petrel.evaluation.scoring import set_score
from petrel.articles import Article
from petrel.pipeline import ExtraKnowledge, code_articles
from petrel.records import Event

DICT = Path(__file__).resolve().parents[1].parent / "shared" / "dict"


def triples(events: list[Event], exact: bool = True) -> set[tuple[str, str, str]]:
    return {
        ((e.source.code if e.source else None) or "---", (e.target.code if e.target else None) or "---", e.cameo if exact else e.cameo_root)
        for e in events if not e.negated
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dict", type=Path, default=DICT, help="folder with PETR.UnitTest.records.xml and PETR.Validate.*.txt")
    parser.add_argument("--with-lexicon", action="store_true", help="also use petrel's own lexicon and model (default: the test verbs alone)")
    parser.add_argument("--show", type=int, default=0, help="print this many sentences petrel codes differently")
    args = parser.parse_args()
    sentences = read_petrarch_validation(args.dict / "PETR.UnitTest.records.xml")
    extra = ExtraKnowledge(
        verbs=(args.dict / "PETR.Validate.verbs.txt",), actors=(args.dict / "PETR.Validate.actors.txt",),
        agents=(args.dict / "PETR.Validate.agents.txt",), verbs_only=not args.with_lexicon,
    )
    articles = [Article(text=s.text, id=f"unit-{i}", date=s.date) for i, s in enumerate(sentences)]
    found: dict[str, list[Event]] = {a.id: [] for a in articles}
    for record in code_articles(articles, extra=extra):
        if isinstance(record, Event):
            found[record.article_id].append(record)
    events = [found[a.id] for a in articles]
    gold = [{(c.source, c.target, c.code) for c in s.codings} for s in sentences]
    exact = set_score(zip(gold, (triples(e) for e in events)))
    roots = set_score(zip(({(a, b, c[:2]) for a, b, c in g} for g in gold), (triples(e, exact=False) for e in events)))
    print(f"{len(sentences)} sentences, {exact.gold} expected (source, target, code) triples")
    print(f"reproduced exactly: {exact.true_positive} ({exact.recall:.1%}); precision {exact.precision:.1%}; F1 {exact.f1:.3f}")
    print(f"same CAMEO root:    {roots.true_positive} ({roots.recall:.1%}); precision {roots.precision:.1%}; F1 {roots.f1:.3f}")
    shown = 0
    for sentence, expected, coded in zip(sentences, gold, events):
        if shown >= args.show or expected == triples(coded):
            continue
        shown += 1
        print(f"- {sentence.id}: expected {sorted(expected)} got {sorted(triples(coded))}\n    {sentence.text}")


if __name__ == "__main__":
    main()
