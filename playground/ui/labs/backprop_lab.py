"""The backpropagation lab: a [2, 3, 2] network with every number, one equation per step."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from playground.labs.backprop import SIZES, BackpropLab, Snapshot, Stage
from playground.ui.labs._widgets import FOREGROUND, GRAD_COLOR, fmt, make_plot
from playground.ui.names import cost_label

COLUMN_X = (0.0, 330.0, 660.0)
ROW_GAP = 200.0
#: How far before its target neuron (horizontally) each weight's label sits, per layer.
LABEL_DISTANCE = {1: 110.0, 2: 84.0}
RADIUS = 24.0
UNKNOWN = "#aaaaaa"
DELTA_COLOR = "#9c27b0"
POSITIVE = QColor(31, 119, 180)
NEGATIVE = QColor(214, 39, 40)
BACKGROUND = QColor("white")
#: The space between a label's text and the edge of its plate, and the plate's corner radius.
PLATE_PADDING = 2.0
PLATE_RADIUS = 4.0


def _sub(symbol: str, layer: int, index: str) -> str:
    """HTML for symbol^layer_index, e.g. w<sup>2</sup><sub>13</sub>."""
    return f"{symbol}<sup>{layer}</sup><sub>{index}</sub>"


def _vector(values: np.ndarray, decimals: int = 3) -> str:
    """A vector as (v1, v2, ...) with the labs' number format."""
    return "(" + ", ".join(fmt(v, decimals) for v in values) + ")"


class PlatedText(QGraphicsTextItem):
    """Rich text on an opaque rounded plate, so the lines under a label do not cross its numbers.

    The plate is a child path item that stacks behind the text, in the diagram's background
    colour: a label reads as a gap in its line rather than as a box. (A child item, not a
    `paint()` override: see the PySide6 hazard in the README.)
    """

    def __init__(self, font: QFont, color: QColor = BACKGROUND) -> None:
        super().__init__()
        self.setFont(font)
        self.document().setDocumentMargin(PLATE_PADDING)
        self.plate = QGraphicsPathItem(self)
        self.plate.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.plate.setBrush(QBrush(color))
        self.plate.setPen(QPen(Qt.PenStyle.NoPen))

    def set_html(self, html: str) -> None:
        """Show `html` and fit the plate to it."""
        self.setHtml(html)
        path = QPainterPath()
        path.addRoundedRect(self.boundingRect(), PLATE_RADIUS, PLATE_RADIUS)
        self.plate.setPath(path)


class NetworkDiagram(QGraphicsView):
    """The network drawn with stock items: neurons, weighted edges and their numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backpropDiagram")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setBackgroundBrush(QBrush(BACKGROUND))
        self.scene_ = QGraphicsScene(self)
        self.setScene(self.scene_)
        self.positions: list[list[tuple[float, float]]] = []
        for layer, n in enumerate(SIZES):
            top = -(n - 1) * ROW_GAP / 2
            self.positions.append([(COLUMN_X[layer], top + j * ROW_GAP) for j in range(n)])
        self.highlight = QGraphicsRectItem()
        self.highlight.setBrush(QBrush(QColor(255, 244, 200)))
        self.highlight.setPen(QPen(Qt.PenStyle.NoPen))
        self.highlight.setZValue(-3)
        self.scene_.addItem(self.highlight)
        self.edges: dict[tuple[int, int, int], QGraphicsLineItem] = {}
        self.edge_labels: dict[tuple[int, int, int], PlatedText] = {}
        self.node_labels: dict[tuple[int, int], PlatedText] = {}
        self.nodes: dict[tuple[int, int], QGraphicsEllipseItem] = {}
        self._build()
        self.cost_label = PlatedText(QFont())
        self.scene_.addItem(self.cost_label)
        x, y = self.positions[2][0]
        self.cost_label.setPos(x - 40, y - RADIUS - 45)
        for layer in range(3):
            title = QGraphicsSimpleTextItem(self._layer_title(layer))
            font = QFont()
            font.setBold(True)
            font.setPointSizeF(11.0)
            title.setFont(font)
            rect = title.boundingRect()
            title.setPos(COLUMN_X[layer] - rect.width() / 2, -ROW_GAP - RADIUS - 40)
            self.scene_.addItem(title)
        self.setSceneRect(self._content_rect())

    def _layer_title(self, layer: int) -> str:
        names = (
            self.tr("layer 1: input"),
            self.tr("layer 2: hidden"),
            self.tr("layer 3 = L: output"),
        )
        return names[layer]

    def _build(self) -> None:
        font = QFont()
        font.setPointSizeF(10.0)
        node_font = QFont()
        node_font.setPointSizeF(11.0)
        for layer in (1, 2):
            for j, (xj, yj) in enumerate(self.positions[layer]):
                for k, (xk, yk) in enumerate(self.positions[layer - 1]):
                    line = QGraphicsLineItem(xk + RADIUS, yk, xj - RADIUS, yj)
                    line.setZValue(-2)
                    line.setToolTip(
                        self.tr(
                            "w{l}_{j}{k}: the weight from neuron {k} in layer {lp} to neuron {j} "
                            "in layer {l}"
                        ).format(l=layer + 1, j=j + 1, k=k + 1, lp=layer)
                    )
                    self.scene_.addItem(line)
                    self.edges[(layer, j, k)] = line
                    label = PlatedText(font)
                    label.setToolTip(line.toolTip())
                    self.scene_.addItem(label)
                    self.edge_labels[(layer, j, k)] = label
        for layer, column in enumerate(self.positions):
            for j, (x, y) in enumerate(column):
                node = QGraphicsEllipseItem(QRectF(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS))
                node.setPen(QPen(QColor(FOREGROUND), 1.5))
                node.setBrush(QBrush(QColor("white")))
                self.scene_.addItem(node)
                self.nodes[(layer, j)] = node
                name = QGraphicsSimpleTextItem(f"{j + 1}", node)
                rect = name.boundingRect()
                name.setPos(x - rect.width() / 2, y - rect.height() / 2)
                label = PlatedText(node_font)
                label.setZValue(1)
                self.scene_.addItem(label)
                self.node_labels[(layer, j)] = label

    def _place_edge_label(self, key: tuple[int, int, int]) -> None:
        layer, j, k = key
        (xk, yk), (xj, yj) = self.positions[layer - 1][k], self.positions[layer][j]
        # Each label sits on its edge a fixed distance before the target neuron: the edges into
        # one neuron fan out there, so its weights form a tidy column (row j of w^l).
        d = LABEL_DISTANCE[layer]
        x = xj - d
        y = yj + (yk - yj) * d / (xj - xk)
        rect = self.edge_labels[key].boundingRect()
        self.edge_labels[key].setPos(x - rect.width() / 2, y - rect.height() / 2)

    def show_numbers(self, snap: Snapshot, stage: Stage, book_layer: int | None) -> None:
        """Write every number that the walk-through has reached; the rest show as '?'."""
        forward_done = {1: stage >= Stage.FORWARD_HIDDEN, 2: stage >= Stage.FORWARD_OUTPUT}
        backward_done = {2: stage >= Stage.BACKWARD_OUTPUT, 1: stage >= Stage.BACKWARD_HIDDEN}
        unknown = f"<span style='color:{UNKNOWN}'>?</span>"
        for j, x in enumerate(snap.x):
            self._set_node_text(
                (0, j), f"{_sub('a', 1, str(j + 1))} = x<sub>{j + 1}</sub> = <b>{fmt(x)}</b>"
            )
        for layer in (1, 2):
            nums = snap.layers[layer - 1]
            bl = layer + 1
            for j in range(SIZES[layer]):
                lines = [f"b = {fmt(nums.bias[j])}"]
                if forward_done[layer]:
                    lines.append(f"z = {fmt(nums.z[j])}")
                    lines.append(f"a = <b>{fmt(nums.a[j])}</b>")
                else:
                    lines.append(f"z = {unknown}")
                    lines.append(f"a = {unknown}")
                if layer == 2:
                    lines.append(f"y = {int(snap.y[j])}")
                if backward_done[layer]:
                    delta = fmt(nums.delta[j], 4)
                    lines.append(f"<span style='color:{DELTA_COLOR}'>δ = <b>{delta}</b></span>")
                else:
                    lines.append(f"<span style='color:{DELTA_COLOR}'>δ = </span>{unknown}")
                if layer == 2 and forward_done[layer]:
                    lines.append(f"σ′(z) = {fmt(nums.sigma_prime[j], 4)}")
                node_key = (layer, j)
                self._set_node_text(node_key, "<br>".join(lines))
                on = forward_done[layer]
                shade = QColor(255, 255, 255)
                if on:
                    level = int(255 - 150 * float(nums.a[j]))
                    shade = QColor(level, level, 255)
                self.nodes[node_key].setBrush(QBrush(shade))
                for k in range(SIZES[layer - 1]):
                    w = nums.weight[j, k]
                    text = f"{_sub('w', bl, f'{j + 1}{k + 1}')} = {fmt(w)}"
                    if backward_done[layer]:
                        text += (
                            f"<br><span style='color:{GRAD_COLOR}'>∂C/∂w = "
                            f"{fmt(nums.nabla_w[j, k], 4)}</span>"
                        )
                    key = (layer, j, k)
                    self.edge_labels[key].set_html(text)
                    self._place_edge_label(key)
                    pen = QPen(POSITIVE if w >= 0 else NEGATIVE, 1.0 + min(4.0, 1.5 * abs(w)))
                    self.edges[key].setPen(pen)
        if stage >= Stage.FORWARD_OUTPUT:
            self.cost_label.set_html(f"<b>C = {fmt(snap.cost, 4)}</b>")
        else:
            self.cost_label.set_html(f"C = {unknown}")
        if book_layer is None:
            self.highlight.setVisible(False)
        else:
            x = COLUMN_X[book_layer - 1]
            rect = self.sceneRect()
            self.highlight.setRect(QRectF(x - 70, rect.top() + 20, 200, rect.height() - 30))
            self.highlight.setVisible(True)
        # Grow (never shrink) the scene to hold every label, so the view does not jump.
        self.setSceneRect(self.sceneRect().united(self._content_rect()))
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def _content_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.scene_.items():
            if item is not self.highlight:
                rect = rect.united(item.sceneBoundingRect())
        return rect.adjusted(-10, -10, 10, 10)

    def _set_node_text(self, key: tuple[int, int], html: str) -> None:
        layer, j = key
        x, y = self.positions[layer][j]
        label = self.node_labels[key]
        label.set_html(html)
        rect = label.boundingRect()
        # Below the neuron (its plate would otherwise cover the circle's lower edge).
        if layer == 0:
            label.setPos(x - rect.width() / 2, y + RADIUS + 2)
        else:
            label.setPos(x - rect.width() / 2 + 34, y + RADIUS + 1)

    def node_text(self, layer: int, j: int) -> str:
        """The plain text next to neuron j of (0-based) layer, for checks and tests."""
        return self.node_labels[(layer, j)].toPlainText()

    def edge_text(self, layer: int, j: int, k: int) -> str:
        """The plain text on the edge from neuron k to neuron j of (0-based) layer."""
        return self.edge_labels[(layer, j, k)].toPlainText()

    def resizeEvent(self, event) -> None:
        """Keep the whole network in view."""
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:
        """Fit the network once the view has its real size."""
        super().showEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


class BackpropLabWidget(QWidget):
    """Step through a forward pass, a backward pass and one update, with the engine's numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backpropLab")
        self.lab = BackpropLab()
        self.message = ""
        self.diagram = NetworkDiagram()
        self.explanation = QLabel()
        self.explanation.setObjectName("backpropExplanation")
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setMinimumHeight(120)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setStyleSheet(
            "QLabel { background: #fbfbf3; border: 1px solid #ddd; padding: 6px; }"
        )
        left = QVBoxLayout()
        left.addWidget(self.diagram, 3)
        left.addWidget(self.explanation, 0)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self._build_controls())
        self.refresh()

    def _build_controls(self) -> QWidget:
        panel = QWidget()
        panel.setMaximumWidth(300)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)

        setup = QGroupBox(self.tr("Example and cost"))
        form = QFormLayout(setup)
        self.x_spins: list[QDoubleSpinBox] = []
        for i in range(SIZES[0]):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"backpropX{i + 1}")
            spin.setRange(-2.0, 2.0)
            spin.setSingleStep(0.1)
            spin.setValue(float(self.lab.x[i]))
            spin.setToolTip(self.tr("Input x{0} = a¹{0} of the training example.").format(i + 1))
            spin.valueChanged.connect(self._example_changed)
            form.addRow(f"x{i + 1}", spin)
            self.x_spins.append(spin)
        self.target_box = QComboBox()
        self.target_box.setObjectName("backpropTarget")
        self.target_box.addItem("y = (1, 0)", 0)
        self.target_box.addItem("y = (0, 1)", 1)
        self.target_box.setToolTip(self.tr("The desired output y for this example."))
        self.target_box.currentIndexChanged.connect(self._example_changed)
        form.addRow(self.tr("Target"), self.target_box)
        self.cost_box = QComboBox()
        self.cost_box.setObjectName("backpropCost")
        for key in ("quadratic", "cross-entropy"):
            self.cost_box.addItem(cost_label(key), key)
        self.cost_box.setToolTip(
            self.tr(
                "Quadratic: δᴸ = (aᴸ − y) ⊙ σ′(zᴸ). Cross-entropy: δᴸ = aᴸ − y, with no "
                "σ′(zᴸ) factor, so a saturated output neuron does not learn slowly."
            )
        )
        self.cost_box.currentIndexChanged.connect(self._cost_changed)
        form.addRow(self.tr("Cost"), self.cost_box)
        self.eta_spin = QDoubleSpinBox()
        self.eta_spin.setObjectName("backpropEta")
        self.eta_spin.setRange(0.01, 20.0)
        self.eta_spin.setSingleStep(0.5)
        self.eta_spin.setValue(self.lab.eta)
        self.eta_spin.setToolTip(self.tr("Learning rate η for Apply update."))
        self.eta_spin.valueChanged.connect(lambda v: setattr(self.lab, "eta", v))
        form.addRow(self.tr("Learning rate η"), self.eta_spin)
        column.addWidget(setup)

        steps = QGroupBox(self.tr("Walk through"))
        grid = QGridLayout(steps)
        self.forward_button = QPushButton(self.tr("Step forward ▶"))
        self.forward_button.setObjectName("stepForward")
        self.forward_button.setToolTip(self.tr("Compute the next layer: a = σ(w a + b)."))
        self.forward_button.clicked.connect(self.step_forward)
        self.backward_button = QPushButton(self.tr("◀ Step backward"))
        self.backward_button.setObjectName("stepBackward")
        self.backward_button.setToolTip(
            self.tr("Compute the next error δ, from the output layer back, and its gradients.")
        )
        self.backward_button.clicked.connect(self.step_backward)
        self.update_button = QPushButton(self.tr("Apply update"))
        self.update_button.setObjectName("applyUpdate")
        self.update_button.setToolTip(
            self.tr("One gradient step: w → w − η ∂C/∂w and b → b − η ∂C/∂b.")
        )
        self.update_button.clicked.connect(self.apply_update)
        self.saturate_button = QPushButton(self.tr("Saturate output"))
        self.saturate_button.setObjectName("saturateOutput")
        self.saturate_button.setToolTip(
            self.tr(
                "Make both output neurons output almost 1 with target (1, 0): output 2 is badly "
                "wrong and saturated. Compare δᴸ under the two costs."
            )
        )
        self.saturate_button.clicked.connect(self.saturate)
        self.reset_button = QPushButton(self.tr("New weights"))
        self.reset_button.setObjectName("backpropReset")
        self.reset_button.setToolTip(self.tr("Start again from the seed's random weights."))
        self.reset_button.clicked.connect(self.reset)
        grid.addWidget(self.forward_button, 0, 0, 1, 2)
        grid.addWidget(self.backward_button, 1, 0, 1, 2)
        grid.addWidget(self.update_button, 2, 0, 1, 2)
        grid.addWidget(self.saturate_button, 3, 0)
        grid.addWidget(self.reset_button, 3, 1)
        column.addWidget(steps)

        self.history_plot = make_plot(self.tr("C before each update"), self.tr("update"), "C")
        self.history_plot.setObjectName("backpropCostPlot")
        self.history_plot.setMinimumHeight(150)
        self.history_curve = self.history_plot.plot(
            pen=pg.mkPen(FOREGROUND, width=2), symbol="o", symbolSize=5, symbolBrush=FOREGROUND
        )
        column.addWidget(self.history_plot, 1)
        return panel

    # -- actions -------------------------------------------------------------------------------
    def step_forward(self) -> None:
        """Fill in the next layer of the forward pass."""
        if self.lab.can_step_forward:
            self.lab.step_forward()
            self.message = ""
            self.refresh()

    def step_backward(self) -> None:
        """Fill in the next layer of the backward pass."""
        if self.lab.can_step_backward:
            self.lab.step_backward()
            self.message = ""
            self.refresh()

    def apply_update(self) -> None:
        """Take one gradient step with the engine and start the next pass."""
        if self.lab.can_update:
            cost = self.lab.apply_update()
            self.message = self.tr(
                "Update {n} applied with η = {eta}: every w → w − η ∂C/∂w and b → b − η ∂C/∂b. "
                "C was {c} before it; step forward to see the new C."
            ).format(n=self.lab.updates, eta=fmt(self.lab.eta, 2), c=fmt(cost, 4))
            self.refresh()

    def saturate(self) -> None:
        """Load the saturated-output example."""
        self.lab.saturate()
        self.target_box.blockSignals(True)
        self.target_box.setCurrentIndex(self.lab.label)
        self.target_box.blockSignals(False)
        self.message = self.tr(
            "The output layer is now saturated: both outputs are near 1, and y = (1, 0). "
            "Run the passes with each cost and compare δ of output neuron 2."
        )
        self.refresh()

    def reset(self) -> None:
        """New weights from the seed."""
        self.lab.reset()
        self.message = ""
        self.refresh()

    def _example_changed(self) -> None:
        self.lab.x = np.array([s.value() for s in self.x_spins])
        self.lab.label = int(self.target_box.currentData())
        self.lab.restart_pass()
        self.message = self.tr("The example changed: the pass starts again.")
        self.refresh()

    def _cost_changed(self) -> None:
        self.lab.cost_name = self.cost_box.currentData()
        self.lab.restart_pass()
        self.message = self.tr("The cost changed (the weights did not): the pass starts again.")
        self.refresh()

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw the numbers, the buttons and the explanation for the current stage."""
        snap = self.lab.snapshot()
        stage = self.lab.stage
        book_layer = {
            Stage.START: None,
            Stage.FORWARD_HIDDEN: 2,
            Stage.FORWARD_OUTPUT: 3,
            Stage.BACKWARD_OUTPUT: 3,
            Stage.BACKWARD_HIDDEN: 2,
        }[stage]
        self.diagram.show_numbers(snap, stage, book_layer)
        self.forward_button.setEnabled(self.lab.can_step_forward)
        self.backward_button.setEnabled(self.lab.can_step_backward)
        self.update_button.setEnabled(self.lab.can_update)
        history = self.lab.cost_history
        self.history_curve.setData(np.arange(1, len(history) + 1), np.array(history))
        self.explanation.setText(self.explain(snap))
        self.snapshot = snap

    def explain(self, snap: Snapshot) -> str:
        """The equation of the current stage with its numbers filled in (rich text)."""
        stage = self.lab.stage
        hidden, out = snap.layers
        quadratic = self.lab.cost_name == "quadratic"
        prefix = f"<i>{self.message}</i><br>" if self.message else ""
        if stage == Stage.START:
            body = self.tr(
                "<b>Start.</b> Layer 1 is the input: a¹ = x = {x}. Every weight w<sup>l</sup>"
                "<sub>jk</sub> (from neuron k in layer l−1 to neuron j in layer l) and every bias "
                "b<sup>l</sup><sub>j</sub> is shown; z, a and δ are still unknown (?). "
                "Press <b>Step forward</b>."
            ).format(x=_vector(snap.x, 2))
        elif stage == Stage.FORWARD_HIDDEN:
            w, b = hidden.weight, hidden.bias
            terms = " + ".join(f"({fmt(w[0, k])})({fmt(snap.x[k])})" for k in range(SIZES[0]))
            body = self.tr(
                "<b>Forward, layer 2:</b> z² = w² a¹ + b², a² = σ(z²). "
                "For neuron 1: z²₁ = {terms} + ({b}) = {z}, a²₁ = σ({z}) = {a}. "
                "All of layer 2: a² = {avec}. Press <b>Step forward</b> again."
            ).format(
                terms=terms,
                b=fmt(b[0]),
                z=fmt(hidden.z[0]),
                a=fmt(hidden.a[0]),
                avec=_vector(hidden.a),
            )
        elif stage == Stage.FORWARD_OUTPUT:
            if quadratic:
                cost_formula = self.tr("C = ½‖a³ − y‖²")
            else:
                cost_formula = self.tr("C = −Σⱼ [yⱼ ln a³ⱼ + (1 − yⱼ) ln(1 − a³ⱼ)]")
            body = self.tr(
                "<b>Forward, layer 3 = L:</b> z³ = w³ a² + b³ = {z}, a³ = σ(z³) = {a}. "
                "The output is compared with y = {y}: {formula} = <b>{c}</b>. "
                "Now press <b>Step backward</b> to find how C changes with every weight."
            ).format(
                z=_vector(out.z),
                a=_vector(out.a),
                y=_vector(snap.y, 0),
                formula=cost_formula,
                c=fmt(snap.cost, 4),
            )
        elif stage == Stage.BACKWARD_OUTPUT:
            _, book_out = self.lab.book_deltas(snap)
            if quadratic:
                eq = self.tr(
                    "<b>Backward, BP1:</b> δ³ = (a³ − y) ⊙ σ′(z³) = {amy} ⊙ {sp} = <b>{d}</b>. "
                    "Note the factor σ′(z³): where an output neuron is saturated it is tiny, so "
                    "δ is tiny and that neuron learns slowly, however wrong it is."
                ).format(
                    amy=_vector(out.a - snap.y),
                    sp=_vector(out.sigma_prime, 4),
                    d=_vector(out.delta, 4),
                )
            else:
                eq = self.tr(
                    "<b>Backward, BP1 with cross-entropy:</b> δ³ = a³ − y = <b>{d}</b>. The "
                    "factor σ′(z³) = {sp} cancels out of this cost, so a saturated, wrong "
                    "neuron still gets a large error and learns fast."
                ).format(d=_vector(out.delta, 4), sp=_vector(out.sigma_prime, 4))
            body = eq + self.tr(
                " Then BP3: ∂C/∂b³ⱼ = δ³ⱼ and BP4: ∂C/∂w³ⱼₖ = a²ₖ δ³ⱼ (orange, on the edges). "
                "Check: the book's formula gives {book}; the engine's gradients give {engine}."
            ).format(book=_vector(book_out, 4), engine=_vector(out.delta, 4))
        else:
            book_hidden, _ = self.lab.book_deltas(snap)
            body = self.tr(
                "<b>Backward, BP2:</b> δ² = ((w³)ᵀ δ³) ⊙ σ′(z²) = {back} ⊙ {sp} = <b>{d}</b>: "
                "the output errors are sent back along the same weights. BP3 and BP4 give "
                "∂C/∂b²ⱼ = δ²ⱼ and ∂C/∂w²ⱼₖ = a¹ₖ δ²ⱼ. Check: book {book}, engine {engine}. "
                "Every gradient is known: press <b>Apply update</b>."
            ).format(
                back=_vector(out.weight.T @ out.delta, 4),
                sp=_vector(hidden.sigma_prime, 4),
                d=_vector(hidden.delta, 4),
                book=_vector(book_hidden, 4),
                engine=_vector(hidden.delta, 4),
            )
        return prefix + body
