"""Key support, wish list and monitoring workflows: allowed steps, Chinese messages, totals."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.store.key_support_service import (
    KeySupportError,
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
from desktop.store.monitoring_workflow import FlagError, flag_from_visit, flag_rows, move_flag, raise_flag
from desktop.store.store import Store
from desktop.store.wish_workflow import (
    WishError,
    add_catalog_item,
    add_selection,
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
    ParticipantRole,
    ReviewRecord,
    Role,
    SessionKind,
    Student,
    SupportForm,
    WishPriority,
    WishStatus,
)
from tests.desktop.store.coverage_fixture import identification, visit

REVIEW = ReviewRecord(reviewed_on=date(2025, 9, 20), participants=["张主任", "王老师"], conclusion="纳入")
PSY, ACA, JOB = DifficultyType.PSYCHOLOGICAL, DifficultyType.ACADEMIC, DifficultyType.EMPLOYMENT


@pytest.fixture
def people(store: Store) -> dict[str, object]:
    zhang = Student(student_no="A1", name="张三")
    li = Student(student_no="A2", name="李四")
    both = Mentor(staff_no="M1", name="钱导师", specialties=[PSY, ACA], user_id="u-qian")
    psy = Mentor(staff_no="M2", name="孙导师", specialties=[PSY])
    job = Mentor(staff_no="M3", name="周导师", specialties=[JOB])
    gone = Mentor(staff_no="M4", name="吴导师", specialties=[PSY, ACA], active=False)
    with store.session() as s:
        s.students.create_many([zhang, li])
        s.identifications.create(identification(zhang.id, "2025-2026", "difficult"))
        s.mentors.create_many([both, psy, job, gone])
    return {"zhang": zhang, "li": li, "both": both, "psy": psy, "job": job, "gone": gone}


def test_key_support_lifecycle(store: Store, people: dict[str, object]) -> None:
    zhang, both, psy, gone = people["zhang"], people["both"], people["psy"], people["gone"]
    assert isinstance(zhang, Student) and isinstance(both, Mentor) and isinstance(psy, Mentor)
    assert isinstance(gone, Mentor)
    with store.session() as s:
        support = start_key_support(s, zhang.id, [PSY, ACA], started_on=date(2025, 9, 20), review=REVIEW)
        with pytest.raises(KeySupportError, match="已在重点帮扶中"):
            start_key_support(s, zhang.id, [JOB], started_on=date(2025, 9, 21), review=REVIEW)
        matches = match_mentors(s, [PSY, ACA], on=date(2025, 9, 25))
        assert [(m.mentor.staff_no, len(m.matched)) for m in matches] == [("M1", 2), ("M2", 1)]
        with pytest.raises(KeySupportError, match="不在岗"):
            assign_mentor(s, support.id, gone.id, from_date=date(2025, 9, 25))
        first = assign_mentor(s, support.id, psy.id, from_date=date(2025, 9, 25), goals="稳定情绪")
        second = assign_mentor(s, support.id, both.id, from_date=date(2025, 10, 10), plan="每两周谈心")
        assert s.mentor_assignments.require(first.id).to_date == date(2025, 10, 9)
        # the matching now sees 钱导师's load
        assert [m.active_students for m in match_mentors(s, [PSY], on=date(2025, 10, 15))] == [0, 1]
        log_support(
            s,
            second.id,
            log_date=date(2025, 10, 20),
            form=SupportForm.HEART_TO_HEART,
            summary="谈心",
            duration_minutes=90,
        )
        log_support(
            s,
            second.id,
            log_date=date(2025, 11, 3),
            form=SupportForm.ACADEMIC_GUIDANCE,
            summary="学业",
            duration_minutes=30,
        )
        with pytest.raises(KeySupportError, match="不在该导师的帮扶期间"):
            log_support(s, second.id, log_date=date(2025, 9, 1), form=SupportForm.ACTIVITY, summary="x")
        participant = Participant(name="钱导师", role=ParticipantRole.MENTOR, user_id="u-qian")
        record_session(
            s,
            SessionKind.CASE_CONFERENCE,
            session_date=date(2025, 11, 10),
            participants=[participant],
            student_ids=[zhang.id],
        )
        li = people["li"]
        assert isinstance(li, Student)
        with pytest.raises(KeySupportError, match="只针对当时在重点帮扶中的学生"):
            record_session(
                s,
                SessionKind.RESCUE_EDUCATION,
                session_date=date(2025, 11, 10),
                participants=[participant],
                student_ids=[li.id],
            )
        cases = key_support_cases(s, Role.COLLEGE_CENTER, academic_year="2025-2026", today=date(2025, 11, 20))
        assert [(c.student_no, c.mentor_name, c.last_log, c.sessions_this_year) for c in cases] == [
            ("A1", "钱导师", date(2025, 11, 3), 1)
        ]
        assert s.audit.list()[-1].action is AuditAction.VIEW_RESTRICTED
        with pytest.raises(KeySupportError, match="仅对学生发展支持中心"):
            key_support_cases(s, Role.ADMIN, academic_year="2025-2026")
        first_term = term_bounds("2025-2026", 1)
        assert first_term == (date(2025, 9, 1), date(2026, 2, 28))
        workload = {w.mentor.staff_no: w for w in mentor_workload(s, *first_term)}
        assert (
            workload["M1"].log_entries == 2 and workload["M1"].hours == 2.0 and workload["M1"].sessions == 1
        )
        assert workload["M2"].students == {zhang.id} and workload["M2"].log_entries == 0
        assert "M3" not in workload
        exit_review = ReviewRecord(reviewed_on=date(2026, 1, 5), conclusion="目标达成")
        ended = exit_key_support(s, support.id, exited_on=date(2026, 1, 5), review=exit_review)
        assert ended.exited_on == date(2026, 1, 5)
        assert s.mentor_assignments.require(second.id).to_date == date(2026, 1, 5)
        with pytest.raises(KeySupportError, match="已经退出"):
            exit_key_support(s, support.id, exited_on=date(2026, 1, 6), review=exit_review)
        with pytest.raises(KeySupportError, match="不能再分配导师"):
            assign_mentor(s, support.id, psy.id, from_date=date(2026, 1, 10))
        assert key_support_cases(s, Role.SCHOOL_CENTER, academic_year="2025-2026") == []
        assert (
            len(key_support_cases(s, Role.SCHOOL_CENTER, academic_year="2025-2026", include_exited=True)) == 1
        )


def test_key_support_only_for_this_years_disadvantaged(store: Store, people: dict[str, object]) -> None:
    zhang, li = people["zhang"], people["li"]
    assert isinstance(zhang, Student) and isinstance(li, Student)
    with store.session() as s:
        with pytest.raises(KeySupportError, match="2025-2026 学年认定为家庭经济困难"):
            start_key_support(s, li.id, [PSY], started_on=date(2025, 9, 20), review=REVIEW)
        s.identifications.create(identification(li.id, "2025-2026", "not_difficult"))
        with pytest.raises(KeySupportError, match="认定为家庭经济困难"):
            start_key_support(s, li.id, [PSY], started_on=date(2025, 9, 20), review=REVIEW)
        # zhang is identified for 2025-2026, not for 2026-2027
        with pytest.raises(KeySupportError, match="2026-2027"):
            start_key_support(s, zhang.id, [PSY], started_on=date(2026, 9, 2), review=REVIEW)
        assert start_key_support(s, zhang.id, [PSY], started_on=date(2025, 9, 20), review=REVIEW).active


def test_mismatched_mentor_needs_a_center_reason(store: Store, people: dict[str, object]) -> None:
    zhang, job = people["zhang"], people["job"]
    assert isinstance(zhang, Student) and isinstance(job, Mentor)
    with store.session() as s:
        support = start_key_support(s, zhang.id, [PSY], started_on=date(2025, 9, 20), review=REVIEW)
        day = date(2025, 9, 25)
        with pytest.raises(KeySupportError, match="专长与学生的帮扶需求都不相符"):
            assign_mentor(s, support.id, job.id, from_date=day, role=Role.COLLEGE_CENTER)
        with pytest.raises(KeySupportError, match="只有学生发展支持中心"):
            assign_mentor(
                s, support.id, job.id, from_date=day, mismatch_reason="暂无心理导师", role=Role.COUNSELOR
            )
        assert s.mentor_assignments.for_student(zhang.id) == []
        assigned = assign_mentor(
            s, support.id, job.id, from_date=day, mismatch_reason="暂无心理导师", role=Role.COLLEGE_CENTER
        )
        assert s.mentor_assignments.require(assigned.id).mismatch_reason == "暂无心理导师"


def test_counselor_gets_no_key_support_list(store: Store, people: dict[str, object]) -> None:
    with store.session() as s, pytest.raises(KeySupportError, match="仅对学生发展支持中心和育人导师开放"):
        key_support_cases(s, Role.COUNSELOR, academic_year="2025-2026")


def test_start_needs_a_difficulty(store: Store, people: dict[str, object]) -> None:
    zhang = people["zhang"]
    assert isinstance(zhang, Student)
    with store.session() as s, pytest.raises(KeySupportError, match="至少选择一项"):
        start_key_support(s, zhang.id, [], started_on=date(2025, 9, 20), review=REVIEW)


def test_wish_workflow(store: Store, people: dict[str, object]) -> None:
    zhang, li = people["zhang"], people["li"]
    assert isinstance(zhang, Student) and isinstance(li, Student)
    with store.session() as s:
        with pytest.raises(WishError, match="学校学生发展支持中心维护"):
            add_catalog_item(
                s, Role.COUNSELOR, category=PSY, service_item="心理咨询", provider_department="心理中心"
            )
        talk = add_catalog_item(
            s, Role.SCHOOL_CENTER, category=PSY, service_item="心理咨询", provider_department="心理中心"
        )
        tutor = add_catalog_item(
            s, Role.SCHOOL_CENTER, category=ACA, service_item="学业辅导", provider_department="教务处"
        )
        old = add_catalog_item(
            s, Role.SCHOOL_CENTER, category=JOB, service_item="简历指导", provider_department="就业指导中心"
        )
        set_catalog_item_active(s, Role.SCHOOL_CENTER, old.id, False)
        with pytest.raises(WishError, match="已停用"):
            add_selection(s, zhang.id, academic_year="2025-2026", item_ids=[old.id])
        home = visit(zhang.id, date(2025, 10, 1))
        s.visits.create(home)
        on_visit = add_selection(
            s,
            zhang.id,
            academic_year="2025-2026",
            item_ids=[talk.id, tutor.id],
            visit_id=home.id,
            priority=WishPriority.HIGH,
        )
        assert on_visit.channel.label == "家访时纸质填写"
        with pytest.raises(WishError, match="不是这名学生的"):
            add_selection(s, li.id, academic_year="2025-2026", item_ids=[talk.id], visit_id=home.id)
        online = add_selection(s, li.id, academic_year="2025-2026", item_ids=[talk.id])
        with pytest.raises(WishError, match="不能从“待受理”改为“已完成”"):
            move_selection(s, on_visit.id, WishStatus.COMPLETED, completed_on=date(2025, 11, 1))
        with pytest.raises(WishError, match="须填写负责人"):
            move_selection(s, on_visit.id, WishStatus.MATCHED)
        move_selection(s, on_visit.id, WishStatus.MATCHED, responsible_person="刘老师")
        with pytest.raises(WishError, match="须填写完成日期"):
            move_selection(s, on_visit.id, WishStatus.COMPLETED)
        done = move_selection(
            s, on_visit.id, WishStatus.COMPLETED, completed_on=date(2025, 11, 1), feedback="满意"
        )
        assert done.status is WishStatus.COMPLETED
        move_selection(s, online.id, WishStatus.UNFULFILLABLE, feedback="名额已满")
        reopened = move_selection(s, online.id, WishStatus.PENDING)
        assert reopened.status is WishStatus.PENDING
        lists = wishes_by_department(s, "2025-2026")
        assert list(lists) == ["心理中心", "教务处"]
        assert [(r.student_no, r.items) for r in lists["心理中心"]] == [
            ("A1", ("心理咨询",)),
            ("A2", ("心理咨询",)),
        ]
        assert [
            r.student_no for r in wishes_by_department(s, "2025-2026", status=WishStatus.PENDING)["心理中心"]
        ] == ["A2"]


def test_monitoring_workflow(store: Store, people: dict[str, object]) -> None:
    zhang, li = people["zhang"], people["li"]
    assert isinstance(zhang, Student) and isinstance(li, Student)
    with store.session() as s:
        flag = raise_flag(
            s, zhang.id, FlagKind.PSYCH_OR_LIFE_ANOMALY, "近期情绪低落", raised_on=date(2025, 11, 1)
        )
        assert flag.raised_by_id == store.info.user_id
        with pytest.raises(FlagError, match="不能为空"):
            raise_flag(s, zhang.id, FlagKind.OTHER, "", raised_on=date(2025, 11, 1))
        calm = visit(li.id, date(2025, 12, 1))
        assert flag_from_visit(s, calm) is None
        shock = visit(li.id, date(2025, 12, 2), recent_shocks="父亲住院", suggest_temporary_subsidy=True)
        raised = flag_from_visit(s, shock)
        assert raised is not None and raised.kind is FlagKind.FAMILY_EMERGENCY
        assert flag_from_visit(s, shock) is None  # once per visit day
        moving = move_flag(s, flag.id, FlagStatus.IN_PROGRESS)
        assert moving.handled_by_id == store.info.user_id
        with pytest.raises(FlagError, match="请选择采取的处理措施"):
            move_flag(s, flag.id, FlagStatus.RESOLVED, resolved_on=date(2025, 11, 5))
        done = move_flag(
            s, flag.id, FlagStatus.RESOLVED, actions=[FlagAction.REFERRED], resolved_on=date(2025, 11, 5)
        )
        assert done.status is FlagStatus.RESOLVED
        with pytest.raises(FlagError, match="不能从“已处理”改为“待处理”"):
            move_flag(s, flag.id, FlagStatus.OPEN)
        reopened = move_flag(s, flag.id, FlagStatus.IN_PROGRESS)
        assert reopened.resolved_on is None
        rows = flag_rows(s)
        assert [(r.student_no, r.flag.status) for r in rows] == [
            ("A2", FlagStatus.OPEN),
            ("A1", FlagStatus.IN_PROGRESS),
        ]
        assert [r.student_no for r in flag_rows(s, statuses=[FlagStatus.OPEN])] == ["A2"]


def test_visits_suggesting_a_subsidy(store: Store, people: dict[str, object]) -> None:
    from desktop.store.monitoring_workflow import visits_suggesting_subsidy
    from desktop.store.wish_workflow import latest_visit_id

    zhang, li = people["zhang"], people["li"]
    assert isinstance(zhang, Student) and isinstance(li, Student)
    with store.session() as s:
        s.visits.create(visit(zhang.id, date(2025, 10, 1), recent_shocks="房屋受灾"))
        s.visits.create(visit(li.id, date(2025, 10, 2)))
        assert latest_visit_id(s, li.id, "2025-2026") is not None
        assert latest_visit_id(s, li.id, "2024-2025") is None
        s.visits.create(visit(li.id, date(2025, 10, 3), recent_shocks="  \n "))  # blank: nothing to flag
        [suggesting] = visits_suggesting_subsidy(s, "2025-2026")
        assert suggesting.student_id == zhang.id
        subsidy_only = s.visits.create(visit(li.id, date(2025, 10, 4), suggest_temporary_subsidy=True))
        assert [v.id for v in visits_suggesting_subsidy(s, "2025-2026")] == [suggesting.id, subsidy_only.id]
        s.visits.delete(subsidy_only.id)
        flag_from_visit(s, suggesting)
        assert visits_suggesting_subsidy(s, "2025-2026") == []
