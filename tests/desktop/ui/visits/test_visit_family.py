"""The visit form's family table starts from the profile's family, marks members verified on this
visit, prints exactly what it shows, and writes changes back to the profile only when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app.pdf_documents import PdfSpec, build_pdf, fetch_inputs
from desktop.store.store import Store
from tests.desktop.reports.pdf_tools import needs_tools, pdf_text, squeeze
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE
from tests.desktop.ui.visits.test_visit_followups import fill_required, open_form


def _start(qtbot: QtBot, running: Running, name: str):  # type: ignore[no-untyped-def]
    form = open_form(qtbot, running, name)
    fill_required(form)
    return form


def _answer(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@needs_tools
def test_household_starts_from_profile_and_prints_what_the_form_shows(
    qtbot: QtBot, running: Running, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    form = _start(qtbot, running, "张三")
    family = form.inputs["household"]
    rows = family.rows()
    assert [(values["name"], values["relationship"], values["verified"]) for _id, values in rows] == [
        ("张大山", "父亲", False)
    ]
    assert rows[0][0] is not None  # linked to the profile's member
    verified = family.table.item(0, family.fields.index("verified"))
    verified.setCheckState(Qt.CheckState.Checked)
    row = family.add_row({})
    family.set_text(row, "name", "李秀英")
    family.set_text(row, "age", "47")
    family.set_text(row, "relationship", "母亲")
    family.set_text(row, "occupation", "保洁员")
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    assert asked == ["家庭成员有改动"]  # asked once; "no": the profile keeps its family
    visit_id = form.visit_id
    running.app.shutdown()

    with Store.open(running.data_dir, PASSPHRASE) as store:
        with store.session() as s:
            visit = s.visits.require(visit_id)
            profile_family = [m.name for m in s.family.for_student(running.ids["张三"])]
        built = build_pdf(fetch_inputs(store, PdfSpec.visit(visit_id)))
    assert [(m.name, m.verified) for m in visit.household] == [("张大山", True), ("李秀英", False)]
    assert profile_family == ["张大山"]
    path = tmp_path / "visit.pdf"
    path.write_bytes(built.data)
    text = squeeze(pdf_text(path))
    assert "本次核实" in text
    assert "张大山" in text and "李秀英" in text and "保洁员" in text
    assert text.count("已核实") == 1


def test_yes_writes_the_household_back_to_the_profile(
    qtbot: QtBot, running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    form = _start(qtbot, running, "张三")
    family = form.inputs["household"]
    family.set_text(0, "occupation", "外出务工")
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    assert len(asked) == 1
    running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        members = s.family.for_student(running.ids["张三"])
    assert [(m.name, m.occupation) for m in members] == [("张大山", "外出务工")]


def test_unchanged_household_is_not_asked_about(
    qtbot: QtBot, running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    form = _start(qtbot, running, "张三")
    family = form.inputs["household"]
    family.table.item(0, family.fields.index("verified")).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    assert asked == []  # verifying a member changes nothing on the profile
