"""Without a usable display: `jiafang selftest` checks Qt offscreen, `jiafang gui` says so in one
Chinese line; neither aborts (Qt's SIGABRT); missing xcb libraries are named with their apt package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.ui.shell.display_check import (
    debian_package,
    display_problem,
    install_hint,
    missing_from_ldd,
    missing_xcb_libraries,
)

ROOT = Path(__file__).resolve().parents[2]

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd6a5f2000)
\tlibQt6XcbQpa.so.6 => /opt/jiafang/_internal/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f2a1c000000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2a1ba00000)
"""


def _headless_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, "PYTHONPATH": str(ROOT), "JIAFANG_DATA_DIR": str(tmp_path / "data"), **extra}


def _jiafang(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_selftest_without_a_display_checks_qt_offscreen(tmp_path: Path) -> None:
    done = _jiafang(_headless_env(tmp_path), "selftest", "--json")
    assert done.returncode == 0, done.stderr
    checks = {check["name"]: check for check in json.loads(done.stdout)["checks"]}
    assert checks["gui"]["ok"] is True
    assert checks["gui"]["platform"] == "offscreen" and checks["gui"]["display"] is False
    assert "qt.qpa" not in done.stderr and "Aborted" not in done.stderr


def test_gui_without_a_display_says_so_in_one_chinese_line(tmp_path: Path) -> None:
    done = _jiafang(_headless_env(tmp_path), "gui")
    assert done.returncode == 1  # not -6 (SIGABRT) nor 134
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("jiafang: 无法打开窗口：没有可用的图形显示")
    assert not (tmp_path / "data").exists()  # nothing was created


def test_gui_with_an_unreachable_x_server_says_so(tmp_path: Path) -> None:
    done = _jiafang(_headless_env(tmp_path, DISPLAY=":187"), "gui")
    assert done.returncode == 1
    assert (
        done.stderr.strip() == "jiafang: 无法打开窗口：连接不上图形显示 :187（X 服务器没有响应或拒绝连接）。"
    )


def test_missing_libraries_are_named_with_the_apt_command() -> None:
    missing = missing_from_ldd(LDD_OUTPUT)
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"]
    assert install_hint(missing) == "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0"
    assert debian_package("libxcb-xinerama.so.0") == "libxcb-xinerama0"
    assert debian_package("libfoo2.so.3") == "libfoo2-3"  # the soname rule for unknown libraries
    assert debian_package("libbar.so.1") == "libbar1"


def test_this_machine_has_every_xcb_library_and_headless_platforms_need_none() -> None:
    assert missing_xcb_libraries() == []  # installers/dev/setup-env.sh installs them
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    problem = display_problem({})
    assert problem is not None and "DISPLAY" in problem.message
