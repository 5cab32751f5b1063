"""Every tr() string of desktop/ui has a finished zh_CN translation; no stigmatising words shown."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.ui.shell.translations import TRANSLATIONS_DIR, _lupdate, ensure_qm_files

UI_DIR = Path(__file__).resolve().parents[4] / "desktop" / "ui"
FORBIDDEN = ("贫困", "困难生")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found: dict[tuple[str, str], ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_ui_string_has_a_chinese_translation(tmp_path: Path) -> None:
    scanned = tmp_path / "scan.ts"
    tool = _lupdate()
    assert tool is not None, "PySide6's lupdate is part of PySide6-Essentials"
    subprocess.run(
        [tool, "-silent", "-locations", "none", *map(str, sorted(UI_DIR.rglob("*.py"))), "-ts", str(scanned)],
        check=True,
    )
    # Lookups in Qt's own catalogue (context QPlatformTheme, QDialogButtonBox…) are translated by
    # qtbase_zh_CN.qm, not by ours.
    sources = {key for key in _messages(scanned) if not (key[0][:1] == "Q" and key[0][1:2].isupper())}
    assert len(sources) > 200
    translated = _messages(TRANSLATIONS_DIR / "jiafang_zh_CN.ts")
    missing = sorted(key for key in sources if key not in translated)
    unfinished = sorted(
        key
        for key in sources & set(translated)
        if (translated[key].find("translation") is None)
        or translated[key].find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
        or not "".join(translated[key].find("translation").itertext()).strip()  # type: ignore[union-attr]
    )
    assert missing == []
    assert unfinished == []


def test_english_file_covers_the_same_strings() -> None:
    zh = set(_messages(TRANSLATIONS_DIR / "jiafang_zh_CN.ts"))
    en = set(_messages(TRANSLATIONS_DIR / "jiafang_en.ts"))
    assert zh == en


def test_no_stigmatising_words_in_translations() -> None:
    for ts in TRANSLATIONS_DIR.glob("jiafang_*.ts"):
        text = ts.read_text(encoding="utf-8")
        assert not any(word in text for word in FORBIDDEN), ts.name


def test_qm_files_are_built() -> None:
    built = {path.name for path in ensure_qm_files()}
    assert {"jiafang_zh_CN.qm", "jiafang_en.qm"} <= built
