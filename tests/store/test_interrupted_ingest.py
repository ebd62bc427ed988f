"""Killing `petrel code --db` part-way loses nothing already stored, and a rerun completes the job."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

ARTICLES = 500
_LEADERS = [
    ("Kenyan President William Ruto", "Nairobi"), ("Turkish Foreign Minister Hakan Fidan", "Ankara"),
    ("Egyptian President Abdel-Fattah al-Sisi", "Cairo"), ("French President Emmanuel Macron", "Paris"),
    ("Nigerian President Bola Tinubu", "Abuja"), ("Brazilian President Luiz Inacio Lula da Silva", "Brasilia"),
    ("Indian Prime Minister Narendra Modi", "New Delhi"), ("Japanese Prime Minister Fumio Kishida", "Tokyo"),
]  # fmt: skip
_ACTS = [
    "met {other} in {city} on {day} to discuss trade and security",
    "criticised {other} for delays in the talks on {day}",
    "signed a cooperation agreement with {other} in {city} on {day}",
    "urged {other} on {day} to release detained journalists",
    "accused {other} of backing rebels near the border on {day}",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _article(number: int, pick: random.Random) -> dict:
    (first, city), (other, _) = pick.sample(_LEADERS, 2)
    act = pick.choice(_ACTS).format(other=other, city=city, day=pick.choice(_DAYS))
    tail = f"Officials said {pick.randint(2, 900)} delegates attended and report {number} was filed from {city}."
    return {"id": f"report-{number:03d}", "date": f"2024-0{pick.randint(1, 9)}-1{pick.randint(0, 9)}", "text": f"{first} {act}. {tail}"}


def _count(path: Path, sql: str) -> int:
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(sql).fetchone()[0]


def _ingest(inputs: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "petrel", "code", str(inputs), "--db", str(store), "--batch-size", "16", "--commit-every", "100"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_an_ingest_killed_part_way_and_rerun_ends_with_every_article_once(tmp_path):
    pick = random.Random(7)
    inputs = tmp_path / "reports.jsonl"
    inputs.write_text("".join(json.dumps(_article(n, pick)) + "\n" for n in range(ARTICLES)), encoding="utf-8")
    store = tmp_path / "store.duckdb"

    first = _ingest(inputs, store)
    committed = first.stderr.readline()  # without a terminal, petrel logs each stored batch
    assert "committed" in committed, committed + first.stderr.read()
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    killed_at = _count(store, "SELECT count(*) FROM articles")
    assert 0 < killed_at < ARTICLES
    # No half-stored article: every stored article has exactly the events it was stored with.
    assert _count(store, "SELECT count(*) FROM articles a WHERE events <> (SELECT count(*) FROM events e WHERE e.article_id = a.article_id)") == 0

    second = _ingest(inputs, store)
    _, errors = second.communicate(timeout=600)
    assert second.returncode == 0, errors
    assert f"{ARTICLES - killed_at} new article(s) stored" in errors
    assert _count(store, "SELECT count(*) FROM articles") == ARTICLES
    assert _count(store, "SELECT count(DISTINCT article_id) FROM articles") == ARTICLES
    assert _count(store, "SELECT sum(events) FROM articles") == _count(store, "SELECT count(*) FROM events")
    assert _count(store, "SELECT count(*) FROM events") >= ARTICLES  # each report has an event
