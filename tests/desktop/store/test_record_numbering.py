"""Printed record numbers on a real encrypted store: given in the saving transaction, never twice,
filled in for earlier visits when the device number arrives, found again by the search box."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop.store.record_numbering import device_no, set_device_no
from desktop.store.search import RecordHit, find_printed_record
from desktop.store.store import Store
from desktop.store.tables import OutboxRow
from sync.records import HomeVisit, Student, VisitCategory, VisitMode
from sync.records.record_numbers import qr_payload, read_reference
from sync.records.visits import Visitor


def _visit(student_id: str, day: date) -> HomeVisit:
    return HomeVisit(
        student_id=student_id,
        category=VisitCategory.ANNUAL_COVERAGE,
        mode=VisitMode.PHONE,
        visit_date=day,
        duration_minutes=30,
        visitors=[Visitor(name="王老师")],
        school_feedback="学习认真",
        family_opinions="无",
    )


@pytest.fixture
def student(store: Store) -> Student:
    with store.session() as s:
        return s.students.create(Student(student_no="2024990001", name="赵编号"))


def test_visits_are_numbered_once_the_device_has_its_number(store: Store, student: Student) -> None:
    day = date.today() - timedelta(days=3)
    with store.session() as s:
        early = s.visits.create(_visit(student.id, day))
    assert early.record_no == ""  # no device number yet: nothing printed is ever renumbered
    with store.session() as s:
        assert set_device_no(s, 17) == 1
        assert device_no(s.meta) == 17
    with store.session() as s:
        assert s.visits.require(early.id).record_no == f"JF-{day.year}-017-0001"
        later = [s.visits.create(_visit(student.id, day)) for _ in range(2)]
    assert [v.record_no for v in later] == [f"JF-{day.year}-017-0002", f"JF-{day.year}-017-0003"]
    with store.session() as s:  # a second login with the same number changes nothing printed
        assert set_device_no(s, 17) == 0
        assert s.visits.require(early.id).record_no == f"JF-{day.year}-017-0001"
        # the number travels to the center like any edit
        fields = s.db.scalars(select(OutboxRow.fields).where(OutboxRow.record_id == early.id)).all()
        assert any(f.get("record_no") == f"JF-{day.year}-017-0001" for f in fields)


def test_a_failed_save_gives_its_number_back(store: Store, student: Student) -> None:
    day = date.today()
    with store.session() as s:
        set_device_no(s, 3)
    with pytest.raises(RuntimeError), store.session() as s:
        s.visits.create(_visit(student.id, day))
        raise RuntimeError("the save is rolled back")
    with store.session() as s:
        assert s.visits.create(_visit(student.id, day)).record_no == f"JF-{day.year}-003-0001"


def test_search_box_finds_the_record_by_number_or_scanned_code(store: Store, student: Student) -> None:
    with store.session() as s:
        set_device_no(s, 5)
        visit = s.visits.create(_visit(student.id, date.today()))
    with store.session() as s:
        hit = RecordHit(student.id, visit.id)
        assert find_printed_record(s, visit.record_no) == hit
        assert find_printed_record(s, visit.record_no.lower()) == hit
        assert find_printed_record(s, qr_payload(visit.record_no, visit.id)) == hit
        assert find_printed_record(s, student.id) == RecordHit(student.id)
        assert find_printed_record(s, "JF-1999-005-0001") is None
        assert find_printed_record(s, "赵编号") is None


def test_reading_a_reference() -> None:
    ref = read_reference(" jf-2026-017-0042 0195b0c4-7e21-7a3c-9d52-5c1f3e8a4b6d ")
    assert ref is not None
    assert ref.record_no == "JF-2026-017-0042"
    assert ref.record_id == "0195b0c4-7e21-7a3c-9d52-5c1f3e8a4b6d"
    assert read_reference("张三 2024001") is None


def test_an_edit_begun_before_numbering_keeps_the_number(store: Store, student: Student) -> None:
    day = date.today()
    with store.session() as s:
        visit = s.visits.create(_visit(student.id, day))
    opened = visit.model_copy()  # the form holds the visit as it was, without a number
    with store.session() as s:
        set_device_no(s, 8)
    with store.session() as s:
        s.visits.update(opened.model_copy(update={"school_feedback": "进步明显"}))
        saved = s.visits.require(visit.id)
    assert saved.record_no == f"JF-{day.year}-008-0001" and saved.school_feedback == "进步明显"
    with store.session() as s:  # nor can an edit change a printed number
        s.visits.update(saved.model_copy(update={"record_no": f"JF-{day.year}-008-0099"}))
        assert s.visits.require(visit.id).record_no == f"JF-{day.year}-008-0001"
