"""Outcome records between real laptops' stores and a live server: a college center's enrolment status
and case review reach the counselor's laptop; a counselor's laptop cannot write one (the server refuses
it and keeps nothing)."""

from __future__ import annotations

from datetime import date

from desktop.app import enrolment
from desktop.store.store import Store
from desktop.store.sync_replica import StoreReplica
from sync.client import SyncEngine
from sync.records import (
    CaseReview,
    EnrolmentState,
    EnrolmentStatus,
    Identification,
    Role,
    current_academic_year,
)
from sync.records.terms import current_term
from tests.sync.client.conftest import College, Devices


def _engine(college: College, store: Store, username: str, user_id: str, role: Role) -> SyncEngine:
    store.set_local_user(user_id=user_id, user_name=username, role=role)
    api = college.server.login(username, device_id=store.info.device_id)
    return SyncEngine(StoreReplica(store), college.server.url, api.token)


def test_the_centers_withdrawal_and_review_reach_the_counselor(
    college: College, devices: Devices, laptop_store: Store
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    counselor = devices.device("counselor_a")
    with _engine(college, laptop_store, "center", college.center, Role.COLLEGE_CENTER) as engine:
        engine.sync()
        with laptop_store.session() as s:
            s.identifications.create(
                Identification(student_id=student, academic_year=current_academic_year(), level="difficult")
            )
        status = EnrolmentStatus(student_id=student, term=current_term(), state=EnrolmentState.WITHDRAWN)
        review = CaseReview(
            student_id=student, reviewed_on=date.today(), reviewers=["张主任"], offered="临时困难补助"
        )
        saved = enrolment.save_status(laptop_store, status, review)
        report = engine.sync()
        assert report.pushed["applied"] == 4  # identification, status, review, the audit entry
    counselor.sync()
    live = counselor.replica.live()
    assert live[saved.status.id]["state"] == "withdrawn"
    assert live[review.id]["offered"] == "临时困难补助"


def test_a_counselors_laptop_cannot_write_enrolment(
    college: College, devices: Devices, laptop_store: Store
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    with _engine(college, laptop_store, "counselor_a", college.counselor_a, Role.COUNSELOR) as engine:
        engine.sync()
        with laptop_store.session() as s:  # past the app's rule, straight into the store
            s.enrolment.create(EnrolmentStatus(student_id=student, term=current_term(), state="suspended"))
        report = engine.sync()
        assert report.pushed["rejected"] == 1 and report.pushed["applied"] == 0
    center = devices.device("center")
    center.sync()
    assert not [r for r in center.replica.live().values() if r.get("term") == current_term()]
