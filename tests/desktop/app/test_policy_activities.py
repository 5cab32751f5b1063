"""The policy activities on a real store: who may write which, a talk's author, the year's counts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.app import policy_activities
from desktop.app.policy_activities import ActivityNotAllowed
from sync.records import (
    College,
    IdentificationEvaluation,
    IntegrityActivity,
    OneToOneTalk,
    ResearchProject,
    StaffTraining,
    Student,
    User,
)
from tests.desktop.app.conftest import Seeded


def _sign_in_college(seeded: Seeded) -> str:
    """The store's own user as a counselor of the student's college; returns the college id."""
    store = seeded.store
    with store.session() as s:
        college_id = s.students.require(seeded.student_id).college_id
        s.users.apply_remote(
            User(
                id=store.info.user_id, staff_no="T900", name="王老师", role="counselor", college_id=college_id
            ),
            field_versions={},
            server_seq=1,
            author_id=None,
            device_id=None,
        )
    return college_id


def _evaluation(college_id: str, **more: object) -> IdentificationEvaluation:
    return IdentificationEvaluation(
        college_id=college_id,
        academic_year="2024-2025",
        held_on=date(2024, 12, 1),
        participants=30,
        students_evaluated=6,
        conclusion="认可",
        **more,
    )


def test_a_counselor_records_its_colleges_evaluation_but_not_a_training(seeded: Seeded) -> None:
    college_id = _sign_in_college(seeded)
    store = seeded.store
    evaluation = policy_activities.save_activity(store, _evaluation(college_id))
    lists = policy_activities.activity_lists(store, "2024-2025")
    assert [e.id for e in lists.evaluations] == [evaluation.id]
    assert lists.authors[evaluation.id] == store.info.user_id
    assert lists.writer is not None and lists.writer.may_add("identification_evaluation")
    assert not lists.writer.may_add("staff_training")
    training = StaffTraining(
        college_id=college_id, held_on=date(2025, 1, 1), title="培训", trainees=["王"], hours=Decimal(2)
    )
    with pytest.raises(ActivityNotAllowed):
        policy_activities.save_activity(store, training)
    with store.session() as s:
        other = s.colleges.create(College(name="理学院", code="S"))
    with pytest.raises(ActivityNotAllowed, match="本学院"):
        policy_activities.save_activity(store, _evaluation(other.id))
    with pytest.raises(ActivityNotAllowed, match="本学院"):
        policy_activities.save_activity(store, evaluation.model_copy(update={"college_id": other.id}))
    with store.session() as s:
        assert s.trainings.count() == 0
        assert [e.college_id for e in s.evaluations.list()] == [college_id]


def test_an_evaluation_of_another_counselor_is_not_edited_here(seeded: Seeded) -> None:
    college_id = _sign_in_college(seeded)
    store = seeded.store
    theirs = _evaluation(college_id)
    with store.session() as s:
        s.evaluations.apply_remote(
            theirs, field_versions={}, server_seq=2, author_id="another-counselor", device_id=None
        )
    with pytest.raises(ActivityNotAllowed, match="录入人"):
        policy_activities.save_activity(store, theirs.model_copy(update={"participants": 1}))
    with pytest.raises(ActivityNotAllowed):
        policy_activities.delete_activity(store, theirs.RECORD_TYPE, theirs.id)
    with store.session() as s:
        assert s.evaluations.require(theirs.id).participants == 30


def test_a_talk_is_the_signed_in_users_and_counts_for_its_students_college(seeded: Seeded) -> None:
    college_id = _sign_in_college(seeded)
    store = seeded.store
    talk = policy_activities.save_talk(
        store,
        OneToOneTalk(student_id=seeded.student_id, talked_on=date(2025, 3, 1), topics="学业", summary="x"),
    )
    assert talk.talked_by_id == store.info.user_id
    policy_activities.save_talk(
        store, OneToOneTalk(student_id=seeded.student_id, talked_on=date(2025, 4, 1), topics="生活")
    )
    policy_activities.save_activity(store, _evaluation(college_id))
    policy_activities.save_activity(
        store,
        IntegrityActivity(
            college_id=college_id, held_on=date(2024, 10, 9), title="诚信班会", participants=35
        ),
    )
    with store.session() as s:
        s.research_projects.apply_remote(
            ResearchProject(college_id=college_id, title="研究", leader="赵", started_on=date(2024, 1, 1)),
            field_versions={},
            server_seq=3,
            author_id=None,
            device_id=None,
        )
        s.students.create(Student(student_no="2024999", name="李四", college_id=college_id))
    view = policy_activities.activity_counts_view(store, "2024-2025", None)
    [row] = view.table.colleges
    assert view.college_names[row.college_id] == "商学院"
    assert (row.evaluations, row.talks, row.talk_students) == (1, 2, 1)
    assert (row.integrity_activities, row.integrity_participants, row.research_projects) == (1, 35, 1)
    assert view.table.total.trainings == 0
    with store.session() as s:
        assert [t.topics for t in s.history(seeded.student_id).talks] == ["学业", "生活"]
