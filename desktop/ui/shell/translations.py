"""The UI languages: our own .qm files (built from resources/translations/*.ts) plus Qt's own.

The .ts files are the source; the .qm files are build outputs (not in git).  `ensure_qm_files` runs
PySide6's `lrelease` when a .qm is missing or older than its .ts, so a fresh clone works on first
launch; installers call it at build time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parents[3] / "resources" / "translations"
LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


def _qt_tool(name: str) -> str | None:
    """PySide6's own copy of a Qt tool (lrelease, lupdate), else one on PATH."""
    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "bin" / name):
        if candidate.exists():
            return str(candidate)
    scripts = Path(sys.executable).parent
    for script in (f"pyside6-{name}", f"pyside6-{name}.exe"):
        if (scripts / script).exists():
            return str(scripts / script)
    return shutil.which(f"pyside6-{name}") or shutil.which(name)


def _lrelease() -> str | None:
    return _qt_tool("lrelease")


def _lupdate() -> str | None:
    return _qt_tool("lupdate")


def qm_path(language: str, folder: Path = TRANSLATIONS_DIR) -> Path:
    return folder / f"jiafang_{language}.qm"


def qt_gaps_path(language: str, folder: Path = TRANSLATIONS_DIR) -> Path:
    """Our translations of Qt's own strings that qtbase_<language>.qm lacks (e.g. "Look in:")."""
    return folder / f"jiafang_qt_{language}.qm"


SYSTEM_LOCALES = {"zh_CN": "zh_CN.UTF-8", "en": "en_US.UTF-8"}


def prefer_system_locale(language: str) -> None:
    """Before the QApplication exists: let Qt's "system" locale follow the UI language on Linux.

    Qt's file dialog shows dates and sizes in the system locale (QLocale::system(), read from LC_TIME
    and LANG once at start), so a machine set to C or English would show "4 12 2026" in the Chinese
    UI. An explicit LC_ALL is the user's choice and is left alone.
    """
    if not sys.platform.startswith("linux") or os.environ.get("LC_ALL"):
        return
    locale = SYSTEM_LOCALES.get(language, SYSTEM_LOCALES[DEFAULT_LANGUAGE])
    for variable in ("LC_TIME", "LC_NUMERIC"):
        os.environ[variable] = locale


def ensure_qm_files(folder: Path = TRANSLATIONS_DIR) -> list[Path]:
    """Compile every .ts whose .qm is missing or outdated; returns the .qm files that exist."""
    tool = _lrelease()
    built: list[Path] = []
    for ts in sorted(folder.glob("jiafang_*.ts")):
        qm = ts.with_suffix(".qm")
        outdated = not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime
        if outdated and tool is not None:
            subprocess.run(
                [tool, "-silent", str(ts), "-qm", str(qm)],
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        if qm.exists():
            built.append(qm)
    return built


class Translations:
    """Installs and swaps the translators of one QCoreApplication."""

    def __init__(self, app: QCoreApplication, folder: Path = TRANSLATIONS_DIR) -> None:
        self._app = app
        self._folder = folder
        self._installed: list[QTranslator] = []
        self.language = ""

    def install(self, language: str) -> None:
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        ensure_qm_files(self._folder)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        ours = QTranslator(self._app)
        if ours.load(str(qm_path(language, self._folder))):
            self._app.installTranslator(ours)
            self._installed.append(ours)
        if language != "en":
            gaps = QTranslator(self._app)  # installed first: asked only where Qt's own has no text
            if gaps.load(str(qt_gaps_path(language, self._folder))):
                self._app.installTranslator(gaps)
                self._installed.append(gaps)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt_own = QTranslator(self._app)
            if qt_own.load(f"qtbase_{language}", qt_dir):
                self._app.installTranslator(qt_own)
                self._installed.append(qt_own)
        QLocale.setDefault(
            QLocale(QLocale.Language.Chinese, QLocale.Country.China)
            if language == "zh_CN"
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        )
        self.language = language
