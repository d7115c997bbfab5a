"""Run the dyad command line: python -m dyad."""

from dyad.cli import main

main()
