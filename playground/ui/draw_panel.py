"""The "Draw" dock: the pad, the 28x28 image the network receives, brush controls, prediction.

Prediction follows the pen: each change of the drawing starts a short single-shot timer, and only
its timeout renders, preprocesses and runs the network, so a fast mouse never queues work and the
bars still move within a few tens of milliseconds of the stroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from playground.ui.docks import parked
from playground.ui.draw_pad import DEFAULT_BRUSH_WIDTH, MAX_BRUSH_WIDTH, MIN_BRUSH_WIDTH, DrawPad
from playground.ui.names import error_text
from playground.ui.prediction_view import (
    PredictionView,
    outputs_are_probabilities,
    predict_probabilities,
)

#: How long the prediction waits after a change of the drawing, so changes coalesce.
PREDICT_DELAY_MS = 15
#: Side of the preview of the network's input (5 screen pixels per input pixel).
PREVIEW_SIZE = 140
#: From this width on, the prediction sits beside the pad instead of under it (the panel is
#: then about 300 px tall instead of 435: the whole window fits a 768-pixel-high screen).
WIDE_PANEL = 860


def image_to_pixmap(image: np.ndarray, size: int) -> QPixmap:
    """A (H, W) or (C, H, W) image in [0, 1] as a pixmap scaled to `size`, pixels kept sharp."""
    img = np.asarray(image, dtype=np.float32)
    if img.ndim == 3 and img.shape[0] == 1:
        img = img[0]
    data = np.ascontiguousarray(np.clip(img, 0.0, 1.0) * 255.0 + 0.5, dtype=np.float32)
    data = data.astype(np.uint8)
    if data.ndim == 3 and data.shape[0] == 3:
        rgb = np.ascontiguousarray(np.transpose(data, (1, 2, 0)))
        h, w = rgb.shape[:2]
        qimage = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    elif data.ndim == 2:
        h, w = data.shape
        qimage = QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    else:  # other channel counts: show the mean, it is only a thumbnail
        mean = np.ascontiguousarray(data.mean(axis=0).astype(np.uint8))
        h, w = mean.shape
        qimage = QImage(mean.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(
        qimage.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
    )


class DrawPanel(QWidget):
    """Pad, input preview, brush width, Clear / Undo and the live prediction, wired together."""

    #: The image most recently sent to the network, (C, H, W) float32, or None when blank.
    input_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawPanel")
        self.pad = DrawPad(self)
        self.prediction_view = PredictionView(self)
        self._network: Any = None
        self._engine_ready = False
        self._engine_message = self.tr("The engine is warming up…")
        # A dataset image on show: (image, label, what to call it under the preview).
        self._sample: tuple[np.ndarray, int | None, str] | None = None

        self.preview = QLabel()
        self.preview.setObjectName("inputPreview")
        self.preview.setFixedSize(QSize(PREVIEW_SIZE, PREVIEW_SIZE))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: black; border: 1px solid palette(mid);")
        self.preview.setToolTip(
            self.tr(
                "What the network sees: your drawing cropped, scaled into 20x20 and centred "
                "by its centre of mass in 28x28 pixels, as MNIST was made"
            )
        )
        self.preview.setAccessibleName(self.tr("Network input (28×28)"))
        self.preview_caption = QLabel(self.tr("Network input (28×28)"))
        self.preview_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_caption.setWordWrap(False)

        self.width_slider = QSlider(Qt.Orientation.Horizontal)
        self.width_slider.setObjectName("brushWidth")
        self.width_slider.setRange(MIN_BRUSH_WIDTH, MAX_BRUSH_WIDTH)
        self.width_slider.setValue(DEFAULT_BRUSH_WIDTH)
        self.width_slider.setToolTip(self.tr("Brush width in pad pixels"))
        self.width_label = QLabel()
        self.width_slider.valueChanged.connect(self._on_width_changed)
        self._on_width_changed(self.width_slider.value())

        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("clearButton")
        self.clear_button.setToolTip(self.tr("Clear the pad (Delete)"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button = QPushButton(self.tr("Undo stroke"))
        self.undo_button.setObjectName("undoStrokeButton")
        self.undo_button.setToolTip(self.tr("Take back the last stroke (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.pad.undo)
        self.undo_button.setEnabled(False)
        self.pad.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        for button in (self.clear_button, self.undo_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep keys for the pad

        side_widget = QWidget()
        side_widget.setFixedWidth(PREVIEW_SIZE + 24)
        side = QVBoxLayout(side_widget)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self.preview_caption)
        side.addStretch(1)
        side.addWidget(self.clear_button)
        side.addWidget(self.undo_button)

        brush = QHBoxLayout()
        brush_label = QLabel(self.tr("Brush"))
        brush_label.setBuddy(self.width_slider)  # its name for a screen reader
        self.width_slider.setAccessibleName(self.tr("Brush width"))
        brush.addWidget(brush_label)
        brush.addWidget(self.width_slider, 1)
        brush.addWidget(self.width_label)

        self._side = side_widget
        self._brush = brush
        self._grid = grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        self._wide: bool | None = None
        self.arrange_for_width(0)
        #: The width the panel gets when its tab comes forward (the window knows its docks);
        #: None, or returning None, keeps the arrangement while the panel is parked.
        self.front_width: Callable[[], int | None] | None = None
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(0)
        self._settle_timer.timeout.connect(self.settle)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREDICT_DELAY_MS)
        self._timer.timeout.connect(self.update_prediction)
        self.pad.drawing_changed.connect(self._on_drawing_changed)
        self._show_input(np.zeros((28, 28), dtype=np.float32))
        self.update_prediction()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Put the prediction beside the pad when there is room (a full-width Draw tab)."""
        super().resizeEvent(event)
        # Once the layout settles: re-tabbing the docks passes the panel through stale sizes,
        # and arranging for a narrow one raised the window's height for good (729 to 835 px).
        self._settle_timer.start()

    def settle_later(self) -> None:
        """Arrange for the panel's width once the event loop has laid the docks out."""
        self._settle_timer.start()

    def settle(self) -> None:
        """Arrange for the width the panel has or, parked behind another tab, the width it
        will get in front (`front_width`)."""
        width: int | None = self.width()
        if parked(self):
            width = self.front_width() if self.front_width is not None else None
        if width:
            self.arrange_for_width(width)

    def arrange_for_width(self, width: int) -> None:
        """The prediction beside the pad from WIDE_PANEL px on, else under it. The window calls
        this before it is shown, so that its first size counts on the right minimum height."""
        # The wide arrangement's own minimum width is under WIDE_PANEL, so narrowing the panel
        # can always bring the narrow one back.
        wide = width >= WIDE_PANEL
        if wide == self._wide:
            return
        self._wide = wide
        grid = self._grid
        for widget in (self.pad, self._side, self.prediction_view):
            grid.removeWidget(widget)
        grid.removeItem(self._brush)
        if wide:  # pad | preview | prediction over the brush: the pad's height, no more
            top = Qt.AlignmentFlag.AlignTop  # a tall (maximized) panel: pad and buttons stay up
            grid.addWidget(self.pad, 0, 0, 2, 1, top)
            grid.addWidget(self._side, 0, 1, 2, 1, top)
            grid.addWidget(self.prediction_view, 0, 2)
            grid.addLayout(self._brush, 1, 2)
        else:  # pad | preview, the brush under them, the prediction under all
            grid.addWidget(self.pad, 0, 0)
            grid.addWidget(self._side, 0, 1)
            grid.addLayout(self._brush, 1, 0, 1, 2)
            grid.addWidget(self.prediction_view, 2, 0, 1, 3)
        grid.setRowStretch(0, 1 if wide else 0)
        grid.setRowStretch(2, 0 if wide else 1)

    # --- public API ---------------------------------------------------------------------------
    @property
    def network(self) -> Any:
        """The network that reads the drawing, or None."""
        return self._network

    def set_network(self, net: Any) -> None:
        """Read the drawing with `net` from now on (None: no model, no guess)."""
        self._network = net
        self.update_prediction()

    def set_engine_ready(self, ready: bool, message: str = "") -> None:
        """Allow predictions once the kernels are compiled; until then `message` is shown."""
        self._engine_ready = ready
        if message:
            self._engine_message = message
        self.update_prediction()

    def set_class_names(self, names: list[str]) -> None:
        """Label the probability bars with these class names."""
        self.prediction_view.set_class_names(names)

    def show_sample(self, image: np.ndarray, label: int | None = None, caption: str = "") -> None:
        """Feed a dataset image (C, H, W) or (H, W) to the prediction, as if it were drawn;
        `caption` names it under the preview ("test image #123")."""
        img = np.asarray(image, dtype=np.float32)
        if img.ndim == 2:
            img = img[None]
        self._sample = (img, label, caption or self.tr("Dataset image"))
        self._timer.stop()
        # The pad kept the old drawing at full brightness beside the dataset image's guess.
        self.pad.set_overlay(
            self.tr("The network reads a dataset image now. Draw here to go back to your drawing.")
        )
        self.update_prediction()

    def shows_drawing(self) -> bool:
        """True when the prediction reads the pad's drawing, not a dataset image."""
        return self._sample is None

    def current_input(self) -> np.ndarray | None:
        """The image the prediction reads, (C, H, W) float32, or None when there is none."""
        if self._sample is not None:
            return self._sample[0]
        if self.pad.is_blank():
            return None
        return self.pad.to_input()[None]

    def update_prediction(self) -> None:
        """Preprocess the current input, show it, run the network and show the probabilities."""
        self._timer.stop()
        label = self._sample[1] if self._sample is not None else None
        x = self.current_input()
        if self._sample is not None:
            self.preview_caption.setText(self.tr("{0}, label {1}").format(self._sample[2], label))
        else:
            self.preview_caption.setText(self.tr("Network input (28×28)"))
        self._show_input(x[0] if x is not None and x.shape[0] == 1 else x)
        self.input_changed.emit(None if x is None else x.copy())
        view = self.prediction_view
        if x is None:
            view.show_message(self.tr("Draw a digit"))
        elif self._network is None:
            view.show_message(self.tr("No model: open one (File ▸ Open model) or train one"))
        elif not self._engine_ready:
            view.show_message(self._engine_message)
        else:
            try:
                view.show_probabilities(
                    predict_probabilities(self._network, x),
                    label,
                    softmax=outputs_are_probabilities(self._network),
                )
            except ValueError as exc:  # PredictionError, or the engine refusing the input
                view.show_message(error_text(exc))

    # --- internals ----------------------------------------------------------------------------
    def _on_drawing_changed(self) -> None:
        self._sample = None
        self.pad.set_overlay("")
        if not self._timer.isActive():
            self._timer.start()

    def _on_width_changed(self, value: int) -> None:
        self.pad.set_brush_width(value)
        self.width_label.setText(self.tr("{0} px").format(value))

    def _show_input(self, image: np.ndarray | None) -> None:
        if image is None:
            image = np.zeros((28, 28), dtype=np.float32)
        self.preview.setPixmap(image_to_pixmap(image, PREVIEW_SIZE))
