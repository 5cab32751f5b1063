"""公示名单 on a real store: who is listed and in which order, the PDF and XLSX read back (only the five
public fields), the audit entry, objections that hold the notice open, and who may publish."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.app import public_notices
from desktop.store.public_notices import NoticeError
from desktop.store.store import Store
from sync.records import AuditAction, NoticeStatus, ObjectionResult, Role, User
from tests.desktop.reports.pdf_tools import needs_tools, pdf_text, squeeze
from tests.desktop.store.notice_fixture import MONDAY, YEAR, NoticeSchool, build_notice_school

PASSPHRASE = "correct horse battery"
CONTACT = "文学院学生发展支持中心（文科楼101室）"


def _store(path: Path, role: Role) -> Store:
    return Store.create(
        path, PASSPHRASE, school_name="示例大学", user_name="张主任", role=role, use_keyring=False
    )


@pytest.fixture
def center(tmp_path: Path) -> Iterator[tuple[Store, NoticeSchool]]:
    store = _store(tmp_path / "data", Role.SCHOOL_CENTER)
    try:
        yield store, build_notice_school(store)
    finally:
        store.close()


def _allowed(school: NoticeSchool, numbers: list[str]) -> list[list[str]]:
    colleges = {school.arts.id: school.arts.name, school.science.id: school.science.name}
    rows = []
    for number in numbers:
        student = school.students[number]
        rows.append(
            [
                student.name,
                colleges[student.college_id or ""],
                str(student.grade),
                student.major,
                student.class_name,
            ]
        )
    return rows


def test_the_years_reviewed_results_are_listed_by_college_grade_class_and_name(
    center: tuple[Store, NoticeSchool],
) -> None:
    store, school = center
    arts = public_notices.new_notice(store, YEAR, school.arts.id, MONDAY, contact=CONTACT)
    assert arts.title == "2025-2026学年文学院资助认定结果公示"
    assert (arts.published_on, arts.ends_on) == (MONDAY, date(2025, 10, 17))
    assert arts.student_ids == [school.students[no].id for no in school.listed_arts]
    everyone = public_notices.new_notice(store, YEAR, None, MONDAY)
    assert everyone.student_ids == [school.students[no].id for no in school.listed_all]
    with pytest.raises(NoticeError, match="没有可公示的认定结果"):
        public_notices.new_notice(store, "2023-2024", None, MONDAY)


@needs_tools
def test_pdf_and_xlsx_show_the_five_fields_and_nothing_else(
    center: tuple[Store, NoticeSchool], tmp_path: Path
) -> None:
    store, school = center
    notice = public_notices.new_notice(
        store, YEAR, None, MONDAY, contact=CONTACT, issuer="学校学生发展支持中心"
    )
    pdf, xlsx = tmp_path / "notice.pdf", tmp_path / "notice.xlsx"
    assert public_notices.export_notice(store, notice.id, pdf) == 4
    assert public_notices.export_notice(store, notice.id, xlsx) == 4

    text = pdf_text(pdf, layout=True)
    flat = squeeze(text)
    for forbidden in school.forbidden:
        assert squeeze(forbidden) not in flat, forbidden
    lines = [line.split() for line in text.splitlines()]
    table = [line[1:] for line in lines if line and line[0].isdigit() and len(line) == 6]
    assert table == _allowed(school, school.listed_all)
    for shown in ("姓名", "学院", "年级", "专业", "班级", CONTACT, "学校学生发展支持中心", "2025年10月13日"):
        assert squeeze(shown) in flat
    assert "公示期：2025年10月13日至2025年10月17日（5个工作日）" in flat

    sheet = load_workbook(xlsx).active
    assert sheet is not None
    cells = [[str(value) for value in row if value is not None] for row in sheet.iter_rows(values_only=True)]
    everything = "".join("".join(row) for row in cells)
    for forbidden in school.forbidden:
        assert squeeze(forbidden) not in squeeze(everything), forbidden
    header = cells.index(["序号", "姓名", "学院", "年级", "专业", "班级"])
    assert [row[1:] for row in cells[header + 1 : header + 5]] == _allowed(school, school.listed_all)
    assert cells[0] == [notice.title] and "5 个工作日" in cells[1][0]


def test_generating_a_notice_is_audited_without_names(
    center: tuple[Store, NoticeSchool], tmp_path: Path
) -> None:
    store, school = center
    notice = public_notices.new_notice(store, YEAR, school.arts.id, MONDAY)
    public_notices.export_notice(store, notice.id, tmp_path / "n.xlsx")
    with store.session() as s:
        [entry] = s.audit.list()
    assert entry.action is AuditAction.EXPORT and entry.actor_id == store.info.user_id
    assert (entry.record_type, entry.record_id) == ("public_notice", notice.id)
    assert "3 人" in entry.detail and entry.student_id is None
    assert not any(student.name in entry.detail for student in school.students.values())


def test_an_unresolved_objection_holds_the_notice_open(center: tuple[Store, NoticeSchool]) -> None:
    store, school = center
    notice = public_notices.new_notice(store, YEAR, school.arts.id, MONDAY)
    objection = public_notices.add_objection(store, notice.id, MONDAY, "对专业信息有异议", "A0001")
    assert objection.student_id == school.students["A0001"].id
    with pytest.raises(ValueError, match="找不到学号"):
        public_notices.add_objection(store, notice.id, MONDAY, "有异议", "Z9999")
    with pytest.raises(NoticeError, match="不在本次公示名单"):
        public_notices.add_objection(store, notice.id, MONDAY, "有异议", "A0004")
    public_notices.add_objection(store, notice.id, MONDAY, "匿名来信")  # names no student
    [view] = public_notices.notice_views(store, YEAR, today=date(2025, 10, 16))
    assert (view.objections, view.unresolved, view.days_left) == (2, 2, 2)

    with pytest.raises(NoticeError, match="还有 2 条异议未处理"):
        public_notices.change_status(store, notice.id, NoticeStatus.ENDED)
    for row in public_notices.objection_views(store, notice.id):
        public_notices.resolve(store, row.objection.id, ObjectionResult.UPHELD, "经复核，结果无误", MONDAY)
    assert public_notices.change_status(store, notice.id, NoticeStatus.ENDED).status is NoticeStatus.ENDED
    with pytest.raises(NoticeError, match="不能再登记异议"):
        public_notices.add_objection(store, notice.id, MONDAY, "迟到的异议")
    with pytest.raises(NoticeError, match="不能从"):
        public_notices.change_status(store, notice.id, NoticeStatus.OPEN)


def test_the_end_can_be_moved_over_a_holiday(center: tuple[Store, NoticeSchool]) -> None:
    store, school = center
    notice = public_notices.new_notice(store, YEAR, school.arts.id, date(2025, 9, 29))
    assert notice.ends_on == date(2025, 10, 3)  # 国庆 is not known: the user moves the end
    moved = public_notices.change_end(store, notice.id, date(2025, 10, 13))
    assert moved.ends_on == date(2025, 10, 13)
    with pytest.raises(NoticeError, match="不能早于开始日期"):
        public_notices.change_end(store, notice.id, date(2025, 9, 1))


def test_only_the_centers_publish_and_a_college_center_its_own_college(tmp_path: Path) -> None:
    counselor = _store(tmp_path / "counselor", Role.COUNSELOR)
    try:
        school = build_notice_school(counselor)
        with pytest.raises(NoticeError, match="仅由学生发展支持中心"):
            public_notices.new_notice(counselor, YEAR, school.arts.id, MONDAY)
    finally:
        counselor.close()
    college = _store(tmp_path / "college", Role.COLLEGE_CENTER)
    try:
        school = build_notice_school(college)
        with college.session() as s:
            s.users.create(
                User(
                    id=college.info.user_id,
                    staff_no="C9",
                    name="张主任",
                    role="college_center",
                    college_id=school.arts.id,
                )
            )
        assert public_notices.colleges(college) == [("文学院", school.arts.id)]
        for other in (school.science.id, None):
            with pytest.raises(NoticeError, match="只能发布本学院"):
                public_notices.new_notice(college, YEAR, other, MONDAY)
        assert public_notices.new_notice(college, YEAR, school.arts.id, MONDAY).college_id == school.arts.id
    finally:
        college.close()
