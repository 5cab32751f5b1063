"""The profile reads the one StudentHistory (names resolved, timeline included) and saves the student
with the family table in one transaction."""

from __future__ import annotations

from datetime import date

from desktop.app import profile, record_editing, visits
from desktop.app.profile import StudentHistory, TimelineKind
from sync.records import GuaranteeAid, VisitStatus
from tests.desktop.app.conftest import DAY, Seeded, visit


def test_load_student_is_the_history_with_names_and_its_timeline(seeded: Seeded) -> None:
    store, sid = seeded.store, seeded.student_id
    visits.save_visit(store, visit(sid))
    visits.save_visit(store, visit(sid, status=VisitStatus.DRAFT, visit_date=date(2024, 1, 5)))
    aid = GuaranteeAid(
        student_id=sid,
        academic_year="2024-2025",
        aid_type="grant",
        project_name="国家助学金",
        amount=3300,
        granted_on=date(2024, 11, 1),
    )
    record_editing.save_aid(store, aid)

    history = profile.load_student(store, sid)

    assert isinstance(history, StudentHistory)
    assert (history.college_name, history.counselor_name) == ("商学院", "王老师")
    assert len(history.visits) == 2  # the profile lists the draft too
    assert len(history.without_drafts().visits) == 1  # the archive does not print it
    timeline = history.timeline(newest_first=True)
    assert [(e.kind, e.day) for e in timeline] == [
        (TimelineKind.VISIT, DAY),
        (TimelineKind.AID, date(2024, 11, 1)),
    ]
    assert timeline[1].detail == "助学金 3300.00 元"


def test_save_student_updates_adds_and_removes_family_members_together(seeded: Seeded) -> None:
    store, sid = seeded.store, seeded.student_id
    history = profile.load_student(store, sid)
    student = history.student.model_copy(update={"phone": "13812345678"})
    mother = history.family[0].model_copy(update={"id": "m-1", "name": "李秀英", "relationship": "母亲"})

    profile.save_student(store, student, [mother], [seeded.father_id])

    after = profile.load_student(store, sid)
    assert after.student.phone == "13812345678"
    assert [m.name for m in after.family] == ["李秀英"]
