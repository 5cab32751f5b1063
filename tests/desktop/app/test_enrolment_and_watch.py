"""The profile's 学籍 use cases on a real store: a disadvantaged student's 退学 needs a case review in the
same save (refused without, nothing written); only the centers record; the watch list and aid to-do as
each role sees them, with the school's failed-courses threshold."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.app import enrolment, school_settings, watch
from desktop.store.enrolment_rules import EnrolmentRuleError
from desktop.store.errors import StoreError
from desktop.store.repositories.meta import USER_ID
from desktop.store.store import Store
from sync.records import (
    AcademicResult,
    CaseReview,
    College,
    EnrolmentState,
    EnrolmentStatus,
    Identification,
    Role,
    Student,
    User,
    academic_year_of,
)
from sync.records.terms import term_of
from tests.desktop.app.conftest import PASSPHRASE

TODAY = date.today()
TERM = term_of(TODAY)


def _store(path: Path, role: Role) -> Store:
    return Store.create(
        path, PASSPHRASE, school_name="示例大学", user_name="张主任", role=role, use_keyring=False
    )


class School:
    """Two colleges; counselor 王老师 (this laptop's user when it is a counselor's) and 李老师."""

    def __init__(self, store: Store) -> None:
        self.store = store
        with store.session() as s:
            me = s.meta.get(USER_ID) or ""
            self.arts = s.colleges.create(College(name="文学院", code="W"))
            self.science = s.colleges.create(College(name="理学院", code="L"))
            self.wang = s.users.create(User(id=me, staff_no="T1", name="王老师", role=Role.COUNSELOR))
            self.li = s.users.create(User(staff_no="T2", name="李老师", role=Role.COUNSELOR))

    def student(
        self,
        no: str,
        *,
        level: str | None = "difficult",
        college: str = "arts",
        own: bool = True,
        **ident: object,
    ) -> str:
        college_id = self.arts.id if college == "arts" else self.science.id
        counselor = self.wang.id if own else self.li.id
        with self.store.session() as s:
            student = s.students.create(
                Student(student_no=no, name=f"学生{no}", college_id=college_id, counselor_id=counselor)
            )
            if level is not None:
                s.identifications.create(
                    Identification(
                        student_id=student.id, academic_year=academic_year_of(TODAY), level=level, **ident
                    )
                )
        return student.id


@pytest.fixture
def center(tmp_path: Path) -> Iterator[School]:
    store = _store(tmp_path / "center", Role.COLLEGE_CENTER)
    try:
        yield School(store)
    finally:
        store.close()


@pytest.fixture
def counselor(tmp_path: Path) -> Iterator[School]:
    store = _store(tmp_path / "counselor", Role.COUNSELOR)
    try:
        yield School(store)
    finally:
        store.close()


def _review(student_id: str, on: date = TODAY) -> CaseReview:
    return CaseReview(
        student_id=student_id,
        reviewed_on=on,
        reviewers=["张主任", "王老师"],
        offered="临时困难补助；建议以休学代替退学",
    )


def test_a_withdrawal_of_a_disadvantaged_student_needs_a_case_review(center: School) -> None:
    store = center.store
    poor = center.student("01")
    withdrawn = EnrolmentStatus(
        student_id=poor, term=TERM, state=EnrolmentState.WITHDRAWN, effective_on=TODAY
    )
    assert enrolment.review_needed(store, withdrawn)
    with pytest.raises(EnrolmentRuleError, match="退学须经个案评议"):
        enrolment.save_status(store, withdrawn)
    with store.session() as s:
        assert s.enrolment.count() == 0 and s.case_reviews.count() == 0
    saved = enrolment.save_status(store, withdrawn, _review(poor))
    assert saved.status.source == "手工录入"
    history = enrolment.enrolment_history(store, poor)
    assert [(st.term, st.state) for st in history.statuses] == [(TERM, EnrolmentState.WITHDRAWN)]
    assert [r.offered for r in history.reviews] == ["临时困难补助；建议以休学代替退学"]
    assert history.editable
    # the review recorded now covers a later edit of the same term (one record per term)
    enrolment.save_status(store, withdrawn.model_copy(update={"note": "已办理"}))
    with store.session() as s:
        assert [st.note for st in s.enrolment.for_student(poor)] == ["已办理"]


def test_a_review_from_before_the_previous_term_does_not_count(center: School) -> None:
    poor = center.student("01")
    withdrawn = EnrolmentStatus(student_id=poor, term=TERM, state=EnrolmentState.WITHDRAWN)
    with pytest.raises(EnrolmentRuleError, match="个案评议日期早于"):
        enrolment.save_status(center.store, withdrawn, _review(poor, TODAY - timedelta(days=400)))


def test_other_students_and_other_states_need_no_review(center: School) -> None:
    well_off = center.student("02", level="not_difficult")
    enrolment.save_status(
        center.store, EnrolmentStatus(student_id=well_off, term=TERM, state=EnrolmentState.WITHDRAWN)
    )
    poor = center.student("03")
    enrolment.save_status(
        center.store,
        EnrolmentStatus(
            student_id=poor, term=TERM, state=EnrolmentState.STUDYING, applied_state=EnrolmentState.WITHDRAWN
        ),
    )
    with center.store.session() as s:
        assert s.enrolment.count() == 2


def test_a_counselor_may_not_record_enrolment(counselor: School) -> None:
    own = counselor.student("01", level="not_difficult")
    with pytest.raises(EnrolmentRuleError, match="只有学生发展支持中心"):
        enrolment.save_status(
            counselor.store, EnrolmentStatus(student_id=own, term=TERM, state=EnrolmentState.SUSPENDED)
        )
    assert not enrolment.enrolment_history(counselor.store, own).editable


def test_the_centers_see_their_college_a_counselor_their_own_students(
    center: School, counselor: School
) -> None:
    for school in (center, counselor):
        for no, college, own in (("01", "arts", True), ("02", "arts", False), ("03", "science", True)):
            student = school.student(no, college=college, own=own)
            with school.store.session() as s:
                s.enrolment.create(
                    EnrolmentStatus(student_id=student, term=TERM, state=EnrolmentState.SUSPENDED)
                )
    view = watch.watch_view(center.store)
    assert [(row.entry.student_no, row.college, row.counselor) for row in view.rows] == [
        ("01", "文学院", "王老师"),
        ("02", "文学院", "李老师"),
        ("03", "理学院", "王老师"),
    ]
    assert view.counts_by_college() == [("文学院", 2), ("理学院", 1)]
    assert [row.entry.student_no for row in watch.watch_view(center.store, college="理学院").rows] == ["03"]
    assert [row.entry.student_no for row in watch.watch_view(counselor.store).rows] == ["01", "03"]
    with pytest.raises(StoreError, match="没有名为“医学院”的学院"):
        watch.watch_view(center.store, college="医学院")


def test_the_threshold_is_a_school_setting(center: School) -> None:
    student = center.student("01")
    with center.store.session() as s:
        s.academic_results.create(AcademicResult(student_id=student, term=TERM, failed_courses=2))
    assert [row.entry.reasons for row in watch.watch_view(center.store).rows] == [
        (f"{TERM[:9]}学年第{'一' if TERM.endswith('1') else '二'}学期不及格 2 门",)
    ]
    assert school_settings.set_watch_failed_courses(center.store, 3) == 3
    assert watch.watch_view(center.store).rows == []
    assert watch.watch_view(center.store).threshold == 3
    with pytest.raises(StoreError, match="1–20"):
        school_settings.set_watch_failed_courses(center.store, 0)


def test_aid_to_do_for_the_counselors_own_students(counselor: School) -> None:
    identified = TODAY - timedelta(days=31)
    if academic_year_of(identified) != academic_year_of(TODAY):
        # The app reads the real date: in September an identification 31 days old is of the year before,
        # which the 30-day rule does not read; the rule itself is tested on fixed days in
        # tests/sync/figures/test_watch_list.py.
        pytest.skip("first month of an academic year: a 31-day-old identification is of the year before")
    counselor.student("01", without_application=True, identified_on=identified)
    counselor.student("02", without_application=True, identified_on=identified, own=False)
    counselor.student("03", without_application=True, identified_on=TODAY - timedelta(days=30))
    view = watch.watch_view(counselor.store)
    assert [(row.todo.student_no, row.todo.days_overdue) for row in view.todos] == [("01", 1)]


def test_mentors_see_no_watch_list(tmp_path: Path) -> None:
    store = _store(tmp_path / "mentor", Role.MENTOR)
    try:
        with pytest.raises(watch.WatchHidden):
            watch.watch_view(store)
        assert watch.watch_counts(store) == []
    finally:
        store.close()
