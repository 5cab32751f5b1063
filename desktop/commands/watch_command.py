"""`jiafang watch`: the 一个不失学 watch list (and the 免申即享 aid to-do) of the user's students.

    jiafang watch [--college NAME] [--json]

Names, 学号, classes and the reasons only: never ID numbers, phones or addresses.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.commands.context import CommandContext, CommandError
from desktop.commands.data_commands import opened_store


def register(subparsers: Any) -> None:
    watch = subparsers.add_parser(
        "watch",
        help="一个不失学关注名单（家庭经济困难学生的休学、退学、学业预警与心理/生活异常）",
        description=(
            "列出需要关注的家庭经济困难学生及原因：休学、退学或其申请，退学未经个案评议，最近学期不及格门数达到阈值，"
            "心理/生活异常反馈 30 天以上未解决；并列出免申即享学生认定 30 天后仍未录入资助的待办。"
            "学生发展支持中心看本机的全部学生，辅导员看自己的学生。"
        ),
    )
    watch.add_argument("--college", default=None, metavar="NAME", help="只列一个学院（名称或代码）")
    watch.add_argument("--json", action="store_true", help="以 JSON 输出（不含身份证号、电话、住址）")
    watch.set_defaults(handler=run_watch)


def run_watch(args: argparse.Namespace, ctx: CommandContext) -> int:
    from desktop.app import watch

    with opened_store(ctx) as store:
        try:
            view = watch.watch_view(store, college=args.college)
        except watch.WatchHidden as exc:
            raise CommandError(str(exc)) from None
    if args.json:
        ctx.print_json(
            {
                "day": view.day.isoformat(),
                "failed_courses_threshold": view.threshold,
                "count": len(view.rows),
                "by_college": [{"college": name, "count": count} for name, count in view.counts_by_college()],
                "students": [
                    {**row.entry.to_json(), "college": row.college, "counselor": row.counselor}
                    for row in view.rows
                ],
                "aid_todo": [
                    {**row.todo.to_json(), "college": row.college, "counselor": row.counselor}
                    for row in view.todos
                ],
            }
        )
        return 0
    ctx.print(
        f"一个不失学关注名单（{view.day.isoformat()}，不及格 {view.threshold} 门及以上预警）：{len(view.rows)} 人"
    )
    if view.rows:
        ctx.print("按学院：" + "，".join(f"{name} {count} 人" for name, count in view.counts_by_college()))
    for row in view.rows:
        entry = row.entry
        ctx.print(
            f"  {entry.student_no}  {entry.name}  {row.college}  {entry.class_name}  {row.counselor}"
            f"  原因：{'；'.join(entry.reasons)}"
        )
    ctx.print(f"免申即享学生认定 30 天后仍未录入资助：{len(view.todos)} 人")
    for todo_row in view.todos:
        todo = todo_row.todo
        ctx.print(
            f"  {todo.student_no}  {todo.name}  {todo_row.college}  {todo.class_name}  {todo_row.counselor}"
            f"  认定于 {todo.identified_on.isoformat()}，已超期 {todo.days_overdue} 天"
        )
    return 0
