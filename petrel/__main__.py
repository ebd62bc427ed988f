"""`python -m petrel` runs the `petrel` command."""

from petrel.cli import main

main()
