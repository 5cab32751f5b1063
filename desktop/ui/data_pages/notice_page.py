"""公示: notices of a year's identification results, their period, export, objections and resolution.

For the center roles: make a notice for a year and college (or the school), see how many working days
are left, export it as PDF or XLSX for the notice board, record objections and how each was resolved;
a notice ends only when every objection is resolved. Other roles see a one-line explanation.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app import public_notices
from desktop.app.changes import Kind
from desktop.app.public_notices import NoticeView, ObjectionView
from desktop.ui.common.date_field import DateField
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.save_folder import ask_save_path
from desktop.ui.common.screen_fit import scrolling
from desktop.ui.common.table_fill import fill_table, read_only_table, selected_row
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section
from sync.records import NoticeStatus, ObjectionResult, Role, current_academic_year, previous_academic_year


class NoticePage(Section):
    notices_shown = Signal()
    objections_shown = Signal()
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.views: list[NoticeView] = []
        self.objection_rows: list[ObjectionView] = []

        self.year = QComboBox(self)
        self.year.setObjectName("noticeYear")
        current = current_academic_year()
        for year in (current, previous_academic_year(current)):
            self.year.addItem(year, year)
        self.college = QComboBox(self)
        self.college.setObjectName("noticeCollege")
        self.notices = read_only_table(
            self,
            "notices",
            [
                self.tr("Status"),
                self.tr("Working days left"),
                self.tr("Period"),
                self.tr("Scope"),
                self.tr("Objections (open)"),
                self.tr("Title"),
            ],
        )
        self.notices.setAccessibleName(self.tr("Notices"))
        self.objections = read_only_table(
            self,
            "objections",
            [
                self.tr("Received on"),
                self.tr("Student"),
                self.tr("Objection"),
                self.tr("Result"),
                self.tr("Resolved on"),
            ],
        )
        self.objections.setAccessibleName(self.tr("Objections"))

        # a new notice
        self.title = QLineEdit(self)
        self.title.setObjectName("noticeTitle")
        self.title.setPlaceholderText(self.tr("Default: <year> <college> identification results"))
        self.contact = QLineEdit(self)
        self.contact.setObjectName("noticeContact")
        self.contact.setPlaceholderText(self.tr("e.g. the center's office and phone"))
        self.issuer = QLineEdit(self)
        self.issuer.setObjectName("noticeIssuer")
        self.start = DateField(optional=False, allow_future=True, parent=self)
        self.start.setObjectName("noticeStart")
        self.create_button = QPushButton(self.tr("Create notice"), self)
        self.create_button.setObjectName("createNotice")
        new_box = QGroupBox(self.tr("New notice"), self)
        new_form = QFormLayout(new_box)
        new_form.addRow(self.tr("College"), self.college)
        new_form.addRow(self.tr("Title"), self.title)
        new_form.addRow(self.tr("Objections to"), self.contact)
        new_form.addRow(self.tr("Issuer"), self.issuer)
        new_form.addRow(self.tr("Starts on"), self.start)
        new_form.addRow(
            QLabel(self.tr("Ends 5 working days later (Mon–Fri); adjust the end over a holiday."), self)
        )
        new_form.addRow(self.create_button)

        # the selected notice
        self.pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.pdf_button.setObjectName("noticePdf")
        self.xlsx_button = QPushButton(self.tr("Export Excel…"), self)
        self.xlsx_button.setObjectName("noticeXlsx")
        self.ends_on = DateField(optional=False, allow_future=True, parent=self)
        self.ends_on.setObjectName("noticeEndsOn")
        self.end_button = QPushButton(self.tr("Change end"), self)
        self.end_button.setObjectName("changeNoticeEnd")
        self.close_button = QPushButton(self.tr("End notice"), self)
        self.close_button.setObjectName("endNotice")
        self.withdraw_button = QPushButton(self.tr("Withdraw"), self)
        self.withdraw_button.setObjectName("withdrawNotice")
        notice_box = QGroupBox(self.tr("Selected notice"), self)
        notice_form = QFormLayout(notice_box)
        exports = QHBoxLayout()
        exports.addWidget(self.pdf_button)
        exports.addWidget(self.xlsx_button)
        notice_form.addRow(exports)
        ends = QHBoxLayout()
        ends.addWidget(self.ends_on)
        ends.addWidget(self.end_button)
        notice_form.addRow(self.tr("Ends on"), ends)
        moves = QHBoxLayout()
        moves.addWidget(self.close_button)
        moves.addWidget(self.withdraw_button)
        notice_form.addRow(moves)

        # objections
        self.objection_student = QLineEdit(self)
        self.objection_student.setObjectName("objectionStudentNo")
        self.objection_student.setPlaceholderText(self.tr("Optional"))
        self.objection_summary = QPlainTextEdit(self)
        self.objection_summary.setObjectName("objectionSummary")
        self.objection_summary.setMaximumHeight(60)
        self.received_on = DateField(optional=False, parent=self)
        self.add_button = QPushButton(self.tr("Record objection"), self)
        self.add_button.setObjectName("addObjection")
        add_box = QGroupBox(self.tr("Record an objection"), self)
        add_form = QFormLayout(add_box)
        add_form.addRow(self.tr("Student no."), self.objection_student)
        add_form.addRow(self.tr("Objection"), self.objection_summary)
        add_form.addRow(self.tr("Received on"), self.received_on)
        add_form.addRow(self.add_button)

        self.result = QComboBox(self)
        self.result.setObjectName("objectionResult")
        for result in ObjectionResult:
            self.result.addItem(result.label, result.value)
        self.resolution = QLineEdit(self)
        self.resolution.setObjectName("objectionResolution")
        self.resolved_on = DateField(optional=False, parent=self)
        self.resolve_button = QPushButton(self.tr("Save resolution"), self)
        self.resolve_button.setObjectName("resolveObjection")
        resolve_box = QGroupBox(self.tr("Resolve the selected objection"), self)
        resolve_form = QFormLayout(resolve_box)
        resolve_form.addRow(self.tr("Result"), self.result)
        resolve_form.addRow(self.tr("Resolution"), self.resolution)
        resolve_form.addRow(self.tr("Resolved on"), self.resolved_on)
        resolve_form.addRow(self.resolve_button)

        self.status = QLabel(self)
        self.status.setObjectName("noticeStatus")
        self.status.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setObjectName("objectionDetail")
        self.detail.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Academic year"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.notices, 3)
        left.addWidget(QLabel(self.tr("Objections to the selected notice"), self))
        left.addWidget(self.objections, 2)
        left.addWidget(self.detail)
        side = QVBoxLayout()
        for box in (new_box, notice_box, add_box, resolve_box):
            side.addWidget(box)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(scrolling(side, self, name="noticeSide", vertical_only=True))
        self.body = QWidget(self)
        self.body.setLayout(body)
        self.not_allowed = QLabel(
            self.tr("Notices are published by the student development support centers."), self
        )
        self.not_allowed.setObjectName("noticeNotAllowed")
        self.not_allowed.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.not_allowed)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)

        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.notices.itemSelectionChanged.connect(self._notice_selected)
        self.objections.itemSelectionChanged.connect(self._objection_selected)
        self.create_button.clicked.connect(self.create_notice)
        self.pdf_button.clicked.connect(lambda: self._ask_export(".pdf"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export(".xlsx"))
        self.end_button.clicked.connect(self.change_end)
        self.close_button.clicked.connect(lambda: self.move_notice(NoticeStatus.ENDED))
        self.withdraw_button.clicked.connect(lambda: self.move_notice(NoticeStatus.WITHDRAWN))
        self.add_button.clicked.connect(self.add_objection)
        self.resolve_button.clicked.connect(self.resolve)
        ctx.worker.data_changed.connect(self._data_changed)
        self._notice_selected()

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        allowed = self.ctx.is_center()
        self.not_allowed.setVisible(not allowed)
        self.body.setVisible(allowed)
        if not allowed:
            return
        year = str(self.year.currentData())
        run_for(self, public_notices.colleges, self._show_colleges, self._failed, key="notice-colleges")
        run_for(
            self,
            lambda store: public_notices.notice_views(store, year),
            self._show,
            self._failed,
            key="notices",
        )

    def _show_colleges(self, colleges: list[tuple[str, str]]) -> None:
        chosen = self.college.currentData()
        self.college.clear()
        if self.ctx.identity.role is not Role.COLLEGE_CENTER:
            self.college.addItem(self.tr("Whole school"), "")
        for name, college_id in colleges:
            self.college.addItem(name, college_id)
        index = self.college.findData(chosen)
        self.college.setCurrentIndex(max(index, 0))

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & {Kind.PUBLIC_NOTICE, Kind.NOTICE_OBJECTION, Kind.COLLEGE, Kind.IDENTIFICATION}:
            self.reload()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))

    def _show(self, views: list[NoticeView]) -> None:
        chosen = self.selected()
        self.views = views
        cells = [
            (
                view.notice.status.label,
                str(view.days_left) if view.notice.status is NoticeStatus.OPEN else "",
                f"{view.notice.published_on.isoformat()} — {view.notice.ends_on.isoformat()}",
                view.college,
                f"{view.objections} ({view.unresolved})",
                view.notice.title,
            )
            for view in views
        ]
        fill_table(self.notices, cells, [view.notice.id for view in views])
        if chosen is not None:
            for row, view in enumerate(views):
                if view.notice.id == chosen.notice.id:
                    self.notices.selectRow(row)
        self._notice_selected()
        self.notices_shown.emit()

    def selected(self) -> NoticeView | None:
        return selected_row(self.notices, self.views)

    def selected_objection(self) -> ObjectionView | None:
        return selected_row(self.objections, self.objection_rows)

    def _notice_selected(self) -> None:
        view = self.selected()
        is_open = view is not None and view.notice.status is NoticeStatus.OPEN
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(view is not None)
        for widget in (self.end_button, self.close_button, self.withdraw_button, self.add_button):
            widget.setEnabled(is_open)
        if view is None:
            self.objection_rows = []
            self.objections.setRowCount(0)
            self._objection_selected()
            return
        self.ends_on.set_value(view.notice.ends_on)
        notice_id = view.notice.id
        run_for(
            self,
            lambda store: public_notices.objection_views(store, notice_id),
            self._show_objections,
            self._failed,
            key="notice-objections",
        )

    def _show_objections(self, rows: list[ObjectionView]) -> None:
        self.objection_rows = rows
        cells = [
            (
                row.objection.received_on.isoformat(),
                row.student,
                row.objection.summary.splitlines()[0] if row.objection.summary else "",
                row.objection.result.label if row.objection.result else self.tr("Open"),
                row.objection.resolved_on.isoformat() if row.objection.resolved_on else "",
            )
            for row in rows
        ]
        fill_table(self.objections, cells, [row.objection.id for row in rows])
        self._objection_selected()
        self.objections_shown.emit()

    def _objection_selected(self) -> None:
        row = self.selected_objection()
        self.resolve_button.setEnabled(row is not None)
        self.detail.setText(row.objection.summary if row else "")
        if row is not None and row.objection.result is not None:
            self.result.setCurrentIndex(max(self.result.findData(row.objection.result.value), 0))
            self.resolution.setText(row.objection.resolution)

    # -- changes --------------------------------------------------------------------------------
    def create_notice(self) -> None:
        self.status.clear()
        year = str(self.year.currentData())
        college_id = str(self.college.currentData() or "") or None
        start = self.start.value() or date.today()
        title, contact, issuer = self.title.text(), self.contact.text().strip(), self.issuer.text().strip()
        run_for(
            self,
            lambda store: public_notices.new_notice(store, year, college_id, start, title, contact, issuer),
            lambda _n: self.status.setText(self.tr("Notice created.")),
            self._failed,
            changes=public_notices.new_notice.changes,
        )

    def change_end(self) -> None:
        view = self.selected()
        ends_on = self.ends_on.value()
        if view is None or ends_on is None:
            return
        notice_id = view.notice.id
        run_for(
            self,
            lambda store: public_notices.change_end(store, notice_id, ends_on),
            lambda _n: self.status.setText(self.tr("Saved.")),
            self._failed,
            changes=public_notices.change_end.changes,
        )

    def move_notice(self, status: NoticeStatus) -> None:
        view = self.selected()
        if view is None:
            return
        self.status.clear()
        notice_id = view.notice.id
        run_for(
            self,
            lambda store: public_notices.change_status(store, notice_id, status),
            lambda _n: self.status.setText(self.tr("Saved.")),
            self._failed,
            changes=public_notices.change_status.changes,
        )

    def add_objection(self) -> None:
        view = self.selected()
        summary = self.objection_summary.toPlainText().strip()
        if view is None:
            return
        if not summary:
            self.status.setText(self.tr("Enter what the objection says."))
            return
        self.status.clear()
        notice_id, number = view.notice.id, self.objection_student.text().strip()
        day = self.received_on.value() or date.today()
        run_for(
            self,
            lambda store: public_notices.add_objection(store, notice_id, day, summary, number),
            lambda _o: self._objection_added(),
            self._failed,
            changes=public_notices.add_objection.changes,
        )

    def _objection_added(self) -> None:
        self.objection_student.clear()
        self.objection_summary.clear()
        self.status.setText(self.tr("Objection recorded."))

    def resolve(self) -> None:
        row = self.selected_objection()
        if row is None:
            return
        self.status.clear()
        objection_id = row.objection.id
        result = ObjectionResult(str(self.result.currentData()))
        resolution = self.resolution.text().strip()
        day = self.resolved_on.value() or date.today()
        run_for(
            self,
            lambda store: public_notices.resolve(store, objection_id, result, resolution, day),
            lambda _o: self.status.setText(self.tr("Saved.")),
            self._failed,
            changes=public_notices.resolve.changes,
        )

    # -- export ---------------------------------------------------------------------------------
    def _ask_export(self, suffix: str) -> None:
        view = self.selected()
        if view is None:
            return
        pattern = "PDF (*.pdf)" if suffix == ".pdf" else "Excel (*.xlsx)"
        path = ask_save_path(self, self.tr("Export notice"), public_notices.file_name(view, suffix), pattern)
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        view = self.selected()
        if view is None:
            return
        self.status.clear()
        notice_id = view.notice.id
        run_for(
            self,
            lambda store: public_notices.export_notice(store, notice_id, path),
            lambda count: self._exported(path, int(count)),
            self._failed,
            changes=public_notices.export_notice.changes,
        )

    def _exported(self, path: Path, count: int) -> None:
        self.status.setText(
            self.tr("Exported %1 (%2 students).").replace("%1", path.name).replace("%2", str(count))
        )
        self.exported.emit(str(path))

    def clear(self) -> None:
        self.views = []
        self.objection_rows = []
        self.notices.setRowCount(0)
        self.objections.setRowCount(0)
        self.detail.clear()
        self.status.clear()
        self.objection_summary.clear()
        self.resolution.clear()
