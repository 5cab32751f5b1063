"""Key support, wish lists, monitoring and the import wizard in the running app (offscreen)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from desktop.app import visits
from desktop.store.exporting import ExportWhat
from desktop.store.store import Store
from desktop.ui.data_pages.import_wizard import ImportWizard
from desktop.ui.data_pages.key_support_page import KeySupportPage
from desktop.ui.data_pages.monitoring_page import MonitoringPage
from desktop.ui.data_pages.wish_list_page import WishListPage
from sync.records import (
    DifficultyType,
    HomeVisit,
    Mentor,
    Role,
    WishCatalogItem,
    WishSelection,
    current_academic_year,
)
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store


@pytest.fixture
def data_dir(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "data"
    ids = make_store(folder, role=getattr(request, "param", Role.COUNSELOR))
    with Store.open(folder, PASSPHRASE, backup_daily=False) as store, store.session() as s:
        s.mentors.create_many(
            [
                Mentor(
                    staff_no="M1",
                    name="钱导师",
                    department="心理中心",
                    specialties=[DifficultyType.PSYCHOLOGICAL],
                ),
                Mentor(
                    staff_no="M2", name="孙导师", department="教务处", specialties=[DifficultyType.ACADEMIC]
                ),
            ]
        )
        talk = WishCatalogItem(
            category=DifficultyType.PSYCHOLOGICAL, service_item="心理咨询", provider_department="心理中心"
        )
        s.wish_catalog.create(talk)
        s.wishes.create(
            WishSelection(student_id=ids["张三"], academic_year=current_academic_year(), item_ids=[talk.id])
        )
    return folder, ids


def idle(qtbot: QtBot, running: Running) -> None:
    """Wait until every queued store request (the loads after unlocking) has finished."""
    qtbot.waitUntil(lambda: running.app.ctx.worker.pending == 0)


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def test_monitoring_raise_handle_resolve(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("monitoring")
    idle(qtbot, running)  # the page reads its lists on its first visit
    assert isinstance(page, MonitoringPage)
    page.new_student.setText("2024001")
    page.new_description.setPlainText("父亲突发疾病住院")
    with qtbot.waitSignal(page.flags_shown):
        page.raise_button.click()
    assert page.table.rowCount() == 1 and cell(page.table, 0, 2) == "张三"
    assert cell(page.table, 0, 5) == "待处理"
    page.table.selectRow(0)
    assert page.start_button.isEnabled() and not page.reopen_button.isEnabled()
    with qtbot.waitSignal(page.flags_shown):
        page.start_button.click()
    assert cell(page.table, 0, 5) == "处理中"
    page.table.selectRow(0)
    page.resolve_button.click()
    qtbot.waitUntil(lambda: page.status.text() != "")
    assert "处理措施" in page.status.text()  # no action chosen: the rule's message
    page.flag_actions.boxes["temporary_subsidy_granted"].setChecked(True)
    with qtbot.waitSignal(page.flags_shown):
        page.resolve_button.click()
    assert cell(page.table, 0, 5) == "已处理" and cell(page.table, 0, 6) == "发放临时困难补助"


@pytest.mark.parametrize("data_dir", [Role.COLLEGE_CENTER], indirect=True)  # the list is the center's
def test_key_support_start_assign_log_workload(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("key_support")
    assert isinstance(page, KeySupportPage)
    qtbot.waitUntil(lambda: page.pages.currentIndex() == 1)
    idle(qtbot, running)  # the list loads when the page is first shown
    # the greyed-out side panel says why and what to do
    assert not page.case_box.isEnabled()
    assert not page.case_hint.isHidden() and "启动重点帮扶" in page.case_hint.text()
    page.start_student.setText("2024002")
    page.start_types.boxes["psychological"].setChecked(True)
    page.start_people.setText("张主任，王老师")
    page.start_conclusion.setText("纳入重点帮扶")
    with qtbot.waitSignal(page.cases_shown):
        page.start_button.click()
    assert page.table.rowCount() == 1 and cell(page.table, 0, 1) == "李四"
    assert "选择一名学生" in page.case_hint.text()
    with qtbot.waitSignal(page.mentors_shown):
        page.table.selectRow(0)
    assert page.case_hint.isHidden() and page.case_box.isEnabled()
    # a center sees the matching mentor first, then the others (assigned only with its reason)
    assert page.mentor.count() == 2 and "钱导师" in page.mentor.itemText(0)
    assert "孙导师" in page.mentor.itemText(1) and "专长不相符" in page.mentor.itemText(1)
    assert page.mismatch_reason.isVisibleTo(page)
    page.mentor.setCurrentIndex(1)
    page.assign_button.click()
    qtbot.waitUntil(lambda: "专长与学生的帮扶需求都不相符" in page.status.text())
    page.mentor.setCurrentIndex(0)
    with qtbot.waitSignal(page.cases_shown):
        page.assign_button.click()
    assert cell(page.table, 0, 5) == "钱导师"
    with qtbot.waitSignal(page.mentors_shown):
        page.table.selectRow(0)
    assert page.log_button.isEnabled()
    page.log_summary.setText("谈心谈话，情绪稳定")
    with qtbot.waitSignal(page.workload_shown):
        page.log_button.click()
    qtbot.waitUntil(lambda: cell(page.workload, 0, 4) == "1")  # this term: one support session
    assert cell(page.workload, 0, 1) == "钱导师" and cell(page.workload, 0, 5) == "1.0"
    # the roles that may not list key support (a counselor, an administrator) get a notice, no list
    for role in (Role.COUNSELOR, Role.ADMIN):
        running.app.ctx.identity.role = role
        page.reload()
        assert page.pages.currentIndex() == 0


def test_wish_list_move(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("wishes")
    assert isinstance(page, WishListPage)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    assert page.department.currentIndex() == 0 and page.department.currentData() is None  # no filter
    assert cell(page.table, 0, 1) == "张三"
    page.department.setCurrentIndex(page.department.findData("心理中心"))
    assert page.table.rowCount() == 1 and cell(page.table, 0, 1) == "张三"
    page.table.selectRow(0)
    assert [page.next_status.itemText(i) for i in range(page.next_status.count())] == ["已对接", "无法满足"]
    page.apply_button.click()
    qtbot.waitUntil(lambda: "负责人" in page.status.text())
    page.person.setText("刘老师")
    with qtbot.waitSignal(page.wishes_shown):
        page.apply_button.click()
    assert cell(page.table, 0, 5) == "已对接" and cell(page.table, 0, 6) == "刘老师"
    assert page.catalog.rowCount() == 1 and not page.catalog_editor.isVisibleTo(page)  # a counselor


def roster_file(path: Path, rows: list[list[str]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for values in [["学生编号", "姓名", "学院", "班级"], *rows]:
        sheet.append(values)
    workbook.save(path)
    return path


def test_import_wizard(qtbot: QtBot, running: Running, tmp_path: Path) -> None:
    idle(qtbot, running)
    page = running.window.show_section("import")
    assert isinstance(page, ImportWizard)
    bad = roster_file(
        tmp_path / "bad.xlsx", [["2026001", "新同学", "商学院", "会计2601"], ["2026002", "", "文学院", "x"]]
    )
    with qtbot.waitSignal(page.inspected):
        page.open_file(bad)
    page.set_field("学生编号", "student_no")
    page.save_as.setText("教务导出")
    with qtbot.waitSignal(page.checked):
        page.check_button.click()
    problems = [page.problems.item(i).text() for i in range(page.problems.count())]  # type: ignore[union-attr]
    assert "第 3 行“姓名”：必填项为空" in problems
    assert any("文学院" in line for line in problems)
    assert not page.import_button.isEnabled()
    good = roster_file(tmp_path / "good.xlsx", [["2026001", "新同学", "商学院", "会计2601"]])
    page.clear()
    with qtbot.waitSignal(page.inspected):
        page.open_file(good)
    assert "教务导出" not in page.mapping_info.text()  # the bad file's mapping was not saved
    page.set_field("学生编号", "student_no")
    with qtbot.waitSignal(page.checked):
        page.check_button.click()
    assert page.import_button.isEnabled() and page.preview.rowCount() == 1
    roster = running.window.sections["roster"].roster
    with qtbot.waitSignal(page.imported):
        page.import_button.click()
    assert "1" in page.result.text()
    qtbot.waitUntil(lambda: roster.model.rowCount() == len(running.ids) + 1)


def test_import_wizard_reports_a_broken_file(qtbot: QtBot, running: Running, tmp_path: Path) -> None:
    idle(qtbot, running)
    page = running.window.show_section("import")
    assert isinstance(page, ImportWizard)
    fake = tmp_path / "名单.xlsx"
    fake.write_bytes(b"not a workbook")
    with qtbot.waitSignal(page.failed):
        page.open_file(fake)
    assert "不是有效的 Excel" in page.status.text()
    assert page.steps.currentIndex() == 0


def test_wish_list_added_from_the_page(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("wishes")
    assert isinstance(page, WishListPage)
    qtbot.waitUntil(lambda: page.wish_items.count() == 1)
    page.wish_student.setText("2024003")
    page.add_wish_button.click()
    qtbot.waitUntil(lambda: page.status.text() != "")  # no item chosen
    entry = page.wish_items.item(0)
    assert entry is not None
    entry.setCheckState(Qt.CheckState.Checked)
    page.wish_on_visit.setChecked(True)
    page.add_wish_button.click()
    qtbot.waitUntil(lambda: "家访" in page.status.text())  # 王五 has no visit this year
    page.wish_on_visit.setChecked(False)
    with qtbot.waitSignal(page.wishes_shown):
        page.add_wish_button.click()
    assert sorted(cell(page.table, r, 1) for r in range(page.table.rowCount())) == ["张三", "王五"]


def test_monitoring_flags_from_visits(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("monitoring")
    idle(qtbot, running)  # the page reads its lists on its first visit
    assert isinstance(page, MonitoringPage)
    assert not page.from_visits_button.isEnabled()
    visit = HomeVisit.model_validate(
        {
            "student_id": running.ids["李四"],
            "category": "sudden_hardship",
            "mode": "phone",
            "visit_date": date.today(),
            "duration_minutes": 20,
            "visitors": [{"name": "王老师"}],
            "school_feedback": "好",
            "family_opinions": "无",
            "recent_shocks": "家中房屋受灾",
            "suggest_temporary_subsidy": True,
        }
    )
    running.app.ctx.worker.run(lambda store: visits.save_visit(store, visit), changes={"home_visit"})
    qtbot.waitUntil(page.from_visits_button.isEnabled)
    with qtbot.waitSignal(page.flags_shown):
        page.from_visits_button.click()
    assert [cell(page.table, r, 2) for r in range(page.table.rowCount())] == ["李四"]
    assert cell(page.table, 0, 4) == "家庭突发变故"
    qtbot.waitUntil(lambda: not page.from_visits_button.isEnabled())


def test_export_panel(qtbot: QtBot, running: Running, tmp_path: Path) -> None:
    idle(qtbot, running)
    page = running.window.show_section("import")
    assert isinstance(page, ImportWizard)
    panel = page.export_panel
    assert panel.unmasked.isEnabled()  # a counselor may ask for the full numbers
    out = tmp_path / "名单.json"
    panel.fmt.setCurrentIndex(panel.fmt.findData("json"))
    panel.boxes[ExportWhat.COVERAGE].setChecked(True)
    with qtbot.waitSignal(panel.exported):
        panel.export_to(out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["masked"] is True
    assert {row["姓名"] for row in doc["tables"]["学生名单"]} >= {"张三", "李四"}
    assert all("*" in row["本人手机"] for row in doc["tables"]["学生名单"])
    running.app.ctx.identity.role = Role.MENTOR
    panel.refresh_role()
    assert not panel.unmasked.isEnabled()


@pytest.mark.parametrize("data_dir", [Role.COLLEGE_CENTER], indirect=True)
def test_rescue_session_from_the_key_support_page(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("key_support")
    assert isinstance(page, KeySupportPage)
    idle(qtbot, running)  # the list loads when the page is first shown
    page.start_student.setText("2024001")
    page.start_types.boxes["academic"].setChecked(True)
    with qtbot.waitSignal(page.cases_shown):
        page.start_button.click()
    page.session_people.setText("王老师（辅导员）、孙导师（育人导师）")
    page.session_students.setText("2024003")
    page.session_button.click()
    qtbot.waitUntil(lambda: "重点帮扶" in page.status.text())  # 王五 is not in key support
    page.session_students.setText("2024001")
    with qtbot.waitSignal(page.cases_shown):
        page.session_button.click()
    assert cell(page.table, 0, 7) == "1"


@pytest.mark.parametrize("data_dir", [Role.COLLEGE_CENTER], indirect=True)
def test_key_support_list_is_audited_only_when_looked_at(qtbot: QtBot, running: Running) -> None:
    from desktop.store.store import Store
    from sync.records import AuditAction
    from tests.desktop.ui.store_fixtures import PASSPHRASE

    idle(qtbot, running)
    page = running.window.sections["key_support"]
    assert isinstance(page, KeySupportPage)
    running.window.show_section("roster")
    # A background change while the page is hidden loads nothing (no audited view) ...
    running.app.ctx.worker.data_changed.emit({"key_support"})
    assert page._stale
    # ... the view happens when the page is shown.
    with qtbot.waitSignal(page.cases_shown):
        running.window.show_section("key_support")
    idle(qtbot, running)
    running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        views = [e for e in s.audit.list() if e.action == AuditAction.VIEW_RESTRICTED]
    assert len(views) == 1


def test_import_wizard_takes_aid_history_from_the_template(
    qtbot: QtBot, running: Running, tmp_path: Path
) -> None:
    idle(qtbot, running)
    page = running.window.show_section("import")
    assert isinstance(page, ImportWizard)
    path = tmp_path / "资助记录.csv"
    titles = "学号,姓名,学年,资助类型,项目名称,金额(元),岗位,日期,资金来源,备注"
    year = current_academic_year()
    lines = [titles, f"2024001,张三,{year},助学金,国家助学金,3300,,{year[:4]}-11-20,中央财政,"]
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8-sig")  # the same row twice
    with qtbot.waitSignal(page.inspected):
        page.open_file(path)
    assert page.kind.currentData() == "aid" and "资助记录模板" in page.mapping_info.text()
    with qtbot.waitSignal(page.checked):
        page.check_button.click()
    problems = [page.problems.item(i).text() for i in range(page.problems.count())]  # type: ignore[union-attr]
    assert any(line.startswith("第 3 行") and "与第 2 行内容相同" in line for line in problems)
    assert not page.import_button.isEnabled()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    page.clear()
    with qtbot.waitSignal(page.inspected):
        page.open_file(path)
    with qtbot.waitSignal(page.checked):
        page.check_button.click()
    assert page.import_button.isEnabled() and page.preview.rowCount() == 1
    with qtbot.waitSignal(page.imported):
        page.import_button.click()
    assert "1" in page.result.text()
