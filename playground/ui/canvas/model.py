"""The canvas model: an ordered chain of layer nodes from the input block to the output.

Plain Python, no Qt, so it can be tested without a window. Like orange-canvas-core's scheme, it
validates before it mutates (a layer the engine cannot even parse is refused with the engine's
SpecError) and emits signals named for what happened. Shape faults the engine finds later
(groups that do not divide, a kernel larger than its input, a softmax in the middle) are states
the user may reach on purpose: the model keeps them and reports the engine's message for the
faulty layer, so the canvas can mark that block in red (and the softmax a later layer cannot
follow, which is what the user has to move).

Signals (each a :class:`Signal`; arguments in brackets):
node_added(node, index), node_removed(node, index), node_changed(node), node_moved(node),
node_reordered(node, old_index, new_index), link_added(source_id, sink_id),
link_removed(source_id, sink_id), input_changed(input_node), cost_changed(cost),
selection_changed(node_id or None), validated(), reset_started(), reset_finished().
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from playground.engine.spec import COSTS, LayerInfo, infer, normalize, settings_text
from playground.errors import SpecError

#: The id of the input block; layer nodes get ids 1, 2, 3, ...
INPUT_ID = 0
#: Vertical distance between block origins in the automatic layout (scene units).
LAYOUT_STEP = 104.0
#: Horizontal distance between the columns of the automatic layout (a block is 280 wide).
COLUMN_STEP = 360.0

# A linear dense layer appended to a valid prefix so the engine will infer it on its own.
_PROBE = {"type": "dense", "units": 1, "activation": "linear", "name": "__shape_probe__"}
_SPEC_EXTRAS = ("name", "description", "training")

Position = tuple[float, float]


def layout_position(index: int, count: int, columns: int) -> Position:
    """Where block `index` (0 = the input) of `count` goes when the chain reads down `columns`
    columns, left to right, as a newspaper does."""
    rows = -(-count // max(1, columns))
    return ((index // rows) * COLUMN_STEP, (index % rows) * LAYOUT_STEP)


def best_columns(
    count: int, width: float, height: float, block: tuple[float, float], margin: float
) -> int:
    """How many columns show `count` blocks of size `block` largest in a width x height view
    (scale at most 1, with `margin` around), the fewest on a tie: a long chain in a wide,
    short view reads better in two columns than shrunk into one."""
    best, best_scale = 1, 0.0
    for columns in range(1, max(1, count) + 1):
        rows = -(-count // columns)
        w = (columns - 1) * COLUMN_STEP + block[0] + 2 * margin
        h = (rows - 1) * LAYOUT_STEP + block[1] + 2 * margin
        scale = min(width / w, height / h, 1.0)
        if scale > best_scale * 1.02:  # another column must pay for the arrow back up
            best, best_scale = columns, scale
    return best


class Signal:
    """A tiny observer list: `connect(fn)`, `disconnect(fn)`, `emit(*args)`."""

    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []

    def connect(self, slot: Callable[..., Any]) -> None:
        """Call `slot(*args)` on every emit."""
        self._slots.append(slot)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        """Stop calling `slot`; silently ignores a slot that was never connected."""
        if slot in self._slots:
            self._slots.remove(slot)

    def emit(self, *args: Any) -> None:
        """Call every connected slot, in connection order."""
        for slot in list(self._slots):
            slot(*args)


@dataclass
class LayerNode:
    """One layer block: a stable id, its spec dict (type + settings) and its canvas position."""

    id: int
    layer: dict[str, Any]
    pos: Position = (0.0, 0.0)

    @property
    def type(self) -> str:
        """The layer type: conv, pool, dense or activation."""
        return self.layer["type"]


@dataclass
class InputNode:
    """The input block at the head of the chain: the shape of one sample, e.g. [1, 28, 28]."""

    shape: list[int] = field(default_factory=lambda: [1, 28, 28])
    pos: Position = (0.0, 0.0)
    id: int = INPUT_ID


@dataclass(frozen=True)
class NodeState:
    """What the engine says about one block: its inferred row (None if unknown) and its fault."""

    info: LayerInfo | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the block has a shape and no fault of its own."""
        return self.info is not None and self.error is None


@dataclass(frozen=True)
class Snapshot:
    """A full copy of the model state (ids included) for undoing whole-network changes."""

    input_shape: tuple[int, ...]
    input_pos: Position
    nodes: tuple[tuple[int, dict[str, Any], Position], ...]
    cost: str
    extras: dict[str, Any]
    #: The input shape and layers that `extras` describe (None: no extras).
    described: tuple[tuple[int, ...], tuple[dict[str, Any], ...]] | None = None


def _auto_name(kind: str, count: int) -> str:
    return f"{kind}{count}"


def _strip_auto_names(layers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of normalised layers without the names the engine would give them anyway."""
    counters: dict[str, int] = {}
    out = []
    for layer in layers:
        counters[layer["type"]] = counters.get(layer["type"], 0) + 1
        layer = copy.deepcopy(layer)
        if layer.get("name") == _auto_name(layer["type"], counters[layer["type"]]):
            del layer["name"]
        out.append(layer)
    return out


def analyze(spec: dict[str, Any]) -> tuple[list[LayerInfo | None], SpecError | None]:
    """Infer every layer's row through the engine, keeping the valid prefix when one fails.

    `infer` stops at the first fault, so on a SpecError we re-infer the layers that passed
    (with softmax swapped for linear, which changes no shape, and a linear dense probe at the
    end so the prefix is a complete network). Rows past the fault are None: their input is
    unknown. Returns (rows, error); error is the engine's SpecError or None.
    """
    n = len(spec.get("layers", []))
    try:
        return list(infer(spec)), None
    except SpecError as error:
        fault = error
    for stop in (n, fault.layer_index):
        if stop is None:
            continue
        rows = _prefix_rows(spec, stop)
        if rows is not None:
            return [*rows, *([None] * (n - len(rows)))], fault
    return [None] * n, fault


def _prefix_rows(spec: dict[str, Any], stop: int) -> list[LayerInfo] | None:
    """The engine's rows for layers[:stop], or None if that prefix is itself faulty."""
    if stop <= 0:
        return []
    try:
        norm = normalize({"input": spec["input"], "layers": spec["layers"][:stop]})
    except SpecError:
        return None
    layers = []
    for layer in norm["layers"]:
        layer = dict(layer)
        if layer.get("activation") == "softmax":
            layer["activation"] = "linear"
        layers.append(layer)
    if layers[-1]["type"] != "dense":
        layers.append(dict(_PROBE))
    try:
        rows = infer({"input": norm["input"], "layers": layers, "cost": "quadratic"})
    except SpecError:
        return None
    return [
        dataclasses.replace(row, settings=settings_text(layer))
        for row, layer in zip(rows, norm["layers"], strict=False)
    ]


class CanvasModel:
    """An ordered chain input -> layer nodes, with positions, validation and selection."""

    def __init__(
        self,
        describe: Callable[[SpecError], str] = str,
        describe_cause: Callable[[SpecError], str] | None = None,
    ) -> None:
        #: Turns the engine's SpecError into the text a block shows (the panel translates it).
        self.describe = describe
        #: The text of the earlier block a fault comes from (the softmax a later layer cannot
        #: follow); by default the fault's own text.
        self.describe_cause = describe_cause or describe
        self.node_added = Signal()
        self.node_removed = Signal()
        self.node_changed = Signal()
        self.node_moved = Signal()
        self.node_reordered = Signal()
        self.link_added = Signal()
        self.link_removed = Signal()
        self.input_changed = Signal()
        self.cost_changed = Signal()
        self.selection_changed = Signal()
        self.validated = Signal()
        self.reset_started = Signal()
        self.reset_finished = Signal()

        self.input = InputNode()
        self._nodes: list[LayerNode] = []
        self._cost = "log-likelihood"
        self._extras: dict[str, Any] = {}
        #: The input shape and layers the extras (name, description, training) were loaded
        #: with: they describe those layers only. A student who cleared nielsen-conv and built
        #: an MLP saved a file still called nielsen-conv, with its description and learning rate.
        self._described: tuple[tuple[int, ...], tuple[dict[str, Any], ...]] | None = None
        self._ids = itertools.count(1)
        self._selected: int | None = None
        self._links: list[tuple[int, int]] = []
        self._states: dict[int, NodeState] = {}
        self._error: SpecError | None = None
        self._batch = 0
        #: Columns of the automatic layout (a view setting: not in snapshots or the spec).
        self.columns = 1
        self._validate()

    # ----------------------------------------------------------------------------- reading
    @property
    def nodes(self) -> list[LayerNode]:
        """The layer nodes in data-flow order (a copy of the list; the nodes are live)."""
        return list(self._nodes)

    @property
    def cost(self) -> str:
        """The cost function: quadratic, cross-entropy or log-likelihood."""
        return self._cost

    @property
    def links(self) -> list[tuple[int, int]]:
        """The arrows of the chain as (source id, sink id), input first."""
        return list(self._links)

    @property
    def selected_id(self) -> int | None:
        """The id of the selected block (INPUT_ID for the input block) or None."""
        return self._selected

    @property
    def error(self) -> SpecError | None:
        """The engine's first complaint about the whole network, or None when it is valid."""
        return self._error

    @property
    def is_valid(self) -> bool:
        """True when the engine accepts the network as it stands."""
        return self._error is None

    @property
    def total_params(self) -> int:
        """The parameter count of every block whose shape is known."""
        return sum(s.info.params for s in self._states.values() if s.info is not None)

    def node(self, node_id: int) -> LayerNode:
        """The layer node with this id (KeyError if there is none)."""
        for node in self._nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def index_of(self, node_id: int) -> int:
        """The 0-based spec index of a layer node."""
        for i, node in enumerate(self._nodes):
            if node.id == node_id:
                return i
        raise KeyError(node_id)

    def state(self, node_id: int) -> NodeState:
        """The engine's row and fault for a layer node."""
        return self._states.get(node_id, NodeState())

    def input_shape_of(self, node_id: int) -> tuple[int, ...] | None:
        """The shape flowing into a layer node (None when an earlier fault hides it)."""
        index = self.index_of(node_id)
        if index == 0:
            return tuple(self.input.shape)
        info = self.state(self._nodes[index - 1].id).info
        return info.output_shape if info is not None else None

    def input_values(self) -> int:
        """How many numbers one input sample holds (784 for 1x28x28)."""
        n = 1
        for d in self.input.shape:
            n *= d
        return n

    def layer_names(self) -> dict[int, str]:
        """Each node's layer name as the engine gives it (conv1, pool1, ... or a custom name)."""
        counters: dict[str, int] = {}
        names: dict[int, str] = {}
        for node in self._nodes:
            counters[node.type] = counters.get(node.type, 0) + 1
            names[node.id] = node.layer.get("name") or _auto_name(node.type, counters[node.type])
        return names

    def extras(self) -> dict[str, Any]:
        """The loaded spec's name, description and training block while the input and layers
        are still the ones they describe ({} once an edit changed them; the cost may change)."""
        if self._described != self._structure():
            return {}
        return copy.deepcopy(self._extras)

    def spec(self) -> dict[str, Any]:
        """The network in the engine's spec format (a fresh dict, safe to keep or save)."""
        extras = self.extras()
        out: dict[str, Any] = {}
        for key in ("name", "description"):
            if key in extras:
                out[key] = extras[key]
        out["input"] = list(self.input.shape)
        out["layers"] = [copy.deepcopy(node.layer) for node in self._nodes]
        out["cost"] = self._cost
        if "training" in extras:
            out["training"] = extras["training"]
        return out

    def positions(self) -> dict[int, Position]:
        """Every block's position by id, the input block included."""
        out = {INPUT_ID: self.input.pos}
        out.update({node.id: node.pos for node in self._nodes})
        return out

    def auto_layout(self) -> dict[int, Position]:
        """Positions that stack the chain top to bottom in :attr:`columns` columns, input
        first (not applied)."""
        count = len(self._nodes) + 1
        out = {INPUT_ID: layout_position(0, count, self.columns)}
        for i, node in enumerate(self._nodes, start=1):
            out[node.id] = layout_position(i, count, self.columns)
        return out

    def set_columns(self, columns: int) -> None:
        """Lay the automatic layout out in `columns` columns from now on (the view picks the
        number that fits it best). Blocks in the automatic layout flow into the new columns at
        once, outside the undo history (the network is the same); blocks the user placed by
        hand stay where they are."""
        columns = max(1, int(columns))
        if columns == self.columns:
            return
        tidy = self.positions() == self.auto_layout()
        self.columns = columns
        if tidy:
            self.set_positions(self.auto_layout())

    def snapshot(self) -> Snapshot:
        """A copy of everything, ids included, for :meth:`restore`."""
        return Snapshot(
            tuple(self.input.shape),
            self.input.pos,
            tuple((n.id, copy.deepcopy(n.layer), n.pos) for n in self._nodes),
            self._cost,
            copy.deepcopy(self._extras),
            copy.deepcopy(self._described),
        )

    def check_insert(self, index: int, layer: dict[str, Any]) -> dict[str, Any]:
        """The layer as it would be stored at `index`; SpecError if the engine cannot parse it."""
        if not 0 <= index <= len(self._nodes):
            raise IndexError(f"index {index} outside 0..{len(self._nodes)}")
        layers = [n.layer for n in self._nodes]
        layers.insert(index, layer)
        return self._canonical(layers, index)

    def check_layer(self, node_id: int, layer: dict[str, Any]) -> dict[str, Any]:
        """The settings as a node would store them; SpecError if the engine cannot parse them."""
        index = self.index_of(node_id)
        layers = [n.layer for n in self._nodes]
        layers[index] = layer
        return self._canonical(layers, index)

    def check_input(self, shape: list[int]) -> list[int]:
        """The input shape as it would be stored; SpecError if the engine cannot parse it."""
        shape = [int(d) for d in shape]
        self._check([n.layer for n in self._nodes], input_shape=shape)
        return shape

    # ----------------------------------------------------------------------------- editing
    def insert_node(
        self,
        index: int,
        layer: dict[str, Any],
        pos: Position | None = None,
        node_id: int | None = None,
    ) -> LayerNode:
        """Insert a layer at `index` (0 = right after the input); refuse what cannot parse."""
        layer = self.check_insert(index, layer)
        if node_id is None:
            node_id = next(self._ids)
        elif any(n.id == node_id for n in self._nodes) or node_id == INPUT_ID:
            raise ValueError(f"node id {node_id} is taken")
        else:
            self._reserve(node_id)
        if pos is None:
            pos = layout_position(index + 1, len(self._nodes) + 2, self.columns)
        node = LayerNode(node_id, layer, (float(pos[0]), float(pos[1])))
        self._nodes.insert(index, node)
        self.node_added.emit(node, index)
        self._changed()
        return node

    def append_node(self, layer: dict[str, Any]) -> LayerNode:
        """Add a layer at the end of the chain."""
        return self.insert_node(len(self._nodes), layer)

    def remove_node(self, node_id: int) -> tuple[int, LayerNode]:
        """Remove a layer node; returns (its index, the node) so it can be put back."""
        index = self.index_of(node_id)
        node = self._nodes.pop(index)
        if self._selected == node_id:
            self._selected = None
            self.selection_changed.emit(None)
        self.node_removed.emit(node, index)
        self._changed()
        return index, node

    def move_node(self, node_id: int, new_index: int) -> None:
        """Move a layer node to `new_index` in the chain (its index after the move)."""
        old_index = self.index_of(node_id)
        if not 0 <= new_index < len(self._nodes):
            raise IndexError(f"index {new_index} outside 0..{len(self._nodes) - 1}")
        if new_index == old_index:
            return
        node = self._nodes.pop(old_index)
        self._nodes.insert(new_index, node)
        self.node_reordered.emit(node, old_index, new_index)
        self._changed()

    def set_layer(self, node_id: int, layer: dict[str, Any]) -> None:
        """Replace a node's settings; refuse (SpecError, nothing changed) what cannot parse."""
        node = self.node(node_id)
        layer = self.check_layer(node_id, layer)
        if layer == node.layer:
            return
        node.layer = layer
        self.node_changed.emit(node)
        self._changed()

    def set_setting(self, node_id: int, key: str, value: Any) -> None:
        """Change one setting of a node (see :meth:`set_layer`)."""
        layer = dict(self.node(node_id).layer)
        layer[key] = value
        self.set_layer(node_id, layer)

    def set_positions(self, positions: dict[int, Position]) -> None:
        """Move blocks (by id; INPUT_ID moves the input block) without touching the chain."""
        for node_id, pos in positions.items():
            pos = (float(pos[0]), float(pos[1]))
            if node_id == INPUT_ID:
                if self.input.pos != pos:
                    self.input.pos = pos
                    self.node_moved.emit(self.input)
                continue
            node = self.node(node_id)
            if node.pos != pos:
                node.pos = pos
                self.node_moved.emit(node)

    def set_input_shape(self, shape: list[int]) -> None:
        """Change the input shape ([channels, height, width] or [features])."""
        shape = self.check_input(shape)
        if shape == self.input.shape:
            return
        self.input.shape = shape
        self.input_changed.emit(self.input)
        self._changed()

    def set_cost(self, cost: str) -> None:
        """Choose the cost function; refuses names the engine does not know."""
        if cost not in COSTS:
            raise SpecError(
                "unknown cost {cost!r}; use one of {choices}", cost=cost, choices=", ".join(COSTS)
            )
        if cost != self._cost:
            self._cost = cost
            self.cost_changed.emit(cost)
            self._changed()

    def set_selection(self, node_id: int | None) -> None:
        """Select one block by id (or nothing); selection is not an undoable edit."""
        if node_id is not None and node_id != INPUT_ID:
            self.node(node_id)
        if node_id != self._selected:
            self._selected = node_id
            self.selection_changed.emit(node_id)

    def set_spec(self, spec: dict[str, Any]) -> None:
        """Replace the whole network with a spec (new ids, auto-layout); refuses a bad spec.

        The spec is normalised by the engine first; names the engine would give anyway
        (conv1, pool1, ...) are dropped so later inserts keep the numbering right.
        """
        norm = normalize(spec)
        layers = _strip_auto_names(norm["layers"])
        extras = {key: copy.deepcopy(norm[key]) for key in _SPEC_EXTRAS if key in norm}
        count = len(layers) + 1
        nodes = tuple(
            (next(self._ids), layer, layout_position(i + 1, count, self.columns))
            for i, layer in enumerate(layers)
        )
        described = (tuple(norm["input"]), tuple(copy.deepcopy(layers))) if extras else None
        self._reset(
            Snapshot(tuple(norm["input"]), (0.0, 0.0), nodes, norm["cost"], extras, described)
        )

    def restore(self, snapshot: Snapshot) -> None:
        """Bring back a state from :meth:`snapshot`, with the same node ids."""
        for node_id, _, _ in snapshot.nodes:
            self._reserve(node_id)
        self._reset(snapshot)

    # ----------------------------------------------------------------------------- internals
    @contextmanager
    def _batched(self) -> Iterator[None]:
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
        if not self._batch:
            self._changed()

    def _reset(self, snap: Snapshot) -> None:
        self.reset_started.emit()
        with self._batched():
            self.set_selection(None)
            while self._nodes:
                self.remove_node(self._nodes[-1].id)
            self._extras = copy.deepcopy(snap.extras)
            self._described = copy.deepcopy(snap.described)
            if list(snap.input_shape) != self.input.shape:
                self.input.shape = list(snap.input_shape)
                self.input_changed.emit(self.input)
            self.set_positions({INPUT_ID: snap.input_pos})
            if snap.cost != self._cost:
                self._cost = snap.cost
                self.cost_changed.emit(snap.cost)
            for i, (node_id, layer, pos) in enumerate(snap.nodes):
                node = LayerNode(node_id, copy.deepcopy(layer), pos)
                self._nodes.append(node)
                self.node_added.emit(node, i)
        self.reset_finished.emit()

    def _structure(self) -> tuple[tuple[int, ...], tuple[dict[str, Any], ...]]:
        """The input shape and layers, as the extras' `described` records them."""
        return tuple(self.input.shape), tuple(node.layer for node in self._nodes)

    def _reserve(self, node_id: int) -> None:
        """Make sure fresh ids never collide with ids brought back by undo."""
        peek = next(self._ids)
        self._ids = itertools.count(max(peek, node_id + 1))

    def _check(
        self, layers: list[dict[str, Any]], input_shape: list[int] | None = None
    ) -> dict[str, Any]:
        """Let the engine parse the would-be spec; its SpecError refuses the edit."""
        return normalize(
            {
                "input": input_shape if input_shape is not None else self.input.shape,
                "layers": layers or [{"type": "dense", "units": 1}],
                "cost": self._cost,
            }
        )

    def _canonical(self, layers: list[dict[str, Any]], index: int) -> dict[str, Any]:
        """Layer `index` of the would-be chain as the engine spells it, all settings filled."""
        return _strip_auto_names(self._check(layers)["layers"])[index]

    def _changed(self) -> None:
        if self._batch:
            return
        self._update_links()
        self._validate()

    def _update_links(self) -> None:
        ids = [INPUT_ID] + [n.id for n in self._nodes]
        links = list(itertools.pairwise(ids))
        old = set(self._links)
        new = set(links)
        for link in self._links:
            if link not in new:
                self.link_removed.emit(*link)
        self._links = links
        for link in links:
            if link not in old:
                self.link_added.emit(*link)

    def cause_index(self) -> int | None:
        """The index of the earlier layer the engine's fault comes from, or None: the softmax
        that a later layer cannot follow (the error names it). The red mark went on the layer
        after it, while the softmax is what the student has to move."""
        name = self._error.params.get("softmax") if self._error is not None else None
        if not name:
            return None
        names = self.layer_names()
        return next((i for i, n in enumerate(self._nodes) if names[n.id] == name), None)

    def _validate(self) -> None:
        rows, error = analyze(self.spec())
        self._error = error
        bad = error.layer_index if error is not None else None
        cause = self.cause_index()
        texts: dict[int, str] = {}
        if error is not None and bad is not None:
            texts[bad] = self.describe(error)
        if error is not None and cause is not None and cause != bad:
            texts[cause] = self.describe_cause(error)
        self._states = {
            node.id: NodeState(row, texts.get(i))
            for i, (node, row) in enumerate(zip(self._nodes, rows, strict=True))
        }
        self.validated.emit()
