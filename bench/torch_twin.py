"""The same network in PyTorch, built from our spec and weights: the oracle for tests and bench.

Imported only by tests and bench/, never by the app. Requires torch.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from playground.engine import Network


def _act(z: torch.Tensor, name: str) -> torch.Tensor:
    if name == "sigmoid":
        return torch.sigmoid(z)
    if name == "tanh":
        return torch.tanh(z)
    if name == "relu":
        return torch.relu(z)
    if name == "softmax":
        return torch.softmax(z, dim=1)
    return z


class TorchTwin(torch.nn.Module):
    """A torch.nn.Module computing exactly what our Network computes, with copied weights."""

    def __init__(self, net: Network) -> None:
        super().__init__()
        self.spec: dict[str, Any] = net.spec
        self.cost = net.spec["cost"]
        self.n_classes = net.n_classes
        self.weights = torch.nn.ParameterDict()
        for key, value in net.params.items():
            self.weights[key.replace(".", "__")] = torch.nn.Parameter(torch.tensor(np.array(value)))

    def p(self, name: str, kind: str) -> torch.Tensor:
        """The parameter `<name>.<kind>`."""
        return self.weights[f"{name}__{kind}"]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a = x
        for layer in self.spec["layers"]:
            kind, name = layer["type"], layer["name"]
            if kind == "conv":
                a = F.conv2d(
                    a,
                    self.p(name, "weight"),
                    self.p(name, "bias"),
                    stride=layer["stride"],
                    padding=layer["padding"],
                    groups=layer["groups"],
                )
                a = _act(a, layer["activation"])
            elif kind == "pool":
                s = layer["size"]
                if layer["mode"] == "max":
                    a = F.max_pool2d(a, s)
                elif layer["mode"] == "avg":
                    a = F.avg_pool2d(a, s)
                else:
                    a = F.lp_pool2d(a, 2, s)
            elif kind == "dense":
                a = F.linear(
                    a.reshape(a.shape[0], -1), self.p(name, "weight"), self.p(name, "bias")
                )
                a = _act(a, layer["activation"])
            else:
                a = _act(a, layer["activation"])
        return a

    def loss(self, out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """Our cost, averaged over the batch, in torch."""
        target = F.one_hot(y, self.n_classes).to(out.dtype)
        n = out.shape[0]
        if self.cost == "quadratic":
            return 0.5 * ((out - target) ** 2).sum() / n
        if self.cost == "cross-entropy":
            return F.binary_cross_entropy(out, target, reduction="sum") / n
        return F.nll_loss(torch.log(out), y)


def torch_gradients(
    net: Network, x: np.ndarray, y: np.ndarray
) -> tuple[float, dict[str, np.ndarray], np.ndarray]:
    """(cost, gradients keyed like net.params, forward output) computed by PyTorch."""
    twin = TorchTwin(net)
    out = twin(torch.tensor(x))
    loss = twin.loss(out, torch.tensor(y, dtype=torch.long))
    loss.backward()
    grads = {k: twin.weights[k.replace(".", "__")].grad.numpy() for k in net.params}
    return float(loss.detach()), grads, out.detach().numpy()
