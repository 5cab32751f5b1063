"""重点帮扶: the key-support students, starting support, mentor matching and assignment, the support log,
exit by review, and mentor workload per term. Shown only to roles that may see key support; every
list view is audited."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import key_support
from desktop.app.changes import Kind
from desktop.store.key_support_service import KeySupportCase, MentorMatch, MentorWorkload
from desktop.ui.common.date_field import DateField
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.multi_select import MultiSelect
from desktop.ui.common.screen_fit import scrolling
from desktop.ui.common.table_fill import fill_table, narrow_columns, read_only_table, selected_row
from desktop.ui.data_pages.coverage_dashboard import academic_years
from desktop.ui.profile.record_dialog import StoreCall
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section
from sync.records import DifficultyType, Participant, ParticipantRole, SessionKind, SupportForm

CHANGES = frozenset({Kind.KEY_SUPPORT, Kind.MENTOR_ASSIGNMENT, Kind.SUPPORT_LOG_ENTRY})


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.replace("，", ",").replace("、", ",").split(",") if part.strip()]


def participant_of(text: str) -> Participant:
    """ "钱老师（育人导师）" -> a participant with that role; a name alone is "其他"."""
    name, _, rest = text.replace("(", "（").replace(")", "）").partition("（")
    label = rest.rstrip("）").strip()
    role = next((role for role in ParticipantRole if role.label == label), ParticipantRole.OTHER)
    return Participant(name=name.strip() or text, role=role)


class KeySupportPage(Section):
    cases_shown = Signal()
    mentors_shown = Signal()
    workload_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cases: list[KeySupportCase] = []
        self.matches: list[MentorMatch] = []

        self.pages = QStackedWidget(self)
        self.hidden_note = QLabel(
            self.tr(
                "The key-support list is for the support centers and mentors. "
                "Open a student's profile to see that student's key support."
            ),
            self,
        )
        self.hidden_note.setWordWrap(True)
        self.hidden_note.setObjectName("keySupportHidden")
        self.hidden_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        content = QWidget(self)
        self.pages.addWidget(self.hidden_note)
        self.pages.addWidget(content)
        QVBoxLayout(self).addWidget(self.pages)

        self.year = QComboBox(content)
        self.year.setObjectName("keySupportYear")
        self.year.addItems(academic_years())
        self.include_exited = QCheckBox(self.tr("Include exited"), content)
        self.include_exited.setObjectName("includeExited")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Academic year"), content))
        top.addWidget(self.year)
        top.addWidget(self.include_exited)
        top.addStretch(1)

        self.table = read_only_table(
            content,
            "keySupportCases",
            [
                self.tr("Student no."),
                self.tr("Name"),
                self.tr("College"),
                self.tr("Difficulties"),
                self.tr("Since"),
                self.tr("Mentor"),
                self.tr("Last support"),
                self.tr("Sessions this year"),
            ],
        )
        narrow_columns(self.table, {2: 5, 3: 6})  # college, difficulties: elided, whole in the tooltip

        # start
        self.start_student = QLineEdit(content)
        self.start_student.setObjectName("startStudentNo")
        self.start_types = MultiSelect(DifficultyType, 2, content)
        self.start_day = DateField(optional=False, parent=content)
        self.start_people = QLineEdit(content)
        self.start_people.setObjectName("startParticipants")
        self.start_conclusion = QLineEdit(content)
        self.start_conclusion.setObjectName("startConclusion")
        self.start_button = QPushButton(self.tr("Start key support"), content)
        self.start_button.setObjectName("startKeySupport")
        start_box = QGroupBox(self.tr("Start (after a collective review)"), content)
        start_form = QFormLayout(start_box)
        start_form.addRow(self.tr("Student no."), self.start_student)
        start_form.addRow(self.tr("Difficulties"), self.start_types)
        start_form.addRow(self.tr("Review date"), self.start_day)
        start_form.addRow(self.tr("Participants"), self.start_people)
        start_form.addRow(self.tr("Conclusion"), self.start_conclusion)
        start_form.addRow(self.start_button)

        # the selected case
        self.mentor = QComboBox(content)
        self.mentor.setObjectName("mentorChoice")
        self.assign_day = DateField(optional=False, parent=content)
        self.goals = QLineEdit(content)
        self.goals.setObjectName("mentorGoals")
        self.plan = QLineEdit(content)
        self.plan.setObjectName("mentorPlan")
        self.mismatch_reason = QLineEdit(content)
        self.mismatch_reason.setObjectName("mentorMismatchReason")
        self.mismatch_reason.setPlaceholderText(
            self.tr("Only when the mentor's expertise matches none of the student's needs")
        )
        self.assign_button = QPushButton(self.tr("Assign mentor"), content)
        self.assign_button.setObjectName("assignMentor")
        self.log_day = DateField(optional=False, parent=content)
        self.log_form = QComboBox(content)
        self.log_form.setObjectName("logForm")
        for form in SupportForm:
            self.log_form.addItem(form.label, form.value)
        self.log_minutes = QSpinBox(content)
        self.log_minutes.setRange(5, 600)
        self.log_minutes.setValue(60)
        self.log_summary = QLineEdit(content)
        self.log_summary.setObjectName("logSummary")
        self.log_button = QPushButton(self.tr("Add to the support log"), content)
        self.log_button.setObjectName("addSupportLog")
        self.exit_day = DateField(optional=False, parent=content)
        self.exit_people = QLineEdit(content)
        self.exit_people.setObjectName("exitParticipants")
        self.exit_conclusion = QLineEdit(content)
        self.exit_conclusion.setObjectName("exitConclusion")
        self.exit_button = QPushButton(self.tr("Exit by review"), content)
        self.exit_button.setObjectName("exitKeySupport")
        case_box = QGroupBox(self.tr("Selected student"), content)
        case_form = QFormLayout(case_box)
        case_form.addRow(self.tr("Mentor (best match first)"), self.mentor)
        case_form.addRow(self.tr("From"), self.assign_day)
        case_form.addRow(self.tr("Goals"), self.goals)
        case_form.addRow(self.tr("Plan"), self.plan)
        case_form.addRow(self.tr("Reason (support center)"), self.mismatch_reason)
        self.case_form = case_form
        case_form.addRow(self.assign_button)
        case_form.addRow(self.tr("Support date"), self.log_day)
        case_form.addRow(self.tr("Form"), self.log_form)
        case_form.addRow(self.tr("Minutes"), self.log_minutes)
        case_form.addRow(self.tr("Summary"), self.log_summary)
        case_form.addRow(self.log_button)
        case_form.addRow(self.tr("Exit date"), self.exit_day)
        case_form.addRow(self.tr("Participants"), self.exit_people)
        case_form.addRow(self.tr("Conclusion"), self.exit_conclusion)
        case_form.addRow(self.exit_button)
        self.case_box = case_box

        # rescue-education sessions and case conferences
        self.session_kind = QComboBox(content)
        self.session_kind.setObjectName("sessionKind")
        for kind in SessionKind:
            self.session_kind.addItem(kind.label, kind.value)
        self.session_day = DateField(optional=False, parent=content)
        self.session_topic = QLineEdit(content)
        self.session_topic.setObjectName("sessionTopic")
        self.session_people = QLineEdit(content)
        self.session_people.setObjectName("sessionParticipants")
        self.session_people.setPlaceholderText(self.tr("e.g. 王老师（辅导员）、钱老师（育人导师）"))
        self.session_students = QLineEdit(content)
        self.session_students.setObjectName("sessionStudents")
        self.session_students.setPlaceholderText(self.tr("Student numbers, separated by commas"))
        self.session_conclusions = QLineEdit(content)
        self.session_conclusions.setObjectName("sessionConclusions")
        self.session_measures = QLineEdit(content)
        self.session_measures.setObjectName("sessionMeasures")
        self.session_button = QPushButton(self.tr("Record the session"), content)
        self.session_button.setObjectName("recordSession")
        session_box = QGroupBox(self.tr("Rescue education / case conference"), content)
        session_form = QFormLayout(session_box)
        session_form.addRow(self.tr("Kind"), self.session_kind)
        session_form.addRow(self.tr("Date"), self.session_day)
        session_form.addRow(self.tr("Topic"), self.session_topic)
        session_form.addRow(self.tr("Participants"), self.session_people)
        session_form.addRow(self.tr("Students discussed"), self.session_students)
        session_form.addRow(self.tr("Conclusions"), self.session_conclusions)
        session_form.addRow(self.tr("Measures"), self.session_measures)
        session_form.addRow(self.session_button)

        cases_page = QWidget(content)
        cases_layout = QHBoxLayout(cases_page)
        cases_layout.addWidget(self.table, 3)
        side = QVBoxLayout()
        side.addWidget(start_box)
        self.case_hint = QLabel(content)  # why the box below is greyed out, and what to do
        self.case_hint.setObjectName("caseHint")
        self.case_hint.setWordWrap(True)
        self.case_hint.setStyleSheet("#caseHint { color: palette(placeholder-text); }")
        side.addWidget(self.case_hint)
        side.addWidget(case_box)
        side.addWidget(session_box)
        side.addStretch(1)
        cases_layout.addWidget(scrolling(side, cases_page, name="keySupportSide", vertical_only=True))

        self.term = QComboBox(content)
        self.term.setObjectName("workloadTerm")
        self.term.addItem(self.tr("First term (Sep–Feb)"), 1)
        self.term.addItem(self.tr("Second term (Mar–Aug)"), 2)
        self.term.setCurrentIndex(1 if 3 <= date.today().month <= 8 else 0)  # the running term
        self.workload = read_only_table(
            content,
            "mentorWorkload",
            [
                self.tr("Staff no."),
                self.tr("Mentor"),
                self.tr("Department"),
                self.tr("Students"),
                self.tr("Support sessions"),
                self.tr("Hours"),
                self.tr("Case conferences"),
            ],
        )
        workload_page = QWidget(content)
        workload_layout = QVBoxLayout(workload_page)
        workload_layout.addWidget(self.term)
        workload_layout.addWidget(self.workload, 1)

        self.tabs = QTabWidget(content)
        self.tabs.addTab(cases_page, self.tr("Students"))
        self.tabs.addTab(workload_page, self.tr("Mentor workload"))
        self.status = QLabel(content)
        self.status.setObjectName("keySupportStatus")
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.include_exited.toggled.connect(lambda _on: self.reload())
        self.term.currentIndexChanged.connect(lambda _i: self._load_workload())
        self.table.itemSelectionChanged.connect(self._selected)
        self.start_button.clicked.connect(self.start)
        self.assign_button.clicked.connect(self.assign)
        self.log_button.clicked.connect(self.add_log)
        self.exit_button.clicked.connect(self.exit_support)
        self.session_button.clicked.connect(self.record_session)
        ctx.worker.data_changed.connect(self._data_changed)
        self._stale = True
        self._selected()

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        allowed = self.ctx.may_list_key_support()
        self.pages.setCurrentIndex(1 if allowed else 0)
        self.case_form.setRowVisible(self.mismatch_reason, self.ctx.is_center())
        if not allowed:
            return
        if self.isHidden():
            # Loading the list is an audited view of restricted data: only when someone looks at it.
            self._stale = True
            return
        self._stale = False
        year, exited = self.year.currentText(), self.include_exited.isChecked()
        run_for(
            self,
            lambda store: key_support.key_support_view(store, year, exited),
            self._show,
            self._failed,
            key="key-support",
        )
        self._load_workload()

    def _load_workload(self) -> None:
        if not self.ctx.may_list_key_support():
            return
        year, term = self.year.currentText(), int(self.term.currentData() or 1)
        run_for(
            self,
            lambda store: key_support.workload_view(store, year, term),
            self._show_workload,
            self._failed,
            key="workload",
        )

    def event(self, event: QEvent) -> bool:
        # Shown as the current section (whether or not the window itself is on screen yet); not the
        # show a scroll area gives the page when it is built on a lookup while another page is shown.
        if event.type() == QEvent.Type.ShowToParent and self._stale and self.isVisibleTo(self.window()):
            self.reload()
        return super().event(event)

    def _data_changed(self, kinds: set[str]) -> None:
        if (
            kinds & (CHANGES | {Kind.STUDENT, Kind.RESCUE_SESSION, Kind.MENTOR})
            and self.ctx.may_list_key_support()
        ):
            self.reload()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))

    def _show(self, cases: list[KeySupportCase]) -> None:
        self.cases = cases
        rows = [
            (
                case.student_no,
                case.student_name,
                case.college,
                "、".join(kind.label for kind in case.support.difficulty_types),
                case.support.started_on.isoformat(),
                case.mentor_name,
                case.last_log.isoformat() if case.last_log else "",
                str(case.sessions_this_year),
            )
            for case in cases
        ]
        fill_table(self.table, rows, [case.support.id for case in cases])
        self._selected()
        self.cases_shown.emit()

    def _show_workload(self, rows: list[MentorWorkload]) -> None:
        cells = [
            (
                row.mentor.staff_no,
                row.mentor.name,
                row.mentor.department,
                str(len(row.students)),
                str(row.log_entries),
                f"{row.hours:.1f}",
                str(row.sessions),
            )
            for row in rows
        ]
        fill_table(self.workload, cells)
        self.workload_shown.emit()

    def selected(self) -> KeySupportCase | None:
        return selected_row(self.table, self.cases)

    def _selected(self) -> None:
        case = self.selected()
        active = case is not None and case.support.exited_on is None
        self.case_box.setEnabled(active)
        has_mentor = active and case is not None and case.assignment_id is not None
        self.log_button.setEnabled(has_mentor)
        self.log_button.setToolTip("" if has_mentor else self.tr("Assign a mentor first"))
        if case is None and not self.cases:
            hint = self.tr(
                "No student is in key support this academic year. Start key support above (a collective"
                " review); the student then appears in the list."
            )
        elif case is None:
            hint = self.tr(
                "Select a student in the list to assign a mentor, log support or record the exit review."
            )
        elif not active:
            hint = self.tr("This student has left key support; nothing more is recorded here.")
        else:
            hint = ""
        self.case_hint.setText(hint)
        self.case_hint.setVisible(bool(hint))
        self.mentor.clear()
        self.matches = []
        if case is None or not active:
            return
        types = list(case.support.difficulty_types)
        run_for(
            self,
            lambda store: key_support.mentor_options(store, types, date.today()),
            self._show_mentors,
            self._failed,
            key="mentor-matches",
        )

    def _show_mentors(self, matches: list[MentorMatch]) -> None:
        self.matches = matches
        self.mentor.clear()
        for match in matches:
            served = "、".join(kind.label for kind in match.matched) or self.tr("no matching expertise")
            self.mentor.addItem(
                self.tr("%1 (%2; %3 student(s) now)")
                .replace("%1", match.mentor.name)
                .replace("%2", served)
                .replace("%3", str(match.active_students)),
                match.mentor.id,
            )
        self.mentors_shown.emit()

    # -- actions --------------------------------------------------------------------------------
    def _run(self, fn: StoreCall, done: str) -> None:
        self.status.clear()
        run_for(self, fn, lambda _r: self.status.setText(done), self._failed, changes=CHANGES)

    def start(self) -> None:
        number = self.start_student.text().strip()
        types = [DifficultyType(code) for code in self.start_types.values()]
        day = self.start_day.value() or date.today()
        people, conclusion = _names(self.start_people.text()), self.start_conclusion.text().strip()
        if not number:
            self.status.setText(self.tr("Enter the student no."))
            return
        self._run(
            lambda store: key_support.start_support(store, number, types, day, people, conclusion),
            self.tr("Key support started."),
        )

    def assign(self) -> None:
        case = self.selected()
        mentor_id = str(self.mentor.currentData() or "")
        if case is None or not mentor_id:
            self.status.setText(self.tr("Choose a student and a mentor."))
            return
        support_id, day = case.support.id, self.assign_day.value() or date.today()
        goals, plan = self.goals.text().strip(), self.plan.text().strip()
        reason = self.mismatch_reason.text().strip()
        self._run(
            lambda store: key_support.assign(store, support_id, mentor_id, day, goals, plan, reason),
            self.tr("Mentor assigned."),
        )

    def add_log(self) -> None:
        case = self.selected()
        if case is None or case.assignment_id is None:
            return
        assignment_id, day = case.assignment_id, self.log_day.value() or date.today()
        form, minutes = SupportForm(str(self.log_form.currentData())), self.log_minutes.value()
        summary = self.log_summary.text().strip()
        self._run(
            lambda store: key_support.add_log(store, assignment_id, day, form, minutes, summary),
            self.tr("Support logged."),
        )

    def exit_support(self) -> None:
        case = self.selected()
        if case is None:
            return
        support_id, day = case.support.id, self.exit_day.value() or date.today()
        people, conclusion = _names(self.exit_people.text()), self.exit_conclusion.text().strip()
        self._run(
            lambda store: key_support.end_support(store, support_id, day, people, conclusion),
            self.tr("Key support ended."),
        )

    def record_session(self) -> None:
        kind = SessionKind(str(self.session_kind.currentData()))
        day = self.session_day.value() or date.today()
        people = [participant_of(text) for text in _names(self.session_people.text())]
        numbers = _names(self.session_students.text())
        topic = self.session_topic.text().strip()
        conclusions, measures = self.session_conclusions.text().strip(), self.session_measures.text().strip()
        if not people or not numbers:
            self.status.setText(self.tr("Enter the participants and the students discussed."))
            return
        self._run(
            lambda store: key_support.new_session(
                store, kind, day, topic, people, numbers, conclusions, measures
            ),
            self.tr("Session recorded."),
        )

    def clear(self) -> None:
        self.cases, self.matches = [], []
        self.table.setRowCount(0)
        self.workload.setRowCount(0)
        self.mentor.clear()
        for field in (self.start_student, self.start_people, self.start_conclusion, self.goals, self.plan):
            field.clear()
        for field in (self.log_summary, self.exit_people, self.exit_conclusion, self.session_topic):
            field.clear()
        for field in (
            self.session_people,
            self.session_students,
            self.session_conclusions,
            self.session_measures,
        ):
            field.clear()
        self.status.clear()
