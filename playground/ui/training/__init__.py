"""Training in the window: the worker-thread controller and the panel with its controls.

controller = TrainingController(window)
panel = TrainingPanel(controller)      # Start is "trainButton"
views = ViewsPanel(controller)         # playground.ui.views: plots and the inside views
"""

from __future__ import annotations

from playground.ui.training.controller import (
    EpochReport,
    Mistake,
    RunInfo,
    RunResult,
    Snapshot,
    TrainingController,
)
from playground.ui.training.panel import TrainingPanel

__all__ = [
    "EpochReport",
    "Mistake",
    "RunInfo",
    "RunResult",
    "Snapshot",
    "TrainingController",
    "TrainingPanel",
]
