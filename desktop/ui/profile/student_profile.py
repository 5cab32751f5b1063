"""One student's profile: the basic-information editor and a tab per kind of record."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import academic, profile
from desktop.app.changes import Kind
from desktop.app.pdf_documents import PdfSpec
from desktop.app.profile import StudentHistory
from desktop.store.errors import StoreError
from desktop.ui.common.saved_banner import SavedBanner
from desktop.ui.common.screen_fit import ElidedLabel
from desktop.ui.common.shortcut_tips import with_shortcut
from desktop.ui.pdf.pdf_preview_dialog import PdfPreviewOpener
from desktop.ui.profile.identification_dialog import IdentificationDialog
from desktop.ui.profile.profile_basic_tab import BasicInfoTab
from desktop.ui.profile.profile_enrolment_tab import EnrolmentTab
from desktop.ui.profile.profile_key_support_tab import KeySupportTab
from desktop.ui.profile.profile_timeline_tab import TimelineTab
from desktop.ui.profile.record_dialog import AidDialog, RewardDialog
from desktop.ui.profile.record_list_tab import RecordListTab, label_of
from desktop.ui.profile.record_tab_actions import RecordTabActions
from desktop.ui.profile.workflow_dialogs import FlagDialog, WishDialog
from desktop.ui.shell.app_context import AppContext, SavedNotice
from sync.records import AcademicResult, FamilyMember, Student
from sync.records.terms import term_label

WATCHED_KINDS = frozenset(
    {
        Kind.STUDENT,
        Kind.FAMILY_MEMBER,
        Kind.IDENTIFICATION,
        Kind.GUARANTEE_AID,
        Kind.GROWTH_REWARD,
        Kind.HOME_VISIT,
        Kind.KEY_SUPPORT,
        Kind.SUPPORT_LOG_ENTRY,
        Kind.MONITORING_FLAG,
        Kind.WISH_SELECTION,
        Kind.ACADEMIC_RESULT,
    }
)


class StudentProfile(QWidget):
    back_requested = Signal()
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.student_id: str | None = None
        self.file: StudentHistory | None = None
        self._select_after_load: SavedNotice | None = None  # a record just saved, shown selected

        self.back = QPushButton(self.tr("← Roster"), self)
        self.back.setObjectName("backToRoster")
        self.back.clicked.connect(self.back_requested)
        QShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), self, self.back_requested.emit)
        self.heading = ElidedLabel(self)  # a long college and class name must not widen the window
        self.heading.setObjectName("profileHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.new_visit = QPushButton(self.tr("New home visit (Ctrl+N)"), self)
        self.new_visit.setObjectName("newVisit")
        self.new_visit.clicked.connect(self._new_visit)
        QShortcut(QKeySequence.StandardKey.New, self, self._new_visit)
        with_shortcut(
            self.back,
            self.tr("Back to the roster"),
            QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left),
            bind=False,
        )
        with_shortcut(
            self.new_visit,
            self.tr("Start a home visit for this student"),
            QKeySequence.StandardKey.New,
            bind=False,
        )

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("profileTabs")
        self.basic = BasicInfoTab(self)
        self.basic.save_requested.connect(self._save)
        self.identifications = RecordListTab(
            [
                (self.tr("Year"), lambda r: r.academic_year),
                (self.tr("Level"), lambda r: label_of(r.level)),
                (self.tr("Status"), lambda r: label_of(r.status)),
                (self.tr("Date"), lambda r: label_of(r.identified_on)),
                (self.tr("Causes"), lambda r: label_of(r.causes)),
                (self.tr("Basis"), lambda r: label_of(r.basis)),
                (self.tr("Visit first"), lambda r: label_of(r.visit_before_identification)),
            ],
            self.tr("No identification recorded."),
            self,
        )
        self.aid = RecordListTab(
            [
                (self.tr("Year"), lambda r: r.academic_year),
                (self.tr("Type"), lambda r: label_of(r.aid_type)),
                (self.tr("Project"), lambda r: r.project_name),
                (self.tr("Amount (yuan)"), lambda r: label_of(r.amount)),
                (self.tr("Position"), lambda r: r.position),
                (self.tr("Date"), lambda r: label_of(r.granted_on)),
                (self.tr("Funding"), lambda r: r.funding_source),
            ],
            self.tr("No aid recorded."),
            self,
        )
        self.rewards = RecordListTab(
            [
                (self.tr("Year"), lambda r: r.academic_year),
                (self.tr("Kind"), lambda r: label_of(r.kind)),
                (self.tr("Description"), lambda r: r.description),
                (self.tr("Value (yuan)"), lambda r: label_of(r.value)),
                (self.tr("Date"), lambda r: label_of(r.granted_on)),
                (self.tr("Granted by"), lambda r: r.granting_department),
            ],
            self.tr("No growth reward yet."),
            self,
        )
        self.record_actions = [
            RecordTabActions(ctx, self.identifications, IdentificationDialog, self._subject,
                             lambda: self.file.identifications if self.file else []),
            RecordTabActions(ctx, self.aid, AidDialog, self._subject, lambda: self.file.aid if self.file else []),
            RecordTabActions(ctx, self.rewards, RewardDialog, self._subject,
                             lambda: self.file.rewards if self.file else []),
        ]  # fmt: skip
        self.visits = RecordListTab(
            [
                (self.tr("Date"), lambda r: label_of(r.visit_date)),
                (self.tr("Category"), lambda r: label_of(r.category)),
                (self.tr("Mode"), lambda r: label_of(r.mode)),
                (self.tr("Place"), lambda r: r.place),
                (self.tr("Visitors"), lambda r: "、".join(v.name for v in r.visitors)),
                (self.tr("Status"), lambda r: label_of(r.status)),
            ],
            self.tr("No home visit yet."),
            self,
        )
        self.visits.record_activated.connect(self._open_visit)
        self.edit_visit = QPushButton(self.tr("Edit…"), self.visits)
        self.edit_visit.setObjectName("editVisit")
        with_shortcut(
            self.edit_visit,
            self.tr("Open the selected visit in the visit form (double-click a row too)"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E),
        )
        self.edit_visit.setEnabled(False)
        self.edit_visit.clicked.connect(self._edit_selected_visit)
        self.visits.table.itemSelectionChanged.connect(
            lambda: self.edit_visit.setEnabled(self.visits.table.selectionModel().hasSelection())
        )
        self.visits.toolbar.addWidget(self.edit_visit)
        self.pdf = PdfPreviewOpener(ctx, self)
        self.visit_pdf = QPushButton(self.tr("Preview / print / export PDF…"), self.visits)
        self.visit_pdf.setObjectName("visitPdf")
        self.visit_pdf.clicked.connect(self._visit_pdf)
        with_shortcut(
            self.visit_pdf, self.tr("The selected visit's form as PDF"), QKeySequence.StandardKey.Print
        )
        self.visits.toolbar.addStretch(1)
        self.visits.toolbar.addWidget(self.visit_pdf)
        # A push button with a menu: its size includes the menu arrow, which never covers the text.
        self.profile_pdf = QPushButton(self.tr("Preview / print / export PDF"), self)
        self.profile_pdf.setObjectName("profilePdf")
        pdf_menu = QMenu(self.profile_pdf)
        self.archive_pdf = pdf_menu.addAction(self.tr("Growth archive…"))
        self.archive_pdf.triggered.connect(lambda: self._archive_pdf(False))
        self.archive_key_support_pdf = pdf_menu.addAction(self.tr("Growth archive with key support…"))
        self.archive_key_support_pdf.triggered.connect(lambda: self._archive_pdf(True))
        self.archive_key_support_pdf.setVisible(ctx.may_see_key_support())
        self.blank_form_pdf = pdf_menu.addAction(self.tr("Blank visit form for this student…"))
        self.blank_form_pdf.triggered.connect(
            lambda: self.pdf.open(PdfSpec.blank(self.student_id)) if self.student_id else None
        )
        self.profile_pdf.setMenu(pdf_menu)
        with_shortcut(
            self.profile_pdf,
            self.tr("Growth archive or a blank visit form for this student"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_P),
        )
        self.key_support = KeySupportTab(self)
        self.flags = RecordListTab(
            [
                (self.tr("Date"), lambda r: label_of(r.raised_on)),
                (self.tr("Kind"), lambda r: label_of(r.kind)),
                (self.tr("Status"), lambda r: label_of(r.status)),
                (self.tr("Description"), lambda r: r.description),
                (self.tr("Actions"), lambda r: label_of(r.actions)),
            ],
            self.tr("No monitoring feedback."),
            self,
        )
        # Raised by anyone in scope, handled along the workflow; wishes are served the same way.
        self.workflow_actions = [
            RecordTabActions(ctx, self.flags, FlagDialog, self._subject,
                             lambda: self.file.flags if self.file else []),
            RecordTabActions(ctx, self.key_support.wishes, WishDialog, self._subject,
                             lambda: self.file.wishes if self.file else []),
        ]  # fmt: skip
        # The terms' results imported from the academic affairs system (read only).
        self.academic_results = RecordListTab(
            [
                (self.tr("Term"), lambda r: term_label(r.term)),
                (self.tr("GPA"), lambda r: "" if r.gpa is None else f"{r.gpa:.2f}"),
                (self.tr("Failed courses"), lambda r: str(r.failed_courses)),
                (self.tr("Source"), lambda r: r.source),
            ],
            self.tr("No academic results imported."),
            self,
        )
        self.academic_results.table.setObjectName("academicResults")
        self.timeline = TimelineTab(self)
        self.enrolment = EnrolmentTab(ctx, self._subject, self)
        self.tabs.addTab(self.basic, self.tr("Basic information and family"))
        self.tabs.addTab(self.identifications, self.tr("Identification"))
        self.tabs.addTab(self.aid, self.tr("Aid"))
        self.tabs.addTab(self.rewards, self.tr("Growth rewards"))
        self.tabs.addTab(self.visits, self.tr("Home visits"))
        # Always created, shown only to roles that may see it: the role is known after unlock, not now.
        self.tabs.addTab(self.key_support, self.tr("Key support"))
        self.tabs.setTabVisible(self.tabs.indexOf(self.key_support), ctx.may_see_key_support())
        self.tabs.addTab(self.flags, self.tr("Monitoring feedback"))
        self.tabs.addTab(self.academic_results, self.tr("Academic results"))
        self.tabs.addTab(self.enrolment, self.tr("Enrolment"))
        self.tabs.addTab(self.timeline, self.tr("Growth archive"))

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.heading, 1)
        top.addWidget(self.profile_pdf)
        top.addWidget(self.new_visit)
        self.saved_banner = SavedBanner(ctx, lambda n: n.student_id == self.student_id, self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.saved_banner)
        layout.addWidget(self.tabs, 1)
        ctx.worker.data_changed.connect(self._data_changed)
        if ctx.events is not None:
            ctx.events.record_saved.connect(self._record_saved)

    # -- loading --------------------------------------------------------------------------------
    def open_student(self, student_id: str) -> None:
        if student_id != self.student_id:
            self.clear()
        self.student_id = student_id
        self.ctx.worker.run(
            lambda store: profile.load_student(store, student_id),
            self._show,
            self._failed,
            key="profile-load",
        )
        self.ctx.worker.run(
            lambda store: academic.student_results(store, student_id),
            lambda results: self._show_results(student_id, results),
            key="profile-academic",
        )

    def _show_results(self, student_id: str, results: list[AcademicResult]) -> None:
        if student_id == self.student_id:
            self.academic_results.set_records(results)

    def _show(self, file: StudentHistory) -> None:
        if file.student.id != self.student_id:
            return
        self.file = file
        s = file.student
        self.heading.setText(f"{s.name}　{s.student_no}　{file.college_name} {s.class_name}")
        self.basic.show_file(file)
        self.identifications.set_records(file.identifications)
        self.aid.set_records(file.aid)
        self.rewards.set_records(file.rewards)
        self.visits.set_records(file.visits)
        self.visit_pdf.setEnabled(bool(file.visits))
        may_see_key_support = self.ctx.may_see_key_support()  # the role is known now
        self.archive_key_support_pdf.setVisible(may_see_key_support)
        self.tabs.setTabVisible(self.tabs.indexOf(self.key_support), may_see_key_support)
        if may_see_key_support:
            self.key_support.show_file(file)
        else:
            self.key_support.clear()
        self.flags.set_records(file.flags)
        for actions in (*self.record_actions, *self.workflow_actions):
            actions.refresh()
        self.enrolment.show_student(s.id)
        self.timeline.set_entries(
            file.timeline(include_restricted=self.ctx.may_see_key_support(), newest_first=True)
        )
        self._select_saved()
        self.loaded.emit()

    def _record_saved(self, notice: SavedNotice) -> None:
        """A record of this student was saved (its data_changed follows and reloads the profile)."""
        if notice.student_id == self.student_id:
            self._select_after_load = notice

    def _select_saved(self) -> None:
        notice, self._select_after_load = self._select_after_load, None
        tabs = {
            Kind.HOME_VISIT: self.visits,
            Kind.IDENTIFICATION: self.identifications,
            Kind.GUARANTEE_AID: self.aid,
            Kind.GROWTH_REWARD: self.rewards,
            Kind.MONITORING_FLAG: self.flags,
        }
        tab = tabs.get(notice.kind) if notice is not None else None
        if notice is None or tab is None:
            return
        for row in range(tab.table.rowCount()):
            item = tab.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == notice.record_id:
                self.tabs.setCurrentWidget(tab)
                tab.table.selectRow(row)
                tab.table.scrollToItem(item)
                return

    def _failed(self, exc: Exception) -> None:
        self.heading.setText(
            str(exc) if isinstance(exc, StoreError) else self.tr("Could not load this student.")
        )

    def _data_changed(self, kinds: set[str]) -> None:
        # Reloaded even while hidden (e.g. behind the visit form): it is current when shown again.
        if self.student_id is not None and kinds & WATCHED_KINDS:
            self.open_student(self.student_id)

    # -- actions --------------------------------------------------------------------------------
    def _subject(self) -> tuple[str, str] | None:
        return (self.file.student.id, self.file.student.name) if self.file is not None else None

    def _save(self, student: Student, members: list[FamilyMember], removed: list[str]) -> None:
        self.ctx.worker.run(
            lambda store: profile.save_student(store, student, members, removed),
            lambda _r: self._student_saved(student),
            lambda exc: self.basic.saved(
                False, str(exc) if isinstance(exc, StoreError) else self.tr("Not saved.")
            ),
            changes=profile.save_student.changes,
        )

    def _student_saved(self, student: Student) -> None:
        self.basic.saved(True)
        if self.ctx.events is not None:
            text = self.tr("Basic information and family saved: %1").replace("%1", student.name)
            self.ctx.events.record_saved.emit(SavedNotice(Kind.STUDENT, student.id, student.id, text))

    def _new_visit(self) -> None:
        if self.student_id is not None and self.ctx.events is not None:
            self.ctx.events.new_visit.emit(self.student_id)

    def _archive_pdf(self, include_key_support: bool) -> None:
        if self.student_id is not None:
            self.pdf.open(PdfSpec.archive(self.student_id, include_key_support=include_key_support))

    def _visit_pdf(self) -> None:
        """The selected visit's form (the first listed when none is selected)."""
        table = self.visits.table
        item = table.item(max(table.currentRow(), 0), 0)
        visit_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(visit_id, str):
            self.pdf.open(PdfSpec.visit(visit_id))

    def _edit_selected_visit(self) -> None:
        table = self.visits.table
        item = table.item(table.currentRow(), 0) if table.selectionModel().hasSelection() else None
        visit_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(visit_id, str):
            self._open_visit(visit_id)

    def _open_visit(self, visit_id: str) -> None:
        if self.ctx.events is not None:
            self.ctx.events.open_visit.emit(visit_id)

    def clear(self) -> None:
        self.saved_banner.clear_notice()
        self.student_id = None
        self.file = None
        self.heading.clear()
        self.basic.clear()
        for tab in (
            self.identifications,
            self.aid,
            self.rewards,
            self.visits,
            self.flags,
            self.academic_results,
        ):
            tab.set_records([])
        for actions in (*self.record_actions, *self.workflow_actions):
            actions.refresh()
        self.key_support.clear()
        self.enrolment.clear()
        self.timeline.set_entries([])
        self.tabs.setCurrentIndex(0)
