"""Colleges, accounts, assignments and rosters, written by the admin command (and the demo).

They go through the same merge path as a device's ops (``merge.apply_batch`` with ``trusted``), so they
get change numbers, per-field versions and scope-index updates like any synced edit.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.ids import HybridClock, new_id
from sync.protocol import Op, OpKind, OpResult, OpStatus
from sync.records import Record
from sync.records.enums import Role
from sync.server import merge, passwords
from sync.server.models import Account, RecordRow
from sync.server.scope import Principal

SYSTEM = Principal(user_id="system", role=Role.ADMIN, college_id=None, device_id="server")
_clock = HybridClock("server")


class DirectoryError(ValueError):
    """A Chinese message for the admin command."""


def write_records(
    session: Session, changes: list[tuple[str, str, dict[str, Any]]], *, new: bool = False
) -> list[OpResult]:
    """Upsert ``(record_type, record_id, fields)`` as the system; raises on any rejected change.

    ``new``: the records are known not to exist yet (skips looking up their versions).
    """
    ops = []
    versions: dict[str, str] = {}
    if not new:
        ids = [record_id for _, record_id, _ in changes]
        versions = dict(
            session.execute(select(RecordRow.id, RecordRow.versions).where(RecordRow.id.in_(ids))).all()
        )
    for record_type, record_id, fields in changes:
        base = json.loads(versions[record_id]) if record_id in versions else {}
        ops.append(
            Op(
                op_id=new_id(),
                record_type=record_type,
                record_id=record_id,
                kind=OpKind.UPSERT,
                fields=fields,
                base={name: base.get(name, 0) for name in fields},
                device_id=SYSTEM.device_id,
                author_id=SYSTEM.user_id,
                hlc=_clock.now().encode(),
            )
        )
    results = merge.apply_batch(session, SYSTEM, ops, trusted=True)
    for result in results:
        if result.status is OpStatus.REJECTED:
            raise DirectoryError(result.message or "写入失败")
    return results


def import_records(session: Session, records: list[Record]) -> int:
    """Write whole records (a roster, the demo school) as new records."""
    changes = [
        (record.RECORD_TYPE, record.id, record.model_dump(mode="json", exclude={"id"})) for record in records
    ]
    write_records(session, changes, new=True)
    return len(changes)


def colleges(session: Session) -> list[tuple[str, str, str]]:
    """``(id, name, code)`` of every college, in the order they were created."""
    rows = session.execute(
        select(RecordRow.id, RecordRow.fields)
        .where(RecordRow.record_type == "college", RecordRow.deleted.is_(False))
        .order_by(RecordRow.created_at, RecordRow.id)
    ).all()
    result = []
    for record_id, fields in rows:
        data = json.loads(fields)
        result.append((str(record_id), str(data.get("name") or ""), str(data.get("code") or "")))
    return result


def find_college(session: Session, name_or_id: str) -> str:
    """The college with this id, name or code; several colleges answering to it is an error."""
    found = [cid for cid, name, code in colleges(session) if name_or_id in (cid, name, code)]
    if not found:
        raise DirectoryError(f"找不到学院：{name_or_id}")
    if len(found) > 1:
        raise DirectoryError(f"有 {len(found)} 个学院都叫“{name_or_id}”：请改用学院编号（见 list-colleges）")
    return found[0]


def check_college_unique(session: Session, name: str, code: str, *, except_id: str | None = None) -> None:
    """A college's name and code each name one college only (a name may not be another's code either:
    the admin commands accept both)."""
    if not name.strip():
        raise DirectoryError("学院名称不能为空")
    for cid, other_name, other_code in colleges(session):
        if cid == except_id:
            continue
        taken = {other_name.casefold()} | ({other_code.casefold()} if other_code else set())
        if name.casefold() in taken:
            raise DirectoryError(f"已有学院使用名称或代码“{name}”")
        if code and code.casefold() in taken:
            raise DirectoryError(f"已有学院使用名称或代码“{code}”")


def create_college(session: Session, name: str, code: str = "") -> str:
    name, code = name.strip(), code.strip()
    check_college_unique(session, name, code)
    college_id = new_id()
    write_records(session, [("college", college_id, {"name": name, "code": code})])
    return college_id


def placeholder_staff_no(user_id: str) -> str:
    """A staff number for an account created without one: from the new id's random tail, never from the
    user name (which may hold characters a staff number may not); ``update-user --staff-no`` sets the
    real one."""
    return "U-" + user_id.replace("-", "")[-12:]


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: Role,
    display_name: str,
    college_id: str | None = None,
    staff_no: str | None = None,
) -> str:
    if session.scalar(select(Account.id).where(Account.username == username)) is not None:
        raise DirectoryError(f"用户名已存在：{username}")
    if (
        role in (Role.COUNSELOR, Role.COLLEGE_CENTER, Role.MENTOR)
        and college_id is None
        and role is not Role.MENTOR
    ):
        raise DirectoryError("辅导员和学院中心账号必须指定学院")
    password_hash = _checked_hash(password, username=username, display_name=display_name)
    user_id = new_id()
    fields: dict[str, Any] = {
        "staff_no": staff_no or placeholder_staff_no(user_id),
        "name": display_name,
        "role": role.value,
        "college_id": college_id,
    }
    write_records(session, [("user", user_id, fields)])
    add_account(
        session,
        user_id=user_id,
        username=username,
        password=password,
        role=role,
        display_name=display_name,
        college_id=college_id,
        password_hash=password_hash,
    )
    if role is Role.MENTOR:
        mentor_id = new_id()
        write_records(
            session,
            [
                (
                    "mentor",
                    mentor_id,
                    {"staff_no": fields["staff_no"], "name": display_name, "user_id": user_id},
                )
            ],
        )
    session.flush()
    return user_id


def add_account(
    session: Session,
    *,
    user_id: str,
    username: str,
    password: str,
    role: Role,
    display_name: str,
    college_id: str | None,
    password_hash: str | None = None,
) -> None:
    """A login for an existing ``user`` record (``password_hash``: ``password`` already checked and hashed)."""
    if session.scalar(select(Account.id).where(Account.username == username)) is not None:
        raise DirectoryError(f"用户名已存在：{username}")
    if password_hash is None:
        password_hash = _checked_hash(password, username=username, display_name=display_name)
    session.add(
        Account(
            id=user_id,
            username=username,
            display_name=display_name,
            password_hash=password_hash,
            role=role.value,
            college_id=college_id,
        )
    )
    session.flush()


def _checked_hash(password: str, *, username: str, display_name: str) -> str:
    try:
        return passwords.hash_checked(password, username=username, display_name=display_name)
    except passwords.WeakPassword as error:
        raise DirectoryError(f"密码不符合要求：{error}") from None


def find_account(session: Session, username: str) -> Account:
    account = session.scalar(select(Account).where(Account.username == username))
    if account is None:
        raise DirectoryError(f"找不到用户：{username}")
    return account


def find_student(session: Session, student_no: str) -> str:
    rows = session.execute(
        select(RecordRow.id, RecordRow.fields).where(
            RecordRow.record_type == "student", RecordRow.deleted.is_(False)
        )
    ).all()
    for record_id, fields in rows:
        if json.loads(fields).get("student_no") == student_no or record_id == student_no:
            return str(record_id)
    raise DirectoryError(f"找不到学生：{student_no}")


def mentor_record_of(session: Session, user_id: str) -> str:
    rows = session.execute(
        select(RecordRow.id, RecordRow.fields).where(
            RecordRow.record_type == "mentor", RecordRow.deleted.is_(False)
        )
    ).all()
    for record_id, fields in rows:
        if json.loads(fields).get("user_id") == user_id:
            return str(record_id)
    raise DirectoryError("该导师账号没有导师档案")


def assign(session: Session, *, username: str, student_nos: list[str], from_date: str | None = None) -> int:
    """Assign a counselor (sets ``student.counselor_id``) or a mentor (a mentor assignment) to students."""
    account = find_account(session, username)
    role = Role(account.role)
    changes: list[tuple[str, str, dict[str, Any]]] = []
    for student_no in student_nos:
        student_id = find_student(session, student_no)
        if role is Role.COUNSELOR:
            changes.append(("student", student_id, {"counselor_id": account.id}))
        elif role is Role.MENTOR:
            fields = {
                "student_id": student_id,
                "mentor_id": mentor_record_of(session, account.id),
                "from_date": from_date or "2024-09-01",
            }
            changes.append(("mentor_assignment", new_id(), fields))
        else:
            raise DirectoryError("只能为辅导员或育人导师分配学生")
    if changes:
        write_records(session, changes)
    return len(changes)
