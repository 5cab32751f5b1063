"""The home-visit form: every field of a visit in sections, inline Chinese messages, save or draft.

Typing is autosaved as an encrypted draft in the store (see draft_autosave.py); a saved visit
replaces its draft.  A second visit to the same student on the same day asks first.  A wish list
filled in on the visit is chosen right here (visit_wish_panel.py) and saved with the visit; a saved
visit that records a recent shock asks its section to offer a monitoring flag (shock_flag_offer.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.app import drafts, record_editing, visits
from desktop.app.changes import Kind
from desktop.app.visit_followups import WishPlan
from desktop.app.visits import VisitForEdit
from desktop.store.errors import StoreError
from desktop.ui.common.date_field import DateField
from desktop.ui.common.field_errors_view import FieldErrorsView
from desktop.ui.common.form_bindings import change_signal, get_value, money_or_text, set_value
from desktop.ui.common.multi_select import MultiSelect
from desktop.ui.common.shortcut_tips import with_shortcut
from desktop.ui.common.tri_state_grid import TriStateGrid
from desktop.ui.profile.family_table import FamilyTable
from desktop.ui.profile.record_dialog import enum_combo, text_area
from desktop.ui.shell.app_context import AppContext, SavedNotice
from desktop.ui.visits.draft_autosave import DraftAutosave
from desktop.ui.visits.people_table import PeopleTable
from desktop.ui.visits.visit_editing import VisitEdit, form_values
from desktop.ui.visits.visit_photos import VisitPhotos
from desktop.ui.visits.visit_wish_panel import VisitWishPanel
from sync.ids import new_id
from sync.records import HomeVisit
from sync.records.enums import (
    ConfirmationMethod,
    DifficultyType,
    HardshipCause,
    HousingType,
    IdentificationLevel,
    IncomeSource,
    Policy,
    SpecialGroup,
    VisitCategory,
    VisitMode,
    VisitStatus,
    WishListState,
)
from sync.records.errors import errors_of
from sync.records.visits import HouseholdMember, visit_rule_errors

MONEY_FIELDS = ("income_amount", "debts_amount", "gifts_amount")


class VisitForm(QWidget):
    closed = Signal()
    saved = Signal(str)  # visit id
    flag_suggested = Signal(object, str)  # the saved visit (with a recent shock), the student's name

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("visitForm")
        self.errors = FieldErrorsView()
        self.inputs: dict[str, QWidget] = {}
        self.student_id: str | None = None
        self.student_name = ""
        self.visit_id = new_id()
        self.edit: VisitEdit | None = None  # set while a saved visit is open for editing
        # The profile's family when the form opened: the household starts from it, and a household
        # that differs from it is offered back to the profile on save.
        self.profile_family: list[dict[str, Any]] = []
        self._loading = False
        self.autosave = DraftAutosave(ctx, self)

        self.heading = QLabel(self)
        self.heading.setObjectName("visitHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.draft_state = QLabel(self)
        self.draft_state.setObjectName("draftState")
        self.draft_state.setStyleSheet("color: #6b6b6b;")
        self.autosave.saved.connect(self._draft_saved)

        body = QWidget(self)
        self._body_layout = QVBoxLayout(body)
        self.sections = QListWidget(self)
        self.sections.setObjectName("visitSections")
        self.sections.setAccessibleName(self.tr("Parts of the form"))
        self.sections.setFixedWidth(150)
        self.sections.setStyleSheet("QListWidget#visitSections::item { padding: 6px 8px; }")
        self._boxes: list[QGroupBox] = []
        self._build_sections(body)
        self._body_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(body)
        self.scroll_area.setWidgetResizable(True)
        self.sections.currentRowChanged.connect(self._jump)

        self.summary = QLabel(self)
        self.summary.setObjectName("visitErrors")
        self.summary.setStyleSheet("color: #b3261e;")
        self.summary.setWordWrap(True)
        self.summary.setVisible(False)
        self.save_button = QPushButton(self.tr("Save visit (Ctrl+S)"), self)
        self.save_button.setObjectName("saveVisit")
        self.save_button.clicked.connect(self.save)
        self.draft_button = QPushButton(self.tr("Save as draft"), self)
        self.draft_button.setObjectName("saveDraft")
        self.draft_button.clicked.connect(self.save_as_draft)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeVisit")
        self.close_button.clicked.connect(self.close_form)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        with_shortcut(self.save_button, self.tr("Save the visit"), QKeySequence.StandardKey.Save, bind=False)
        with_shortcut(
            self.draft_button,
            self.tr("Keep the form as a draft, even with fields still to fill"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_S),
        )
        with_shortcut(
            self.close_button,
            self.tr("Close the form (an unsaved form is kept as a draft)"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_W),
        )

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.draft_state)
        middle = QHBoxLayout()
        middle.addWidget(self.sections)
        middle.addWidget(self.scroll_area, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.draft_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        QWidget.setTabOrder(self.close_button, self.draft_button)  # Tab follows the bar left to right
        QWidget.setTabOrder(self.draft_button, self.save_button)

        for widget in self.inputs.values():
            signal = change_signal(widget)
            if signal is not None:
                signal.connect(self._changed)
        self.wish_panel.changed.connect(self._changed)

    # -- building -------------------------------------------------------------------------------
    def _section(self, parent: QWidget, title: str) -> QFormLayout:
        box = QGroupBox(title, parent)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._body_layout.addWidget(box)
        self._boxes.append(box)
        self.sections.addItem(title)
        return form

    def _add(self, form: QFormLayout, field: str, title: str, widget: QWidget, parent: QWidget) -> QWidget:
        widget.setObjectName(f"visit_{field}")
        self.inputs[field] = widget
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(widget)
        cell.addWidget(self.errors.label_for(field, parent))
        form.addRow(title, cell)
        return widget

    def _build_sections(self, p: QWidget) -> None:
        f = self._section(p, self.tr("Visit"))
        self._add(f, "category", self.tr("Category"), enum_combo(p, VisitCategory), p)
        self._add(f, "mode", self.tr("Mode"), enum_combo(p, VisitMode), p)
        self._add(f, "visit_date", self.tr("Date"), DateField(optional=False, parent=p), p)
        duration = QSpinBox(p)
        duration.setRange(0, 24 * 60)
        duration.setSuffix(self.tr(" min"))
        duration.setSpecialValueText("—")
        self._add(f, "duration_minutes", self.tr("Duration"), duration, p)
        place = QLineEdit(p)
        place.setPlaceholderText(self.tr("County / town only, no street address"))
        self._add(f, "place", self.tr("Place"), place, p)

        f = self._section(p, self.tr("People"))
        self._add(f, "visitors", self.tr("Visitors"),
                  PeopleTable("role", (self.tr("Name"), self.tr("Role")), self.tr("Add visitor"), p), p)  # fmt: skip
        self._add(f, "interviewees", self.tr("Interviewees"),
                  PeopleTable("relationship", (self.tr("Name"), self.tr("Relationship")),
                              self.tr("Add interviewee"), p), p)  # fmt: skip

        f = self._section(p, self.tr("Household"))
        family = FamilyTable(with_note=False, with_verified=True, parent=p)
        family.table.setMinimumHeight(150)
        self._add(f, "household", self.tr("Family members"), family, p)

        f = self._section(p, self.tr("Income and housing"))
        self._add(f, "income_sources", self.tr("Income sources"), MultiSelect(IncomeSource, 4, p), p)
        self._add(f, "income_amount", self.tr("Household income per year (yuan)"), QLineEdit(p), p)
        self._add(f, "income_notes", self.tr("Income notes"), text_area(p, 2), p)
        self._add(f, "main_expenses", self.tr("Main expenses"), text_area(p, 2), p)
        self._add(f, "debts_amount", self.tr("Debts (yuan)"), QLineEdit(p), p)
        self._add(f, "debts_notes", self.tr("Debt notes"), text_area(p, 2), p)
        self._add(f, "housing", self.tr("Housing"), enum_combo(p, HousingType, blank=True), p)
        self._add(f, "housing_notes", self.tr("Housing notes"), text_area(p, 2), p)

        f = self._section(p, self.tr("Special groups and causes"))
        self.groups = TriStateGrid(SpecialGroup, 2, p)
        self.groups.changed.connect(self._changed)
        f.addRow(self.tr("Verified"), self.groups)
        self.errors.label_for("special_groups_verified", p)
        self._add(f, "causes", self.tr("Causes"), MultiSelect(HardshipCause, 4, p), p)
        self._add(f, "recent_shocks", self.tr("Recent emergencies"), text_area(p, 2), p)
        self._add(f, "suggest_temporary_subsidy", "", QCheckBox(self.tr("Suggest a temporary subsidy"), p), p)

        f = self._section(p, self.tr("Student and school"))
        self._add(f, "student_traits", self.tr("Student's traits at home"), text_area(p), p)
        self._add(f, "school_feedback", self.tr("Feedback on school performance *"), text_area(p), p)
        self._add(f, "aid_explained", self.tr("Aid received, told to the family"), text_area(p, 2), p)
        self._add(f, "policies_explained", self.tr("Policies explained"), MultiSelect(Policy, 3, p), p)
        self._add(f, "gifts_amount", self.tr("Gift money (yuan)"), QLineEdit(p), p)
        self._add(f, "gifts_items", self.tr("Gift items"), QLineEdit(p), p)
        wish_state = self._add(f, "wish_list_state", self.tr("Wish list"), enum_combo(p, WishListState), p)
        self.wish_panel = VisitWishPanel(p)
        self.wish_panel.setVisible(False)
        f.addRow(self.wish_panel)
        assert isinstance(wish_state, QComboBox)
        wish_state.currentIndexChanged.connect(self._wish_state_changed)

        f = self._section(p, self.tr("Conclusions"))
        self._add(f, "family_opinions", self.tr("Opinions of family and student *"), text_area(p), p)
        self._add(f, "verification_result", self.tr("Verification result"), text_area(p, 2), p)
        self._add(
            f,
            "suggested_level",
            self.tr("Suggested level"),
            enum_combo(p, IdentificationLevel, blank=True),
            p,
        )
        self._add(f, "key_support_suggested", "", QCheckBox(self.tr("Suggest key support"), p), p)
        self._add(
            f, "suggested_difficulties", self.tr("Difficulty types"), MultiSelect(DifficultyType, 4, p), p
        )
        self._add(f, "follow_up", self.tr("Follow-up / visit notes"), text_area(p, 4), p)

        f = self._section(p, self.tr("Signatures and consent"))
        self._add(f, "visitor_signed", "", QCheckBox(self.tr("Visitors signed"), p), p)
        self._add(
            f, "family_confirmation", self.tr("Family confirmation"), enum_combo(p, ConfirmationMethod), p
        )
        self._add(f, "family_confirmed_by", self.tr("Confirmed by"), QLineEdit(p), p)
        self._add(f, "student_signed", "", QCheckBox(self.tr("Student signed"), p), p)
        self._add(f, "photo_consent", "", QCheckBox(self.tr("Student agrees to photos"), p), p)
        self._add(f, "publicity_consent", "", QCheckBox(self.tr("Student agrees to publicity use"), p), p)
        consent = self.inputs["photo_consent"]
        assert isinstance(consent, QCheckBox)
        self.photos = VisitPhotos(self.ctx, consent.isChecked, p)
        self.photos.changed.connect(self._changed)
        photos_cell = QVBoxLayout()
        photos_cell.addWidget(self.photos)
        photos_cell.addWidget(self.errors.label_for("attachments", p))
        f.addRow(self.tr("Photos"), photos_cell)

    def _wish_state_changed(self, *_args: object) -> None:
        filled_in = get_value(self.inputs["wish_list_state"]) == WishListState.FILLED_IN.value
        self.wish_panel.setVisible(filled_in)

    def _load_catalog(self) -> None:
        panel = self.wish_panel
        self.ctx.worker.run(record_editing.wish_catalog, panel.set_catalog, key="visit-wish-catalog")

    def _draft_values(self) -> dict[str, Any]:
        """The form as kept in its draft: the record's fields and the wish list being filled in."""
        edit_of = {"edit_of": self.visit_id} if self.edit is not None else {}
        return {
            **self.values(),
            "wish_selection": self.wish_panel.values(),
            "profile_family": self.profile_family,
            **edit_of,
        }

    def _jump(self, row: int) -> None:
        if 0 <= row < len(self._boxes):
            self.scroll_area.ensureWidgetVisible(self._boxes[row], 0, 0)

    # -- values ---------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The form as record fields (for validation and for the draft)."""
        data: dict[str, Any] = {name: get_value(widget) for name, widget in self.inputs.items()}
        for name in MONEY_FIELDS:
            data[name] = money_or_text(data[name])
        data["special_groups_verified"] = self.groups.values()
        data["attachments"] = self.photos.values()
        data["id"] = self.visit_id
        data["student_id"] = self.student_id
        for name, info in HomeVisit.model_fields.items():
            if info.is_required() and data.get(name) is None:
                data.pop(name, None)  # reported as "此项为必填"
        return data

    def set_values(self, data: dict[str, Any]) -> None:
        self._loading = True
        try:
            for name, widget in self.inputs.items():
                if name in data:
                    value = data[name]
                    if name == "visit_date" and isinstance(value, str):
                        value = date.fromisoformat(value)
                    set_value(widget, value)
            if data.get("special_groups_verified"):
                self.groups.set_values(data["special_groups_verified"])
            if isinstance(data.get("attachments"), list):
                self.photos.set_values(data["attachments"])
            wish = data.get("wish_selection")
            if isinstance(wish, dict):
                self.wish_panel.set_values(wish)
        finally:
            self._loading = False

    # -- opening --------------------------------------------------------------------------------
    def start_new(
        self,
        student_id: str,
        student_name: str,
        visitor_name: str,
        family: list[dict[str, Any]] | None = None,
    ) -> None:
        """A new visit: the visitor is the local user; the household starts from the profile's family."""
        self._reset(student_id, student_name, new_id())
        self.profile_family = list(family or [])
        self.set_values(
            {
                "visitors": [{"name": visitor_name, "role": "counselor"}] if visitor_name else [],
                "household": self.profile_family,
            }
        )
        self._load_catalog()
        self.autosave.start(self.visit_id, student_id, student_name, self._draft_values)

    def resume_draft(self, draft: drafts.DraftInfo) -> None:
        data = dict(draft.data)
        self._reset(draft.student_id, draft.student_name, str(data.get("id") or new_id()))
        family = data.get("profile_family")
        self.profile_family = list(family) if isinstance(family, list) else []
        self.set_values(data)
        self._load_catalog()
        self.autosave.start(
            self.visit_id, draft.student_id, draft.student_name, self._draft_values, draft_id=draft.id
        )
        self.draft_state.setText(self.tr("Recovered draft"))

    def start_edit(self, info: VisitForEdit) -> None:
        """Reopen a saved visit: every stored value shown, an unsaved edit of it (its draft) on top;
        read-only, with the reason, when the local user may not change it."""
        visit = info.visit
        self._reset(visit.student_id, info.student_name, visit.id)
        self.profile_family = list(info.family)
        self.set_values(form_values(visit, info.wish))
        self.edit = VisitEdit(visit, self._draft_values(), info.read_only_reason)
        self.heading.setText(
            self.tr("Editing home visit: %1, %2")
            .replace("%1", info.student_name)
            .replace("%2", visit.visit_date.isoformat())
        )
        self._load_catalog()
        if self.edit.read_only:
            self._set_read_only(True)
            self.summary.setText(info.read_only_reason)
            self.summary.setVisible(True)
            return
        if info.draft is not None:
            self.set_values(dict(info.draft.data))
            self.draft_state.setText(self.tr("Recovered unsaved changes"))
        self.autosave.start(
            visit.id, visit.student_id, info.student_name, self._draft_values, draft_id=visit.id
        )

    def _set_read_only(self, read_only: bool) -> None:
        for widget in (*self.inputs.values(), self.groups, self.wish_panel, self.photos):
            widget.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        self.draft_button.setVisible(not read_only)

    def _reset(self, student_id: str, student_name: str, visit_id: str) -> None:
        self.edit = None
        self.profile_family = []
        self._set_read_only(False)
        self.student_id = student_id
        self.student_name = student_name
        self.visit_id = visit_id
        self.heading.setText(self.tr("Home visit: %1").replace("%1", student_name))
        self._loading = True
        try:
            defaults: dict[str, Any] = {
                name: None for name in self.inputs if name not in ("visit_date", "category", "mode")
            }
            self.set_values(defaults)
            set_value(self.inputs["visit_date"], date.today())
            self.inputs["category"].setProperty("currentIndex", 0)
            self.inputs["mode"].setProperty("currentIndex", 0)
            self.groups.set_values(None)
            self.wish_panel.set_values(None)
            self.photos.set_values(None)
        finally:
            self._loading = False
        self.errors.show({})
        household = self.inputs["household"]
        assert isinstance(household, FamilyTable)
        household.show_errors({})
        self.summary.setVisible(False)
        self.draft_state.clear()
        self.sections.setCurrentRow(0)
        self.scroll_area.verticalScrollBar().setValue(0)
        self.save_button.setEnabled(True)

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.autosave.mark_dirty()

    def _draft_saved(self) -> None:
        self.draft_state.setText(self.tr("Draft saved %1").replace("%1", self.autosave.last_saved_text()))

    # -- validating and saving ------------------------------------------------------------------
    def validate(self, status: VisitStatus) -> HomeVisit | None:
        data = {**self.values(), "status": status.value, "recorded_by_id": self.ctx.identity.user_id}
        try:
            visit = HomeVisit.model_validate(data)
        except ValidationError as exc:
            problems = {e.field: e.message for e in reversed(errors_of(exc))}
            # Rules across fields run only once every field is valid; show them now too, so the
            # user sees every problem at once (checked on the fields that are valid).
            bad = {field.split(".")[0] for field in problems}
            partial = HomeVisit.model_construct(**{k: v for k, v in data.items() if k not in bad})
            for rule in visit_rule_errors(partial):
                problems.setdefault(rule.field, rule.message)
            self.show_errors(problems)
            return None
        self.show_errors({})
        return visit

    def show_errors(self, errors: dict[str, str]) -> None:
        household_errors: dict[tuple[int, str], str] = {}
        others: dict[str, str] = {}
        for field, message in errors.items():
            parts = field.split(".")
            if parts[0] == "household" and len(parts) >= 3 and parts[1].isdigit():
                household_errors[(int(parts[1]), parts[2])] = message
            elif parts[0] in ("visitors", "interviewees") and len(parts) >= 2:
                others.setdefault(parts[0], message)
            else:
                others[field] = message
        household = self.inputs["household"]
        assert isinstance(household, FamilyTable)
        household.show_errors(household_errors)
        unplaced = self.errors.show(others)
        count = len(errors)
        if count:
            lines = [self.tr("%n field(s) need attention.", "", count), *unplaced]
            self.summary.setText("\n".join(lines))
            first = next(iter(sorted(errors)))
            widget = self.inputs.get(first.split(".")[0])
            if widget is not None:
                self.scroll_area.ensureWidgetVisible(widget)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.summary.setVisible(bool(count))

    def save(self) -> None:
        if self.student_id is None or not self.save_button.isEnabled():
            return
        if self.edit is not None and self.edit.read_only:
            return
        visit = self.validate(VisitStatus.SUBMITTED)
        if visit is None:
            return
        if self.edit is not None:
            try:
                visit = self.edit.merged(visit, self._draft_values())
            except ValidationError as exc:
                self.show_errors({e.field: e.message for e in reversed(errors_of(exc))})
                return
        wish: WishPlan | None = None
        if visit.wish_list_state is WishListState.FILLED_IN:
            wish = self.wish_panel.plan()
            if wish is None:
                self.summary.setText(self.wish_panel.error.text())
                self.summary.setVisible(True)
                self.scroll_area.ensureWidgetVisible(self.wish_panel)
                return
        self.save_button.setEnabled(False)
        if self.edit is not None and visit.visit_date == self.edit.stored.visit_date:
            self._confirm_and_save(visit, 0, wish)  # its own day: no second visit is being added
            return
        student_id = self.student_id
        self.ctx.worker.run(
            lambda store: visits.visits_on_day(store, student_id, visit.visit_date, exclude=visit.id),
            lambda count: self._confirm_and_save(visit, int(count), wish),
            self._save_failed,
        )

    def _confirm_and_save(self, visit: HomeVisit, same_day: int, wish: WishPlan | None = None) -> None:
        if same_day:
            answer = QMessageBox.question(
                self,
                self.tr("Second visit on the same day"),
                self.tr("This student already has a visit recorded on %1. Save another one?").replace(
                    "%1", visit.visit_date.isoformat()
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.save_button.setEnabled(True)
                return
        update_family = self._family_differs(visit) and self._ask_update_family()
        self.autosave.stop()
        draft_id = self.autosave.draft_id
        kinds = {Kind.HOME_VISIT, Kind.VISIT_DRAFT} | ({Kind.WISH_SELECTION} if wish else set())
        kinds |= {Kind.FAMILY_MEMBER} if update_family else set()
        if self.edit is not None:
            self.ctx.worker.run(
                lambda store: visits.save_visit_edit(store, visit, wish=wish, update_family=update_family),
                lambda offer: self._saved(visit, bool(offer)),
                self._save_failed,
                changes=kinds,
            )
            return
        self.ctx.worker.run(
            lambda store: visits.save_visit(
                store, visit, draft_id=draft_id, wish=wish, update_family=update_family
            ),
            lambda offer: self._saved(visit, bool(offer)),
            self._save_failed,
            changes=kinds,
        )

    def _family_differs(self, visit: HomeVisit) -> bool:
        """Whether the household on the visit says something the profile's family does not (for an
        edit: only when the household was changed in this edit)."""
        if self.edit is not None and "household" not in self.edit.changed_fields(self._draft_values()):
            return False

        def facts(members: list[HouseholdMember]) -> list[dict[str, Any]]:
            return [m.model_dump(mode="json", exclude={"family_member_id", "verified"}) for m in members]

        try:
            profile = [HouseholdMember.model_validate(m) for m in self.profile_family]
        except ValidationError:
            return bool(visit.household)
        return bool(visit.household) and facts(visit.household) != facts(profile)

    def _ask_update_family(self) -> bool:
        """Asked once per save: write the family members as found on the visit back to the profile?"""
        answer = QMessageBox.question(
            self,
            self.tr("Family members changed"),
            self.tr(
                "The family members on this visit differ from the student's profile. Write them back to"
                " the profile (basic information and family)?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, visit: HomeVisit, offer_flag: bool = False) -> None:
        self.save_button.setEnabled(True)
        self.draft_state.setText(self.tr("Saved."))
        template = (
            self.tr("Changes to the home visit saved: %1, %2")
            if self.edit is not None
            else self.tr("Home visit saved: %1, %2")
        )
        text = template.replace("%1", self.student_name).replace("%2", visit.visit_date.isoformat())
        if offer_flag:
            self.flag_suggested.emit(visit, self.student_name)
        self.saved.emit(visit.id)
        if self.ctx.events is not None:
            self.ctx.events.record_saved.emit(SavedNotice(Kind.HOME_VISIT, visit.id, visit.student_id, text))

    def _save_failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        self.autosave.resume()
        message = str(exc) if isinstance(exc, StoreError) else self.tr("The visit could not be saved.")
        self.summary.setText(message)
        self.summary.setVisible(True)

    def save_as_draft(self) -> None:
        if self.student_id is None:
            return
        if self.validate(VisitStatus.DRAFT) is None:
            return
        self.autosave.save_now()

    def close_form(self) -> None:
        """Close: the draft is kept (flushed now) unless the visit was saved.  Closing an edit with
        unsaved changes asks first; closing it without saving forgets the edit's draft."""
        if self.edit is not None and self.student_id is not None and not self.edit.read_only:
            self._close_edit()
            return
        self.autosave.flush()
        self.autosave.stop()
        self.student_id = None
        self.closed.emit()

    def _close_edit(self) -> None:
        if self.edit is not None and self.edit.is_dirty(self._draft_values()):
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to this visit before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.autosave.stop()
        visit_id = self.visit_id
        self.ctx.worker.run(
            lambda store: drafts.discard_edit_draft(store, visit_id),
            changes=drafts.discard_edit_draft.changes,
        )
        self.student_id = None
        self.closed.emit()

    def clear(self) -> None:
        """Forget the form's contents (after the draft was flushed, when locking)."""
        self.autosave.stop()
        self.student_id = None
        self._reset("", "", new_id())
        self.student_id = None
        self.heading.clear()
