"""The pain picture: head, neck and shoulders from the front and the back; click where it hurts.

The regions are the choices of the checklist's body-region question (their labels come from
the checklist); this file only knows where each one is drawn. Everything the picture does can
also be done from the list of check boxes beside it (keyboard and screen-reader users).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QCheckBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from intake.screening import Question
from intake.ui.flow_layout import FlowLayout, wrapping
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.intake_form.inputs import UNANSWERED, AnswerInput

WIDTH, HEIGHT = 420.0, 270.0  # the drawing's own units; scaled to the widget
MIN_WIDTH, MAX_WIDTH = 240, 560  # pixels: readable on a small screen, not a poster on a big one
FRONT_X, BACK_X = 105.0, 315.0  # the centre line of each figure

# A region's side of the body, as the picture names it.
_VIEWS = {
    "front": QT_TRANSLATE_NOOP("PainPicture", "front"),
    "back": QT_TRANSLATE_NOOP("PainPicture", "back"),
}


def _ellipse(x: float, y: float, w: float, h: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QRectF(x, y, w, h))
    return path


def _rect(x: float, y: float, w: float, h: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, y, w, h), 6, 6)
    return path


def _polygon(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def _sides(cx: float, viewer_left: str) -> dict[str, float]:
    """x of the patient's left and right side: front view mirrors, back view does not."""
    other = "right" if viewer_left == "left" else "left"
    return {viewer_left: -1.0, other: 1.0}


def _shapes() -> list[tuple[str, str, QPainterPath]]:
    """(region value, view, shape) for both views."""
    shapes: list[tuple[str, str, QPainterPath]] = []
    for view, cx, viewer_left in (("front", FRONT_X, "right"), ("back", BACK_X, "left")):
        for side, sign in _sides(cx, viewer_left).items():
            near = cx + (0 if sign > 0 else -18)  # the half of the neck on this side
            shapes.append((f"neck_{side}", view, _rect(near, 106, 18, 34)))
            shoulder_x = cx + 54 if sign > 0 else cx - 88
            shapes.append((f"shoulder_{side}", view, _ellipse(shoulder_x, 138, 34, 34)))
            arm_x = cx + 64 if sign > 0 else cx - 90
            shapes.append((f"arm_{side}", view, _rect(arm_x, 176, 26, 80)))
            if view == "front":
                temple_x = cx + 23 if sign > 0 else cx - 37
                shapes.append((f"temple_{side}", view, _ellipse(temple_x, 36, 14, 26)))
                eye_x = cx + 5 if sign > 0 else cx - 21
                shapes.append((f"behind_eye_{side}", view, _ellipse(eye_x, 50, 16, 12)))
            else:
                occiput_x = cx + 2 if sign > 0 else cx - 30
                shapes.append((f"occiput_{side}", view, _ellipse(occiput_x, 62, 28, 34)))
                s = sign
                shapes.append(
                    (
                        f"upper_trapezius_{side}",
                        view,
                        _polygon(
                            (cx + s * 18, 124),
                            (cx + s * 58, 140),
                            (cx + s * 56, 156),
                            (cx + s * 18, 146),
                        ),
                    )
                )
        if view == "front":
            shapes.append(("forehead", view, _ellipse(cx - 24, 16, 48, 24)))
    return shapes


def _outline(cx: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QRectF(cx - 38, 10, 76, 98))  # head
    body = QPainterPath()
    body.moveTo(cx - 18, 100)
    body.lineTo(cx - 18, 126)
    body.cubicTo(cx - 40, 134, cx - 70, 136, cx - 82, 148)
    body.cubicTo(cx - 92, 160, cx - 92, 200, cx - 92, 262)
    body.lineTo(cx - 62, 262)
    body.lineTo(cx - 60, 190)
    body.lineTo(cx - 56, 262)
    body.lineTo(cx + 56, 262)
    body.lineTo(cx + 60, 190)
    body.lineTo(cx + 62, 262)
    body.lineTo(cx + 92, 262)
    body.cubicTo(cx + 92, 200, cx + 92, 160, cx + 82, 148)
    body.cubicTo(cx + 70, 136, cx + 40, 134, cx + 18, 126)
    body.lineTo(cx + 18, 100)
    return path.united(body)


@dataclass(frozen=True)
class _Region:
    value: str
    view: str
    shape: QPainterPath


class PainCanvas(QWidget):
    """The drawing. Click a region to tick or untick it; Tab/arrows move, Space toggles."""

    region_was_toggled = Signal(str)

    def __init__(
        self,
        values: tuple[str, ...],
        labels: dict[str, str],
        *,
        max_width: int = MAX_WIDTH,
        text_px: float | None = None,
        hatched: bool = False,
    ) -> None:
        """`max_width` lets a touch screen draw it larger (bigger regions for a finger);
        `text_px` is the words' height in the drawing's units (None: the widget's font);
        `hatched` marks chosen regions by hatching and a thick outline, not colour alone."""
        super().__init__()
        self.max_width = max_width
        self.text_px = text_px
        self.hatched = hatched
        self.regions = [_Region(v, view, s) for v, view, s in _shapes() if v in values]
        self.labels = labels
        self.selected: set[str] = set()
        self._hover: str | None = None
        self._cursor = 0  # the region the keyboard is on
        self._keyboard = False
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(MIN_WIDTH, round(MIN_WIDTH * HEIGHT / WIDTH)))
        self.setMaximumWidth(max_width)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # it scales with the width it is given
        self.setSizePolicy(policy)
        self.setAccessibleName(translate("PainPicture", "Pain picture, front and back"))
        self.setAccessibleDescription(
            translate(
                "PainPicture",
                "Arrow keys move between regions, Space ticks one; the list beside it does the "
                "same.",
            )
        )
        self.setToolTip(translate("PainPicture", "Click where it hurts; click again to clear"))

    def sizeHint(self) -> QSize:
        return QSize(420, self.heightForWidth(420))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(min(width, self.max_width) * HEIGHT / WIDTH)

    def _transform(self) -> QTransform:
        scale = min(self.width() / WIDTH, self.height() / HEIGHT)
        dx = (self.width() - WIDTH * scale) / 2
        dy = (self.height() - HEIGHT * scale) / 2
        return QTransform(scale, 0, 0, scale, dx, dy)

    def point_for(self, value: str, view: str | None = None) -> QPointF:
        """Where a region is on screen (its centre), for tests and tooltips."""
        region = next(r for r in self.regions if r.value == value and view in (None, r.view))
        return self._transform().map(region.shape.boundingRect().center())

    def region_rects(self) -> list[tuple[str, str, QRectF]]:
        """(value, view, on-screen bounding box) of every region drawn."""
        transform = self._transform()
        return [(r.value, r.view, transform.mapRect(r.shape.boundingRect())) for r in self.regions]

    def region_at(self, point: QPointF) -> str | None:
        inverse, _ok = self._transform().inverted()
        local = inverse.map(point)
        for region in reversed(self.regions):  # smaller, later shapes win
            if region.shape.contains(local):
                return region.value
        return None

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(self._transform())
        if self.text_px is not None:
            font = painter.font()
            font.setPixelSize(round(self.text_px))
            painter.setFont(font)
        painter.setPen(QPen(QColor("#52606d"), 1.6))
        painter.setBrush(QColor("#f7f9fb"))
        for cx, title in (
            (FRONT_X, translate("PainPicture", "Front")),
            (BACK_X, translate("PainPicture", "Back")),
        ):
            painter.drawPath(_outline(cx))
            box = QRectF(cx - 60, 252, 120, 18)
            if self.text_px is not None:  # large words would sit on the outline's foot
                box = painter.boundingRect(box, Qt.AlignmentFlag.AlignCenter, title)
                painter.fillRect(box.adjusted(-4, 0, 4, 0), QColor("#ffffff"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, title)
        self._paint_side_marks(painter)
        for index, region in enumerate(self.regions):
            self._paint_region(painter, region, focused=self._keyboard and index == self._cursor)
        painter.end()

    def _paint_side_marks(self, painter: QPainter) -> None:
        painter.setPen(QColor("#52606d"))
        # One letter each: the patient's right and left (Spanish D and I).
        right = translate("PainPicture", "R", "the patient's right side, one letter")
        left = translate("PainPicture", "L", "the patient's left side, one letter")
        for x, text in (
            (FRONT_X - 100, right),
            (FRONT_X + 92, left),
            (BACK_X - 100, left),
            (BACK_X + 92, right),
        ):
            painter.drawText(QRectF(x - 4, 0, 20, 16), Qt.AlignmentFlag.AlignCenter, text)

    def _paint_region(self, painter: QPainter, region: _Region, *, focused: bool) -> None:
        chosen = region.value in self.selected
        if chosen and self.hatched:
            painter.setBrush(QBrush(QColor(197, 48, 48, 110)))
            painter.setPen(QPen(QColor("#1a1a1a"), 3.0))
            painter.drawPath(region.shape)  # filled and outlined; hatched over below
            painter.setBrush(QBrush(QColor("#1a1a1a"), Qt.BrushStyle.BDiagPattern))
            painter.setPen(Qt.PenStyle.NoPen)
        elif chosen:
            painter.setBrush(QBrush(QColor(197, 48, 48, 170)))
            painter.setPen(QPen(QColor("#9b2c2c"), 1.6))
        elif region.value == self._hover or focused:
            painter.setBrush(QBrush(QColor(43, 108, 176, 60)))
            painter.setPen(QPen(QColor("#2b6cb0"), 1.2, Qt.PenStyle.DashLine))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            # Where to touch must be seen from arm's length (3:1 against the figure).
            faint = QPen(QColor("#6b7785"), 1.0, Qt.PenStyle.DotLine) if self.hatched else None
            painter.setPen(faint or QPen(QColor("#a0aec0"), 0.8, Qt.PenStyle.DotLine))
        painter.drawPath(region.shape)
        if focused:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#1a202c"), 2.0))
            painter.drawRect(region.shape.boundingRect().adjusted(-2, -2, 2, 2))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self.region_at(event.position())
        if hover != self._hover:
            self._hover = hover
            self.setToolTip(
                self.labels.get(hover, translate("PainPicture", "Click where it hurts"))
                if hover
                else ""
            )
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        value = self.region_at(event.position())
        if value is not None and event.button() == Qt.MouseButton.LeftButton:
            self._keyboard = False
            self.region_was_toggled.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            self._cursor = (self._cursor + step) % len(self.regions)
            self._keyboard = True
            region = self.regions[self._cursor]
            side = translate("PainPicture", _VIEWS.get(region.view, region.view))
            self.setAccessibleDescription(f"{self.labels[region.value]} ({side})")
            self.update()
        elif key == Qt.Key.Key_Space and self.regions:
            self._keyboard = True
            self.region_was_toggled.emit(self.regions[self._cursor].value)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._keyboard = event.reason() != Qt.FocusReason.MouseFocusReason
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._keyboard = False
        self.update()
        super().focusOutEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._hover = None
        self.update()


class PainPicture(AnswerInput):
    """The picture and a check box per region; both show and set the same answer."""

    def __init__(self, question: Question) -> None:
        super().__init__(question)
        labels = {choice.value: choice.label for choice in question.choices}
        self.canvas = PainCanvas(question.choice_values, labels)
        self.canvas.region_was_toggled.connect(self.toggle)
        self.boxes: dict[str, QCheckBox] = {}
        ticks = QWidget()
        grid = FlowLayout(ticks)  # the regions' boxes wrap under the picture
        wrapping(ticks)
        for choice in question.choices:
            box = QCheckBox(choice.label)
            box.setAccessibleName(
                translate("PainPicture", "Pain picture – {region}").format(region=choice.label)
            )
            box.toggled.connect(lambda _checked, value=choice.value: self._box_ticked(value))
            self.boxes[choice.value] = box
            grid.addWidget(box)
        summary_title = QLabel(translate("PainPicture", "Ticked here or on the picture:"))
        summary_title.setObjectName("fieldNote")
        layout = QVBoxLayout(self)  # picture above its boxes: it fits a narrow step
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        layout.addWidget(summary_title)
        layout.addWidget(ticks)
        self._answered = False
        self._quiet = False

    @staticmethod
    def can_show(question: Question) -> bool:
        known = {value for value, _view, _shape in _shapes()}
        return bool(question.choices) and set(question.choice_values) <= known

    def toggle(self, value: str) -> None:
        self.boxes[value].setChecked(not self.boxes[value].isChecked())

    def _box_ticked(self, value: str) -> None:
        if self.boxes[value].isChecked():
            self.canvas.selected.add(value)
        else:
            self.canvas.selected.discard(value)
        self.canvas.update()
        if not self._quiet:
            self._answered = True
            self.answer_did_change.emit()

    def value(self) -> object:
        chosen = [v for v, box in self.boxes.items() if box.isChecked()]
        return chosen if (chosen or self._answered) else UNANSWERED

    def set_value(self, value: object) -> None:
        wanted = set(value) if isinstance(value, list | tuple) else set()
        self._quiet = True
        for item, box in self.boxes.items():
            box.setChecked(item in wanted)
        self._quiet = False
        self._answered = isinstance(value, list | tuple)
        self.answer_did_change.emit()

    def focus_widget(self) -> QWidget:
        return self.canvas
