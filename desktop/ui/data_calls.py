"""Store requests of the coverage, planning, key-support, wish-list, monitoring and import pages.

Plain functions run on the store thread (see store_worker.py); each opens one session and returns plain
values. Views never touch the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.reports.coverage_report import build_coverage_pdf
from desktop.reports.trip_forms import TripStudent, build_trip_forms
from desktop.store import center_records
from desktop.store.center_records import (
    CenterInfo,
    editable_centers,
    mentors_for_expertise,
    save_expertise,
)
from desktop.store.coverage import (
    KEY_SUPPORT_MEASURES,
    CoverageReport,
    CoverageScope,
    Measure,
    MissingStudent,
    compute_coverage,
    missing_students,
)
from desktop.store.exporting import ExportFormat, ExportSummary, ExportWhat, export_data
from desktop.store.importing import (
    ColumnMapping,
    FileInfo,
    ImportPlan,
    ImportResult,
    SavedMappings,
    build_plan,
    inspect_file,
)
from desktop.store.importing import apply_plan as apply_import_plan
from desktop.store.key_support_service import (
    KeySupportCase,
    MentorMatch,
    MentorWorkload,
    assign_mentor,
    exit_key_support,
    key_support_cases,
    log_support,
    match_mentors,
    mentor_workload,
    record_session,
    start_key_support,
    term_bounds,
)
from desktop.store.monitoring_workflow import (
    FlagRow,
    flag_from_visit,
    flag_rows,
    move_flag,
    raise_flag,
    visits_suggesting_subsidy,
)
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import is_center_role, may_bulk_export_key_support, may_see_key_support
from desktop.store.store import Store
from desktop.store.visit_planning import (
    PlanStudent,
    RegionGroup,
    pending_by_region,
    set_planned_date,
    trip_plan,
)
from desktop.store.wish_workflow import (
    WishRow,
    add_catalog_item,
    add_selection,
    latest_visit_id,
    move_selection,
    set_catalog_item_active,
    wishes_by_department,
)
from sync.records import (
    AuditAction,
    DifficultyType,
    FlagAction,
    FlagKind,
    FlagStatus,
    Mentor,
    Participant,
    ReviewRecord,
    SessionKind,
    Student,
    SupportForm,
    WishCatalogItem,
    WishFiller,
    WishPriority,
    WishStatus,
    current_academic_year,
)

StoreCall = Callable[[Store], object]


def _student_by_no(s: StoreSession, student_no: str) -> Student:
    """The student a page names by 学号 (a Chinese message when there is none)."""
    student = s.students.by_student_no(student_no)
    if student is None:
        raise ValueError(f"找不到学号为 {student_no} 的学生")
    return student


# -- coverage --------------------------------------------------------------------------------------
@dataclass
class CoverageView:
    report: CoverageReport
    colleges: list[tuple[str, str]] = field(default_factory=list)  # (name, id)


def coverage_view(store: Store, academic_year: str, college_id: str | None) -> CoverageView:
    role = store.info.role
    with store.session() as s:
        scope = CoverageScope.college(college_id) if college_id else CoverageScope.school()
        report = compute_coverage(s, academic_year, scope, include_key_support=may_see_key_support(role))
        colleges = sorted((c.name, c.id) for c in s.colleges.list() if c.active)
    return CoverageView(report, colleges)


def missing_list(
    store: Store,
    academic_year: str,
    college_scope: str | None,
    measure: Measure,
    narrow: tuple[str, str] | None,
    limit: int,
) -> tuple[int, list[MissingStudent]]:
    """Students missing a measure (narrowed to a college / counselor / class row), and how many."""
    role = store.info.role
    college_id: str | None = None
    counselor_id: str | None = None
    class_name: str | None = None
    if narrow is not None:
        kind, key = narrow
        if kind == "college":
            college_id = key
        elif kind == "counselor":
            counselor_id = key
        else:
            college_id, _, class_name = key.partition("/")
    with store.session() as s:
        scope = CoverageScope.college(college_scope) if college_scope else CoverageScope.school()
        rows = missing_students(
            s,
            academic_year,
            scope,
            measure,
            include_key_support=may_bulk_export_key_support(role),
            college_id=college_id,
            counselor_id=counselor_id,
            class_name=class_name,
        )
        if measure in KEY_SUPPORT_MEASURES:
            s.audit.log(
                AuditAction.VIEW_RESTRICTED,
                record_type="key_support",
                detail=f"查看{measure.label}未覆盖名单",
            )
    return len(rows), rows[:limit]


def export_dashboard(store: Store, path: Path, report: CoverageReport, pdf: bool, scope_label: str) -> Path:
    with store.session() as s:
        if not pdf:
            summary: ExportSummary = export_data(
                s, [ExportWhat.COVERAGE], ExportFormat.XLSX, path, role=store.info.role, coverage=report
            )
            return summary.path
        build_coverage_pdf(report, school_name=store.info.school_name, scope_label=scope_label, out=path)
        s.audit.log(
            AuditAction.EXPORT, record_type="coverage", detail=f"导出覆盖统计 PDF（{report.academic_year}）"
        )
    return path


def export_tables(
    store: Store,
    what: list[ExportWhat],
    fmt: ExportFormat,
    path: Path,
    unmasked: bool,
    academic_year: str | None,
) -> Path:
    with store.session() as s:
        summary = export_data(
            s,
            what,
            fmt,
            path,
            role=store.info.role,
            unmasked=unmasked,
            academic_year=academic_year,
            coverage_year=academic_year or current_academic_year(),
        )
    return summary.path


# -- planning ----------------------------------------------------------------------------------------
@dataclass
class PlanningView:
    groups: list[RegionGroup]
    plan: list[PlanStudent]


def planning_view(store: Store, academic_year: str) -> PlanningView:
    with store.session() as s:
        return PlanningView(pending_by_region(s, academic_year), trip_plan(s, academic_year))


def plan_students(store: Store, academic_year: str, student_ids: list[str], day: date | None) -> None:
    with store.session() as s:
        set_planned_date(s, academic_year, student_ids, day)


def print_trip_forms(store: Store, student_ids: list[str], path: Path) -> Path:
    """Blank forms for the students, in the given order; the print is audited (no names in it)."""
    with store.session() as s:
        colleges = {c.id: c.name for c in s.colleges.list()}
        students = []
        for student_id in student_ids:
            student = s.students.require(student_id)
            students.append(
                TripStudent(
                    student, s.family.for_student(student_id), colleges.get(student.college_id or "", "")
                )
            )
        build_trip_forms(students, school_name=store.info.school_name, out=path)
        s.audit.log(
            AuditAction.PRINT, record_type="home_visit", detail=f"打印空白家访记录表 {len(students)} 份"
        )
    return path


# -- key support --------------------------------------------------------------------------------------
def key_support_view(store: Store, academic_year: str, include_exited: bool) -> list[KeySupportCase]:
    with store.session() as s:
        return key_support_cases(
            s, store.info.role, academic_year=academic_year, include_exited=include_exited
        )


def mentor_options(store: Store, difficulty_types: list[DifficultyType], day: date) -> list[MentorMatch]:
    """Matching mentors; for a center role, the other active mentors too (assigned only with a reason)."""
    with store.session() as s:
        return match_mentors(s, difficulty_types, on=day, include_unmatched=is_center_role(store.info.role))


def start_support(
    store: Store,
    student_no: str,
    types: list[DifficultyType],
    day: date,
    participants: list[str],
    conclusion: str,
) -> None:
    with store.session() as s:
        student = _student_by_no(s, student_no)
        review = ReviewRecord(reviewed_on=day, participants=participants, conclusion=conclusion)
        start_key_support(s, student.id, types, started_on=day, review=review)


def assign(
    store: Store, key_support_id: str, mentor_id: str, day: date, goals: str, plan: str, reason: str = ""
) -> None:
    with store.session() as s:
        assign_mentor(
            s,
            key_support_id,
            mentor_id,
            from_date=day,
            goals=goals,
            plan=plan,
            mismatch_reason=reason,
            role=store.info.role,
        )


def add_log(
    store: Store, assignment_id: str, day: date, form: SupportForm, minutes: int, summary: str
) -> None:
    with store.session() as s:
        log_support(s, assignment_id, log_date=day, form=form, summary=summary, duration_minutes=minutes)


def new_session(
    store: Store,
    kind: SessionKind,
    day: date,
    topic: str,
    participants: list[Participant],
    student_numbers: list[str],
    conclusions: str,
    measures: str,
) -> None:
    with store.session() as s:
        ids = [_student_by_no(s, number).id for number in student_numbers]
        record_session(
            s,
            kind,
            session_date=day,
            participants=participants,
            student_ids=ids,
            topic=topic,
            conclusions=conclusions,
            measures=measures,
        )


def end_support(
    store: Store, key_support_id: str, day: date, participants: list[str], conclusion: str
) -> None:
    with store.session() as s:
        review = ReviewRecord(reviewed_on=day, participants=participants, conclusion=conclusion)
        exit_key_support(s, key_support_id, exited_on=day, review=review)


def workload_view(store: Store, academic_year: str, term: int) -> list[MentorWorkload]:
    first, last = term_bounds(academic_year, term)
    with store.session() as s:
        return mentor_workload(s, first, last)


# -- wish list ----------------------------------------------------------------------------------------
def wish_view(store: Store, academic_year: str, status: WishStatus | None) -> dict[str, list[WishRow]]:
    with store.session() as s:
        return wishes_by_department(s, academic_year, status=status)


def catalog(store: Store) -> list[WishCatalogItem]:
    with store.session() as s:
        return s.wish_catalog.list()


def add_catalog(store: Store, category: DifficultyType, service_item: str, department: str) -> None:
    with store.session() as s:
        add_catalog_item(
            s, store.info.role, category=category, service_item=service_item, provider_department=department
        )


def toggle_catalog(store: Store, item_id: str) -> None:
    with store.session() as s:
        item = s.wish_catalog.require(item_id)
        set_catalog_item_active(s, store.info.role, item_id, not item.active)


def new_wish(
    store: Store,
    student_no: str,
    academic_year: str,
    item_ids: list[str],
    filled_by: WishFiller,
    priority: WishPriority,
    on_visit: bool,
    details: str,
) -> None:
    """A wish list filled in from the profile (online) or on the student's latest visit of the year."""
    with store.session() as s:
        student = _student_by_no(s, student_no)
        visit_id = latest_visit_id(s, student.id, academic_year) if on_visit else None
        if on_visit and visit_id is None:
            raise ValueError("该学生本学年还没有家访记录，请选择线上填写")
        add_selection(
            s,
            student.id,
            academic_year=academic_year,
            item_ids=item_ids,
            filled_by=filled_by,
            visit_id=visit_id,
            details=details,
            priority=priority,
        )


def move_wish(
    store: Store, selection_id: str, status: WishStatus, person: str, completed_on: date | None, feedback: str
) -> None:
    with store.session() as s:
        move_selection(
            s,
            selection_id,
            status,
            responsible_person=person or None,
            completed_on=completed_on,
            feedback=feedback or None,
        )


# -- monitoring ---------------------------------------------------------------------------------------
def flag_view(store: Store, status: FlagStatus | None) -> list[FlagRow]:
    with store.session() as s:
        return flag_rows(s, statuses=[status] if status else None)


def new_flag(store: Store, student_no: str, kind: FlagKind, description: str, day: date) -> None:
    with store.session() as s:
        raise_flag(s, _student_by_no(s, student_no).id, kind, description, raised_on=day)


def subsidy_suggestions(store: Store, academic_year: str) -> int:
    with store.session() as s:
        return len(visits_suggesting_subsidy(s, academic_year))


def raise_from_visits(store: Store, academic_year: str) -> int:
    """A 家庭突发变故 flag for every visit of the year that suggests a temporary subsidy."""
    with store.session() as s:
        return sum(1 for visit in visits_suggesting_subsidy(s, academic_year) if flag_from_visit(s, visit))


def change_flag(
    store: Store, flag_id: str, status: FlagStatus, actions: list[FlagAction], notes: str, day: date | None
) -> None:
    with store.session() as s:
        move_flag(s, flag_id, status, actions=actions or None, action_notes=notes or None, resolved_on=day)


# -- import -------------------------------------------------------------------------------------------
def inspect_import(store: Store, path: Path) -> FileInfo:
    with store.session() as s:
        return inspect_file(s, path)


def plan_import(store: Store, info: FileInfo, mapping: ColumnMapping, save_as: str) -> ImportPlan:
    with store.session() as s:
        plan = build_plan(s, info, mapping)
        if save_as and plan.ok:
            SavedMappings(s.meta).save(save_as, mapping, info.header)
        return plan


def run_import(store: Store, plan: ImportPlan) -> ImportResult:
    with store.session() as s:
        return apply_import_plan(s, plan)


# -- support centers and mentor expertise (设置 → 学生发展支持中心) ---------------------------------------
def center_view(store: Store) -> tuple[list[CenterInfo], list[Mentor]]:
    role = store.info.role
    with store.session() as s:
        return editable_centers(s, role), mentors_for_expertise(s, role)


def save_center(
    store: Store, key: str, site: str, director: str, deputies: list[str], members: list[str]
) -> CenterInfo:
    with store.session() as s:
        return center_records.save_center(
            s, store.info.role, key, site=site, director=director, deputies=deputies, members=members
        )


def save_mentor_expertise(store: Store, mentor_id: str, expertise: list[DifficultyType]) -> Mentor:
    with store.session() as s:
        return save_expertise(s, store.info.role, mentor_id, expertise)
