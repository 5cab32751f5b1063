"""Can Qt open a window here?  Checked before any QApplication exists, because Qt aborts (SIGABRT,
with an English plugin message) when its platform plugin cannot start.

Two questions, both answered without creating a QApplication:

- ``missing_xcb_libraries``: the system libraries Qt's X11 plugin (``libqxcb.so``) needs but cannot
  find (read from ``ldd``), each with the Debian package that installs it;
- ``display_problem``: whether a display is usable (``DISPLAY``/``WAYLAND_DISPLAY`` set, the X server
  answers an ``xcb_connect``, the plugin's libraries present), as one Chinese sentence, or None.

Only Linux (and other X11 systems) can fail this way; Windows and macOS always have their platform.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

# Platforms that need no display server.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "minimalegl", "vkkhrdisplay")

# Library file → Debian/Ubuntu package, for the libraries Qt's xcb plugin links against.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.M)


def debian_package(library: str) -> str:
    """The Debian package that ships `library` (known ones; else the usual soname rule)."""
    if library in DEBIAN_PACKAGES:
        return DEBIAN_PACKAGES[library]
    match = re.fullmatch(r"(lib[\w.+-]+?)\.so\.(\d+)", library)
    if match is None:
        return library
    name, major = match.group(1).lower(), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def missing_from_ldd(output: str) -> list[str]:
    """The libraries `ldd` reported as "not found" (each once, in order)."""
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def xcb_plugin() -> Path:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return folder / "platforms" / "libqxcb.so"


def missing_xcb_libraries(plugin: Path | None = None) -> list[str]:
    """Libraries the xcb plugin needs that the dynamic loader cannot find ([] when all are there,
    on systems without the plugin, or when ``ldd`` is unavailable)."""
    plugin = plugin or xcb_plugin()
    ldd = shutil.which("ldd")
    if not sys.platform.startswith("linux") or ldd is None or not plugin.is_file():
        return []
    try:
        done = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return missing_from_ldd(done.stdout)


def install_hint(libraries: list[str]) -> str:
    packages = " ".join(dict.fromkeys(debian_package(lib) for lib in libraries))
    return f"sudo apt-get install {packages}"


def x_server_answers(display: str) -> bool:
    """Whether the X server named by `display` accepts a connection (what Qt's xcb plugin does first)."""
    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return True  # cannot ask; the missing library is reported on its own
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    if not connection:
        return False
    try:
        return int(xcb.xcb_connection_has_error(connection)) == 0
    finally:
        xcb.xcb_disconnect(connection)


@dataclass(frozen=True)
class DisplayProblem:
    message: str  # one Chinese sentence for the user
    missing_libraries: tuple[str, ...] = ()


def display_problem(environ: dict[str, str] | None = None) -> DisplayProblem | None:
    """Why a Qt window cannot open here, or None when it can (or the platform needs no display)."""
    env = dict(os.environ if environ is None else environ)
    if sys.platform.startswith(("win", "darwin")):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    if platform.startswith(HEADLESS_PLATFORMS):
        return None
    display = env.get("DISPLAY", "")
    wayland = env.get("WAYLAND_DISPLAY", "")
    if platform.startswith("wayland") or (wayland and not display):
        if wayland:
            return None
        return DisplayProblem(
            "无法打开窗口：没有可用的图形显示（未设置 WAYLAND_DISPLAY）。请在桌面会话中运行 jiafang。"
        )
    if not display:
        return DisplayProblem(
            "无法打开窗口：没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY）。"
            "请在桌面会话中运行 jiafang；命令行功能见 jiafang --help。"
        )
    missing = missing_xcb_libraries()
    if missing:
        return DisplayProblem(
            f"无法打开窗口：缺少图形界面所需的系统库 {'、'.join(missing)}。请安装：{install_hint(missing)}",
            tuple(missing),
        )
    if not x_server_answers(display):
        return DisplayProblem(f"无法打开窗口：连接不上图形显示 {display}（X 服务器没有响应或拒绝连接）。")
    return None
