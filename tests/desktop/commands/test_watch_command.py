"""`jiafang watch`: the watch list and the aid to-do in Chinese text and in JSON, one college, the role
rule, and no ID number, phone or address in the output."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store.store import Store
from sync.records import (
    AcademicResult,
    College,
    EnrolmentState,
    EnrolmentStatus,
    Identification,
    Role,
    Student,
    User,
    academic_year_of,
    fake_id_number,
)
from sync.records.terms import term_label, term_of
from tests.desktop.commands.conftest import make_store

TODAY = date.today()
TERM = term_of(TODAY)
ID_NUMBER = fake_id_number(random.Random(5), date(2005, 3, 1), "320102")
PHONE = "13912345678"
ADDRESS = "幸福村三组18号"


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def _school(store: Store) -> None:
    year = academic_year_of(TODAY)
    with store.session() as s:
        arts = s.colleges.create(College(name="文学院", code="W"))
        science = s.colleges.create(College(name="理学院", code="L"))
        wang = s.users.create(User(staff_no="T1", name="王老师", role=Role.COUNSELOR))
        rows = (
            ("A001", "赵一", arts, EnrolmentState.SUSPENDED, None, 0),
            ("A002", "钱二", arts, EnrolmentState.STUDYING, EnrolmentState.WITHDRAWN, 0),
            ("B001", "孙三", science, EnrolmentState.WITHDRAWN, None, 3),
            ("B002", "李四", science, EnrolmentState.STUDYING, None, 1),
        )
        for no, name, college, state, applied, failed in rows:
            student = s.students.create(
                Student(
                    student_no=no,
                    name=name,
                    college_id=college.id,
                    counselor_id=wang.id,
                    class_name="一班",
                    id_number=ID_NUMBER,
                    birth_date=date(2005, 3, 1),
                    phone=PHONE,
                    home_address=ADDRESS,
                )
            )
            s.identifications.create(
                Identification(student_id=student.id, academic_year=year, level="difficult")
            )
            s.enrolment.create(
                EnrolmentStatus(student_id=student.id, term=TERM, state=state, applied_state=applied)
            )
            s.academic_results.create(AcademicResult(student_id=student.id, term=TERM, failed_courses=failed))
        late = s.students.create(
            Student(student_no="A003", name="周五", college_id=arts.id, counselor_id=wang.id)
        )
        identified = TODAY - timedelta(days=40)
        s.identifications.create(
            Identification(
                student_id=late.id,
                academic_year=academic_year_of(identified),
                level="especially_difficult",
                without_application=True,
                identified_on=identified,
            )
        )


def test_text_json_and_one_college(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = make_store(data_dir)
    _school(store)
    store.close()
    label = term_label(TERM)
    assert run(data_dir, "watch") == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == f"一个不失学关注名单（{TODAY.isoformat()}，不及格 2 门及以上预警）：3 人"
    assert lines[1] == "按学院：文学院 2 人，理学院 1 人"
    assert lines[2:5] == [
        f"  A001  赵一  文学院  一班  王老师  原因：休学（{label}）",
        "  A002  钱二  文学院  一班  王老师  原因：退学申请中",
        f"  B001  孙三  理学院  一班  王老师  原因：退学（{label}）；退学未经个案评议；{label}不及格 3 门",
    ]
    if academic_year_of(TODAY - timedelta(days=40)) == academic_year_of(TODAY):
        assert lines[5] == "免申即享学生认定 30 天后仍未录入资助：1 人"
        identified = (TODAY - timedelta(days=40)).isoformat()
        assert lines[6] == f"  A003  周五  文学院    王老师  认定于 {identified}，已超期 10 天"
    for secret in (ID_NUMBER, PHONE, ADDRESS, "320102"):
        assert secret not in out

    assert run(data_dir, "watch", "--json", "--college", "理学院") == 0
    raw = capsys.readouterr().out
    data = json.loads(raw)
    assert data["count"] == 1 and data["failed_courses_threshold"] == 2
    assert data["by_college"] == [{"college": "理学院", "count": 1}]
    [student] = data["students"]
    assert (student["student_no"], student["college"], student["counselor"]) == ("B001", "理学院", "王老师")
    assert student["kinds"] == ["withdrawn", "unreviewed_withdrawal", "failed_courses"]
    assert student["reasons"][1] == "退学未经个案评议"
    assert data["aid_todo"] == []
    for secret in (ID_NUMBER, PHONE, ADDRESS):
        assert secret not in raw


def test_an_unknown_college_and_a_mentor_are_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_store(data_dir, Role.MENTOR).close()
    assert run(data_dir, "watch") == 1
    assert "只有学生发展支持中心和辅导员可以查看" in capsys.readouterr().err


def test_an_unknown_college(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = make_store(data_dir)
    _school(store)
    store.close()
    assert run(data_dir, "watch", "--college", "医学院") == 1
    assert "没有名为“医学院”的学院。已有：文学院、理学院" in capsys.readouterr().err
