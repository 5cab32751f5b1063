"""The Qt side of `jiafang selftest`: translations load, the platform plugin starts, the icon renders.

Called lazily by desktop/commands/selftest_command.py (Qt stays out of the command layer).  Each probe
returns what it found; the command decides what counts as a failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QIcon, QImageReader
from PySide6.QtWidgets import QApplication

from desktop.ui.shell.translations import LANGUAGES, ensure_qm_files, qm_path

ICON_PATH = Path(__file__).resolve().parents[3] / "resources" / "icons" / "jiafang.svg"


@dataclass(frozen=True)
class TranslationProbe:
    language: str
    path: Path
    loaded: bool  # QTranslator.load succeeded and the catalogue is not empty
    qt_loaded: bool | None  # Qt's own qtbase_<language>.qm (None: English needs none)
    qt_sample: str = ""  # Qt's "Cancel" in that language, e.g. 取消


def probe_translations(folder: Path) -> list[TranslationProbe]:
    """Load our .qm for every UI language (compiling the .ts first in a checkout) and Qt's own."""
    ensure_qm_files(folder)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    probes: list[TranslationProbe] = []
    for language in LANGUAGES:
        path = qm_path(language, folder)
        ours = QTranslator()
        loaded = path.is_file() and ours.load(str(path)) and not ours.isEmpty()
        qt_loaded: bool | None = None
        sample = ""
        if language != "en":
            qt_own = QTranslator()
            qt_loaded = qt_own.load(f"qtbase_{language}", qt_dir) and not qt_own.isEmpty()
            sample = (qt_own.translate("QPlatformTheme", "Cancel") or "") if qt_loaded else ""
        probes.append(TranslationProbe(language, path, loaded, qt_loaded, sample))
    return probes


@dataclass(frozen=True)
class GuiProbe:
    platform: str
    icon_ok: bool
    image_formats: tuple[str, ...]


def probe_gui(icon_path: Path = ICON_PATH) -> GuiProbe:
    """Start (or reuse) the QApplication the app uses and render its icon.

    Importing the main window's modules here also proves that every UI module made it into a frozen
    bundle.
    """
    from desktop.ui.shell import window_sections
    from desktop.ui.shell.app import make_application

    assert window_sections.add_standard_sections is not None
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = make_application(["jiafang"])
    icon = QIcon(str(icon_path))
    pixmap = icon.pixmap(64, 64)
    icon_ok = icon_path.is_file() and not pixmap.isNull()
    formats = tuple(sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()))
    return GuiProbe(app.platformName(), icon_ok, formats)
