"""The README is part of the product: its two commands are what CI runs."""

from __future__ import annotations

import re

from tests.conftest import REPO


def _bash_blocks(markdown: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", markdown, flags=re.S)]


def test_readme_opens_with_install_and_test_commands_that_ci_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    install, tests = _bash_blocks(readme)[:2]
    ci_commands = [line for line in (REPO / ".ci" / "run").read_text().splitlines() if line and not line.startswith(("#", "set ", "cd "))]
    assert ci_commands == [install, tests]
    assert "petrel code examples/" in install and "pip install" in install


def test_every_code_option_is_in_the_readme_or_help():
    from petrel.cli import app
    import typer.main

    command = typer.main.get_command(app).commands["code"]
    for param in command.params:
        if param.opts[0].startswith("--"):
            assert param.help, f"{param.opts[0]} has no --help text"
