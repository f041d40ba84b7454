"""Entry point: `python main.py` opens the window, `python main.py train ...` trains headless."""

from __future__ import annotations

import sys

if __name__ == "__main__":
    try:
        from playground.cli import main

        code = main()
    except KeyboardInterrupt:  # a Ctrl-C before the command installs its own handler
        sys.stderr.write("\ninterrupted\n" if sys.stderr.isatty() else "interrupted\n")
        code = 130
    sys.exit(code)
