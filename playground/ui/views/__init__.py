"""Views of learning: cost and accuracy plots, kernels, feature maps, pooling, weights, mistakes."""

from __future__ import annotations

from playground.ui.views.confusion import ConfusionView, MistakesGallery
from playground.ui.views.inside import DenseWeightsView, FeatureMapView, KernelView, PooledView
from playground.ui.views.panel import ViewsPanel
from playground.ui.views.plots import AccuracyPlot, CostPlot

__all__ = [
    "AccuracyPlot",
    "ConfusionView",
    "CostPlot",
    "DenseWeightsView",
    "FeatureMapView",
    "KernelView",
    "MistakesGallery",
    "PooledView",
    "ViewsPanel",
]
