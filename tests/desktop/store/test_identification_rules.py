"""先家访后认定 and the end of key support by a 不困难 identification (desktop/store/identification_rules.py)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.store.identification_rules import (
    EXIT_METHOD,
    IdentificationRuleError,
    KeySupportWouldEnd,
    save_checked_identification,
)
from desktop.store.key_support_service import start_key_support
from desktop.store.store import Store
from sync.records import Identification, IdentificationLevel, ReviewRecord, Role, Student
from tests.desktop.store.coverage_fixture import identification, visit

YEAR = "2025-2026"
DAY = date(2025, 9, 20)


def new_student(store: Store) -> Student:
    student = Student(student_no="N1", name="新同学", is_new_student=True)
    with store.session() as s:
        s.students.create(student)
    return student


def save(store: Store, record: Identification, role: Role = Role.COUNSELOR, **kw: object) -> Identification:
    with store.session() as s:
        return save_checked_identification(s, role, record, on=DAY, today=DAY, **kw)  # type: ignore[arg-type]


def test_new_student_level_needs_the_verification_visit_first(store: Store) -> None:
    student = new_student(store)
    pending = identification(student.id, YEAR, None, visit_before_identification=True)
    save(store, pending)  # no level yet: allowed
    with pytest.raises(IdentificationRuleError, match="新生须先家访后认定"):
        save(store, pending.model_copy(update={"level": IdentificationLevel.DIFFICULT}))
    with store.session() as s:
        assert s.identifications.require(pending.id).level is None  # nothing written
        # an annual-coverage visit is not the verification; a draft verification does not count either
        s.visits.create_many(
            [
                visit(student.id, date(2025, 7, 1)),
                visit(
                    student.id,
                    date(2025, 7, 2),
                    category="pre_identification",
                    verification_result="属实",
                    suggested_level="difficult",
                    status="draft",
                ),
            ]
        )
    with pytest.raises(IdentificationRuleError):
        save(store, pending.model_copy(update={"level": IdentificationLevel.DIFFICULT}))
    with store.session() as s:
        # in the summer before entry (from 1 June): counts for the entering year
        s.visits.create(
            visit(
                student.id,
                date(2025, 6, 15),
                category="pre_identification",
                verification_result="属实",
                suggested_level="difficult",
            )
        )
    saved = save(store, pending.model_copy(update={"level": IdentificationLevel.DIFFICULT}))
    assert saved.level is not None and saved.level.value == "difficult"


def test_exception_reason_only_by_a_center(store: Store) -> None:
    student = new_student(store)
    record = identification(
        student.id,
        YEAR,
        "especially_difficult",
        visit_exception_reason="家庭在境外，无法家访，经中心研究同意",
    )
    with pytest.raises(IdentificationRuleError, match="只能由学生发展支持中心"):
        save(store, record, Role.COUNSELOR)
    saved = save(store, record, Role.COLLEGE_CENTER)
    assert saved.visit_exception_reason.startswith("家庭在境外")
    # the counselor may edit other fields later without touching the exception
    assert save(store, saved.model_copy(update={"note": "补充说明"}), Role.COUNSELOR).note == "补充说明"


def test_returning_student_needs_no_visit_first(store: Store) -> None:
    student = Student(student_no="R1", name="老同学")
    with store.session() as s:
        s.students.create(student)
    assert save(store, identification(student.id, YEAR, "difficult")).level is not None


def test_not_difficult_ends_key_support_after_confirmation(store: Store) -> None:
    student = Student(student_no="K1", name="帮扶同学")
    year_identification = identification(student.id, YEAR, "difficult")
    with store.session() as s:
        s.students.create(student)
        s.identifications.create(year_identification)
        review = ReviewRecord(reviewed_on=date(2025, 9, 10), conclusion="纳入")
        support = start_key_support(s, student.id, ["academic"], started_on=date(2025, 9, 10), review=review)
    lowered = year_identification.model_copy(update={"level": IdentificationLevel.NOT_DIFFICULT})
    with pytest.raises(KeySupportWouldEnd):
        save(store, lowered, note="家庭收入明显好转")
    with store.session() as s:
        assert s.key_supports.require(support.id).exited_on is None  # nothing changed
        assert s.identifications.require(lowered.id).level is not None
        assert s.identifications.require(lowered.id).level.value == "difficult"  # type: ignore[union-attr]
    save(store, lowered, note="家庭收入明显好转", end_key_support=True)
    with store.session() as s:
        ended = s.key_supports.require(support.id)
        assert ended.exited_on == DAY
        assert ended.exit_review is not None and ended.exit_review.method == EXIT_METHOD
        assert "家庭收入明显好转" in ended.exit_review.conclusion
