"""The schedule drawn by hand (paintEvent): lanes across, time down, visits as blocks.

Only the visible part is painted; the header row and the time gutter stay put while the
body scrolls. Keyboard: arrows move between visits, Enter opens the patient, the Menu key
(or Shift+F10) opens the actions; Shift+arrows move a time cell over the grid, and Enter
on a free cell books there. Free working time is washed green; the cell under the mouse
says "Book" and a double click books it. A visit can be dragged to another time or lane
(snapped to the grid, Escape cancels); the drop is only a request: the block stays where
it is until the database says it moved.
Cards wear their appointment type's colour, always with the type's code in words, and the
patient's name in full or a short form cut at word boundaries (domain.short_names).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from intake.domain import type_colors
from intake.domain.enums import AppointmentStatus
from intake.domain.schedule import ScheduleBlock
from intake.domain.short_names import fitting_name
from intake.ui import when
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.schedule.lanes import GRID_MINUTES, Layout, Placed

HEADER = 46
GUTTER = 74  # wide enough for "10:00 a.m." (Spanish) as well as "10:00 AM"
PX_PER_MINUTE = 1.3
MIN_LANE = 132
DRAG_START = 6

# Marked here, translated where shown (`status_word`).
STATUS_WORDS = {
    AppointmentStatus.BOOKED: QT_TRANSLATE_NOOP("ScheduleCanvas", "Booked"),
    AppointmentStatus.CHECKED_IN: QT_TRANSLATE_NOOP("ScheduleCanvas", "Checked in"),
    AppointmentStatus.COMPLETED: QT_TRANSLATE_NOOP("ScheduleCanvas", "Completed"),
    AppointmentStatus.NO_SHOW: QT_TRANSLATE_NOOP("ScheduleCanvas", "No-show"),
    AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("ScheduleCanvas", "Cancelled"),
}
STATUS_MARKS = {
    AppointmentStatus.BOOKED: "",
    AppointmentStatus.CHECKED_IN: "✔ ",
    AppointmentStatus.COMPLETED: "✔✔ ",
    AppointmentStatus.NO_SHOW: "✖ ",
    AppointmentStatus.CANCELLED: "",
}
_STATUS_FILL = {
    AppointmentStatus.BOOKED: ("#e8f1fb", "#2b6cb0"),
    AppointmentStatus.CHECKED_IN: ("#e3f9e5", "#2f8132"),
    AppointmentStatus.COMPLETED: ("#eef0f3", "#7b8794"),
    AppointmentStatus.NO_SHOW: ("#ffeeee", "#ab091e"),
    AppointmentStatus.CANCELLED: ("#ffffff", "#9aa5b1"),
}
REVIEW_WORD = QT_TRANSLATE_NOOP("ScheduleCanvas", "Review")
FREE_FILL = "#f3fbf6"  # bookable working time: a light wash with a green edge
FREE_EDGE = "#5fb37a"
CELL_EDGE = "#1f6f3a"
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def clock(minute: float) -> str:
    whole = round(minute) % 1440
    hour, rest = divmod(whole, 60)
    return when.time_of_day(dt.time(hour, rest), localized=True)


def status_word(status: AppointmentStatus) -> str:
    """A visit's status in the staff's language."""
    return translate("ScheduleCanvas", STATUS_WORDS[status])


def review_mark() -> str:
    """⚑ Review, in the staff's language."""
    return "⚑ " + translate("ScheduleCanvas", REVIEW_WORD)


def describe(block: ScheduleBlock) -> str:
    """The block in one sentence (tool tip, screen reader, status line)."""
    start, end = block.local_start, block.local_end
    review = translate("ScheduleCanvas", ", intake needs review") if block.needs_review else ""
    course = f", {course_words(block).lower()}" if block.series_number is not None else ""
    return translate(
        "ScheduleCanvas",
        "{start} to {end} {zone}: {patient}, {type}{course}, {status}{review}, "
        "with {therapist} at {location}",
    ).format(
        start=clock(start.hour * 60 + start.minute),
        end=clock(end.hour * 60 + end.minute),
        zone=start.tzname(),
        patient=block.patient_name,
        type=block.type_name,
        course=course,
        status=status_word(block.status).lower(),
        review=review,
        therapist=block.therapist_name,
        location=block.location_code,
    )


def course_words(block: ScheduleBlock) -> str:
    """ "Visit 3 of 12 of a course", or "" for a visit on its own."""
    if block.series_number is None:
        return ""
    last = max(block.series_last or 0, block.series_number)
    return translate("ScheduleCanvas", "Visit {n} of {last} of a course").format(
        n=block.series_number, last=last
    )


class ScheduleCanvas(QAbstractScrollArea):
    block_was_selected = Signal(object)  # ScheduleBlock or None
    block_was_activated = Signal(object)  # Enter or double click
    menu_was_requested = Signal(object, QPoint)  # block, global position
    block_was_dropped = Signal(object, int, float)  # block, lane index, wall minute
    free_time_was_activated = Signal(int, float)  # lane index, wall minute (Enter, double click)
    cell_was_moved = Signal(int, float)  # the keyboard's time cell moved (lane, minute)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleCanvas")
        self.setAccessibleName(translate("ScheduleCanvas", "Schedule"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.layout_: Layout = Layout((), (), 7 * 60, 19 * 60, "")
        self.selected: int | None = None
        self.now_minute: float | None = None
        self.now_lanes: tuple[int, ...] = ()
        self.drag_enabled = True
        self.zone_label = ""
        self._press: tuple[QPointF, int] | None = None
        self._ghost: tuple[int, float] | None = None
        self.cell: tuple[int, float] | None = None  # the time cell that has the focus
        self.shown_names: dict[int, str] = {}  # the name form each card showed last (tests)
        self._hover: tuple[int, float] | None = None  # the free cell under the mouse
        self._font = QFont(self.font())
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        self.drop_check: Callable[[Placed, int, float], str | None] | None = None

    # --- content ---------------------------------------------------------------------------

    def set_layout(self, layout: Layout, *, keep: int | None = None) -> None:
        """Show a new day or week; keep the selection on the visit with id ``keep``."""
        self.layout_ = layout
        self._ghost = None
        self._press = None
        self._hover = None
        if self.cell is not None and self.cell[0] >= len(layout.lanes):
            self.cell = None
        found = next(
            (i for i, p in enumerate(layout.placed) if p.block.appointment_id == keep), None
        )
        self.selected = found
        self.setAccessibleName(
            translate("ScheduleCanvas", "Schedule: {title}").format(title=layout.title)
        )
        self._update_scrollbars()
        self.viewport().update()
        self.block_was_selected.emit(self.selected_block())

    def set_now(self, minute: float | None, lanes: tuple[int, ...] = ()) -> None:
        self.now_minute, self.now_lanes = minute, lanes
        self.viewport().update()

    def selected_block(self) -> ScheduleBlock | None:
        if self.selected is None or self.selected >= len(self.layout_.placed):
            return None
        return self.layout_.placed[self.selected].block

    def selected_placed(self) -> Placed | None:
        if self.selected is None or self.selected >= len(self.layout_.placed):
            return None
        return self.layout_.placed[self.selected]

    def select_appointment(self, appointment_id: int) -> bool:
        for i, p in enumerate(self.layout_.placed):
            if p.block.appointment_id == appointment_id:
                self._select(i)
                return True
        return False

    # --- geometry --------------------------------------------------------------------------

    def lane_width(self) -> float:
        lanes = max(1, len(self.layout_.lanes))
        return max(MIN_LANE, (self.viewport().width() - GUTTER) / lanes)

    def content_size(self) -> tuple[float, float]:
        span = self.layout_.last_minute - self.layout_.first_minute
        return GUTTER + self.lane_width() * len(self.layout_.lanes), HEADER + span * PX_PER_MINUTE

    def y_of(self, minute: float) -> float:
        top = HEADER + (minute - self.layout_.first_minute) * PX_PER_MINUTE
        return top - self.verticalScrollBar().value()

    def x_of(self, lane: int) -> float:
        return GUTTER + lane * self.lane_width() - self.horizontalScrollBar().value()

    def block_rect(self, placed: Placed) -> QRectF:
        x = self.x_of(placed.lane)
        top, bottom = self.y_of(placed.top), self.y_of(placed.bottom)
        return QRectF(x + 3, top + 1, self.lane_width() - 6, max(14.0, bottom - top - 2))

    def minute_at(self, y: float) -> float:
        raw = (y + self.verticalScrollBar().value() - HEADER) / PX_PER_MINUTE
        return self.layout_.first_minute + raw

    def lane_at(self, x: float) -> int | None:
        raw = (x + self.horizontalScrollBar().value() - GUTTER) / self.lane_width()
        lane = int(raw) if raw >= 0 else -1
        return lane if 0 <= lane < len(self.layout_.lanes) else None

    def cell_at(self, point: QPointF) -> tuple[int, float] | None:
        """The grid cell (lane, first minute) under a point of the body, if any."""
        lane = self.lane_at(point.x())
        if lane is None or point.y() < HEADER or point.x() < GUTTER:
            return None
        minute = self.minute_at(point.y()) // GRID_MINUTES * GRID_MINUTES
        if not self.layout_.first_minute <= minute < self.layout_.last_minute:
            return None
        return lane, float(minute)

    def is_free(self, lane: int, minute: float) -> bool:
        return self.layout_.lanes[lane].free_at(minute) is not None

    def cell_rect(self, lane: int, minute: float) -> QRectF:
        top = self.y_of(minute)
        return QRectF(self.x_of(lane) + 2, top, self.lane_width() - 4, GRID_MINUTES * PX_PER_MINUTE)

    def placed_at(self, point: QPointF) -> int | None:
        for i, p in enumerate(self.layout_.placed):
            if self.block_rect(p).contains(point):
                return i
        return None

    def scroll_to_minute(self, minute: float) -> None:
        y = HEADER + (minute - self.layout_.first_minute) * PX_PER_MINUTE
        self.verticalScrollBar().setValue(int(max(0, y - HEADER - 20)))

    def _update_scrollbars(self) -> None:
        width, height = self.content_size()
        view = self.viewport().size()
        self.horizontalScrollBar().setRange(0, max(0, int(width - view.width())))
        self.horizontalScrollBar().setPageStep(view.width())
        self.verticalScrollBar().setRange(0, max(0, int(height - view.height())))
        self.verticalScrollBar().setPageStep(view.height())
        self.verticalScrollBar().setSingleStep(int(15 * PX_PER_MINUTE))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.paint(painter, event.rect())
        painter.end()

    def paint(self, painter: QPainter, clip: object = None) -> None:
        layout = self.layout_
        width = self.viewport().width()
        height = self.viewport().height()
        painter.fillRect(0, 0, width, height, QColor("#ffffff"))
        lane_w = self.lane_width()
        first_lane = max(0, int(self.horizontalScrollBar().value() // lane_w) - 1)
        last_lane = min(len(layout.lanes), first_lane + int(width // lane_w) + 3)
        self._paint_lanes(painter, first_lane, last_lane, height)
        self._paint_free(painter, first_lane, last_lane, height)
        self._paint_hours(painter, width)
        for i, p in enumerate(layout.placed):
            if first_lane <= p.lane < last_lane:
                self._paint_block(painter, p, i == self.selected)
        self._paint_cells(painter)
        self._paint_ghost(painter)
        self._paint_now(painter)
        self._paint_header(painter, first_lane, last_lane, width)
        self._paint_gutter(painter, height)
        if not layout.lanes:
            painter.setPen(QColor("#52606d"))
            painter.setFont(self._bold)
            painter.drawText(
                QRectF(GUTTER, HEADER, width - GUTTER, 80),
                Qt.AlignmentFlag.AlignCenter,
                translate("ScheduleCanvas", "No therapist works here on this day."),
            )

    def _paint_lanes(self, painter: QPainter, first: int, last: int, height: int) -> None:
        lane_w = self.lane_width()
        off = QBrush(QColor("#e4e7eb"), Qt.BrushStyle.SolidPattern)
        hatch = QBrush(QColor("#b8c2cc"), Qt.BrushStyle.BDiagPattern)
        closure = QBrush(QColor("#c9ced6"), Qt.BrushStyle.DiagCrossPattern)
        painter.setFont(self._small)
        for index in range(first, last):
            lane = self.layout_.lanes[index]
            x = self.x_of(index)
            if lane.tint:
                painter.fillRect(QRectF(x, 0, lane_w, height), QColor(lane.tint))
            for shade in lane.shades:
                top, bottom = self.y_of(shade.top), self.y_of(shade.bottom)
                if bottom < HEADER or top > height:
                    continue
                rect = QRectF(x, top, lane_w, bottom - top)
                if shade.kind == "off":
                    painter.fillRect(rect, off)
                    continue
                painter.fillRect(rect, QColor("#f5f7fa"))
                painter.fillRect(rect, closure if shade.kind == "closure" else hatch)
                painter.setPen(QColor("#3e4c59"))
                label = QRectF(x + 4, max(top, HEADER) + 2, lane_w - 8, 18)
                painter.fillRect(label.adjusted(-2, 0, 2, 0), QColor(255, 255, 255, 210))
                painter.drawText(label, Qt.AlignmentFlag.AlignLeft, shade.label)
            painter.setPen(QPen(QColor("#cbd2d9"), 1))
            painter.drawLine(QPointF(x, HEADER), QPointF(x, height))

    def _paint_free(self, painter: QPainter, first: int, last: int, height: int) -> None:
        lane_w = self.lane_width()
        dots = QBrush(QColor(95, 179, 122, 90), Qt.BrushStyle.Dense6Pattern)
        for index in range(first, last):
            x = self.x_of(index)
            for top_minute, bottom_minute, _where in self.layout_.lanes[index].free:
                top, bottom = self.y_of(top_minute), self.y_of(bottom_minute)
                if bottom < HEADER or top > height:
                    continue
                area = QRectF(x + 1, top, lane_w - 2, bottom - top)
                painter.fillRect(area, QColor(FREE_FILL))
                painter.fillRect(area, dots)  # a texture no location tint has
                painter.fillRect(QRectF(x + 1, top, 3, bottom - top), QColor(FREE_EDGE))

    def _paint_cells(self, painter: QPainter) -> None:
        """The free cell under the mouse, and the keyboard's cell (dashed, with what Enter
        does)."""
        painter.setFont(self._small)
        if self._hover is not None and self._hover != self.cell and self._ghost is None:
            lane, minute = self._hover
            rect = self.cell_rect(lane, minute)
            painter.setPen(QPen(QColor(FREE_EDGE), 1))
            painter.setBrush(QColor(255, 255, 255, 200))
            painter.drawRect(rect)
            painter.setPen(QColor(CELL_EDGE))
            painter.drawText(
                rect.adjusted(6, 0, -4, 0),
                _MIDDLE,
                translate("ScheduleCanvas", "+ Book {time}").format(time=clock(minute)),
            )
        if self.cell is not None and self.hasFocus():
            lane, minute = self.cell
            rect = self.cell_rect(lane, minute)
            free = self.is_free(lane, minute)
            painter.setPen(QPen(QColor(CELL_EDGE if free else "#52606d"), 2, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(255, 255, 255, 220))
            painter.drawRect(rect)
            painter.setPen(QColor(CELL_EDGE if free else "#3e4c59"))
            words = (
                translate("ScheduleCanvas", "Book ⏎")
                if free
                else translate("ScheduleCanvas", "not free")
            )
            painter.drawText(rect.adjusted(6, 0, -4, 0), _MIDDLE, f"{clock(minute)} · {words}")

    def _paint_hours(self, painter: QPainter, width: int) -> None:
        layout = self.layout_
        for minute in range(layout.first_minute, layout.last_minute + 1, 30):
            y = self.y_of(minute)
            if y < HEADER - 1 or y > self.viewport().height():
                continue
            colour = "#cbd2d9" if minute % 60 == 0 else "#e4e7eb"
            painter.setPen(QPen(QColor(colour), 1))
            painter.drawLine(QPointF(GUTTER, y), QPointF(width, y))

    def _paint_block(self, painter: QPainter, placed: Placed, selected: bool) -> None:
        block = placed.block
        rect = self.block_rect(placed)
        if rect.bottom() < HEADER or rect.top() > self.viewport().height():
            return
        _fill, edge = _STATUS_FILL[block.status]
        wash = type_colors.blend(block.color, share=0.28)
        painter.setPen(QPen(QColor(edge), 3 if selected else 1))
        painter.setBrush(QColor(wash))
        painter.drawRect(rect)
        painter.fillRect(QRectF(rect.left(), rect.top(), 6, rect.height()), QColor(block.color))
        if block.status == AppointmentStatus.NO_SHOW:
            painter.fillRect(rect, QBrush(QColor("#e12d39"), Qt.BrushStyle.FDiagPattern))
        if block.needs_review:
            painter.fillRect(
                QRectF(rect.right() - 6, rect.top(), 6, rect.height()), QColor("#f0b429")
            )
        if selected:
            painter.setPen(QPen(QColor("#1f2933"), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-2, -2, 2, 2))
        self._paint_block_text(painter, placed, rect, type_colors.text_color_for(wash))

    def _paint_type_chip(self, painter: QPainter, block: ScheduleBlock, at: QPointF) -> float:
        """The type's code on its colour at `at` (top left); returns the width it takes."""
        painter.setFont(self._small)
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(block.type_code) + 8
        chip = QRectF(at.x(), at.y() + 1, width, metrics.height())
        painter.fillRect(chip, QColor(block.color))
        painter.setPen(QColor(type_colors.text_color_for(block.color)))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, block.type_code)
        return width + 4

    def _paint_block_text(self, painter: QPainter, placed: Placed, rect: QRectF, ink: str) -> None:
        """Name (whole width when the card has room below it), then the type's code chip
        with time and type, then the status; a one-line card puts the chip before the name."""
        block = placed.block
        inner = rect.adjusted(10, 2, -8, -2)
        when = clock(placed.top)
        where = f"{placed.tag} · " if placed.tag else ""
        # Each line's forms, longest first: what does not fit is left out whole.
        detail: tuple[str, ...] = (
            f"{where}{when} · {block.type_name}",
            f"{where}{when}",
            when,
            when.split()[0],  # 10:00 (the gutter says AM or PM)
        )
        status = STATUS_MARKS[block.status] + status_word(block.status)
        statuses: tuple[str, ...] = (
            (f"{status} · {review_mark()}", f"{status} · ⚑", status)
            if block.needs_review
            else (status,)
        )
        if block.series_number is not None:  # "Booked · 3 of 12" where there is room
            last = max(block.series_last or 0, block.series_number)
            course = " · " + translate("ScheduleCanvas", "{n} of {last}").format(
                n=block.series_number, last=last
            )
            statuses = tuple(f"{s}{course}" for s in statuses) + statuses
        painter.setFont(self._bold)
        line = painter.fontMetrics().height()
        one_line = inner.height() < 2 * line
        left = inner.left()
        if one_line:
            left += self._paint_type_chip(painter, block, inner.topLeft())
        painter.setPen(QColor(ink))
        painter.setFont(self._bold)
        metrics = painter.fontMetrics()
        room = int(inner.right() - left)
        name = shown_name(block.patient_name, metrics, room)
        self.shown_names[block.appointment_id] = name
        painter.drawText(QRectF(left, inner.top(), room, line), _LEFT, name)
        y = inner.top() + line
        for index, forms in enumerate((detail, statuses)):
            painter.setFont(self._font)
            metrics = painter.fontMetrics()
            if y + metrics.height() > inner.bottom() + 3:
                break
            left = inner.left()
            if index == 0:
                left += self._paint_type_chip(painter, block, QPointF(left, y))
                painter.setFont(self._font)
                painter.setPen(QColor(ink))
            width = int(inner.right() - left)
            fitting = [f for f in forms if metrics.horizontalAdvance(f) <= width]
            shown = fitting[0] if fitting else forms[-1]
            painter.drawText(QRectF(left, y, width, metrics.height()), _LEFT, shown)
            y += metrics.height()

    def _paint_ghost(self, painter: QPainter) -> None:
        placed = self.selected_placed()
        if self._ghost is None or placed is None:
            return
        lane, minute = self._ghost
        length = placed.bottom - placed.top
        x = self.x_of(lane)
        rect = QRectF(x + 3, self.y_of(minute), self.lane_width() - 6, length * PX_PER_MINUTE)
        problem = self.drop_check(placed, lane, minute) if self.drop_check else None
        colour = QColor("#e12d39") if problem else QColor("#2b6cb0")
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 40))
        painter.drawRect(rect)
        painter.setPen(colour)
        painter.setFont(self._bold)
        word = (
            "✖ " + translate("ScheduleCanvas", "not free")
            if problem
            else translate("ScheduleCanvas", "Move here")
        )
        painter.drawText(rect.adjusted(8, 2, -4, -2), _LEFT, f"{clock(minute)} {word}")

    def _paint_now(self, painter: QPainter) -> None:
        if self.now_minute is None:
            return
        y = self.y_of(self.now_minute)
        if y < HEADER:
            return
        painter.setPen(QPen(QColor("#e12d39"), 2))
        for lane in self.now_lanes:
            x = self.x_of(lane)
            painter.drawLine(QPointF(x, y), QPointF(x + self.lane_width(), y))

    def _paint_header(self, painter: QPainter, first: int, last: int, width: int) -> None:
        painter.fillRect(QRectF(0, 0, width, HEADER), QColor("#f1f4f8"))
        lane_w = self.lane_width()
        for index in range(first, last):
            lane = self.layout_.lanes[index]
            x = self.x_of(index)
            if lane.tint:
                painter.fillRect(QRectF(x, 0, lane_w, HEADER), QColor(lane.tint))
            painter.setPen(QColor("#1f2933"))
            painter.setFont(self._bold)
            title = painter.fontMetrics().elidedText(
                lane.title, Qt.TextElideMode.ElideRight, int(lane_w - 10)
            )
            painter.drawText(QRectF(x + 6, 4, lane_w - 10, 20), _LEFT, title)
            painter.setFont(self._small)
            painter.setPen(QColor("#52606d"))
            subtitle = painter.fontMetrics().elidedText(
                lane.subtitle, Qt.TextElideMode.ElideRight, int(lane_w - 10)
            )
            painter.drawText(QRectF(x + 6, 24, lane_w - 10, 18), _LEFT, subtitle)
            painter.setPen(QPen(QColor("#cbd2d9"), 1))
            painter.drawLine(QPointF(x, 0), QPointF(x, HEADER))
        painter.setPen(QPen(QColor("#9aa5b1"), 1))
        painter.drawLine(QPointF(0, HEADER - 1), QPointF(width, HEADER - 1))

    def _paint_gutter(self, painter: QPainter, height: int) -> None:
        painter.fillRect(QRectF(0, HEADER, GUTTER, height - HEADER), QColor("#f8f9fb"))
        painter.setFont(self._small)
        painter.setPen(QColor("#52606d"))
        layout = self.layout_
        for minute in range(layout.first_minute, layout.last_minute, 60):
            y = self.y_of(minute)
            if HEADER - 2 <= y <= height:
                painter.drawText(
                    QRectF(2, y + 1, GUTTER - 8, 16), Qt.AlignmentFlag.AlignRight, clock(minute)
                )
        if self.now_minute is not None and self.y_of(self.now_minute) >= HEADER:
            y = self.y_of(self.now_minute)
            painter.fillRect(QRectF(0, y - 9, GUTTER - 2, 18), QColor("#e12d39"))
            painter.setPen(QColor("#ffffff"))
            painter.setFont(self._bold)
            painter.drawText(
                QRectF(0, y - 9, GUTTER - 4, 18),
                Qt.AlignmentFlag.AlignCenter,
                translate("ScheduleCanvas", "Now"),
            )
        painter.fillRect(QRectF(0, 0, GUTTER, HEADER), QColor("#f1f4f8"))
        painter.setPen(QColor("#52606d"))
        painter.setFont(self._small)
        painter.drawText(QRectF(2, 4, GUTTER - 6, HEADER - 8), _LEFT, self.zone_label)
        painter.setPen(QPen(QColor("#9aa5b1"), 1))
        painter.drawLine(QPointF(GUTTER - 1, 0), QPointF(GUTTER - 1, height))

    # --- keyboard --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ShiftModifier
        )
        moves: dict[int, Callable[[], None]] = {  # event.key() is a plain int
            Qt.Key.Key_Down: lambda: self._step(+1),
            Qt.Key.Key_Up: lambda: self._step(-1),
            Qt.Key.Key_Right: lambda: self._sideways(+1),
            Qt.Key.Key_Left: lambda: self._sideways(-1),
            Qt.Key.Key_Home: lambda: self._select(self._order()[0] if self._order() else None),
            Qt.Key.Key_End: lambda: self._select(self._order()[-1] if self._order() else None),
        }
        if plain and key in moves:
            self._set_cell(None)
            moves[key]()
            event.accept()
            return
        shifted = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == (
            Qt.KeyboardModifier.ShiftModifier
        )
        if shifted and key in _CELL_STEPS:
            self._move_cell(*_CELL_STEPS[key])
            event.accept()
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.cell is not None:
                self.free_time_was_activated.emit(*self.cell)
            elif (block := self.selected_block()) is not None:
                self.block_was_activated.emit(block)
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self._ghost is not None:
            self._cancel_drag()
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.cell is not None:
            self._set_cell(None)
            event.accept()
            return
        super().keyPressEvent(event)

    def _set_cell(self, cell: tuple[int, float] | None) -> None:
        if cell == self.cell:
            return
        self.cell = cell
        if cell is not None:
            lane, minute = cell
            title = self.layout_.lanes[lane].title
            free = (
                translate("ScheduleCanvas", "free, Enter books")
                if self.is_free(lane, minute)
                else translate("ScheduleCanvas", "not free")
            )
            self.setAccessibleDescription(f"{title}, {clock(minute)}: {free}")
            self._ensure_cell_visible(lane, minute)
            self.cell_was_moved.emit(lane, minute)
        self.viewport().update()

    def _move_cell(self, lanes: int, minutes: int) -> None:
        """Shift+arrows: from the chosen visit (or the first free time) across the grid."""
        layout = self.layout_
        if not layout.lanes:
            return
        if self.cell is None:
            start = self._cell_start()
            if self.selected is not None:
                self._select(None)
            self._set_cell(start)
            return
        lane = max(0, min(len(layout.lanes) - 1, self.cell[0] + lanes))
        last = layout.last_minute - GRID_MINUTES
        minute = max(layout.first_minute, min(last, self.cell[1] + minutes))
        self._set_cell((lane, float(minute)))

    def _cell_start(self) -> tuple[int, float]:
        placed = self.selected_placed()
        if placed is not None:
            after = -(-placed.bottom // GRID_MINUTES) * GRID_MINUTES
            return placed.lane, float(min(after, self.layout_.last_minute - GRID_MINUTES))
        for index, lane in enumerate(self.layout_.lanes):
            if lane.free:
                top = min(t for t, _b, _l in lane.free)
                return index, float(-(-top // GRID_MINUTES) * GRID_MINUTES)
        tops = [t for lane in self.layout_.lanes for t, _ in lane.working]
        return 0, float(min(tops) if tops else self.layout_.first_minute)

    def _ensure_cell_visible(self, lane: int, minute: float) -> None:
        rect = self.cell_rect(lane, minute)
        view = self.viewport().rect()
        bar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        if rect.top() < HEADER:
            bar.setValue(int(bar.value() + rect.top() - HEADER - 8))
        elif rect.bottom() > view.bottom():
            bar.setValue(int(bar.value() + rect.bottom() - view.bottom() + 8))
        if rect.left() < GUTTER:
            hbar.setValue(int(hbar.value() + rect.left() - GUTTER - 4))
        elif rect.right() > view.right():
            hbar.setValue(int(hbar.value() + rect.right() - view.right() + 4))

    def _order(self) -> list[int]:
        placed = self.layout_.placed
        return sorted(range(len(placed)), key=lambda i: (placed[i].lane, placed[i].top))

    def _step(self, direction: int) -> None:
        order = self._order()
        if not order:
            return
        if self.selected is None:
            self._select(order[0])
            return
        at = order.index(self.selected) + direction
        self._select(order[max(0, min(len(order) - 1, at))])

    def _sideways(self, direction: int) -> None:
        placed = self.layout_.placed
        current = self.selected_placed()
        if current is None:
            self._step(+1)
            return
        lane = current.lane + direction
        while 0 <= lane < len(self.layout_.lanes):
            near = [i for i, p in enumerate(placed) if p.lane == lane]
            if near:
                best = min(near, key=lambda i: abs(placed[i].top - current.top))
                self._select(best)
                return
            lane += direction

    def _select(self, index: int | None) -> None:
        self.selected = index
        if index is not None:
            self.cell = None
        placed = self.selected_placed()
        if placed is not None:
            self._ensure_visible(placed)
            self.setAccessibleDescription(describe(placed.block))
        self.viewport().update()
        self.block_was_selected.emit(self.selected_block())

    def _ensure_visible(self, placed: Placed) -> None:
        rect = self.block_rect(placed)
        view = self.viewport().rect()
        bar = self.verticalScrollBar()
        if rect.top() < HEADER:
            bar.setValue(int(bar.value() + rect.top() - HEADER - 8))
        elif rect.bottom() > view.bottom():
            bar.setValue(int(bar.value() + rect.bottom() - view.bottom() + 8))
        hbar = self.horizontalScrollBar()
        if rect.left() < GUTTER:
            hbar.setValue(int(hbar.value() + rect.left() - GUTTER - 4))
        elif rect.right() > view.right():
            hbar.setValue(int(hbar.value() + rect.right() - view.right() + 4))

    # --- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        index = self.placed_at(event.position())
        self._select(index)
        if index is None:  # a click on the grid puts the keyboard's cell there
            self._set_cell(self.cell_at(event.position()))
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self._press = (event.position(), index)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not self.drag_enabled:
            tip = self.placed_at(event.position())
            self._hover_at(event.position() if tip is None else None)
            self.viewport().setToolTip(
                describe(self.layout_.placed[tip].block) if tip is not None else self._free_tip()
            )
            return
        start, index = self._press
        if self._ghost is None and (event.position() - start).manhattanLength() < DRAG_START:
            return
        placed = self.layout_.placed[index]
        lane = self.lane_at(event.position().x())
        if lane is None:
            return
        grab = self.minute_at(start.y()) - placed.top
        minute = self.minute_at(event.position().y()) - grab
        minute = round(minute / GRID_MINUTES) * GRID_MINUTES
        self._ghost = (lane, float(minute))
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        ghost, press = self._ghost, self._press
        self._cancel_drag()
        if ghost is None or press is None:
            return
        placed = self.layout_.placed[press[1]]
        lane, minute = ghost
        if lane == placed.lane and abs(minute - placed.top) < 0.5:
            return
        self.block_was_dropped.emit(placed.block, lane, minute)

    def _hover_at(self, point: QPointF | None) -> None:
        cell = self.cell_at(point) if point is not None else None
        if cell is not None and not self.is_free(*cell):
            cell = None
        if cell != self._hover:
            self._hover = cell
            shape = Qt.CursorShape.PointingHandCursor if cell else Qt.CursorShape.ArrowCursor
            self.viewport().setCursor(shape)
            self.viewport().update()

    def _free_tip(self) -> str:
        if self._hover is None:
            return ""
        lane, minute = self._hover
        return translate("ScheduleCanvas", "Free: double-click to book {time} with {lane}").format(
            time=clock(minute), lane=self.layout_.lanes[lane].title
        )

    def leaveEvent(self, event: object) -> None:
        self._hover_at(None)

    def drop_at(self, lane: int, minute: float) -> None:
        """What a drag of the selected block to (lane, minute) does (tests, scripts)."""
        if (block := self.selected_block()) is not None:
            self.block_was_dropped.emit(block, lane, minute)

    def _cancel_drag(self) -> None:
        self._press = None
        self._ghost = None
        self.viewport().update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.placed_at(event.position())
        if index is not None:
            self._select(index)
            self.block_was_activated.emit(self.layout_.placed[index].block)
        elif (cell := self.cell_at(event.position())) is not None:
            self._set_cell(cell)
            self.free_time_was_activated.emit(*cell)
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.placed_at(QPointF(event.pos()))
            if index is not None:
                self._select(index)
        placed = self.selected_placed()
        if placed is None:
            return
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            where = event.globalPos()
        else:
            where = self.viewport().mapToGlobal(self.block_rect(placed).center().toPoint())
        self.menu_was_requested.emit(placed.block, where)
        event.accept()


_CELL_STEPS: dict[int, tuple[int, int]] = {  # Shift+arrow: (lanes, minutes)
    Qt.Key.Key_Up: (0, -GRID_MINUTES),
    Qt.Key.Key_Down: (0, GRID_MINUTES),
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
}


def shown_name(listed: str, metrics: QFontMetrics, width: int) -> str:
    """The longest form of the name that fits `width` pixels (never cut inside a word)."""
    return fitting_name(listed, lambda text: metrics.horizontalAdvance(text) <= width)


def today_minute(zone_name: str, day: dt.date, now: dt.datetime) -> float | None:
    """Where the now-line goes on ``day`` in the zone, or None when it is another day."""
    from zoneinfo import ZoneInfo

    local = now.astimezone(ZoneInfo(zone_name))
    if local.date() != day:
        return None
    return local.hour * 60 + local.minute + local.second / 60
