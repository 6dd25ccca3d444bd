"""The Overview tab: the semester in numbers and charts, and the list of what needs action.

Everything shown comes from one call, `app.views.overview.semester_overview`; this widget
only draws it. Activating a line of "Needs action" (double-click or Enter) emits
`open_record(kind, record_id)`, which the main window turns into a jump to the record.
"""
from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QMargins, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.views.overview_figures import ActionItem, FirstSteps, SemesterOverview
from app.settings import Settings
from ui.widgets.background import run_in_background
from models.enums import ProposalStatus
from ui.widgets.table_model import ListModel

if TYPE_CHECKING:
    from PySide6.QtCharts import QChart, QChartView, QValueAxis

    from app.storage.database import Database
    from ui.overview.first_steps import FirstStepsPage

Index = QModelIndex | QPersistentModelIndex

# One colour per proposal status, the same in every chart and legend.
STATUS_COLOURS = {
    ProposalStatus.SUBMITTED: "#9DB4CF",
    ProposalStatus.SHORTLISTED: "#5B8DB8",
    ProposalStatus.ACCEPTED: "#2E7D32",
    ProposalStatus.SCHEDULED: "#1F4E79",
    ProposalStatus.DECLINED: "#C62828",
}
CATEGORY_COLOURS = {"overdue_report": "#C62828", "interview_due": "#B26A00", "workshop_not_held": "#5B5B5B"}
CHARTS = ("topics", "workshops", "reports", "evaluation")  # left to right
LABEL_LINE = 18  # characters a line of a chart's side labels holds in the narrowest window


# Beyond these, bars get too thin to read: months become years, departments the extremes.
MAX_MONTH_BARS = 12
MAX_DEPARTMENT_BARS = 12


def nice_step(top: int, most: int = 5) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, … that covers `top` in at most `most` steps."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if top <= step * most:
                return step
        magnitude *= 10


def axis_label(text: str) -> str:
    """A name on a bar chart's side, on up to three lines of at most LABEL_LINE characters.

    Qt gives those labels at most 40 % of the chart's width (about 115 pixels in a window
    1280 pixels wide) and cuts off what does not fit; it does not wrap them itself."""
    if " " in text:
        lines = textwrap.wrap(text, LABEL_LINE, max_lines=3, placeholder="…")
    else:  # a Chinese name has no spaces, and each of its characters is as wide as two Latin ones
        step = LABEL_LINE // 2 if any(unicodedata.east_asian_width(ch) in "WF" for ch in text) else LABEL_LINE
        lines = [text[i:i + step] for i in range(0, len(text), step)]
        if len(lines) > 3:
            lines = [*lines[:2], lines[2][:-1] + "…"]
    return "<br>".join(lines)


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


class ActionItemsModel(ListModel):
    """The items that need an officer, oldest first within each category."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("What"), self.tr("Who or which"), self.tr("Details"), self.tr("Since")], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_of(index)
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(item)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.category_label}: {item.title}\n{item.detail}\n" + self.tr("Double-click or Enter to open")
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor(CATEGORY_COLOURS.get(item.category, "#000000"))
        return None

    def texts(self, item: ActionItem) -> list[str]:
        """The line's four columns as shown."""
        return [item.category_label, item.title, item.detail, item.since.isoformat() if item.since else self.tr("never")]


class NumberCard(QFrame):
    """A big number with a caption and a line of detail; the tooltip says how it is counted."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("number_card")
        self.value = QLabel("—")
        self.value.setObjectName("card_value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def show_value(self, value: str, detail: str = "", explanation: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setToolTip(explanation)


class OverviewTab(QWidget):
    """`OverviewTab(database, settings)`; `set_semester(id)` then `refresh()` redraws.

    The numbers read every row of the semester (of ten years for "All semesters"), so they
    are computed on a worker thread while the tab says it is refreshing; requests made
    meanwhile are folded into one more computation once the running one ends.

    At start-up the window makes the tab before its database is open (`database` None) and
    draws the figures kept beside the database (`show_snapshot`), marked as refreshing; this
    module loads no SQLAlchemy for that. `attach(database)` then lets it compute them.
    """

    open_record = Signal(str, int)
    loaded = Signal()
    first_step = Signal(str)  # a button of the first-steps page: semester, departments, partners, import, lists, demo

    def __init__(self, database: Database | None, settings: Settings, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self._today = today
        self._semester_id: int | None = None
        self.overview: SemesterOverview | None = None
        # The figures last computed for each semester (None: all), kept for the next start.
        self.computed: dict[int | None, SemesterOverview] = {}
        self.shows_snapshot = False
        self.is_loading = False
        self.has_loaded = False
        self._refresh_again = False
        self.setObjectName("overview_tab")

        self.title = QLabel()
        self.title.setObjectName("overview_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the semester's name is user text
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.refreshing = QLabel(self.tr("Refreshing…"))
        self.refreshing.setObjectName("overview_refreshing")
        self.refreshing.setStyleSheet("color: #555555;")
        self.refreshing.hide()
        self.error = QLabel()
        self.error.setStyleSheet("color: #C62828;")
        self.error.setWordWrap(True)
        self.error.hide()

        self.cards = {
            "topics": NumberCard(self.tr("Topic proposals")),
            "workshops": NumberCard(self.tr("Workshops held")),
            "submitted": NumberCard(self.tr("Reports submitted")),
            "published": NumberCard(self.tr("Reports published")),
            "evaluation": NumberCard(self.tr("Evaluation average")),
            "actions": NumberCard(self.tr("Need action")),
        }
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)

        # The charts' views are made with the first charts: Qt's chart module and four charts took a tenth of
        # the window's first frame, which the figures and the list need not wait for (`show_snapshot`).
        self.chart_views: dict[str, QChartView] = {}
        self._chart_slots: dict[str, QVBoxLayout] = {}
        self.charts_pending: SemesterOverview | None = None
        charts = QWidget()
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        # One row of charts above a full-width list, so every column of the list fits.
        for column, name in enumerate(CHARTS):
            slot = QWidget()
            slot.setMinimumSize(240, 240)
            self._chart_slots[name] = QVBoxLayout(slot)
            self._chart_slots[name].setContentsMargins(0, 0, 0, 0)
            grid.addWidget(slot, 0, column)
            grid.setColumnStretch(column, 1)

        self.actions_model = ActionItemsModel(self)
        self.actions_view = QTableView()
        self.actions_view.setObjectName("action_items")
        self.actions_view.setModel(self.actions_model)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions_view.setWordWrap(False)
        self.actions_view.verticalHeader().hide()
        header = self.actions_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Widths from the first hundred lines, when first filled: "All semesters" has thousands of
        # lines, and fitting every column to them at each redraw froze the window.
        header.setResizeContentsPrecision(100)
        self._columns_fitted = False
        self.actions_view.activated.connect(self._activate)
        self.actions_box = QGroupBox(self.tr("Needs action"))
        box_layout = QVBoxLayout(self.actions_box)
        hint = QLabel(self.tr("Double-click a line (or press Enter) to open the record."))
        hint.setStyleSheet("color: #555555;")
        box_layout.addWidget(hint)
        box_layout.addWidget(self.actions_view)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(charts)
        splitter.addWidget(self.actions_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.refreshing)
        self.dashboard = QWidget()
        layout = QVBoxLayout(self.dashboard)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addLayout(cards)
        layout.addWidget(splitter, 1)
        # A new database shows what to do first instead of zeros (the page is made when first needed).
        self._first_steps: FirstStepsPage | None = None
        self._outer = QVBoxLayout(self)
        self._outer.addWidget(self.error)
        self._outer.addWidget(self.dashboard, 1)

    @property
    def first_steps(self) -> FirstStepsPage:
        if self._first_steps is None:
            from ui.overview.first_steps import FirstStepsPage

            self._first_steps = FirstStepsPage()
            self._first_steps.step.connect(self.first_step)
            self._first_steps.hide()
            self._outer.insertWidget(1, self._first_steps, 1)
        return self._first_steps

    # ---- API -----------------------------------------------------------------
    @property
    def has_figures(self) -> bool:
        """Figures are on screen: computed, or the kept ones while they are computed again."""
        return self.has_loaded or self.shows_snapshot

    def show_snapshot(self, overview: SemesterOverview) -> None:
        """Draw the figures kept beside the database, marked as refreshing until they are computed again; their
        charts wait for `draw_pending_charts` (the window calls it once its first frame is on screen)."""
        self._semester_id = overview.semester_id
        self.show_overview(overview, charts_later=True)
        self.shows_snapshot = True
        self.refreshing.show()

    def attach(self, database: Database, *, today: Callable[[], date] | None = None) -> None:
        """Work on `database` (the tab was made before it was open); `refresh` then computes."""
        self.database = database
        if today is not None:
            self._today = today

    def set_semester(self, semester_id: int | None) -> None:
        if semester_id == self._semester_id and self.is_loading:
            return  # on its way already
        self._semester_id = semester_id
        self.refresh()

    def refresh(self) -> None:
        """Compute the semester's numbers again on a worker thread; the figures shown stay until then."""
        if self.database is None:
            return  # made before its database was open; attach() comes first
        if self.is_loading:
            self._refresh_again = True
            return
        self.is_loading = True
        self.refreshing.show()
        database, semester_id, today, settings = self.database, self._semester_id, self._today(), self.settings

        def work() -> tuple[FirstSteps, SemesterOverview | None]:
            from app.views.overview import first_steps, semester_overview

            with database.sessions() as session:
                steps = first_steps(session)
                if not steps.done:
                    return steps, None
                return steps, semester_overview(session, semester_id, today, settings=settings)

        run_in_background(work, self._computed, self._failed)

    def _computed(self, result: tuple[FirstSteps, SemesterOverview | None]) -> None:
        if not shiboken6.isValid(self):
            return  # closed while computing
        self.error.hide()
        steps, overview = result
        self.shows_snapshot = False
        if overview is not None:
            self.computed[overview.semester_id] = overview
        if self._first_steps is not None or overview is None:
            self.first_steps.setVisible(overview is None)
        self.dashboard.setVisible(overview is not None)
        if overview is None:
            self.first_steps.show_steps(steps)
        else:
            self.show_overview(overview)
        self._finish()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if not isinstance(error, AppError):
            self._finish()
            raise error  # a bug: the error report logs and explains it
        self.error.setText(str(error))
        self.error.show()
        self._finish()

    def _finish(self) -> None:
        self.is_loading = False
        self.has_loaded = True
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()
            return
        self.refreshing.hide()
        self.loaded.emit()

    def activate_row(self, row: int) -> None:
        """Open the record of one line of "Needs action"."""
        if 0 <= row < len(self.actions_model.rows):
            item = self.actions_model.rows[row]
            self.open_record.emit(item.kind, item.record_id)

    # ---- drawing -------------------------------------------------------------
    def _activate(self, index: QModelIndex) -> None:
        self.activate_row(index.row())

    def _set_chart(self, name: str, chart: QChart) -> None:
        view = self.chart_views.get(name)
        if view is None:
            from PySide6.QtCharts import QChartView

            view = self.chart_views[name] = QChartView()
            view.setObjectName(f"chart_{name}")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._chart_slots[name].addWidget(view)
        old = view.chart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        font = legend.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))  # five statuses must fit under a narrow chart
        legend.setFont(font)
        legend.setShowToolTips(True)  # an elided legend entry shows its full name on hover
        view.setChart(chart)
        if old is not None:
            old.deleteLater()  # the view releases, but does not delete, the chart it showed

    def show_overview(self, overview: SemesterOverview, *, charts_later: bool = False) -> None:
        """Show `overview`: the figures and the list at once, the charts too unless `charts_later`."""
        self.overview = overview
        self.title.setText(self.tr("{semester} in numbers").replace("{semester}", overview.semester_name))
        self._fill_cards(overview)
        self.charts_pending = overview
        if not charts_later:
            self.draw_pending_charts()
        self.actions_model.set_rows(overview.action_items)
        if not self._columns_fitted and overview.action_items:
            self._fit_columns()
            self._columns_fitted = True
        self.actions_box.setTitle(self.tr("Needs action ({n})").replace("{n}", str(len(overview.action_items))))

    def draw_pending_charts(self) -> None:
        """Draw the charts of the figures shown, if they are not drawn yet."""
        overview, self.charts_pending = self.charts_pending, None
        if overview is None or not shiboken6.isValid(self):
            return
        self._set_chart("topics", self._topics_chart(overview))
        self._set_chart("workshops", self._workshops_chart(overview))
        self._set_chart("reports", self._reports_chart(overview))
        self._set_chart("evaluation", self._evaluation_chart(overview))

    def _fit_columns(self) -> None:
        """The short columns as wide as their widest text in the first hundred lines, as the view's own
        fitting makes them, but from the lines' texts, each different one measured once (the view asks
        every cell for seven roles: a tenth of the time the Overview takes to appear)."""
        view, model = self.actions_view, self.actions_model
        metrics = view.fontMetrics()
        # What the item delegate adds around a text (twice the focus frame's margin and a pixel in the common
        # styles); asking the style for it would load QStyle's enums, 5 ms of the first screen.
        padding = 8
        lines = [model.texts(item) for item in model.rows[:100]]
        for column in (0, 1, 3):
            widest = max(metrics.horizontalAdvance(text) for text in {line[column] for line in lines})
            view.setColumnWidth(column, max(widest + padding, view.horizontalHeader().sectionSizeHint(column)))

    def _fill_cards(self, o: SemesterOverview) -> None:
        statuses = ", ".join(f"{n} {status.label.lower()}" for status, n in sorted(
            o.topics_by_status.items(), key=lambda pair: list(ProposalStatus).index(pair[0])))
        self.cards["topics"].show_value(
            str(o.topics_total), statuses,
            self.tr("Topic proposals of the semester, whatever their status."))
        self.cards["workshops"].show_value(
            f"{o.workshops_held} / {o.workshops}",
            self.tr("{n} exchanges").replace("{n}", str(o.exchanges)),
            self.tr("Rounds marked held, of all rounds not cancelled."))
        self.cards["submitted"].show_value(
            percent(o.submission_rate),
            self.tr("{a} of {b} owed").replace("{a}", str(o.reports_submitted)).replace("{b}", str(o.reports_owed)),
            self.tr("Reports past 'not submitted', of every report owed by the semester's participants."))
        self.cards["published"].show_value(
            percent(o.publication_rate),
            self.tr("{a} of {b} accepted").replace("{a}", str(o.reports_published)).replace(
                "{b}", str(o.reports_accepted)),
            self.tr("Accepted reports published on the IAD website or WeChat, of all accepted reports."))
        scores = o.evaluation_scores
        if scores:
            mean = sum(s.average for s in scores) / len(scores)
            self.cards["evaluation"].show_value(
                f"{mean:.2f}", self.tr("departments interviewed: {n}").replace("{n}", str(len(scores))),
                self.tr("Mean over departments of each department's mean rubric score (1–5)."))
        else:
            self.cards["evaluation"].show_value("—", self.tr("no interviews yet"),
                                                self.tr("No department was interviewed in this semester."))
        counts: dict[str, int] = {}
        for item in o.action_items:
            counts[item.category] = counts.get(item.category, 0) + 1
        self.cards["actions"].show_value(
            str(len(o.action_items)),
            self.tr("overdue reports {r}, interviews due {i}, workshops not marked held {w}").replace(
                "{r}", str(counts.get("overdue_report", 0))).replace(
                "{i}", str(counts.get("interview_due", 0))).replace("{w}", str(counts.get("workshop_not_held", 0))),
            self.tr("Overdue reports, departments due for an interview, past workshops not marked held."))

    def _topics_chart(self, o: SemesterOverview) -> QChart:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QHorizontalStackedBarSeries

        chart = QChart()
        chart.setTitle(self.tr("Topics by area and status"))
        areas = list(o.topics_by_area)
        if not areas:
            chart.setTitle(self.tr("Topics by area and status<br>(none yet)"))
            return chart
        series = QHorizontalStackedBarSeries()
        for status in ProposalStatus:
            if not any(status in counts for counts in o.topics_by_area.values()):
                continue
            bar = QBarSet(status.label)
            bar.setColor(QColor(STATUS_COLOURS[status]))
            # Bars are drawn bottom-up; reverse so the first area is at the top.
            bar.append([float(o.topics_by_area[area].get(status, 0)) for area in reversed(areas)])
            series.append(bar)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.setTruncateLabels(False)
        categories.append([axis_label(area) for area in reversed(areas)])
        values = self._count_axis(max(sum(c.values()) for c in o.topics_by_area.values()))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        return chart

    def _workshops_chart(self, o: SemesterOverview) -> QChart:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QStackedBarSeries

        chart = QChart()
        if not o.workshops_by_month:
            chart.setTitle(self.tr("Workshops by month — none yet"))
            return chart
        # More than a year of months is unreadable as bars: count by year instead.
        periods: list[tuple[str, int, int]] = [(m.month, m.workshops, m.held) for m in o.workshops_by_month]
        if len(periods) > MAX_MONTH_BARS:
            years: dict[str, list[int]] = {}
            for month, total, held_count in periods:
                counts = years.setdefault(month[:4], [0, 0])
                counts[0] += total
                counts[1] += held_count
            periods = [(year, total, held_count) for year, (total, held_count) in sorted(years.items())]
            chart.setTitle(self.tr("Workshops by year"))
        else:
            chart.setTitle(self.tr("Workshops by month"))
        series = QStackedBarSeries()
        held = QBarSet(self.tr("Held"))
        held.setColor(QColor("#2E7D32"))
        other = QBarSet(self.tr("Planned or confirmed"))
        other.setColor(QColor("#9DB4CF"))
        held.append([float(held_count) for _period, _total, held_count in periods])
        other.append([float(total - held_count) for _period, total, held_count in periods])
        series.append(held)
        series.append(other)
        chart.addSeries(series)
        months = QBarCategoryAxis()
        months.setTruncateLabels(False)  # '2026-…' says nothing; months are short enough to fit
        months.append([period for period, _total, _held in periods])
        if len(periods) > 6:
            months.setLabelsAngle(-90)  # side by side, ten years' labels run into each other
        values = self._count_axis(max(total for _period, total, _held in periods))
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(months)
        series.attachAxis(values)
        return chart

    def _reports_chart(self, o: SemesterOverview) -> QChart:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QHorizontalBarSeries

        chart = QChart()
        chart.setTitle(self.tr("Reports: submission {s}, publication {p}").replace(
            "{s}", percent(o.submission_rate)).replace("{p}", percent(o.publication_rate)))
        stages = [(self.tr("Owed"), o.reports_owed), (self.tr("Submitted"), o.reports_submitted),
                  (self.tr("Accepted"), o.reports_accepted), (self.tr("Published"), o.reports_published)]
        stages.reverse()  # horizontal bars are drawn bottom-up; "Owed" belongs on top
        series = QHorizontalBarSeries()
        bar = QBarSet(self.tr("Reports"))
        bar.setColor(QColor("#1F4E79"))
        bar.setLabelColor(QColor("#000000"))
        bar.append([float(n) for _label, n in stages])
        series.append(bar)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        stages_axis = QBarCategoryAxis()
        stages_axis.append([label for label, _n in stages])
        values = self._count_axis(max(n for _label, n in stages))
        chart.addAxis(stages_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(stages_axis)
        series.attachAxis(values)
        chart.legend().hide()
        return chart

    def _evaluation_chart(self, o: SemesterOverview) -> QChart:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QHorizontalBarSeries, QValueAxis

        chart = QChart()
        if not o.evaluation_scores:
            chart.setTitle(self.tr("Average evaluation score per department<br>(no interviews yet)"))
            return chart
        scores = sorted(o.evaluation_scores, key=lambda s: (s.average, s.department.casefold()))
        if len(scores) > MAX_DEPARTMENT_BARS:
            # Forty bars cannot be read; the best and the weakest are what a manager asks about.
            half = MAX_DEPARTMENT_BARS // 2
            chart.setTitle(self.tr("Evaluation: lowest and highest {n} of {total} departments").replace(
                "{n}", str(half)).replace("{total}", str(len(scores))))
            scores = scores[:half] + scores[-half:]
        else:
            chart.setTitle(self.tr("Average evaluation score per department"))
        series = QHorizontalBarSeries()
        bar = QBarSet(self.tr("Average (1–5)"))
        bar.setColor(QColor("#B26A00"))
        bar.append([round(s.average, 2) for s in scores])  # lowest at the bottom, highest on top
        series.append(bar)
        series.setLabelsVisible(len(scores) <= 8)
        series.setLabelsFormat("@value")
        series.setBarWidth(0.6 if len(scores) > 2 else 0.35)
        chart.addSeries(series)
        departments = QBarCategoryAxis()
        departments.setTruncateLabels(False)
        departments.append([axis_label(s.department) for s in scores])
        values = QValueAxis()
        values.setRange(0, 5)
        values.setTickCount(6)
        values.setLabelFormat("%d")
        chart.addAxis(departments, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(departments)
        series.attachAxis(values)
        chart.legend().hide()
        return chart

    @staticmethod
    def _count_axis(top: int) -> QValueAxis:
        """An axis of counts with at most six ticks, each on a round number (1, 2 or 5 × 10^k apart)."""
        from PySide6.QtCharts import QValueAxis

        axis = QValueAxis()
        axis.setLabelFormat("%d")
        step = nice_step(max(1, top))
        ticks = max(1, -(-max(1, top) // step))
        axis.setRange(0, ticks * step)
        axis.setTickCount(ticks + 1)
        return axis

