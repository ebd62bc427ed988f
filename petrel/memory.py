"""Pausing Python's cyclic garbage collector while many long-lived small objects are made at once
(a batch stored, a query's rows converted, the gazetteer loaded)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Run the block without cyclic garbage collection (as it was before, after it).

    Storing a batch or converting a query's rows allocates tens of thousands of dicts that all
    stay alive until the block ends; the collector would scan them again and again for cycles
    there are none of (measured: query p95 225 -> 155 ms, ingest +14%)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
