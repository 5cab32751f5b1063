"""Visit photos on the form: only with the student's photo consent, kept encrypted, thumbnails in memory."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.store.repositories.attachments import MAX_PHOTO_BYTES
from desktop.store.store import Store
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE
from tests.desktop.ui.sync.test_sync_ui import _laptop_app, parts_of


def write_photo(path: Path, color: str) -> bytes:
    image = QImage(48, 32, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path), "PNG")
    return path.read_bytes()


def test_photos_need_consent_and_are_saved_with_the_visit(
    qtbot: QtBot, running: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visits = running.section("visits")
    form = visits.form
    visits.new_visit(running.ids["王五"])
    qtbot.waitUntil(lambda: form.student_id == running.ids["王五"] and visits.stack.currentWidget() is form)
    photos = form.photos
    chosen: list[list[str]] = []

    def choose(*_args: object, **_kwargs: object) -> tuple[list[str], str]:
        return chosen.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    yard = write_photo(tmp_path / "院子.png", "#3a7d44")

    # Without the photo consent: the record's own message, and no file dialog.
    chosen.append([str(tmp_path / "院子.png")])
    with qtbot.waitSignal(photos.message_shown) as shown:
        photos.add_button.click()
    assert shown.args == ["上传照片前须记录学生的拍照同意"]
    assert not photos.message.isHidden() and photos.list.count() == 0 and len(chosen) == 1

    form.inputs["photo_consent"].setChecked(True)
    with qtbot.waitSignal(photos.changed):
        photos.add_button.click()
    assert photos.list.count() == 1 and photos.message.isHidden()
    assert not photos.list.item(0).icon().isNull()  # thumbnail decoded from the bytes in memory
    [reference] = photos.values()
    assert reference["sha256"] == hashlib.sha256(yard).hexdigest()
    assert reference["media_type"] == "image/png" and reference["file_name"] == "院子.png"

    # The same photo again, and one over the size limit: refused with a message.
    chosen.append([str(tmp_path / "院子.png")])
    with qtbot.waitSignal(photos.message_shown) as shown:
        photos.add_button.click()
    assert shown.args == ["这张照片已添加。"]
    big = tmp_path / "大图.jpg"
    with big.open("wb") as handle:
        handle.write(b"\xff\xd8\xff")
        handle.seek(MAX_PHOTO_BYTES + 1)
        handle.write(b"\0")
    chosen.append([str(big)])
    with qtbot.waitSignal(photos.message_shown) as shown:
        photos.add_button.click()
    assert "不能超过 10 MB" in shown.args[0]
    assert photos.list.count() == 1

    # Remove it, add another, save the visit.
    photos.list.item(0).setSelected(True)
    with qtbot.waitSignal(photos.changed):
        photos.remove_button.click()
    assert photos.list.count() == 0 and photos.values() == []
    house = write_photo(tmp_path / "房屋.png", "#8a6d3b")
    chosen.append([str(tmp_path / "房屋.png")])
    with qtbot.waitSignal(photos.changed):
        photos.add_button.click()
    form.inputs["duration_minutes"].setValue(60)
    form.inputs["category"].setCurrentIndex(form.inputs["category"].findData("annual_coverage"))
    form.inputs["school_feedback"].setPlainText("表现良好。")
    form.inputs["family_opinions"].setPlainText("无。")
    with qtbot.waitSignal(form.saved):
        form.save_button.click()

    running.app.shutdown()
    house_sha = hashlib.sha256(house).hexdigest()
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        [saved] = s.visits.for_student(running.ids["王五"])
        assert saved.photo_consent is True
        assert [a.sha256 for a in saved.attachments] == [house_sha]
        assert s.attachments.get(house_sha) == house
    for path in running.data_dir.rglob("*"):
        if path.is_file():
            assert house[16:48] not in path.read_bytes(), path.name  # no plaintext copy anywhere


def test_unticking_consent_with_photos_is_refused_on_save(
    qtbot: QtBot, running: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visits = running.section("visits")
    form = visits.form
    visits.new_visit(running.ids["王五"])
    qtbot.waitUntil(lambda: form.student_id == running.ids["王五"] and visits.stack.currentWidget() is form)
    write_photo(tmp_path / "a.png", "#123456")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(tmp_path / "a.png")], ""))
    form.inputs["photo_consent"].setChecked(True)
    with qtbot.waitSignal(form.photos.changed):
        form.photos.add_button.click()
    form.inputs["photo_consent"].setChecked(False)
    form.save_button.click()
    assert form.errors.visible_messages()["photo_consent"] == "上传照片前须记录学生的拍照同意"


def test_the_sync_item_tells_photo_progress(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    app = _laptop_app(qtbot, qapp, tmp_path / "laptop", "zh_CN")
    try:
        item = parts_of(app).item
        item.show_progress("upload", 300, 1000)
        assert item.summary.text() == "正在发送照片…" and item.bar.maximum() == 1000
        item.show_progress("download", 1, 2)
        assert item.summary.text() == "正在接收照片… 第 1 张，共 2 张"
    finally:
        app.shutdown()
