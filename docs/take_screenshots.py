"""Render the main screens of the desktop app to PNG files in docs/screenshots/ (offscreen).

    /work/venv/bin/python docs/take_screenshots.py [--students 400]

Builds a synthetic demo store in a temporary folder with `jiafang demo`, opens the app on it, and
grabs the lock screen, the roster, a search, a student's profile (basic information, growth archive),
the 家访 list, the visit form with validation messages, and the settings.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

from desktop.ui.app import JiaFangApp, make_application

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
PASSPHRASE = "screenshot passphrase"


def wait_for(app: object, condition: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)

    def check() -> None:
        if condition():
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    deadline.start(timeout_ms)
    if not condition():
        loop.exec()
    timer.stop()
    if not condition():
        raise RuntimeError("timed out waiting for the app")


def settle(app: object) -> None:
    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)
    loop.exec()


def shoot(widget: QWidget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"docs/screenshots/{name}.png")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jiafang-shots-") as tmp:
        data_dir = Path(tmp) / "demo"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop.cli",
                "demo",
                "--data-dir",
                str(data_dir),
                "--students",
                str(args.students),
            ],
            check=True,
            cwd=REPO,
            env={**os.environ, "JIAFANG_PASSPHRASE": PASSPHRASE},
            stdout=subprocess.DEVNULL,
        )
        qt = make_application([sys.argv[0]])
        app = JiaFangApp(data_dir, qt, use_env_passphrase=False)
        window = app.window
        window.resize(1280, 800)
        app.start()
        settle(qt)
        shoot(window, "01-locked")

        window.unlock_panel.passphrase.setText(PASSPHRASE)
        window.unlock_panel.button.click()
        roster_section = window.sections["roster"]
        roster = roster_section.roster
        wait_for(qt, lambda: not app.ctx.lock.is_locked and roster.model.rowCount() > 0)
        window.findChild(QWidget, "draftOffer").hide()
        settle(qt)
        shoot(window, "02-roster")

        roster.search.setText("zh")
        settle(qt)
        shoot(window, "03-roster-search")

        first = roster.model.data(roster.model.index(0, 0))
        student_id = roster.model.row_at(0).id if roster.model.row_at(0) else None
        assert first is not None and student_id is not None
        roster_section.open_student(student_id)
        wait_for(qt, lambda: roster_section.profile.file is not None)
        settle(qt)
        shoot(window, "04-profile")
        profile = roster_section.profile
        profile.tabs.setCurrentWidget(profile.timeline)
        settle(qt)
        shoot(window, "05-growth-archive")

        visits = window.sections["visits"]
        window.show_section("visits")
        wait_for(qt, lambda: visits.pending.rowCount() > 0)
        settle(qt)
        shoot(window, "06-visits-pending")

        visits.new_visit(student_id)
        wait_for(qt, lambda: visits.stack.currentWidget() is visits.form)
        form = visits.form
        form.inputs["place"].setText("某某县城关镇幸福路8号")
        form.save_button.click()
        settle(qt)
        shoot(window, "07-visit-form-validation")
        form.close_form()

        window.show_section("settings")
        settle(qt)
        shoot(window, "08-settings")
        app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
