"""The JSON network spec: normalise, validate with clear messages, infer shapes, presets.

A spec is plain data so the canvas, files and the engine all speak it::

    {"input": [1, 28, 28],
     "layers": [{"type": "conv", "filters": 20, "kernel": 5}, {"type": "pool", "size": 2},
                {"type": "dense", "units": 10, "activation": "softmax"}],
     "cost": "log-likelihood"}

Every fault raises :class:`SpecError` naming the layer and the fix; `SpecError.layer_index`
says which layer (None for the whole spec) so the canvas can mark that block.
"""

from __future__ import annotations

import copy
import json
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from playground import RESOURCES
from playground.errors import Phrase, SpecError

ACTIVATIONS = ("sigmoid", "tanh", "relu", "linear", "softmax", "step")
COSTS = ("quadratic", "cross-entropy", "log-likelihood")
POOL_MODES = ("max", "l2", "avg")
LAYER_TYPES = ("conv", "pool", "dense", "activation")

_ALIASES = {
    "average": "avg",
    "mean": "avg",
    "crossentropy": "cross-entropy",
    "cross_entropy": "cross-entropy",
    "log_likelihood": "log-likelihood",
    "loglikelihood": "log-likelihood",
    "nll": "log-likelihood",
    "mse": "quadratic",
    "identity": "linear",
    "none": "linear",
    "perceptron": "step",
}

# Settings each layer type accepts, with defaults (None = required).
_SETTINGS: dict[str, dict[str, Any]] = {
    "conv": {
        "filters": None,
        "kernel": None,
        "stride": 1,
        "padding": 0,
        "groups": 1,
        "activation": "sigmoid",
    },
    "pool": {"mode": "max", "size": None},
    "dense": {"units": None, "activation": "sigmoid"},
    "activation": {"activation": None},
}
_POSITIVE = {"filters", "kernel", "stride", "groups", "size", "units"}
#: Most weights and biases a network may have: 80 MB a copy, and training keeps several
#: (velocity, the last finite snapshot, the copy each epoch hands the draw pad). The book's
#: largest network has about 1.7 million (1,672,570).
MAX_PARAMS = 20_000_000
#: The most layers a network may have: the book's have up to 7, and the canvas laid out and
#: validated 1,000 in 8.5 s and 10,000 in minutes, the window frozen.
MAX_LAYERS = 200
#: Most values one layer may output per image (4 MB): inference runs EVAL_BATCH (200) images
#: at a time, and every view shows these maps. The presets' largest is 11,520 (20x24x24).
MAX_LAYER_VALUES = 1_000_000


@dataclass(frozen=True)
class LayerInfo:
    """What one layer does to the data: the row of a summary table and of a canvas block."""

    index: int
    name: str
    type: str
    settings: str
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    params: int

    @property
    def shape_text(self) -> str:
        """Output shape as the canvas shows it, e.g. '20x24x24'."""
        return "x".join(str(d) for d in self.output_shape)


def _canon(value: Any) -> Any:
    if isinstance(value, str):
        key = value.strip().lower()
        return _ALIASES.get(key, key)
    return value


def _as_int(where: str, key: str, value: Any, index: int | None) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)  # JSON's Infinity: int() of it raised OverflowError
        or int(value) != value
    ):
        raise SpecError(
            "{where}: {key} must be a whole number; got {value!r}",
            index,
            where=where,
            key=key,
            value=value,
        )
    value = int(value)
    if key in _POSITIVE and value < 1:
        raise SpecError(
            "{where}: {key} must be at least 1; got {value}",
            index,
            where=where,
            key=key,
            value=value,
        )
    if key == "padding" and value < 0:
        raise SpecError(
            "{where}: padding must be 0 or more; got {value}", index, where=where, value=value
        )
    return value


def normalize(spec: dict[str, Any]) -> dict[str, Any]:
    """Return a deep copy with defaults filled in, names given and spellings made canonical.

    Raises SpecError for unknown types, unknown or missing settings and malformed values; shape
    checks happen in :func:`infer`.
    """
    if not isinstance(spec, dict):
        raise SpecError(
            "a network spec must be a JSON object; got {kind}", kind=type(spec).__name__
        )
    unknown = set(spec) - {"input", "layers", "cost", "training", "name", "description"}
    if unknown:
        raise SpecError(
            "unknown spec keys {keys}; expected input, layers, cost (and optionally "
            "training, name, description)",
            keys=sorted(unknown),
        )
    if "input" not in spec:
        raise SpecError("the spec has no 'input': give the input shape, e.g. [1, 28, 28]")
    shape = spec["input"]
    if not isinstance(shape, list | tuple) or len(shape) not in (1, 3):
        raise SpecError(
            "input must be [channels, height, width] or [features]; got {shape!r}", shape=shape
        )
    in_shape = [_as_int("input", "size", d, None) for d in shape]
    layers = spec.get("layers")
    if not isinstance(layers, list) or not layers:
        raise SpecError("the spec has no layers: add at least one dense output layer")
    if len(layers) > MAX_LAYERS:
        raise SpecError(
            "the spec has {n:,} layers; Playground takes at most {limit}",
            n=len(layers),
            limit=MAX_LAYERS,
        )

    out: dict[str, Any] = {"input": in_shape, "layers": []}
    counters: dict[str, int] = {}
    seen: set[str] = set()
    for i, layer in enumerate(layers):
        where = Phrase("layer {number}", number=i + 1)
        if not isinstance(layer, dict):
            raise SpecError(
                "{where}: a layer must be an object with a 'type'; got {layer!r}",
                i,
                where=where,
                layer=layer,
            )
        kind = _canon(layer.get("type"))
        if kind is None:
            raise SpecError(
                "{where}: missing 'type'; use one of {choices}",
                i,
                where=where,
                choices=", ".join(LAYER_TYPES),
            )
        if kind not in LAYER_TYPES:
            raise SpecError(
                "{where}: unknown layer type {kind!r}; use one of {choices}",
                i,
                where=where,
                kind=layer.get("type"),
                choices=", ".join(LAYER_TYPES),
            )
        counters[kind] = counters.get(kind, 0) + 1
        name = layer.get("name") or f"{kind}{counters[kind]}"
        if not isinstance(name, str) or "." in name or not name.strip():
            raise SpecError(
                "{where}: name must be text without dots; got {name!r}", i, where=where, name=name
            )
        if name in seen:
            raise SpecError(
                "{name}: two layers are called {name!r}; give each a unique name", i, name=name
            )
        seen.add(name)
        settings = _SETTINGS[kind]
        extra = set(layer) - set(settings) - {"type", "name"}
        if extra:
            raise SpecError(
                "{name}: unknown setting(s) {extra} for the {kind} layer; it takes {known}",
                i,
                name=name,
                extra=", ".join(sorted(extra)),
                kind=kind,
                known=", ".join(settings),
            )
        norm: dict[str, Any] = {"type": kind, "name": name}
        for key, default in settings.items():
            if key not in layer or layer[key] is None:
                if default is None:
                    raise SpecError(
                        "{name}: missing '{key}' for the {kind} layer",
                        i,
                        name=name,
                        key=key,
                        kind=kind,
                    )
                norm[key] = default
                continue
            value = _canon(layer[key])
            if key == "activation":
                if value not in ACTIVATIONS:
                    raise SpecError(
                        "{name}: unknown activation {value!r}; use one of {choices}",
                        i,
                        name=name,
                        value=layer[key],
                        choices=", ".join(ACTIVATIONS),
                    )
            elif key == "mode":
                if value not in POOL_MODES:
                    raise SpecError(
                        "{name}: unknown pooling mode {value!r}; use max, l2 or avg",
                        i,
                        name=name,
                        value=layer[key],
                    )
            else:
                value = _as_int(name, key, value, i)
            norm[key] = value
        out["layers"].append(norm)

    cost = _canon(spec.get("cost"))
    if cost is None:
        last = out["layers"][-1].get("activation")
        cost = {"softmax": "log-likelihood", "sigmoid": "cross-entropy"}.get(last, "quadratic")
    if cost not in COSTS:
        raise SpecError(
            "unknown cost {cost!r}; use one of {choices}",
            cost=spec.get("cost"),
            choices=", ".join(COSTS),
        )
    out["cost"] = cost
    for key in ("training", "name", "description"):
        if key in spec:
            out[key] = copy.deepcopy(spec[key])
    return out


def settings_text(layer: dict[str, Any]) -> str:
    """Short human text of a normalised layer, e.g. 'conv 20@5x5 s1 p0 g1, sigmoid'."""
    kind = layer["type"]
    if kind == "conv":
        k = layer["kernel"]
        text = f"conv {layer['filters']}@{k}x{k} s{layer['stride']} p{layer['padding']}"
        return f"{text} g{layer['groups']}, {layer['activation']}"
    if kind == "pool":
        s = layer["size"]
        return f"{layer['mode']}-pool {s}x{s}"
    if kind == "dense":
        return f"dense {layer['units']}, {layer['activation']}"
    return layer["activation"]


def infer(spec: dict[str, Any]) -> list[LayerInfo]:
    """Validate a spec end to end and return each layer's shapes and parameter count.

    Conv: H_out = floor((H + 2*padding - kernel) / stride) + 1. Pool: H_out = floor(H / size).
    Raises SpecError naming the first layer that cannot work and how to fix it.
    """
    norm = normalize(spec)
    shape: tuple[int, ...] = tuple(norm["input"])
    rows: list[LayerInfo] = []
    layers = norm["layers"]
    softmax_at: str | None = None
    total_params = 0
    for i, layer in enumerate(layers):
        name, kind = layer["name"], layer["type"]
        if softmax_at is not None:
            raise SpecError(
                "{name}: the {kind} layer cannot follow softmax ({softmax}); softmax turns "
                "outputs into class probabilities and belongs on the last layer only",
                i,
                name=name,
                kind=kind,
                softmax=softmax_at,
            )
        params = 0
        if kind in ("conv", "pool"):
            if len(shape) != 3:
                raise SpecError(
                    "{name}: a {kind} layer needs images (channels x height x width) but gets "
                    "{ndim}-D data {shape}; put it before any dense layer",
                    i,
                    name=name,
                    kind=kind,
                    ndim=len(shape),
                    shape=shape,
                )
            c, h, w = shape
        if kind == "conv":
            f, k, s, p, g = (
                layer[key] for key in ("filters", "kernel", "stride", "padding", "groups")
            )
            if c % g or f % g:
                raise SpecError(
                    "{name}: groups={groups} must divide in_channels={channels} and "
                    "filters={filters}; choose groups from the common divisors of {channels} and "
                    "{filters}",
                    i,
                    name=name,
                    groups=g,
                    channels=c,
                    filters=f,
                )
            if k > h + 2 * p or k > w + 2 * p:
                raise SpecError(
                    "{name}: kernel {k}x{k} is larger than its padded input {h}x{w}; use a "
                    "kernel of at most {largest} or more padding",
                    i,
                    name=name,
                    k=k,
                    h=h + 2 * p,
                    w=w + 2 * p,
                    largest=min(h, w) + 2 * p,
                )
            if layer["activation"] == "softmax":
                raise SpecError(
                    "{name}: softmax belongs on the output dense layer; use relu, sigmoid or "
                    "tanh here",
                    i,
                    name=name,
                )
            out = (f, (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1)
            params = f * (c // g) * k * k + f
        elif kind == "pool":
            size = layer["size"]
            if size > h or size > w:
                raise SpecError(
                    "{name}: pooling window {size}x{size} is larger than its input {h}x{w}; "
                    "use a size of at most {largest}",
                    i,
                    name=name,
                    size=size,
                    h=h,
                    w=w,
                    largest=min(h, w),
                )
            out = (c, h // size, w // size)
        elif kind == "dense":
            n_in = 1
            for d in shape:
                n_in *= d
            out = (layer["units"],)
            params = layer["units"] * n_in + layer["units"]
        else:  # activation
            if layer["activation"] == "softmax" and len(shape) != 1:
                raise SpecError(
                    "{name}: softmax needs a flat vector of class scores; put it after the "
                    "last dense layer",
                    i,
                    name=name,
                )
            out = shape
        if math.prod(out) > MAX_LAYER_VALUES:
            raise SpecError(
                "{name}: its output {shape} holds {values:,} values per image, more than the "
                "{limit:,} Playground handles; use fewer filters or units, a larger stride, or "
                "pool first",
                i,
                name=name,
                shape="x".join(map(str, out)),
                values=math.prod(out),
                limit=MAX_LAYER_VALUES,
            )
        total_params += params
        if total_params > MAX_PARAMS:
            raise SpecError(
                "{name}: the network has {total:,} weights and biases up to here, more than "
                "the {limit:,} Playground can train; use fewer units or filters",
                i,
                name=name,
                total=total_params,
                limit=MAX_PARAMS,
            )
        if layer.get("activation") == "softmax":
            softmax_at = name
        rows.append(LayerInfo(i, name, kind, settings_text(layer), shape, out, params))
        shape = out

    # The output must come from a dense layer (optionally followed by activation layers).
    last_weighted = next((r for r in reversed(rows) if r.type != "activation"), None)
    if last_weighted is None or last_weighted.type != "dense":
        idx = len(rows) - 1 if last_weighted is None else last_weighted.index
        raise SpecError(
            "{name}: the last layer must be dense (one output per class); "
            "add a dense layer with one unit per class at the end",
            idx,
            name=rows[idx].name,
        )
    out_act = output_activation(norm)
    cost = norm["cost"]
    if cost == "log-likelihood" and out_act != "softmax":
        raise SpecError(
            "cost log-likelihood needs a softmax output, but the output is {output}; "
            "set the last layer's activation to softmax or choose another cost",
            len(rows) - 1,
            output=out_act,
        )
    if cost == "cross-entropy" and out_act not in ("sigmoid", "softmax"):
        raise SpecError(
            "cost cross-entropy needs outputs in (0, 1), but the output is {output}; "
            "use a sigmoid (or softmax) output layer or the quadratic cost",
            len(rows) - 1,
            output=out_act,
        )
    return rows


def output_activation(norm: dict[str, Any]) -> str:
    """The activation applied to the network's output (the last layer that has one)."""
    for layer in reversed(norm["layers"]):
        if layer["type"] in ("dense", "activation"):
            return layer["activation"]
    return "linear"


def summary_table(rows: list[LayerInfo]) -> str:
    """A Keras-style table: 'Layer (type) | Output shape | Param #', plus the total."""
    lines = [f"{'Layer (type)':<26}{'Output shape':<18}{'Param #':>10}", "-" * 54]
    for r in rows:
        lines.append(f"{r.name + ' (' + r.type + ')':<26}{r.shape_text:<18}{r.params:>10,}")
    lines.append("-" * 54)
    lines.append(f"{'Total parameters':<44}{sum(r.params for r in rows):>10,}")
    return "\n".join(lines)


PRESETS_DIR = RESOURCES / "presets"


def preset_names() -> list[str]:
    """The names of the shipped presets (resources/presets/*.json), sorted."""
    return sorted(p.stem for p in PRESETS_DIR.glob("*.json"))


@cache
def _preset_text(name: str) -> str:
    path = PRESETS_DIR / f"{name}.json"
    if not path.is_file():
        raise SpecError(
            "unknown preset {name!r}; choose one of {choices}",
            name=name,
            choices=", ".join(preset_names()),
        )
    return path.read_text(encoding="utf-8")


def load_preset(name: str) -> dict[str, Any]:
    """A fresh copy of a preset spec, including its "training" hyperparameters."""
    return json.loads(_preset_text(name))
