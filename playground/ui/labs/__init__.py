"""The hands-on labs: perceptron versus sigmoid neuron, gradient descent, backpropagation and
the cost comparison, each a widget, gathered in `LabsPanel` for a dock of the main window."""

from __future__ import annotations

from playground.ui.labs.backprop_lab import BackpropLabWidget
from playground.ui.labs.cost_lab import CostLab
from playground.ui.labs.descent_lab import DescentLab
from playground.ui.labs.neuron_lab import NeuronLab
from playground.ui.labs.panel import LabsPanel

__all__ = ["BackpropLabWidget", "CostLab", "DescentLab", "LabsPanel", "NeuronLab"]
