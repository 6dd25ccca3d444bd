"""A visual timeline of one workshop: one lane per track, panels as blocks to drag and resize.

Time runs left to right on a ruler in the IAD's zone; each track (Main room,
Breakout A, …) is a lane. Drag a block to move it in time or to another lane, drag
its right edge to change its length; everything lands on the five-minute grid. With
the keyboard: Tab / Shift+Tab select the next / previous panel, Left / Right move it
by five minutes, Shift+Left / Shift+Right shorten / lengthen it, Up / Down move it to
the lane above / below. The widget only shows and reports: `panel_changed` carries
the new start (minutes after the workshop's start), length and track, and the owner
decides what to do with it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

SNAP = 5
LABEL_WIDTH = 118
RULER_HEIGHT = 30
LANE_HEIGHT = 52
RIGHT_MARGIN = 12
HANDLE_WIDTH = 7
PADDING_MINUTES = 20  # shown before and after the workshop, so a block can be dragged just outside
TRACK_COLOURS = ["#4a7fc1", "#3f9e8a", "#b0772f", "#8a63b5", "#b5536b", "#5f7d2e"]


@dataclass(frozen=True)
class TimelineBlock:
    key: int  # the panel's key (its id, or a negative number for one not saved yet)
    title: str
    track: str
    start: int  # minutes after the workshop's start
    duration: int
    flagged: bool = False  # a rule reports an error for this panel

    @property
    def end(self) -> int:
        return self.start + self.duration


def snap(minutes: float) -> int:
    """The nearest multiple of five minutes."""
    return SNAP * math.floor(minutes / SNAP + 0.5)


class PanelTimeline(QWidget):
    """Shows the panels of one workshop; emits what the officer changes."""

    panel_changed = Signal(int, int, int, str)  # key, start (minutes after the workshop start), length, track
    panel_selected = Signal(int)  # key; 0 when nothing is selected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Panel timeline"))
        self._starts_at: datetime | None = None
        self._duration = 180
        self._zone = ZoneInfo("UTC")
        self._blocks: list[TimelineBlock] = []
        self._tracks: list[str] = []
        self._spare_track = ""
        self._selected = 0
        # While dragging: the mode, the block as pressed, the press position and the scale at that moment.
        self._drag: tuple[str, TimelineBlock, QPointF, float] | None = None
        self._preview: TimelineBlock | None = None

    # ---- content -------------------------------------------------------------------
    def set_workshop(self, starts_at: datetime, duration_minutes: int, zone: ZoneInfo) -> None:
        self._starts_at = starts_at
        self._duration = max(5, duration_minutes)
        self._zone = zone
        self.update()

    def set_blocks(self, blocks: list[TimelineBlock], tracks: list[str], spare_track: str = "") -> None:
        """The panels and the lanes to show; `spare_track` is an empty lane to drag a panel into."""
        self._blocks = list(blocks)
        self._tracks = list(tracks)
        for block in self._blocks:
            if block.track not in self._tracks:
                self._tracks.append(block.track)
        self._spare_track = spare_track if spare_track and spare_track not in self._tracks else ""
        if self._selected and self.block(self._selected) is None:
            self._selected = 0
        self._drag = None
        self._preview = None
        self.updateGeometry()
        self.setFixedHeight(self.sizeHint().height())
        self._describe_selection()
        self.update()

    def blocks(self) -> list[TimelineBlock]:
        return list(self._blocks)

    def block(self, key: int) -> TimelineBlock | None:
        return next((b for b in self._blocks if b.key == key), None)

    def lanes(self) -> list[str]:
        return self._tracks + ([self._spare_track] if self._spare_track else [])

    def selected_key(self) -> int:
        return self._selected

    def select(self, key: int, *, notify: bool = False) -> None:
        if key and self.block(key) is None:
            key = 0
        changed = key != self._selected
        self._selected = key
        self._describe_selection()
        self.update()
        if changed and notify:
            self.panel_selected.emit(key)

    # ---- geometry --------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(760, RULER_HEIGHT + LANE_HEIGHT * max(1, len(self.lanes())) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(420, self.sizeHint().height())

    def view_range(self) -> tuple[int, int]:
        """The minutes shown, relative to the workshop's start: the workshop with padding and every block."""
        first = min([-PADDING_MINUTES, *(b.start - SNAP for b in self._blocks)])
        last = max([self._duration + PADDING_MINUTES, *(b.end + SNAP for b in self._blocks)])
        if self._preview is not None:
            first = min(first, self._preview.start - SNAP)
            last = max(last, self._preview.end + SNAP)
        return first - first % 5, last + (-last) % 5

    def pixels_per_minute(self) -> float:
        first, last = self.view_range()
        return max(0.5, (self.width() - LABEL_WIDTH - RIGHT_MARGIN) / max(1, last - first))

    def x_for(self, minute: float) -> float:
        return LABEL_WIDTH + (minute - self.view_range()[0]) * self.pixels_per_minute()

    def minute_at(self, x: float) -> float:
        return self.view_range()[0] + (x - LABEL_WIDTH) / self.pixels_per_minute()

    def lane_rect(self, index: int) -> QRectF:
        return QRectF(0, RULER_HEIGHT + index * LANE_HEIGHT, self.width(), LANE_HEIGHT)

    def lane_at(self, y: float) -> int:
        lanes = self.lanes()
        index = int((y - RULER_HEIGHT) // LANE_HEIGHT)
        return min(max(index, 0), max(len(lanes) - 1, 0))

    def block_rect(self, block: TimelineBlock) -> QRectF:
        lanes = self.lanes()
        index = lanes.index(block.track) if block.track in lanes else 0
        left, right = self.x_for(block.start), self.x_for(block.end)
        lane = self.lane_rect(index)
        return QRectF(left + 1, lane.top() + 5, max(6.0, right - left - 2), lane.height() - 10)

    def block_at(self, pos: QPointF) -> tuple[TimelineBlock | None, bool]:
        """The block under the point, and whether the point is on its resize edge."""
        for block in reversed(self._shown_blocks()):
            rect = self.block_rect(block)
            if rect.contains(pos):
                return block, pos.x() >= rect.right() - HANDLE_WIDTH
        return None, False

    def _shown_blocks(self) -> list[TimelineBlock]:
        if self._preview is None:
            return self._blocks
        return [self._preview if b.key == self._preview.key else b for b in self._blocks]

    def clock_at(self, minute: int) -> str:
        if self._starts_at is None:
            return ""
        return (self._starts_at + timedelta(minutes=minute)).astimezone(self._zone).strftime("%H:%M")

    # ---- painting --------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        first, last = self.view_range()
        lanes = self.lanes()
        top = RULER_HEIGHT
        bottom = RULER_HEIGHT + LANE_HEIGHT * max(1, len(lanes))
        # Outside the workshop: shaded, so a block dragged there looks out of place.
        outside = QColor(palette.color(QPalette.ColorRole.Text))
        outside.setAlpha(22)
        painter.fillRect(QRectF(self.x_for(first), top, self.x_for(0) - self.x_for(first), bottom - top), outside)
        painter.fillRect(QRectF(self.x_for(self._duration), top, self.x_for(last) - self.x_for(self._duration),
                                bottom - top), outside)
        # Lanes.
        faint = QColor(palette.color(QPalette.ColorRole.Mid))
        for index, name in enumerate(lanes):
            rect = self.lane_rect(index)
            if index % 2:
                band = QColor(palette.color(QPalette.ColorRole.AlternateBase))
                painter.fillRect(QRectF(LABEL_WIDTH, rect.top(), rect.width() - LABEL_WIDTH, rect.height()), band)
            painter.setPen(QPen(faint, 1))
            painter.drawLine(QPointF(0, rect.bottom()), QPointF(self.width(), rect.bottom()))
            painter.setPen(palette.color(QPalette.ColorRole.Text if name != self._spare_track
                                         else QPalette.ColorRole.PlaceholderText))
            label = name if name != self._spare_track else self.tr("+ %1").replace("%1", name)
            metrics = QFontMetrics(self.font())
            painter.drawText(QRectF(6, rect.top(), LABEL_WIDTH - 10, rect.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 12))
        # Ruler: a tick every 5 minutes, a labelled line every 15 or 30 minutes as space allows.
        ppm = self.pixels_per_minute()
        label_every = 15 if ppm * 15 >= 44 else 30 if ppm * 30 >= 44 else 60
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRectF(6, 0, LABEL_WIDTH - 10, RULER_HEIGHT), Qt.AlignmentFlag.AlignVCenter,
                         self._zone.key)
        for minute in range(first, last + 1, 5):
            x = self.x_for(minute)
            if minute % label_every == 0:
                painter.setPen(QPen(faint, 1, Qt.PenStyle.DotLine))
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawLine(QPointF(x, RULER_HEIGHT - 8), QPointF(x, RULER_HEIGHT))
                painter.drawText(QRectF(x - 30, 2, 60, RULER_HEIGHT - 10), Qt.AlignmentFlag.AlignCenter,
                                 self.clock_at(minute))
            elif ppm * 5 >= 4:
                painter.setPen(faint)
                painter.drawLine(QPointF(x, RULER_HEIGHT - 4), QPointF(x, RULER_HEIGHT))
        # Workshop start and end.
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
        for minute in (0, self._duration):
            painter.drawLine(QPointF(self.x_for(minute), top), QPointF(self.x_for(minute), bottom))
        # Blocks.
        for block in self._shown_blocks():
            self._paint_block(painter, block)
        if self.hasFocus():
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        painter.end()

    def _paint_block(self, painter: QPainter, block: TimelineBlock) -> None:
        rect = self.block_rect(block)
        tracks = self.lanes()
        colour = QColor(TRACK_COLOURS[(tracks.index(block.track) if block.track in tracks else 0)
                                      % len(TRACK_COLOURS)])
        selected = block.key == self._selected
        fill = colour.lighter(115) if selected else colour
        painter.setBrush(QBrush(fill))
        if block.flagged:
            painter.setPen(QPen(QColor("#d0021b"), 3))
        elif selected:
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight).darker(140), 3))
        else:
            painter.setPen(QPen(colour.darker(130), 1))
        painter.drawRoundedRect(rect, 5, 5)
        # The resize edge.
        painter.setPen(QPen(QColor(255, 255, 255, 170), 1))
        for offset in (3, 5):
            x = rect.right() - offset
            painter.drawLine(QPointF(x, rect.top() + 8), QPointF(x, rect.bottom() - 8))
        painter.setPen(QColor("white"))
        metrics = QFontMetrics(self.font())
        inner = rect.adjusted(6, 2, -HANDLE_WIDTH - 2, -2)
        title = metrics.elidedText(block.title, Qt.TextElideMode.ElideRight, int(inner.width()))
        times = f"{self.clock_at(block.start)}–{self.clock_at(block.end)}"
        painter.drawText(inner, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft, title)
        painter.drawText(inner, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(times, Qt.TextElideMode.ElideRight, int(inner.width())))

    # ---- mouse -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        block, on_edge = self.block_at(event.position())
        self.select(block.key if block is not None else 0, notify=True)
        if block is not None:
            self._drag = ("resize" if on_edge else "move", block, event.position(), self.pixels_per_minute())
            self._preview = block
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is None:
            block, on_edge = self.block_at(event.position())
            cursor = Qt.CursorShape.ArrowCursor
            if block is not None:
                cursor = Qt.CursorShape.SizeHorCursor if on_edge else Qt.CursorShape.OpenHandCursor
            self.setCursor(cursor)
            return
        mode, original, pressed, scale = self._drag
        # Measured against the press position with the scale fixed at press time, so
        # the view widening while dragging does not make the block run away.
        delta = (event.position().x() - pressed.x()) / scale
        if mode == "move":
            lanes = self.lanes()
            track = lanes[self.lane_at(event.position().y())] if lanes else original.track
            self._preview = replace(original, start=snap(original.start + delta), track=track)
        else:
            self._preview = replace(original, duration=max(SNAP, snap(original.duration + delta)))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        original = self._drag[1]
        preview = self._preview
        self._drag = None
        self._preview = None
        if preview is not None and (preview.start, preview.duration, preview.track) != (
                original.start, original.duration, original.track):
            self._apply(preview)
        self.update()

    def _apply(self, block: TimelineBlock) -> None:
        self._blocks = [block if b.key == block.key else b for b in self._blocks]
        if block.track == self._spare_track:
            self._tracks.append(block.track)
            self._spare_track = ""
        self._describe_selection()
        self.update()
        self.panel_changed.emit(block.key, block.start, block.duration, block.track)

    # ---- keyboard ----------------------------------------------------------------------
    def _ordered(self) -> list[TimelineBlock]:
        lanes = self.lanes()
        return sorted(self._blocks, key=lambda b: (b.start, lanes.index(b.track) if b.track in lanes else 0, b.key))

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        """Tab walks through the panels; past the last one focus moves on as usual."""
        ordered = self._ordered()
        keys = [b.key for b in ordered]
        if not keys:
            return super().focusNextPrevChild(forward)
        if self._selected in keys:
            index = keys.index(self._selected) + (1 if forward else -1)
        else:
            index = 0 if forward else len(keys) - 1
        if 0 <= index < len(keys):
            self.select(keys[index], notify=True)
            return True
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if not self._selected and self._blocks and event.reason() != Qt.FocusReason.MouseFocusReason:
            ordered = self._ordered()
            self.select(ordered[0 if event.reason() != Qt.FocusReason.BacktabFocusReason else -1].key, notify=True)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        block = self.block(self._selected)
        key = event.key()
        if block is None or key not in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            super().keyPressEvent(event)
            return
        step = -SNAP if key in (Qt.Key.Key_Left, Qt.Key.Key_Up) else SNAP
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            lanes = self.lanes()
            index = lanes.index(block.track) + (1 if step > 0 else -1)
            if not 0 <= index < len(lanes):
                event.accept()
                return
            changed = replace(block, track=lanes[index])
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            changed = replace(block, duration=max(SNAP, block.duration + step))
        else:
            changed = replace(block, start=block.start + step)
        if changed != block:
            self._apply(changed)
        event.accept()

    def _describe_selection(self) -> None:
        block = self.block(self._selected)
        if block is None:
            self.setAccessibleDescription(self.tr("No panel selected. Press Tab to select one."))
            return
        self.setAccessibleDescription(
            self.tr("%1, %2 to %3, %4. Arrow keys move, Shift+arrows change the length.")
            .replace("%1", block.title).replace("%2", self.clock_at(block.start))
            .replace("%3", self.clock_at(block.end)).replace("%4", block.track)
        )

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            block, _edge = self.block_at(QPointF(event.pos()))
            if block is not None:
                QToolTip.showText(event.globalPos(), f"{block.title}\n{self.clock_at(block.start)}–"
                                  f"{self.clock_at(block.end)} ({block.duration} min)\n{block.track}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def block_centre(self, key: int) -> QPoint:
        """Where a block is drawn (for tests and for scrolling it into view)."""
        block = self.block(key)
        if block is None:
            return QPoint()
        return self.block_rect(block).center().toPoint()
