"""The workload figures on a hand-built school, exactly, and the frozen-term rule (docs/workload.md)."""

from __future__ import annotations

from datetime import date

from sync.figures.facts import SchoolFacts
from sync.figures.workload import TeacherWorkload, WorkloadReport, confirmation_items, workload
from sync.records import Record, VisitMode, WorkloadConfirmation
from tests.sync.figures.workload_fixture import T1, T2, log, school


def _rows(report: WorkloadReport) -> dict[str, TeacherWorkload]:
    return {row.teacher.name: row for row in report.teachers}


def _figures(row: TeacherWorkload) -> tuple[int, int, int, int, int, int, int, int]:
    return (
        row.mentees,
        row.mentor_sessions,
        row.mentor_minutes,
        row.rescue_sessions,
        row.case_conferences,
        row.visits,
        row.visit_minutes,
        row.wish_services,
    )


def _confirm(records: list[Record], term: str, college_id: str, on: date) -> WorkloadConfirmation:
    report = workload(SchoolFacts.of_records(records), term, college_id)
    return WorkloadConfirmation(
        term=term, college_id=college_id, confirmed_on=on, items=confirmation_items(report, college_id)
    )


def test_each_activity_counts_for_the_teachers_its_record_names() -> None:
    report = workload(SchoolFacts.of_records(school()), T1, "c1")
    rows = _rows(report)
    assert sorted(rows) == ["王老师", "赵导师", "钱导师"]
    #                             mentees sessions minutes rescue conf visits v.min wish
    assert _figures(rows["王老师"]) == (0, 0, 0, 1, 1, 2, 150, 2)
    assert _figures(rows["赵导师"]) == (1, 2, 105, 1, 0, 1, 120, 0)
    assert _figures(rows["钱导师"]) == (0, 1, 30, 0, 0, 0, 0, 0)
    wang = rows["王老师"]
    assert wang.visits_by_mode[VisitMode.ON_SITE] == 1 and wang.visits_by_mode[VisitMode.PHONE] == 1
    assert wang.visit_hours == 2.5
    assert rows["赵导师"].teacher.id == "u-zhao"  # the mentor and the account are one person
    assert report.unmatched == ["刘班主任", "孙老师"]
    assert not report.confirmed and report.open_colleges == ["c1"]


def test_the_school_adds_every_colleges_activities() -> None:
    rows = _rows(workload(SchoolFacts.of_records(school()), T1))
    assert _figures(rows["王老师"]) == (0, 0, 0, 1, 1, 3, 190, 2)
    assert rows["王老师"].visits_by_mode[VisitMode.VIDEO] == 1


def test_the_second_term_counts_its_own_dates_and_the_students_still_mentored() -> None:
    rows = _rows(workload(SchoolFacts.of_records(school()), T2, "c1"))
    assert sorted(rows) == ["赵导师"]
    assert _figures(rows["赵导师"]) == (1, 1, 50, 0, 0, 0, 0, 0)


def test_a_confirmed_term_is_frozen_and_later_changes_go_to_the_next_open_term_with_a_note() -> None:
    records = school()
    confirmation = _confirm(records, T1, "c1", date(2026, 3, 2))
    # the snapshot travels as a record (JSON) and is read back as it was
    confirmation = WorkloadConfirmation.model_validate_json(confirmation.model_dump_json())
    records.append(confirmation)
    before = {
        name: _figures(row)
        for name, row in _rows(workload(SchoolFacts.of_records(records), T1, "c1")).items()
    }

    # later: a session dated in the confirmed term is added, and a visit of it gets 60 more minutes
    records.append(log("l5", "m-qian", date(2025, 12, 20), 40))
    v1 = next(r for r in records if r.id == "v1")
    v1.duration_minutes = 180  # type: ignore[attr-defined]

    t1 = workload(SchoolFacts.of_records(records), T1, "c1")
    assert t1.confirmed and t1.confirmations == [confirmation]
    assert {name: _figures(row) for name, row in _rows(t1).items()} == before

    t2 = _rows(workload(SchoolFacts.of_records(records), T2, "c1"))
    assert _figures(t2["钱导师"]) == (0, 1, 40, 0, 0, 0, 0, 0)
    [late] = t2["钱导师"].activities
    assert (late.activity_id, late.day, late.note) == ("l5", date(2025, 12, 20), "补录：原属2025-2026-1")
    # the visit was counted when confirmed: the next term gets the difference only (60 minutes, no visit)
    assert _figures(t2["王老师"]) == (0, 0, 0, 0, 0, 0, 60, 0)
    [fix] = t2["王老师"].activities
    assert (fix.activity_id, fix.count, fix.minutes, fix.note) == (
        "v1",
        0,
        60,
        "补录：原属2025-2026-1（更正）",
    )
    assert _figures(t2["赵导师"]) == (1, 1, 50, 0, 0, 0, 60, 0)


def test_when_the_next_term_is_confirmed_too_a_late_entry_goes_to_the_first_open_one() -> None:
    records = school()
    records.append(_confirm(records, T1, "c1", date(2026, 3, 2)))
    records.append(_confirm(records, T2, "c1", date(2026, 9, 1)))
    records.append(log("l6", "m-qian", date(2025, 11, 30), 25))
    assert "钱导师" not in _rows(workload(SchoolFacts.of_records(records), T2, "c1"))
    rows = _rows(workload(SchoolFacts.of_records(records), "2026-2027-1", "c1"))
    [late] = rows["钱导师"].activities
    assert (late.activity_id, late.minutes, late.note) == ("l6", 25, "补录：原属2025-2026-1")


def test_a_late_entry_counted_by_a_later_confirmation_is_not_counted_again() -> None:
    records = school()
    records.append(_confirm(records, T1, "c1", date(2026, 3, 2)))
    records.append(log("l5", "m-qian", date(2025, 12, 20), 40))
    records.append(_confirm(records, T2, "c1", date(2026, 9, 1)))
    t2 = _rows(workload(SchoolFacts.of_records(records), T2, "c1"))
    assert t2["钱导师"].mentor_minutes == 40  # frozen in the second term's confirmation
    assert "钱导师" not in _rows(workload(SchoolFacts.of_records(records), "2026-2027-1", "c1"))


def test_another_colleges_confirmation_freezes_only_that_college() -> None:
    records = school()
    records.append(_confirm(records, T1, "c2", date(2026, 3, 2)))
    records.append(log("l5", "m-qian", date(2025, 12, 20), 40))  # a c1 student: c1's term is open
    rows = _rows(workload(SchoolFacts.of_records(records), T1, "c1"))
    assert rows["钱导师"].mentor_minutes == 70
    school_wide = workload(SchoolFacts.of_records(records), T1)
    assert not school_wide.confirmed and school_wide.open_colleges == ["c1"]


def test_the_earlier_of_two_confirmations_of_a_term_holds() -> None:
    records = school()
    first = _confirm(records, T1, "c1", date(2026, 3, 2))
    records.append(log("l5", "m-qian", date(2025, 12, 20), 40))
    second = _confirm(records, T1, "c1", date(2026, 3, 5))
    records += [second, first]
    t1 = workload(SchoolFacts.of_records(records), T1, "c1")
    assert t1.confirmations == [first]
    assert _rows(t1)["钱导师"].mentor_minutes == 30


def test_an_activity_deleted_after_confirmation_is_taken_back_in_the_next_open_term() -> None:
    records = school()
    records.append(_confirm(records, T1, "c1", date(2026, 3, 2)))
    records = [r for r in records if r.id != "l3"]  # 钱导师's session of 1 Dec 2025, deleted
    assert _rows(workload(SchoolFacts.of_records(records), T1, "c1"))["钱导师"].mentor_minutes == 30
    t2 = _rows(workload(SchoolFacts.of_records(records), T2, "c1"))
    assert _figures(t2["钱导师"]) == (0, -1, -30, 0, 0, 0, 0, 0)
    [back] = t2["钱导师"].activities
    assert (back.activity_id, back.note) == ("l3", "补录：原属2025-2026-1（更正）")
