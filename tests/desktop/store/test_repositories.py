"""Every repository operation on a real SQLCipher store, with its outbox ops."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import JSON

from desktop.store.migrations import LATEST_VERSION
from desktop.store.outbox import (
    OpKind,
    acknowledge,
    mark_failed,
    pending_count,
    pending_for_student,
    pending_ops,
)
from desktop.store.repositories import DuplicateStudentNo, NotAuthor, RecordNotFound, RecordTypeMismatch
from desktop.store.repositories.history import TimelineKind
from desktop.store.store import Store
from sync.records import (
    AuditAction,
    College,
    FamilyMember,
    HomeVisit,
    Identification,
    IdentificationLevel,
    IdentificationStatus,
    Record,
    Student,
    VisitStatus,
)
from tests.sync.records.test_records import sample_records


def visit(student_id: str, **fields: Any) -> HomeVisit:
    data: dict[str, Any] = {
        "student_id": student_id,
        "category": "annual_coverage",
        "mode": "on_site",
        "visit_date": date(2025, 10, 12),
        "duration_minutes": 90,
        "visitors": [{"name": "王老师", "role": "counselor"}],
        "school_feedback": "学习努力",
        "family_opinions": "感谢老师",
    }
    data.update(fields)
    return HomeVisit.model_validate(data)


@pytest.mark.parametrize("record", sample_records(), ids=lambda record: record.RECORD_TYPE)
def test_create_get_list_delete_every_type(store: Store, record: Record) -> None:
    with store.session() as s:
        repo = s.repository(record.RECORD_TYPE)
        record = repo.create(record)  # a visit gets the local user as 录入人
    with store.session() as s:
        repo = s.repository(record.RECORD_TYPE)
        assert repo.get(record.id) == record
        assert repo.list() == [record]
        assert repo.count() == 1
        state = repo.sync_state(record.id)
        assert state is not None
        assert state.field_versions == {} and state.server_seq == 0 and not state.deleted
        assert state.author_id == store.info.user_id and state.device_id == store.info.device_id
        ops = pending_ops(s.db)
        assert [(op.kind, op.record_type, op.record_id) for op in ops] == [
            (OpKind.UPSERT, record.RECORD_TYPE, record.id)
        ]
        assert set(ops[0].fields) == set(type(record).model_fields) - {"id"}
        assert set(ops[0].base_versions.values()) == {0}
        assert ops[0].fields == record.model_dump(mode="json", exclude={"id"})
        repo.delete(record.id)
    with store.session() as s:
        repo = s.repository(record.RECORD_TYPE)
        assert repo.get(record.id) is None
        assert repo.list() == [] and repo.count() == 0
        assert repo.is_deleted(record.id)
        assert repo.get(record.id, include_deleted=True) == record
        assert repo.list(include_deleted=True) == [record]
        last = pending_ops(s.db)[-1]
        assert (last.kind, last.record_id, last.fields) == (OpKind.DELETE, record.id, {})
        with pytest.raises(RecordNotFound):
            repo.delete(record.id)


def test_update_writes_only_changed_fields(store: Store) -> None:
    student = Student(student_no="2025001", name="张三", class_name="会计2501")
    with store.session() as s:
        s.students.create(student)
    with store.session() as s:
        s.db.execute(s.students.table.update().values(field_versions={"phone": 7, "name": 3}, server_seq=9))
        acknowledge(s.db, [op.op_id for op in pending_ops(s.db)])
    with store.session() as s:
        updated = s.students.patch(student.id, phone="13800138000", class_name="会计2502")
        assert updated.phone == "13800138000"
        assert s.students.update(updated) is None  # nothing changed: no op queued
    with store.session() as s:
        ops = pending_ops(s.db)
        assert len(ops) == 1
        assert ops[0].fields == {"class_name": "会计2502", "phone": "13800138000"}
        assert ops[0].base_versions == {"class_name": 0, "phone": 7}
        assert ops[0].student_ids == [student.id]
        assert s.students.require(student.id).class_name == "会计2502"
        assert [found.id for found in s.students.search("会计2502")] == [student.id]


def test_failed_transaction_writes_neither_edit_nor_op(store: Store) -> None:
    with pytest.raises(RuntimeError), store.session() as s:
        s.colleges.create(College(name="文学院"))
        raise RuntimeError("boom")
    with store.session() as s:
        assert s.colleges.count() == 0
        assert pending_count(s.db) == 0


def test_failed_update_leaves_no_op(store: Store) -> None:
    first = Student(student_no="1", name="甲")
    second = Student(student_no="2", name="乙")
    with store.session() as s:
        s.students.create_many([first, second])
        before = pending_count(s.db)
        with pytest.raises(DuplicateStudentNo, match="学号 1 已存在"):
            s.students.patch(second.id, student_no="1")
        assert pending_count(s.db) == before
        with pytest.raises(DuplicateStudentNo):
            s.students.create(Student(student_no="2", name="丙"))
        with pytest.raises(DuplicateStudentNo):
            s.students.create_many([Student(student_no="9", name="丙"), Student(student_no="9", name="丁")])


def test_wrong_record_type_is_refused(store: Store) -> None:
    with store.session() as s, pytest.raises(RecordTypeMismatch):
        s.students.create(College(name="x"))  # type: ignore[arg-type]


def test_author_owned_records_are_read_only_for_others(store: Store) -> None:
    student = Student(student_no="1", name="甲")
    theirs = visit(student.id)
    with store.session() as s:
        s.students.create(student)
        s.visits.apply_remote(
            theirs,
            field_versions={"family_opinions": 4},
            server_seq=4,
            author_id="someone-else",
            device_id="d2",
        )
        assert s.visits.get(theirs.id) == theirs
        with pytest.raises(NotAuthor, match="只能由录入人修改"):
            s.visits.patch(theirs.id, follow_up="补充")
        with pytest.raises(NotAuthor):
            s.visits.delete(theirs.id)
        # Shared records merge by field: anyone in scope may edit them.
        shared = FamilyMember(student_id=student.id, name="父", relationship="父亲")
        s.family.apply_remote(
            shared, field_versions={}, server_seq=5, author_id="someone-else", device_id="d2"
        )
        s.family.patch(shared.id, occupation="务农")
        state = s.visits.sync_state(theirs.id)
        assert state is not None and state.server_seq == 4 and state.field_versions == {"family_opinions": 4}


def test_apply_remote_writes_no_op_and_purge_removes(store: Store) -> None:
    student = Student(student_no="1", name="甲")
    with store.session() as s:
        s.students.apply_remote(
            student, field_versions={"name": 1}, server_seq=1, author_id=None, device_id=None
        )
        s.students.apply_remote(
            student.model_copy(update={"name": "甲乙"}),
            field_versions={"name": 2},
            server_seq=2,
            author_id=None,
            device_id=None,
        )
        assert s.students.require(student.id).name == "甲乙"
        assert [found.id for found in s.students.search("jiayi")] == [student.id]
        assert pending_count(s.db) == 0
        s.students.purge(student.id)
        assert s.students.get(student.id, include_deleted=True) is None


def test_create_many_without_outbox(store: Store) -> None:
    students = [Student(student_no=f"{n:05d}", name=f"学生{n}") for n in range(300)]
    with store.session() as s:
        assert s.students.create_many(students, outbox=False) == 300
        assert pending_count(s.db) == 0
        assert s.students.count() == 300
        assert len(s.students.list(offset=290)) == 10
        assert [x.student_no for x in s.students.list(order_by=["student_no"], descending=True, limit=2)] == [
            "00299",
            "00298",
        ]


def test_outbox_helpers(store: Store) -> None:
    student = Student(student_no="1", name="甲")
    with store.session() as s:
        s.students.create(student)
        s.visits.create(visit(student.id))
        ops = pending_ops(s.db)
        assert len(ops) == 2 and ops[0].seq < ops[1].seq
        assert ops[0].hlc < ops[1].hlc
        assert pending_for_student(s.db, student.id) == 2
        mark_failed(s.db, [ops[0].op_id], "timeout")
        assert pending_ops(s.db, limit=1)[0].attempts == 1
        assert acknowledge(s.db, [op.op_id for op in ops]) == 2
        assert pending_for_student(s.db, student.id) == 0


def test_hlc_survives_reopen(store: Store, data_dir: Any) -> None:
    with store.session() as s:
        s.colleges.create(College(name="甲"))
        first = pending_ops(s.db)[0].hlc
    store.close()
    again = Store.open(data_dir, "correct horse battery", backup_daily=False)
    try:
        with again.session() as s:
            s.colleges.create(College(name="乙"))
            assert pending_ops(s.db)[-1].hlc > first
    finally:
        again.close()


def test_list_filters_and_search(store: Store) -> None:
    college = College(name="经济管理学院", code="EM")
    student = Student(student_no="1", name="甲", college_id=college.id)
    with store.session() as s:
        s.colleges.create(college)
        s.students.create(student)
        s.visits.create_many(
            [
                visit(student.id, visit_date=date(2024, 10, 1), place="阜宁县板湖镇"),
                visit(student.id, visit_date=date(2025, 10, 1), mode="phone"),
                visit(student.id, visit_date=date(2025, 11, 1), status="draft", school_feedback=""),
            ]
        )
        assert [c.name for c in s.colleges.search("em")] == ["经济管理学院"]
        assert [c.name for c in s.colleges.search("管理")] == ["经济管理学院"]
        assert s.colleges.search("  ") == []
        assert len(s.visits.list(where={"mode": "phone"})) == 1
        assert len(s.visits.list(where={"mode": ["phone", "on_site"]})) == 3
        assert [v.visit_date for v in s.visits.for_student(student.id)] == [
            date(2024, 10, 1),
            date(2025, 10, 1),
            date(2025, 11, 1),
        ]
        assert [v.visit_date for v in s.visits.in_academic_year("2025-2026")] == [date(2025, 10, 1)]
        assert len(s.visits.drafts()) == 1
        assert all(v.recorded_by_id == store.info.user_id for v in s.visits.list())
        assert [v.place for v in s.visits.search("板湖")] == ["阜宁县板湖镇"]


def test_identification_history_and_household(store: Store) -> None:
    student = Student(student_no="1", name="甲")
    identification = Identification(student_id=student.id, academic_year="2025-2026")
    with store.session() as s:
        s.students.create(student)
        s.identifications.create(identification)
        s.identifications.change_status(
            identification.id, IdentificationStatus.COLLEGE_REVIEW, on=date(2025, 9, 20)
        )
        done = s.identifications.change_status(
            identification.id,
            IdentificationStatus.IDENTIFIED,
            on=date(2025, 10, 1),
            level=IdentificationLevel.DIFFICULT,
            semester="2025-2026 第一学期",
        )
        assert done.level is IdentificationLevel.DIFFICULT
        assert done.identified_on == date(2025, 10, 1)
        assert [step.status for step in done.history] == ["college_review", "identified"]
        assert s.identifications.for_year(student.id, "2025-2026") == done

        s.family.create(FamilyMember(student_id=student.id, name="李大山", relationship="父亲", age=47))
        seen = visit(
            student.id,
            household=[
                {"name": "李大山", "relationship": "父亲", "age": 48, "annual_income": "20000"},
                {"name": "李小河", "relationship": "弟弟", "age": 12},
            ],
        )
        family = s.family.apply_household(seen)
        assert sorted((m.name, m.age) for m in family) == [("李大山", 48), ("李小河", 12)]
        assert next(m for m in family if m.name == "李大山").annual_income == Decimal("20000")


def test_history_and_timeline(store: Store) -> None:
    records = sample_records()
    with store.session() as s:
        for record in records:
            s.repository(record.RECORD_TYPE).create(record)
        student = next(record for record in records if isinstance(record, Student))
        history = s.history(student.id)
        assert len(history.visits) == len(history.aid) == len(history.rewards) == 1
        assert len(history.rescue_sessions) == 1 and len(history.support_logs) == 1
        assert len(history.audit) == 1
        public = history.timeline()
        restricted = history.timeline(include_restricted=True)
        assert [entry.day for entry in public] == sorted(entry.day for entry in public)
        assert not any(entry.record.RESTRICTED for entry in public)
        assert len(restricted) == len(public) + 2  # the key support and its log
        assert (public[0].kind, public[0].title) == (TimelineKind.VISIT, "认定前核实（实地入户）")
        assert (public[1].kind, public[1].title, public[1].detail) == (
            TimelineKind.IDENTIFICATION,
            "2024-2025 困难",
            "认定",
        )
        newest = history.timeline(newest_first=True)
        assert [entry.day for entry in newest] == sorted((entry.day for entry in public), reverse=True)
        with pytest.raises(RecordNotFound):
            s.history("nobody")


def test_audit_log_and_meta(store: Store) -> None:
    with store.session() as s:
        entry = s.audit.log(AuditAction.PRINT, record_type="home_visit", record_id="v1", student_id="s1")
        assert entry.actor_id == store.info.user_id
        s.meta.set_setting("idle_lock_minutes", "10")
        s.meta.set_setting("idle_lock_minutes", "15")
        s.meta.set_setting("pdf_font", "/fonts/x.ttf")
        assert s.meta.setting("idle_lock_minutes") == "15"
        assert s.meta.settings() == {"idle_lock_minutes": "15", "pdf_font": "/fonts/x.ttf"}
        s.meta.remove_setting("pdf_font")
        assert s.meta.setting("pdf_font", "default") == "default"
        info = s.meta.info()
        assert (info.school_name, info.user_name, info.role, info.schema_version) == (
            "示例大学",
            "王老师",
            "counselor",
            LATEST_VERSION,
        )


def test_mentor_and_support_queries(store: Store) -> None:
    records = sample_records()
    with store.session() as s:
        for record in records:
            s.repository(record.RECORD_TYPE).create(record)
        student = next(record for record in records if isinstance(record, Student))
        assert [m.name for m in s.mentors.serving("psychological")] == ["孙老师"]
        assert s.key_supports.active_for(student.id) is not None
        assert len(s.key_supports.active()) == 1
        assert s.support_logs.workload_minutes(date(2024, 9, 1), date(2025, 8, 31)) == {"m": 60}
        assert s.rescue_sessions.students_discussed(date(2024, 9, 1), date(2025, 8, 31)) == {student.id}
        assert len(s.mentor_assignments.active_on(date(2025, 1, 1))) == 1
        assert len(s.flags.open_flags()) == 0
        assert len(s.wish_catalog.active()) == 1
        assert s.aid.total(student.id, "2024-2025") == Decimal("3300")
        assert s.users.by_staff_no("T2001") is not None
        assert s.students.by_student_no("20240101") == student
        assert s.visits.in_period(date.today() - timedelta(days=1), date.today()) == []
        assert s.visits.list()[0].status == VisitStatus.SUBMITTED


@pytest.mark.parametrize("record", sample_records(), ids=lambda record: record.RECORD_TYPE)
def test_bulk_insert_stores_what_the_column_types_store(store: Store, record: Record) -> None:
    """The fast insert path writes the same bytes as SQLAlchemy's column types (used by updates)."""
    changes: dict[str, Any] = {"id": "twin"}
    if isinstance(record, Student):
        changes["student_no"] = "twin"
    twin = record.model_copy(update=changes)
    with store.session() as s:
        repo = s.repository(record.RECORD_TYPE)
        repo.create(record)
        repo.apply_remote(twin, field_versions={}, server_seq=0, author_id=None, device_id=None)
        table = record.RECORD_TYPE
        rows = s.db.connection().exec_driver_sql(f"SELECT * FROM \"{table}\" ORDER BY id = 'twin'").all()
        keys = list(s.db.connection().exec_driver_sql(f'SELECT * FROM "{table}" LIMIT 0').keys())
        fields = set(type(record).model_fields) - {"id", "recorded_by_id", "talked_by_id", "student_no"}
        bulk, typed = (dict(zip(keys, row, strict=True)) for row in rows)
        json_columns = {column.name for column in repo.table.columns if isinstance(column.type, JSON)}

        def stored(row: dict[str, Any]) -> dict[str, Any]:
            # JSON text may differ in spacing only: compare what it parses to.
            return {
                name: json.loads(row[name]) if name in json_columns and row[name] else row[name]
                for name in fields
            }

        assert stored(bulk) == stored(typed)
        assert repo.get("twin") == twin


def test_one_identification_per_student_and_year(store: Store) -> None:
    from desktop.store.repositories.errors import DuplicateIdentificationYear

    student = Student(student_no="7", name="丙")
    first = Identification(student_id=student.id, academic_year="2024-2025")
    with store.session() as s:
        s.students.create(student)
        s.identifications.create(first)
    with pytest.raises(DuplicateIdentificationYear, match="每学年一条") as raised, store.session() as s:
        s.identifications.create(Identification(student_id=student.id, academic_year="2024-2025"))
    assert raised.value.field == "academic_year"
    with pytest.raises(DuplicateIdentificationYear), store.session() as s:
        s.identifications.create_many(
            [
                Identification(student_id=student.id, academic_year="2023-2024"),
                Identification(student_id=student.id, academic_year="2023-2024"),
            ]
        )
    with store.session() as s:
        second = s.identifications.create(Identification(student_id=student.id, academic_year="2025-2026"))
    with pytest.raises(DuplicateIdentificationYear), store.session() as s:
        s.identifications.update(second.model_copy(update={"academic_year": "2024-2025"}))
    with store.session() as s:
        assert s.identifications.count() == 2
