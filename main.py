"""Entry point: `python main.py` opens the window, `python main.py train ...` trains headless."""

from __future__ import annotations

import sys

from playground.cli import main

if __name__ == "__main__":
    sys.exit(main())
