"""NetworkPanel: the network builder, palette | canvas | inspector, with a toolbar and status.

The panel owns the CanvasModel and its QUndoStack; the main window puts `undo_stack` in its
Edit menu, routes Delete to `delete_selected()`, shows `status_message` in its status bar and
decides what to do with `network_built` (it sets `confirm_discard` to ask before a build throws
away trained weights). `set_spec()` shows a loaded model's architecture; `spec()` reads it.
`set_dataset_classes()` and `set_dataset_input()` tell it the loaded dataset's class count and
image shape, so a network that cannot train on it is flagged before Build.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.engine.spec import load_preset, preset_names
from playground.errors import SpecError
from playground.fileio import write_text_atomic
from playground.ui.canvas.commands import (
    InsertLayerCommand,
    MoveBlocksCommand,
    RemoveLayerCommand,
    ReorderLayerCommand,
    SetCostCommand,
    SetInputShapeCommand,
    SetSpecCommand,
)
from playground.ui.canvas.inspector import LayerInspector
from playground.ui.canvas.model import INPUT_ID, CanvasModel
from playground.ui.canvas.palette import LayerPalette, palette_entries
from playground.ui.canvas.scene import NetworkScene
from playground.ui.canvas.view import NetworkView
from playground.ui.dialogs import ask_save_path
from playground.ui.names import error_text, preset_description

DEFAULT_PRESET = "nielsen-conv"


def _shape_text(shape: tuple[int, ...] | list[int]) -> str:
    return "x".join(str(d) for d in shape)


def _menu_button(name: str, text: str, tip: str, menu: QMenu) -> QToolButton:
    """A toolbar button that opens `menu` at once (Presets, File)."""
    button = QToolButton()
    button.setObjectName(name)
    button.setText(text)
    button.setToolTip(tip)
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    return button


class NetworkPanel(QWidget):
    """Build a network by hand: see each layer's output shape and parameter count as you go."""

    #: A fresh engine Network was built from the canvas ("Build network").
    network_built = Signal(object)
    #: A message for the window's status bar (faults in the engine's words, saves, builds).
    status_message = Signal(str)
    #: A file could not be opened or saved: (title, message) for an error dialog (the window
    #: shows it).
    file_failed = Signal(str, str)
    #: The network on the canvas changed (any edit, undo or redo); carries nothing.
    spec_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkPanel")
        #: Called before "Build network" replaces the current network; return False to cancel.
        self.confirm_discard: Callable[[], bool] | None = None
        #: The seed of the weights "Build network" draws.
        self.seed = 0
        self.last_path: Path | None = None

        self.model = CanvasModel(describe=error_text, describe_cause=self._cause_text)
        self.undo_stack = QUndoStack(self)
        self.scene = NetworkScene(self.model, self.undo_stack, self)
        self.view = NetworkView(self.scene)
        self.view.undo = self.undo_stack.undo
        self.view.redo = self.undo_stack.redo
        self.layer_palette = LayerPalette()
        self.inspector = LayerInspector(self.model, self.undo_stack)
        self.inspector.setMinimumWidth(220)

        self.status_label = QLabel()
        self.status_label.setObjectName("canvasStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.total_label = QLabel()
        self.total_label.setObjectName("totalParams")
        self.total_label.setToolTip(
            self.tr("Every weight and bias the network will learn, summed over the blocks")
        )
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        self.total_label.setWordWrap(True)  # two lines rather than a wider window

        self.toolbar = self._make_toolbar()

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(4)
        centre_layout.addWidget(self.toolbar)
        centre_layout.addWidget(self.view, 1)
        centre_layout.addWidget(self.status_label)
        # The total above the button, not beside it: the canvas column can then get narrow
        # enough for the whole window to fit a 1024-pixel-wide screen.
        centre_layout.addWidget(self.total_label)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.build_button)
        centre_layout.addLayout(bottom)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.layer_palette)
        splitter.addWidget(centre)
        splitter.addWidget(self.inspector)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([160, 700, 280])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.layer_palette.layer_requested.connect(self._add_from_palette)
        self.view.layer_dropped.connect(self._insert_dropped)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.move_requested.connect(self.move_selected)
        self.view.context_menu_requested.connect(
            lambda scene_pos, screen_pos: self.context_menu(scene_pos).exec(screen_pos)
        )
        self.inspector.status_message.connect(self._report)
        self.inspector.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.inspector.down_button.clicked.connect(lambda: self.move_selected(1))
        self.inspector.delete_button.clicked.connect(self.delete_selected)
        self.scene.status_message.connect(self._report)
        self.scene.drag_hint_cleared.connect(self._drag_hint_cleared)
        self.model.validated.connect(self._validated)

        self._last_status = ""
        #: Classes of the loaded dataset (None: none loaded): a smaller output cannot train on it.
        self.dataset_classes: int | None = None
        #: The shape of the loaded dataset's images, e.g. (1, 28, 28) (None: none loaded).
        self.dataset_input: tuple[int, ...] | None = None
        self.model.set_spec(load_preset(DEFAULT_PRESET))
        self.view.fit()

    def event(self, event: QEvent) -> bool:
        """Once docked, the panel's focus goes to the canvas. Set before the panel had a
        parent, the proxy cut its 12 focusable widgets out of the window's Tab order: once
        in, Tab cycled inside the panel for good."""
        if (
            event.type() == QEvent.Type.ParentChange
            and self.focusProxy() is None
            and self.window() is not self
        ):
            self.setFocusProxy(self.view)
        return super().event(event)

    # ------------------------------------------------------------------------------ toolbar
    def _make_toolbar(self) -> QToolBar:
        bar = QToolBar(self.tr("Canvas"))
        bar.setObjectName("canvasToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.presets_menu = QMenu(self.tr("Presets"), self)
        self.presets_menu.setObjectName("presetsMenu")
        self.preset_actions: dict[str, QAction] = {}
        for name in preset_names():
            action = self.presets_menu.addAction(name)
            with contextlib.suppress(SpecError, ValueError, OSError):
                action.setToolTip(preset_description(load_preset(name)))
            action.triggered.connect(lambda _checked=False, name=name: self.load_preset(name))
            self.preset_actions[name] = action
        self.presets_menu.setToolTipsVisible(True)
        bar.addWidget(
            _menu_button(
                "presetsButton",
                self.tr("Presets"),
                self.tr("Start from one of the book's networks"),
                self.presets_menu,
            )
        )

        # Open and Save share one menu button, like Presets: with both on the bar, Tidy and
        # Fit went into its "»" menu in the 324-px canvas column of a 1260x810 window.
        self.file_menu = QMenu(self.tr("File"), self)
        self.file_menu.setObjectName("canvasFileMenu")
        self.open_action = self._action(
            self.file_menu,
            self.tr("Open…"),
            self.tr("Open a network architecture (JSON spec)"),
            self.open_dialog,
        )
        self.save_action = self._action(
            self.file_menu,
            self.tr("Save…"),
            self.tr("Save this architecture as JSON (the engine's spec format)"),
            self.save_dialog,
        )
        self.file_menu.setToolTipsVisible(True)
        bar.addWidget(
            _menu_button(
                "canvasFileButton",
                self.tr("File"),
                self.tr("Open or save the architecture as JSON"),
                self.file_menu,
            )
        )
        bar.addSeparator()
        self.undo_action = self._action(bar, self.tr("Undo"), "", self.undo_stack.undo)
        self.redo_action = self._action(bar, self.tr("Redo"), "", self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._undo_texts)
        self.undo_stack.redoTextChanged.connect(self._undo_texts)
        self._undo_texts()
        bar.addSeparator()
        self.layout_action = self._action(
            bar,
            self.tr("Tidy"),
            self.tr("Auto-layout: stack the blocks from input to output"),
            self.auto_layout,
        )
        self.fit_action = self._action(
            bar,
            self.tr("Fit"),
            self.tr("Zoom to show the whole network (Ctrl+0; Ctrl + wheel zooms)"),
            self.view.fit,
        )
        # "Build network" is a button beside the total, where a narrow toolbar cannot hide it.
        self.build_action = QAction(self.tr("Build network"), self)
        self.build_action.setToolTip(
            self.tr(
                "Turn the canvas into a fresh network with new random weights, ready to train "
                "(Ctrl+B)"
            )
        )
        # Keys while the focus is anywhere in this panel (the window has no other use for them).
        for action, key in ((self.fit_action, "Ctrl+0"), (self.build_action, "Ctrl+B")):
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.build_action.triggered.connect(lambda _checked=False: self.build_network())
        self.build_button = QToolButton()
        self.build_button.setObjectName("buildNetworkButton")
        self.build_button.setDefaultAction(self.build_action)
        font = self.build_button.font()
        font.setBold(True)
        self.build_button.setFont(font)
        return bar

    def _undo_texts(self, _text: str = "") -> None:
        """Keep the toolbar short: the command's name goes into the tooltips."""
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setEnabled(self.undo_stack.canUndo())
        self.redo_action.setEnabled(self.undo_stack.canRedo())
        self.undo_action.setToolTip(
            self.tr("Undo {what} (Ctrl+Z)").format(what=undo)
            if undo
            else self.tr("Nothing to undo")
        )
        self.redo_action.setToolTip(
            self.tr("Redo {what} (Ctrl+Shift+Z)").format(what=redo)
            if redo
            else self.tr("Nothing to redo")
        )

    def _action(
        self, bar: QToolBar | QMenu, text: str, tip: str, slot: Callable[[], Any]
    ) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        bar.addAction(action)
        return action

    # ------------------------------------------------------------------------------ spec
    def spec(self) -> dict[str, Any]:
        """The network on the canvas in the engine's spec format."""
        return self.model.spec()

    def set_spec(
        self, spec: dict[str, Any], text: str | None = None, undoable: bool = True
    ) -> None:
        """Show a network on the canvas; raises SpecError (canvas unchanged) if the engine refuses.

        Undoable by default; with `undoable=False` the undo history starts afresh.
        """
        if undoable:
            self.undo_stack.push(SetSpecCommand(self.model, spec, text or self.tr("Load network")))
        else:
            self.model.set_spec(spec)
            self.undo_stack.clear()
        self.view.fit()

    def set_cost(self, cost: str) -> None:
        """Choose the network's cost (by its spec name), undoably, as the inspector does."""
        if cost != self.model.cost:
            self.undo_stack.push(SetCostCommand(self.model, cost))

    def load_preset(self, name: str) -> None:
        """Replace the canvas with one of the engine's presets."""
        try:
            self.set_spec(load_preset(name), self.tr("Load preset {name}").format(name=name))
        except SpecError as exc:
            self._report(error_text(exc))
            return
        self._report_loaded(self.tr("Loaded preset {name}").format(name=name))

    def save_json(self, path: str | Path) -> bool:
        """Write the architecture as JSON (the engine's spec format); False, with the reason
        in the status line, when the canvas has nothing to save."""
        if not self._can_save():
            return False
        path = Path(path)
        write_text_atomic(path, json.dumps(self.spec(), indent=2) + "\n")
        self.last_path = path
        self._report(self.tr("Saved the architecture to {path}").format(path=path))
        return True

    def _can_save(self) -> bool:
        """An empty canvas is refused: its file could not be opened again ("the spec has no
        layers"). Says so in the status line."""
        if self.model.nodes:
            return True
        self._report(
            self.tr("Nothing to save: the canvas has no layers. Add at least a dense output layer.")
        )
        return False

    def open_json(self, path: str | Path) -> bool:
        """Read an architecture from JSON; reports (not raises) an unreadable or bad file."""
        path = Path(path)
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
            self.set_spec(spec, self.tr("Open {name}").format(name=path.name))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            why = self._open_error(exc)
            self._report(self.tr("Cannot open {path}: {error}").format(path=path, error=why))
            self.file_failed.emit(
                self.tr("Cannot open the architecture"),
                self.tr(
                    "{name} could not be opened:\n\n{error}\n\nThe canvas is unchanged."
                ).format(name=path.name, error=why),
            )
            return False
        self.last_path = path
        self._report_loaded(self.tr("Opened {path}").format(path=path))
        return True

    def _open_error(self, exc: Exception) -> str:
        """Why an architecture file could not be opened, in words (not Python's)."""
        if isinstance(exc, UnicodeDecodeError):
            return self.tr(
                "it is not a text file. An architecture is a JSON text file (the canvas's "
                "Save… writes one); a trained model (.npz) opens with File ▸ Open model…"
            )
        if isinstance(exc, RecursionError):  # JSON nested thousands deep: no architecture
            return self.tr("its JSON nests too deeply to be a network architecture.")
        if isinstance(exc, json.JSONDecodeError):
            return self.tr(
                "it is not valid JSON (line {line}, column {column}: {problem})."
            ).format(line=exc.lineno, column=exc.colno, problem=exc.msg)
        return error_text(exc)  # the OS's words, or the engine's own message on the spec

    def open_dialog(self) -> None:
        """Ask for a JSON file and open it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open architecture"),
            str(self.last_path or ""),
            self.tr("Network spec (*.json);;All files (*)"),
        )
        if path:
            self.open_json(path)

    def save_dialog(self) -> None:
        """Ask for a file name and save the architecture there, as .json when typed without."""
        if not self._can_save():
            return
        path = ask_save_path(
            self,
            self.tr("Save architecture"),
            str(self.last_path or "network.json"),
            self.tr("Network spec (*.json)"),
            ".json",
        )
        if path:
            try:
                self.save_json(path)
            except OSError as exc:
                why = error_text(exc)
                self._report(self.tr("Cannot save {path}: {error}").format(path=path, error=why))
                self.file_failed.emit(
                    self.tr("Cannot save the architecture"),
                    self.tr("{0} could not be written:\n\n{1}").format(path, why),
                )

    # ------------------------------------------------------------------------------ building
    def build_network(self) -> Any:
        """Make a fresh Network from the canvas and emit `network_built`; None if refused."""
        error = self.model.error
        if error is not None:
            self._report(self.tr("Cannot build: {error}").format(error=error_text(error)))
            return None
        if self.confirm_discard is not None and not self.confirm_discard():
            self._report(self.tr("Build cancelled: the current network is kept"))
            return None
        try:
            from playground.engine import Network

            net = Network.from_spec(self.spec(), seed=self.seed)
        except (ImportError, ValueError) as exc:
            self._report(self.tr("Cannot build: {error}").format(error=error_text(exc)))
            return None
        self._report(
            self.tr("Built a fresh network: {n:,} parameters, ready to train").format(
                n=self.model.total_params
            )
        )
        self.network_built.emit(net)
        return net

    # ------------------------------------------------------------------------------ editing
    def add_layer(self, layer: dict[str, Any]) -> None:
        """Add a layer after the selected block, or at the end when nothing is selected."""
        selected = self.model.selected_id
        if selected is None:
            index = len(self.model.nodes)
        elif selected == INPUT_ID:
            index = 0
        else:
            index = self.model.index_of(selected) + 1
        self.insert_layer(index, layer)

    def insert_layer(self, index: int, layer: dict[str, Any]) -> None:
        """Insert a layer at a chain index (0 = right after the input), as one undo step."""
        try:
            self.undo_stack.push(InsertLayerCommand(self.model, index, layer))
        except (SpecError, IndexError) as exc:
            self._report(error_text(exc))

    def _add_from_palette(self, layer: dict[str, Any]) -> None:
        """A palette double-click or Enter adds the layer and hands the keys to the canvas:
        the focus stayed in the palette, so Delete and Alt+Up/Down did nothing to the layer."""
        self.add_layer(layer)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _insert_dropped(self, index: int, layer: dict[str, Any]) -> None:
        """A layer dropped on the canvas joins the chain, and the canvas takes the keys (the
        focus stayed in the palette the drag came from)."""
        self.insert_layer(index, layer)
        self.view.setFocus(Qt.FocusReason.MouseFocusReason)

    def delete_selected(self) -> None:
        """Remove the selected block (the input block stays); the next block gets selected."""
        selected = self.model.selected_id
        if selected is None:
            return
        if selected == INPUT_ID:
            self._report(self.tr("The input block stays: the data decides its shape"))
            return
        index = self.model.index_of(selected)
        self.undo_stack.push(RemoveLayerCommand(self.model, selected))
        nodes = self.model.nodes
        if nodes:
            self.model.set_selection(nodes[min(index, len(nodes) - 1)].id)

    def move_selected(self, step: int) -> None:
        """Move the selected layer `step` places along the chain (-1 = towards the input)."""
        selected = self.model.selected_id
        if selected in (None, INPUT_ID):
            return
        index = self.model.index_of(selected) + step
        if 0 <= index < len(self.model.nodes):
            self.undo_stack.push(ReorderLayerCommand(self.model, selected, index))
            self.model.set_selection(selected)

    def auto_layout(self) -> None:
        """Stack the blocks from input to output (one undo step) and fit them in view."""
        new = self.model.auto_layout()
        old = self.model.positions()
        if new != old:
            self.undo_stack.push(
                MoveBlocksCommand(self.model, old, new, self.tr("Tidy the layout"))
            )
        self.view.fit()

    def context_menu(self, scene_pos: QPointF) -> QMenu:
        """The right-click menu for what lies at a scene point: a block, an arrow or nothing."""
        menu = QMenu(self)
        block = self.scene.block_at(scene_pos)
        link = None if block is not None else self.scene.link_at(scene_pos)
        names = self.model.layer_names()
        names[INPUT_ID] = self.tr("input")
        if block is not None:
            self.model.set_selection(block.node_id)
            if block.node_id == INPUT_ID:
                index = 0
                if (data := self._input_mismatch()) is not None:
                    menu.addAction(
                        self.tr("Use the dataset's shape, {shape}").format(shape=_shape_text(data)),
                        self.use_dataset_input,
                    )
                    menu.addSeparator()
            else:
                index = self.model.index_of(block.node_id) + 1
                menu.addAction(self.tr("Delete"), self.delete_selected)
                up = menu.addAction(self.tr("Move up"), lambda: self.move_selected(-1))
                up.setEnabled(index > 1)
                down = menu.addAction(self.tr("Move down"), lambda: self.move_selected(1))
                down.setEnabled(index < len(self.model.nodes))
                menu.addSeparator()
            title = self.tr("Insert after {name}").format(name=names[block.node_id])
        elif link is not None:
            index = self.model.index_of(link.sink.node_id)
            title = self.tr("Insert between {a} and {b}").format(
                a=names[link.source.node_id], b=names[link.sink.node_id]
            )
        else:
            index = len(self.model.nodes)
            title = self.tr("Add at the end")
        insert = menu.addMenu(title)
        insert.setObjectName("insertMenu")
        for _section, label, layer, tip in palette_entries():
            if layer is None:
                insert.addSection(label)
                continue
            action = insert.addAction(
                label, lambda index=index, layer=layer: self.insert_layer(index, layer)
            )
            action.setToolTip(tip)
        insert.setToolTipsVisible(True)
        if block is None and link is None:
            menu.addSeparator()
            menu.addAction(self.layout_action)
            menu.addAction(self.fit_action)
        return menu

    # ------------------------------------------------------------------------------ status
    def _validation(self) -> tuple[str, str, bool]:
        """The validation line: (text, its colour, whether it reports a fault or a warning)."""
        model = self.model
        info = model.state(model.nodes[-1].id).info if model.nodes else None
        outputs = math.prod(info.output_shape) if info is not None else None
        classes = self.dataset_classes
        if model.error is not None:
            return f"⚠ {error_text(model.error)}", "#c62828", True
        if (data := self._input_mismatch()) is not None:
            # A 1x32x32 file on MNIST got the green ✓ and built; only Start said "images are
            # 1x28x28 but the network expects 1x32x32".
            text = self.tr(
                "⚠ The engine accepts this network, but it takes inputs of {expected} and the "
                "dataset's images are {images}: it cannot be trained on them. Right-click the "
                "input block to use {images}."
            ).format(expected=_shape_text(model.input.shape), images=_shape_text(data))
            return text, "#b36b00", True
        if classes is not None and outputs is not None and outputs < classes:
            # The engine takes it, the trainer will not: say so before Build replaces a network.
            text = self.tr(
                "⚠ The engine accepts this network, but its output has {units} values and the "
                "dataset has {classes} classes: it cannot be trained on it. Set the last layer "
                "to {classes} units."
            ).format(units=outputs, classes=classes)
            return text, "#b36b00", True
        if classes is not None and outputs is not None and outputs > classes:
            # A 12-unit softmax on MNIST's 10 classes trained without a word: the extra
            # outputs stand for no label, so every bit of probability they take is wrong.
            text = self.tr(
                "⚠ The output has {units} values and the dataset has {classes} classes: the "
                "{extra} extra outputs stand for no class and can never be right. Set the last "
                "layer to {classes} units."
            ).format(units=outputs, classes=classes, extra=outputs - classes)
            return text, "#b36b00", True
        text = self.tr("✓ The engine accepts this network: {n} layers, output {shape}").format(
            n=len(model.nodes),
            shape=info.shape_text if info is not None else "?",
        )
        return text, "#2e7d32", False

    def _show_validation(self) -> str:
        """Put the validation line back in the status line (in its colour); returns its text."""
        text, color, _problem = self._validation()
        self.status_label.setStyleSheet(f"color: {color};")
        self.status_label.setText(text)
        return text

    def _cause_text(self, error: SpecError) -> str:
        """What the softmax block a later layer cannot follow says, the engine's message
        after: the red mark was only on the next layer, yet the softmax is what to move."""
        return self.tr(
            "Move this softmax to the last layer, or choose another activation here. {error}"
        ).format(error=error_text(error))

    def _drag_hint_cleared(self) -> None:
        """A drag's "Release to move …" no longer holds: the validation line comes back, and
        the window's status bar, which showed the hint for 6 s, is cleared (an empty message)."""
        self._last_status = self._show_validation()  # the line shown, not the hint
        self.status_message.emit("")

    def _input_mismatch(self) -> tuple[int, ...] | None:
        """The dataset's image shape when its images cannot feed the canvas's input, else
        None: the trainer refuses them unless only the layout differs (784 values flat for
        1x28x28 images is fine)."""
        data, shape = self.dataset_input, tuple(self.model.input.shape)
        if data is None or data == shape or math.prod(data) == math.prod(shape):
            return None
        return data

    def _validated(self) -> None:
        model = self.model
        warning = None
        if (data := self._input_mismatch()) is not None:
            images = _shape_text(data)
            warning = (
                self.tr("the dataset's images are {shape}").format(shape=images),
                # Thin spaces: "1x32x32 ≠ 1x28x28" overran the compact face by a pixel.
                f"{_shape_text(model.input.shape)}\u2009≠\u2009{images}",
            )
        self.scene.set_input_warning(warning)
        known = all(model.state(n.id).info is not None for n in model.nodes)
        total = (
            self.tr("Total: {n:,} parameters")
            if known
            else self.tr("Total so far: {n:,} parameters")
        )
        self.total_label.setText(total.format(n=model.total_params))
        text = self._show_validation()
        if text != self._last_status:
            self._last_status = text
            if model.error is not None:
                self.status_message.emit(error_text(model.error))
        self.spec_changed.emit()

    def set_dataset_classes(self, classes: int | None) -> None:
        """The loaded dataset's class count (None: none), which the network's output needs."""
        self.dataset_classes = classes
        self._validated()

    def set_dataset_input(self, shape: tuple[int, ...] | list[int] | None) -> None:
        """The loaded dataset's image shape, e.g. (1, 28, 28) (None: none), which the
        network's input must take."""
        self.dataset_input = tuple(int(d) for d in shape) if shape is not None else None
        self._validated()

    def use_dataset_input(self) -> None:
        """Give the input block the dataset's image shape (one undo step)."""
        if self.dataset_input is None or list(self.dataset_input) == self.model.input.shape:
            return
        try:
            self.undo_stack.push(SetInputShapeCommand(self.model, list(self.dataset_input)))
        except SpecError as exc:
            self._report(error_text(exc))

    def _report(self, message: str) -> None:
        """Show a one-off message in the status line and pass it to the window."""
        self.status_label.setText(message)
        self.status_label.setStyleSheet("")
        self._last_status = message
        self.status_message.emit(message)

    def _report_loaded(self, message: str) -> None:
        """Report a network put on the canvas, keeping its fault or warning in view: "Opened
        x.json" alone replaced the red groups=3 line the validation had just written."""
        text, color, problem = self._validation()
        if not problem:
            self._report(message)
            return
        message = self.tr("{done} — {problem}").format(done=message, problem=text)
        self._report(message)
        self.status_label.setStyleSheet(f"color: {color};")
