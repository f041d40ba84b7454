"""The labs' models import no Qt, so a notebook or a test can use them without a window."""

from __future__ import annotations

import subprocess
import sys


def test_lab_models_import_without_qt() -> None:
    code = (
        "import sys\n"
        "import playground.labs.neuron, playground.labs.descent\n"
        "import playground.labs.backprop, playground.labs.costs_compare\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'pyqtgraph', 'shiboken6') or m.startswith('playground.ui'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
