"""Hands-on labs for the ideas of Nielsen's chapters 1-3, as window-free models.

Each module is plain Python + NumPy (no Qt), so a notebook or a test can drive a lab exactly as
the window does: `neuron` (perceptron versus sigmoid neuron, NAND, half adder), `descent`
(gradient descent on a cost surface), `backprop` (the four equations on a tiny engine network)
and `costs_compare` (quadratic versus cross-entropy learning slowdown).
"""

from __future__ import annotations
