from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

import pytest


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def records(self) -> list[dict]:
        """Every stdout line must be one JSON record: nothing else may go to stdout."""
        return [json.loads(line) for line in self.stdout.splitlines()]


@pytest.fixture
def petrel():
    """Run the real `petrel` command in a subprocess, as a user's shell would (stdout piped)."""

    def run(*args: str, stdin: str | None = None, cwd=None) -> Run:
        done = subprocess.run(
            [sys.executable, "-m", "petrel", *map(str, args)],
            input=stdin, capture_output=True, text=True, cwd=cwd, timeout=300,
        )
        return Run(done.returncode, done.stdout, done.stderr)

    return run
