"""``import-roster`` (all rows or none, every problem reported by row and column) and
``roster-template``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.ids import new_id
from sync.server import audit, directory, roster
from sync.server.admin_common import database, operator
from sync.server.models import RecordRow


def _student_ids(session: Session) -> dict[str, str]:
    rows = session.execute(
        select(RecordRow.id, RecordRow.fields).where(
            RecordRow.record_type == "student", RecordRow.deleted.is_(False)
        )
    ).all()
    return {str(json.loads(fields).get("student_no")): str(record_id) for record_id, fields in rows}


def import_roster(session: Session, table: roster.Table) -> int:
    """Write every row of the roster as a student (new, or an update of the one with that 学号); any
    problem anywhere raises ``RosterError`` listing them all and writes nothing."""
    mapping = roster.check_header(table.header)
    columns = {name: header for header, name in mapping.items()}
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    first_line: dict[str, int] = {}
    colleges: dict[str, str] = {}
    counselors: dict[str, str] = {}
    for line, row in table.rows:
        fields, row_problems = roster.parse_row(row, line, mapping)
        problems += row_problems
        student_no = fields.get("student_no")
        if student_no in first_line:
            problems.append(
                f"第 {line} 行“{columns['student_no']}”列：与第 {first_line[student_no]} 行的学号重复"
            )
        elif student_no:
            first_line[student_no] = line
        college = fields.get("college_id")
        if college:
            try:
                fields["college_id"] = colleges.get(college) or directory.find_college(session, college)
                colleges[college] = fields["college_id"]
            except directory.DirectoryError as error:
                problems.append(f"第 {line} 行“{columns['college_id']}”列：{error}")
        counselor = fields.get("counselor_id")
        if counselor:
            try:
                account = directory.find_account(session, counselor)
                if account.role != "counselor":
                    raise directory.DirectoryError(f"{counselor} 不是辅导员账号")
                counselors[counselor] = fields["counselor_id"] = account.id
            except directory.DirectoryError as error:
                problems.append(f"第 {line} 行“{columns['counselor_id']}”列：{error}")
        rows.append(fields)
    if not table.rows:
        problems.append("名单中没有学生")
    if problems:
        shown = "；".join(problems[: roster.MAX_REPORTED])
        more = (
            f"；另有 {len(problems) - roster.MAX_REPORTED} 处" if len(problems) > roster.MAX_REPORTED else ""
        )
        raise roster.RosterError(f"名单有 {len(problems)} 处错误，未导入任何学生：{shown}{more}")
    existing = _student_ids(session)
    changes = [("student", existing.get(fields["student_no"]) or new_id(), fields) for fields in rows]
    directory.write_records(session, changes)
    return len(changes)


def cmd_import_roster(args: argparse.Namespace) -> None:
    path = Path(args.file)
    table = roster.read_table(path)
    db = database(args)

    def work(session: Session) -> int:
        count = import_roster(session, table)
        audit.record(session, "roster_imported", operator=operator(), target=path.name, count=count)
        return count

    print(f"已导入 {db.run(work)} 名学生")
    db.dispose()


def cmd_roster_template(args: argparse.Namespace) -> None:
    roster.write_template(Path(args.output))
    print(args.output)


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "import-roster", help="导入学生名单（CSV 或 XLSX；有任何错误则一条也不导入）"
    )
    parser.add_argument("file")
    parser.set_defaults(func=cmd_import_roster)

    template = commands.add_parser("roster-template", help="生成学生名单模板（XLSX）")
    template.add_argument("output", help="输出文件，如 roster-template.xlsx")
    template.set_defaults(func=cmd_roster_template)
