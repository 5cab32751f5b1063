"""Every page and dialog on a 1366×768 laptop (1366×728 usable) at 100 %, 125 % and 150 %.

Each scale runs in its own process (QT_SCALE_FACTOR must be set before the QApplication exists) on
an offscreen screen of that size; tests/desktop/ui/screen_fit_child.py says what does not fit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.desktop.ui import screen_fit_child

ROOT = Path(__file__).resolve().parents[4]
PASSPHRASE = "screen-fit passphrase"
SCREEN = {"width": 1366, "height": 728}


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screen-fit") / "demo"
    subprocess.run(
        [sys.executable, "-m", "desktop.cli", "demo", "--data-dir", str(folder), "--students", "60"],
        check=True,
        cwd=ROOT,
        env={**os.environ, "JIAFANG_PASSPHRASE": PASSPHRASE},
        stdout=subprocess.DEVNULL,
    )
    return folder


def _problems(folder: Path, tmp_path: Path, scale: str, font_points: str = "") -> list[str]:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, **SCREEN, "logicalDpi": 96, "dpr": 1}]}),
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.desktop.ui.screen_fit_child", str(folder), PASSPHRASE]
        + ([font_points] if font_points else []),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(result, list)
    return [str(problem) for problem in result]


@pytest.mark.parametrize("scale", ["1", "1.25"])
def test_every_page_and_dialog_fits_the_laptop_screen(demo_store: Path, tmp_path: Path, scale: str) -> None:
    assert _problems(demo_store, tmp_path, scale) == []


def test_a_larger_system_font_still_fits(demo_store: Path, tmp_path: Path) -> None:
    # Text follows the desktop's font size (12 pt instead of the usual 9 pt): nothing cut or lost.
    assert _problems(demo_store, tmp_path, "1", "12") == []


def test_at_150_percent_every_window_still_fits_and_scrolls(demo_store: Path, tmp_path: Path) -> None:
    # 911×485 logical pixels: pages may scroll, but no window or dialog is larger than the screen,
    # and nothing (the roster's filter row with every filter shown, the profile's header) is cut.
    assert _problems(demo_store, tmp_path, "1.5") == []


def test_the_checker_sees_cut_text_and_controls_off_the_window(qtbot: QtBot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    row = QHBoxLayout(top)
    button = QPushButton("预览/打印/导出 PDF（很长的按钮文字）", top)
    label = QLabel("生源地：江苏省淮安市涟水县某某镇", top)
    combo = QComboBox(top)
    combo.setObjectName("probeCombo")
    row.addWidget(button)
    row.addWidget(label)
    row.addWidget(combo)
    top.show()
    combo.addItem("全部部门（选项在显示后才填入）")  # filled after the first show: sized while empty
    button.setFixedWidth(40)
    label.setFixedWidth(30)
    combo.setFixedWidth(60)
    outside = QPushButton("关闭", top)
    outside.setGeometry(top.width() + 50, 0, 60, 20)
    outside.show()
    screen_fit_child.problems.clear()
    screen_fit_child.check_window(top, "probe")
    found = "\n".join(screen_fit_child.problems)
    assert "很长的按钮文字" in found and "江苏省" in found and "关闭" in found
    assert "probeCombo" in found and "choice cut" in found
    screen_fit_child.problems.clear()
    label.setToolTip(label.text())
    button.setToolTip(button.text())
    outside.hide()
    combo.setToolTip(combo.currentText())
    screen_fit_child.check_window(top, "probe")
    assert not any("cut" in p or "关闭" in p for p in screen_fit_child.problems)
    screen_fit_child.problems.clear()
