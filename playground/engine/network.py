"""Network: build from a spec, forward, gradients by backpropagation, SGD steps, save/load."""

from __future__ import annotations

import copy
import io
import json
import math
import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from playground.engine import spec as specmod
from playground.engine.costs import COSTS, one_hot
from playground.engine.layers import LAYER_CLASSES, Layer
from playground.engine.plan import run_step
from playground.engine.spec import LayerInfo
from playground.errors import DataError, SpecError
from playground.fileio import atomic_write

FORMAT = "playground-model/1"
#: Images per inference batch in predict and evaluate. The layers' outputs for 200 images stay
#: in cache: evaluating the 10,000 validation images took 0.41 s against 0.48 s in batches of
#: 1,000 (nielsen-conv; 1.16-1.19x on the conv presets, the same on the MLPs).
EVAL_BATCH = 200


def _clean_history(raw: Any) -> list[dict[str, Any]]:
    """The epochs of a loaded history as the views can show them: entries that are not
    objects are dropped, and a figure that is not a number becomes None (missing). A damaged or
    hand-edited file then loads with what it has instead of crashing the views."""
    if not isinstance(raw, list):
        return []
    out = []
    for entry in raw:
        if not isinstance(entry, dict):
            continue
        out.append({str(key): _figure(value) for key, value in entry.items()})
    return out


def _figure(value: Any) -> int | float | None:
    """A history figure if it is a finite number a float can hold, else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return value if math.isfinite(value) else None
    except OverflowError:  # an integer too large for a float (10**400 in a hand-edited file)
        return None


class Network:
    """A feed-forward network described by a spec; parameters live in `params` (float32)."""

    def __init__(
        self, spec: dict[str, Any], params: dict[str, np.ndarray] | None = None, seed: int = 0
    ) -> None:
        rows = specmod.infer(spec)
        self.spec: dict[str, Any] = specmod.normalize(spec)
        self.rows: list[LayerInfo] = rows
        self.input_shape: tuple[int, ...] = tuple(self.spec["input"])
        self.n_classes: int = rows[-1].output_shape[0]
        self.cost = COSTS[self.spec["cost"]]
        self.output_activation = specmod.output_activation(self.spec)
        self.layers: list[Layer] = [
            LAYER_CLASSES[cfg["type"]](cfg, info)
            for cfg, info in zip(self.spec["layers"], rows, strict=True)
        ]
        self.params: dict[str, np.ndarray] = self._initial_params(seed) if params is None else {}
        if params is not None:
            self._adopt(params, source="the given parameters")
        for layer in self.layers:
            layer.bind(self.params)
        self.history: list[dict[str, Any]] = []
        self._velocity: dict[str, np.ndarray] = {}

    # ----------------------------------------------------------------- construction
    @classmethod
    def from_spec(cls, spec: dict[str, Any], seed: int = 0) -> Network:
        """A new network with Gaussian weights (std 1/sqrt(fan_in)) and biases, seeded."""
        return cls(spec, seed=seed)

    def _initial_params(self, seed: int) -> dict[str, np.ndarray]:
        rng = np.random.default_rng(seed)
        params: dict[str, np.ndarray] = {}
        for layer in self.layers:
            shapes = layer.param_shapes()
            if not shapes:
                continue
            scale = 1.0 / math.sqrt(layer.fan_in())
            w = rng.standard_normal(shapes["weight"]) * scale
            b = rng.standard_normal(shapes["bias"])
            params[f"{layer.name}.weight"] = np.ascontiguousarray(w, dtype=np.float32)
            params[f"{layer.name}.bias"] = np.ascontiguousarray(b, dtype=np.float32)
        return params

    def expected_shapes(self) -> dict[str, tuple[int, ...]]:
        """Parameter name -> shape, in network order."""
        shapes: dict[str, tuple[int, ...]] = {}
        for layer in self.layers:
            for kind, shape in layer.param_shapes().items():
                shapes[f"{layer.name}.{kind}"] = shape
        return shapes

    def _adopt(self, params: dict[str, np.ndarray], source: str) -> None:
        expected = self.expected_shapes()
        missing = [k for k in expected if k not in params]
        extra = [k for k in params if k not in expected]
        if missing or extra:
            raise DataError(
                "{source}: parameters do not match the network (missing {missing}, "
                "unexpected {extra})",
                source=source,
                missing=missing,
                extra=extra,
            )
        for key, shape in expected.items():
            arr = np.asarray(params[key])
            if arr.shape != shape or not np.issubdtype(arr.dtype, np.floating):
                raise DataError(
                    "{source}: parameter {key} has shape {shape} ({dtype}); "
                    "the network needs {expected} floats",
                    source=source,
                    key=key,
                    shape=arr.shape,
                    dtype=arr.dtype,
                    expected=shape,
                )
            self.params[key] = np.ascontiguousarray(arr, dtype=np.float32).copy()

    def copy(self) -> Network:
        """An independent copy (weights, spec, history), e.g. for prediction while training."""
        net = Network(self.spec, params=self.params)
        net.history = copy.deepcopy(self.history)
        return net

    def set_params(self, params: dict[str, np.ndarray]) -> None:
        """Copy values into the existing parameter arrays (shapes must match)."""
        for key, value in params.items():
            self.params[key][...] = value

    # ----------------------------------------------------------------- inference
    def summary(self) -> list[LayerInfo]:
        """One row per layer: name, type, output shape, parameter count (and settings)."""
        return list(self.rows)

    def summary_text(self) -> str:
        """The summary as a Keras-style text table."""
        return specmod.summary_table(self.rows)

    @property
    def n_params(self) -> int:
        """Total number of trainable parameters."""
        return sum(p.size for p in self.params.values())

    def _prepare(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x)
        size = math.prod(self.input_shape)
        if x.size % size or x.ndim < 1:
            raise DataError(
                "input of shape {shape} does not fit the network's input {input_shape}",
                shape=x.shape,
                input_shape="x".join(map(str, self.input_shape)),
            )
        if x.size == size and x.shape != (1, *self.input_shape):
            x = x.reshape(1, *self.input_shape)
        else:
            x = x.reshape(-1, *self.input_shape)
        return np.ascontiguousarray(x, dtype=np.float32)

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Output activations (N, classes) for a batch x of shape (N, C, H, W) in [0, 1]."""
        a = self._prepare(x)
        for layer in self.layers:
            a = layer.forward(a)
        return a

    def activations(self, x: np.ndarray) -> dict[str, np.ndarray]:
        """Every layer's output for x, in network order, keyed by layer name (for the views)."""
        a = self._prepare(x)
        out: dict[str, np.ndarray] = {}
        for layer in self.layers:
            a = layer.forward(a)
            out[layer.name] = a
        return out

    def _chunk(self, batch_size: int) -> int:
        """Images per inference batch: at most batch_size, and few enough that the widest
        layer's output (and its input) stay within 256 MB."""
        widest = max(math.prod(r.output_shape) for r in self.rows)
        return max(1, min(batch_size, (256 << 20) // (8 * widest)))

    def predict(self, x: np.ndarray, batch_size: int = EVAL_BATCH) -> np.ndarray:
        """Predicted class per image (argmax of the outputs), in batches."""
        x = self._prepare(x)
        if not len(x):
            return np.zeros(0, dtype=np.int64)
        batch_size = self._chunk(batch_size)
        chunks = range(0, len(x), batch_size)
        return np.concatenate([self.forward(x[i : i + batch_size]).argmax(axis=1) for i in chunks])

    def evaluate(
        self, x: np.ndarray, y: np.ndarray, batch_size: int = EVAL_BATCH
    ) -> tuple[float, float]:
        """(mean cost, accuracy as a fraction) over a dataset split, in batches."""
        cost, accuracy, _ = self.evaluate_predictions(x, y, batch_size)
        return cost, accuracy

    def evaluate_predictions(
        self, x: np.ndarray, y: np.ndarray, batch_size: int = EVAL_BATCH
    ) -> tuple[float, float, np.ndarray]:
        """`evaluate`'s cost and accuracy with the predicted class of every image, from one
        pass: the window's confusion matrix predicted the validation set a second time."""
        x = self._prepare(x)
        y = np.asarray(y)
        batch_size = self._chunk(batch_size)
        total_cost, correct = 0.0, 0
        guesses = []
        for i in range(0, len(x), batch_size):
            a = self.forward(x[i : i + batch_size])
            yb = y[i : i + batch_size]
            total_cost += self.cost.fn(a, one_hot(yb, self.n_classes)) * len(yb)
            guess = a.argmax(axis=1)
            correct += int(np.sum(guess == yb))
            guesses.append(guess)
        n = max(len(x), 1)
        predicted = np.concatenate(guesses) if guesses else np.zeros(0, dtype=np.int64)
        return total_cost / n, correct / n, predicted

    # ----------------------------------------------------------------- learning
    def check_trainable(self) -> None:
        """Raise SpecError if gradient descent cannot train this network (step neurons)."""
        for layer in self.layers:
            if layer.activation == "step":
                raise SpecError(
                    "{name}: a step (perceptron) neuron cannot be trained by gradient "
                    "descent: a small change in a weight either changes nothing or flips the "
                    "output, so its gradient is zero almost everywhere; use sigmoid, the smooth "
                    "version of the perceptron",
                    self.layers.index(layer),
                    name=layer.name,
                )

    def _labels(self, y: np.ndarray, n: int) -> np.ndarray:
        y = np.asarray(y).reshape(-1)
        if y.shape[0] != n:
            raise DataError("{images} images but {labels} labels", images=n, labels=y.shape[0])
        if not np.issubdtype(y.dtype, np.integer):
            raise DataError("labels must be integers; got {dtype}", dtype=y.dtype)
        if y.size and (y.min() < 0 or y.max() >= self.n_classes):
            raise DataError(
                "labels must lie in 0..{largest} (the output layer has "
                "{classes} units); got {lo}..{hi}",
                largest=self.n_classes - 1,
                classes=self.n_classes,
                lo=int(y.min()),
                hi=int(y.max()),
            )
        return y.astype(np.int64)

    def _batch(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(images as float32 (N, *input_shape), labels as int64 (N,)) for a training step.

        Arrays already in that form pass through untouched (the trainer's batches do); the
        label range is checked by the cost kernel.
        """
        if not (
            isinstance(x, np.ndarray)
            and x.dtype == np.float32
            and x.flags.c_contiguous
            and x.shape[1:] == self.input_shape
        ):
            x = self._prepare(x)
        if not (isinstance(y, np.ndarray) and y.dtype == np.int64 and y.shape == (x.shape[0],)):
            y = self._labels(y, x.shape[0])
        return x, y

    def _run_plan(
        self,
        x: np.ndarray,
        y: np.ndarray,
        update: bool,
        lr: float = 0.0,
        momentum: float = 0.0,
        decay: float = 0.0,
    ) -> tuple[float, dict[str, np.ndarray]]:
        self.check_trainable()
        a, labels = self._batch(x, y)
        cost, grads = run_step(self, a, labels, update, lr, momentum, decay)
        if cost == -1.0:  # a label out of range: let the checker word the error
            self._labels(labels, a.shape[0])
        return cost, grads

    def gradients(self, x: np.ndarray, y: np.ndarray) -> tuple[float, dict[str, np.ndarray]]:
        """Backpropagation: (cost, dC/dparam for every parameter, keyed as `params`)."""
        cost, grads = self._run_plan(x, y, update=False)
        return cost, {k: grads[k] for k in self.params}

    def train_step(
        self,
        x: np.ndarray,
        y: np.ndarray,
        lr: float,
        momentum: float = 0.0,
        l2: float = 0.0,
        n_train: int | None = None,
    ) -> float:
        """One SGD step on a mini-batch; returns its cost (before the step, without L2).

        L2 (Nielsen ch. 3): w <- (1 - lr*l2/n_train) w - lr * dC/dw, n_train defaulting to
        the batch size. If the cost is not finite the step is skipped and NaN/inf returned.
        The update is applied inside the backward pass, layer by layer (see engine/plan.py).
        """
        n = n_train if n_train else len(np.asarray(y).reshape(-1))
        decay = float(l2) / n if l2 else 0.0
        cost, _ = self._run_plan(x, y, update=True, lr=lr, momentum=momentum, decay=decay)
        return cost

    def reset_momentum(self) -> None:
        """Forget the momentum velocities (e.g. after restoring weights)."""
        self._velocity.clear()

    # ----------------------------------------------------------------- files
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write spec, parameters and history to one .npz, atomically (temp file + rename)."""
        path = Path(path)
        arrays: dict[str, np.ndarray] = {
            "__format__": np.array(FORMAT),
            "__spec__": np.array(json.dumps(self.spec)),
            "__history__": np.array(json.dumps(self.history)),
        }
        for key, value in self.params.items():
            arrays[f"param/{key}"] = value
        with atomic_write(path) as fh:
            np.savez(fh, **arrays)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Network:
        """Read a file written by `save`; a corrupt or foreign file raises DataError."""
        path = Path(path)
        name = path.name
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise DataError(
                "{file}: cannot read the file ({reason})", file=name, reason=exc.strerror or exc
            ) from exc
        if not raw.startswith(b"PK\x03\x04"):  # np.load would call any other file "pickled"
            raise DataError(
                "{file}: not a readable Playground model file (a model is a .npz archive, as "
                "Save model writes it, and this file is not one)",
                file=name,
            )
        try:
            with np.load(io.BytesIO(raw), allow_pickle=False) as data:
                if "__format__" not in data.files:
                    raise DataError("{file}: not a Playground model (no format marker)", file=name)
                fmt = str(data["__format__"])
                if fmt != FORMAT:
                    raise DataError(
                        "{file}: unsupported model format {format!r}; expected {expected}",
                        file=name,
                        format=fmt,
                        expected=FORMAT,
                    )
                spec = json.loads(str(data["__spec__"]))
                has_history = "__history__" in data.files
                history = json.loads(str(data["__history__"])) if has_history else []
                params = {k[6:]: data[k] for k in data.files if k.startswith("param/")}
        except DataError:
            raise
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            raise DataError(
                "{file}: not a readable Playground model file ({exc})", file=name, exc=exc
            ) from exc
        try:
            net = cls(spec, params=params)
        except SpecError as exc:
            raise DataError(
                "{file}: the network stored in the file is invalid: {exc}", file=name, exc=exc
            ) from exc
        except DataError as exc:
            raise DataError("{file}: {exc}", file=name, exc=exc) from exc
        net.history = _clean_history(history)
        return net
