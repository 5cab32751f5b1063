"""设置 → 学生发展支持中心 in the running app: a school center records the centers and a mentor's expertise;
a counselor does not see the panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.ui.settings.settings_page import SettingsPage
from sync.records import DifficultyType, Mentor, Role
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store


@pytest.fixture
def data_dir(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "data"
    ids = make_store(folder, role=getattr(request, "param", Role.SCHOOL_CENTER))
    with Store.open(folder, PASSPHRASE, backup_daily=False) as store, store.session() as s:
        s.mentors.create(Mentor(staff_no="M1", name="钱导师", department="心理中心"))
    return folder, ids


def settings(qtbot: QtBot, running: Running) -> SettingsPage:
    page = running.window.show_section("settings")
    assert isinstance(page, SettingsPage)
    return page


def test_school_center_records_centers_and_expertise(qtbot: QtBot, running: Running) -> None:
    page = settings(qtbot, running)
    panel = page.center
    qtbot.waitUntil(lambda: panel.center.count() == 3)
    assert panel.isVisibleTo(page)
    assert [panel.center.itemText(i) for i in range(3)] == ["信息学院", "商学院", "学校学生发展支持中心"]
    assert "阵地(地点/房间)、主任、副主任" in panel.missing.text()
    panel.center.setCurrentIndex(1)
    panel.site.setText("商学楼 201")
    panel.director.setText("赵书记")
    with qtbot.waitSignal(panel.saved):
        panel.save_center.click()
    assert "缺少：副主任" in panel.missing.text()
    panel.deputies.setText("钱老师，孙老师")
    panel.members.setText("李老师")
    with qtbot.waitSignal(panel.saved):
        panel.save_center.click()
    assert panel.missing.text() == "信息完整，已计入覆盖统计。"
    panel.expertise.boxes["psychological"].setChecked(True)
    panel.expertise.boxes["academic"].setChecked(True)
    with qtbot.waitSignal(panel.saved):
        panel.save_expertise.click()
    running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE, backup_daily=False) as store, store.session() as s:
        college = next(c for c in s.colleges.list() if c.name == "商学院")
        assert (college.center_site, college.center_director) == ("商学楼 201", "赵书记")
        assert college.center_deputies == ["钱老师", "孙老师"] and college.center_staff == ["李老师"]
        assert college.has_center
        (mentor,) = s.mentors.list()
        assert mentor.specialties == [DifficultyType.PSYCHOLOGICAL, DifficultyType.ACADEMIC]


@pytest.mark.parametrize("data_dir", [Role.COUNSELOR], indirect=True)
def test_counselor_does_not_see_the_center_panel(qtbot: QtBot, running: Running) -> None:
    page = settings(qtbot, running)
    qtbot.waitUntil(lambda: page.backups.count() >= 0)
    assert not page.center.isVisibleTo(page)
