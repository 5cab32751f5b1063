"""Admin commands that read and change the directory: ``list-colleges``, ``update-college``,
``list-users``, ``update-user``."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.records.enums import Role
from sync.server import audit, center_admin, directory
from sync.server.admin_common import CliError, database, operator
from sync.server.models import Account, RecordRow


def college_list(session: Session) -> list[dict[str, Any]]:
    """Every college with its number of accounts and students; ``duplicate`` marks a name or code that
    another college also uses (possible only for colleges made before names were checked)."""
    rows = directory.colleges(session)
    keys = Counter(key.casefold() for _, name, code in rows for key in {name, code} if key)
    accounts = dict(
        session.execute(
            select(Account.college_id, func.count())
            .where(Account.college_id.is_not(None))
            .group_by(Account.college_id)
        ).all()
    )
    students: Counter[str] = Counter()
    for (fields,) in session.execute(
        select(RecordRow.fields).where(RecordRow.record_type == "student", RecordRow.deleted.is_(False))
    ):
        college_id = json.loads(fields).get("college_id")
        if college_id:
            students[college_id] += 1
    return [
        {
            "id": cid,
            "name": name,
            "code": code,
            "accounts": int(accounts.get(cid, 0)),
            "students": students[cid],
            "duplicate": any(keys[key.casefold()] > 1 for key in (name, code) if key),
        }
        for cid, name, code in rows
    ]


def update_college(session: Session, name_or_id: str, *, name: str | None, code: str | None) -> str:
    college_id = directory.find_college(session, name_or_id)
    current = {cid: (old_name, old_code) for cid, old_name, old_code in directory.colleges(session)}
    new_name = (name if name is not None else current[college_id][0]).strip()
    new_code = (code if code is not None else current[college_id][1]).strip()
    directory.check_college_unique(session, new_name, new_code, except_id=college_id)
    directory.write_records(session, [("college", college_id, {"name": new_name, "code": new_code})])
    return college_id


def user_list(
    session: Session, *, college_id: str | None = None, role: str | None = None
) -> list[dict[str, Any]]:
    query = select(Account).order_by(Account.username)
    if college_id is not None:
        query = query.where(Account.college_id == college_id)
    if role is not None:
        query = query.where(Account.role == role)
    accounts = list(session.scalars(query))
    records = dict(
        session.execute(
            select(RecordRow.id, RecordRow.fields).where(
                RecordRow.id.in_([account.id for account in accounts])
            )
        ).all()
    )
    names = {cid: name for cid, name, _ in directory.colleges(session)}
    return [
        {
            "id": account.id,
            "username": account.username,
            "name": account.display_name,
            "role": account.role,
            "college": names.get(account.college_id or "", account.college_id),
            "staff_no": json.loads(records[account.id]).get("staff_no") if account.id in records else None,
            "active": account.active,
        }
        for account in accounts
    ]


def update_user(
    session: Session,
    username: str,
    *,
    name: str | None = None,
    college: str | None = None,
    staff_no: str | None = None,
) -> Account:
    """Change an account's display name, college or staff number (its ``user`` record, and its mentor
    record for a mentor, change with it, so every laptop learns of it)."""
    account = directory.find_account(session, username)
    fields: dict[str, Any] = {}
    if name is not None:
        if not name.strip():
            raise directory.DirectoryError("姓名不能为空")
        fields["name"] = account.display_name = name.strip()
    if college is not None:
        college_id = directory.find_college(session, college) if college else None
        if college_id is None and Role(account.role) in (Role.COUNSELOR, Role.COLLEGE_CENTER):
            raise directory.DirectoryError("辅导员和学院中心账号必须指定学院")
        fields["college_id"] = account.college_id = college_id
    if staff_no is not None:
        fields["staff_no"] = staff_no.strip()
    if not fields:
        return account
    directory.write_records(session, [("user", account.id, fields)])
    if Role(account.role) is Role.MENTOR:
        mentor_fields = {key: value for key, value in fields.items() if key in ("name", "staff_no")}
        if mentor_fields:
            directory.write_records(
                session, [("mentor", directory.mentor_record_of(session, account.id), mentor_fields)]
            )
    session.flush()
    return account


def cmd_list_colleges(args: argparse.Namespace) -> None:
    db = database(args)
    rows = db.run(college_list)
    db.dispose()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        mark = "\t重复，请用 update-college 改名" if row["duplicate"] else ""
        print(
            f"{row['id']}\t{row['name']}\t{row['code'] or '-'}\t账号 {row['accounts']}\t学生 {row['students']}{mark}"
        )


def cmd_update_college(args: argparse.Namespace) -> None:
    if args.name is None and args.code is None:
        raise CliError("请给出 --name 或 --code")
    db = database(args)

    def work(session: Session) -> str:
        college_id = update_college(session, args.college, name=args.name, code=args.code)
        changed = {
            key: value for key, value in (("name", args.name), ("code", args.code)) if value is not None
        }
        audit.record(
            session,
            "college_updated",
            operator=operator(),
            target=args.college,
            college_id=college_id,
            **changed,
        )
        return college_id

    print(db.run(work))
    db.dispose()


def cmd_list_users(args: argparse.Namespace) -> None:
    db = database(args)

    def work(session: Session) -> list[dict[str, Any]]:
        college_id = directory.find_college(session, args.college) if args.college else None
        return user_list(session, college_id=college_id, role=args.role)

    rows = db.run(work)
    db.dispose()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        state = "" if row["active"] else "\t已停用"
        label = Role(row["role"]).label
        print(
            f"{row['username']}\t{row['name']}\t{label}\t{row['college'] or '-'}\t{row['staff_no'] or '-'}{state}"
        )


def cmd_update_user(args: argparse.Namespace) -> None:
    given = (("name", args.name), ("college", args.college), ("staff_no", args.staff_no))
    expertise = center_admin.parse_expertise(args.expertise) if args.expertise is not None else None
    db = database(args)

    def work(session: Session) -> str:
        account = update_user(
            session, args.username, name=args.name, college=args.college, staff_no=args.staff_no
        )
        changed = {key: value for key, value in given if value is not None}
        if not changed and expertise is None:
            raise CliError("请至少给出一项修改：--name、--college、--staff-no 或 --expertise")
        if expertise is not None:
            center_admin.set_expertise(session, args.username, expertise)
            changed["expertise"] = ",".join(kind.value for kind in expertise)
        audit.record(
            session,
            "user_updated",
            operator=operator(),
            user_id=account.id,
            target=account.username,
            college_id=account.college_id,
            fields=sorted(changed),
        )
        return account.id

    print(db.run(work))
    db.dispose()
    if expertise is not None:
        print(f"已更新 {args.username} 的专长：{'、'.join(kind.label for kind in expertise) or '（无）'}")


def register(commands: Any) -> None:
    listing = commands.add_parser("list-colleges", help="列出学院（编号、名称、代码、账号数、学生数）")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list_colleges)

    college = commands.add_parser("update-college", help="修改学院名称或代码")
    college.add_argument("college", help="学院名称、代码或编号")
    college.add_argument("--name", help="新名称")
    college.add_argument("--code", help="新代码")
    college.set_defaults(func=cmd_update_college)

    users = commands.add_parser("list-users", help="列出账号")
    users.add_argument("--college", help="只列某学院（名称、代码或编号）")
    users.add_argument("--role", choices=[role.value for role in Role])
    users.add_argument("--json", action="store_true")
    users.set_defaults(func=cmd_list_users)

    user = commands.add_parser("update-user", help="修改账号的姓名、学院、工号或育人导师的专长")
    user.add_argument("username")
    user.add_argument("--name", help="显示姓名")
    user.add_argument("--college", help="学院名称、代码或编号")
    user.add_argument("--staff-no", help="工号")
    user.add_argument("--expertise", help="育人导师的专长，如：心理困难,学业困难（给空字符串清除）")
    user.set_defaults(func=cmd_update_user)
