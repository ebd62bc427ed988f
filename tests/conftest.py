"""Shared fixtures: where the repository's sample articles and the shared dev data are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seed_report() -> Path:
    """The wire report that started petrel (../shared/corpus/seed.txt); skips where it is absent."""
    path = SHARED / "corpus" / "seed.txt"
    if not path.exists():
        pytest.skip("../shared/corpus/seed.txt is not here (it is not shipped with petrel)")
    return path
