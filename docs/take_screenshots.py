"""Screenshots of the desktop app's main screens, in a real X11 window, into docs/screenshots/.

    python docs/take_screenshots.py [--students 400] [--scales 1,1.25]

Starts Xvfb at 1366×768 (the most common counselor laptop) with the openbox window manager, builds a
synthetic demo store in a temporary folder with `jiafang demo`, opens the app maximized (the window
manager leaves a 40 px strip at the bottom free, like a taskbar: 1366×728 usable) and grabs the whole
screen: the lock screen (wrong passphrase, throttled countdown), the roster
(privacy mode on and off), a search, a student's profile, the growth archive, the 家访 list,
the visit form with validation messages and its family table, the saved banner, the PDF preview,
every data page and the settings (top and scrolled to the server panel). Each
QT_SCALE_FACTOR in --scales gets its own set; files of scale 1.25 end in ``@125``.

Needs the Debian packages xvfb and openbox (installers/dev/setup-env.sh installs them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
PASSPHRASE = "screenshot passphrase"
SCREEN = (1366, 768)
TASKBAR = 40  # px kept free at the bottom of the screen, as a desktop's taskbar does
CHILD_ENV = "JIAFANG_SCREENSHOT_SCALE"


# -- the parent: Xvfb + openbox, one child per scale ----------------------------------------------
def _openbox_config(folder: Path) -> Path:
    """An openbox configuration whose only difference is a bottom margin like a taskbar's."""
    config = folder / "rc.xml"
    config.write_text(
        '<?xml version="1.0"?>\n'
        '<openbox_config xmlns="http://openbox.org/3.4/rc">'
        f"<margins><top>0</top><bottom>{TASKBAR}</bottom><left>0</left><right>0</right></margins>"
        "<theme><name>Clearlooks</name><titleLayout>NLIMC</titleLayout></theme>"
        "</openbox_config>\n",
        encoding="utf-8",
    )
    return config


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        raise SystemExit("Xvfb did not start")
    return xvfb, f":{number}"


def run_parent(args: argparse.Namespace) -> int:
    for tool in ("Xvfb", "openbox"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: bash installers/dev/setup-env.sh installs it (as root)")
    xvfb, display = _start_xvfb()
    with tempfile.TemporaryDirectory(prefix="jiafang-shots-") as tmp:
        env = {**os.environ, "DISPLAY": display}
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
        openbox = subprocess.Popen(
            ["openbox", "--config-file", str(_openbox_config(Path(tmp)))],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
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
                env={**env, "JIAFANG_PASSPHRASE": PASSPHRASE},
                stdout=subprocess.DEVNULL,
            )
            status = 0
            for scale in args.scales.split(","):
                child_env = {**env, CHILD_ENV: scale, "QT_SCALE_FACTOR": scale}
                command = [sys.executable, __file__, "--data-dir", str(data_dir)]
                status = status or subprocess.run(command, cwd=REPO, env=child_env, check=False).returncode
            return status
        finally:
            openbox.terminate()
            openbox.wait()
            xvfb.terminate()
            xvfb.wait()


# -- the child: the app on the X display, one screen after another --------------------------------
def run_child(data_dir: Path, scale: str) -> int:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QWidget

    from desktop.ui.shell.app import JiaFangApp, make_application
    from desktop.ui.shell.app_context import SavedNotice

    suffix = "" if float(scale) == 1 else f"@{round(float(scale) * 100)}"

    def wait_for(condition: Callable[[], bool], timeout_ms: int = 30_000) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: loop.quit() if condition() else None)
        QTimer.singleShot(timeout_ms, loop.quit)
        timer.start()
        if not condition():
            loop.exec()
        timer.stop()
        if not condition():
            raise RuntimeError("timed out waiting for the app")

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(name: str) -> None:
        settle()
        screen = QGuiApplication.primaryScreen()
        image = screen.grabWindow(0).toImage()
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"{name}{suffix}.png"
        image.save(str(path))
        _shrink(path)
        print(f"docs/screenshots/{path.name}")

    def top_dialog() -> QDialog | None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        return dialogs[-1] if dialogs else None

    qt = make_application([sys.argv[0]])
    app = JiaFangApp(data_dir, qt, use_env_passphrase=False)
    window = app.window
    app.start()
    window.showMaximized()
    shoot("01-locked")
    window.unlock_panel.passphrase.setText("not the passphrase")
    window.unlock_panel.button.click()
    wait_for(lambda: window.unlock_panel.error.isVisible())
    shoot("01b-wrong-passphrase")
    # After repeated wrong passphrases the panel counts down (app.py shows the persisted wait so).
    window.unlock_panel.show_error(app.tr("Wrong passphrase typed too often; nothing was changed."))
    window.unlock_panel.show_wait(lambda: 37.0)
    shoot("01c-unlock-throttled")
    window.unlock_panel.show_wait(lambda: 0.0)

    window.unlock_panel.passphrase.setText(PASSPHRASE)
    window.unlock_panel.button.click()
    roster_section = window.sections["roster"]
    roster = roster_section.roster
    wait_for(lambda: not app.ctx.lock.is_locked and roster.model.rowCount() > 0)
    offer = window.findChild(QWidget, "draftOffer")
    if offer is not None:
        offer.hide()
    roster.set_privacy_mode(True)
    shoot("02-roster")
    roster.set_privacy_mode(False)
    shoot("02b-roster-levels-shown")
    roster.set_privacy_mode(True)

    roster.search.setText("zh")
    shoot("03-roster-search")
    roster.search.clear()

    student_id = roster.model.row_at(0).id if roster.model.row_at(0) else None
    assert student_id is not None
    roster_section.open_student(student_id)
    wait_for(lambda: roster_section.profile.file is not None)
    shoot("04-profile")
    profile = roster_section.profile
    profile.tabs.setCurrentWidget(profile.timeline)
    shoot("05-growth-archive")
    profile.tabs.setCurrentWidget(profile.visits)
    shoot("05b-profile-visits")
    for name, tab in (
        ("05c-profile-enrolment", profile.enrolment),
        ("05d-profile-academic-results", profile.academic_results),
        ("05e-profile-talks", profile.talks),
    ):
        profile.tabs.setCurrentWidget(tab)
        shoot(name)

    profile.archive_pdf.trigger()
    wait_for(lambda: top_dialog() is not None)
    shoot("09-pdf-preview")
    dialog = top_dialog()
    assert dialog is not None
    dialog.reject()

    visits = window.sections["visits"]
    window.show_section("visits")
    wait_for(lambda: visits.pending.rowCount() > 0)
    shoot("06-visits-pending")

    visits.new_visit(student_id)
    wait_for(lambda: visits.stack.currentWidget() is visits.form)
    form = visits.form
    form.inputs["place"].setText("某某县城关镇幸福路8号")
    form.save_button.click()
    shoot("07-visit-form-validation")
    form.scroll_area.ensureWidgetVisible(form.inputs["household"], 0, 0)
    shoot("07b-visit-form-family")
    form.close_form()
    # The banner the 家访 list shows after a save (the text is the form's own).
    text = form.tr("Home visit saved: %1, %2").replace("%1", "张三").replace("%2", "2026-11-20")
    assert app.ctx.events is not None
    app.ctx.events.record_saved.emit(SavedNotice("home_visit", "shot", student_id, text))
    shoot("07c-visit-saved-banner")

    window.finish_building()
    nav_keys = {window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())}
    for number, key in (
        ("10", "coverage"),
        ("11", "planning"),
        ("12", "key_support"),
        ("13", "wishes"),
        ("14", "monitoring"),
        ("15", "import"),
        ("17", "academic_gap"),
        ("18", "watch_list"),
        ("19", "activities"),
        ("20", "workload"),
        ("21", "notices"),
    ):
        if key not in nav_keys:
            continue  # not a page of the demo user's role
        window.show_section(key)
        settle(900)
        shoot(f"{number}-{key.replace('_', '-')}")

    window.show_section("roster")
    roster_section.show_roster()
    roster.batch_export()
    wait_for(lambda: top_dialog() is not None)
    shoot("16-batch-export")
    dialog = top_dialog()
    if dialog is not None:
        dialog.reject()

    window.show_section("settings")
    shoot("08-settings")
    settings = window.sections["settings"]
    for area in settings.findChildren(QScrollArea):
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    shoot("08b-settings-server")
    app.shutdown()
    return 0


def _shrink(path: Path) -> None:
    """Fewer colours (the UI uses few): about a third of the bytes, no visible change."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    small.save(path, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=400)
    parser.add_argument("--scales", default="1,1.25", help="QT_SCALE_FACTOR values, comma-separated")
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    scale = os.environ.get(CHILD_ENV)
    if scale and args.data_dir:
        sys.path.insert(0, str(REPO))
        return run_child(args.data_dir, scale)
    return run_parent(args)


if __name__ == "__main__":
    sys.exit(main())
