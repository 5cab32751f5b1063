"""`jiafang selftest`: passes here in-process and as a subprocess, and fails cleanly when a check fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.commands.selftest_command import (
    CHECKS,
    CheckFailed,
    Outcome,
    SelftestOptions,
    embedded_truetype_fonts,
    page_count,
    run_checks,
)
from desktop.reports.fonts import FontWarning, fallback_fonts
from desktop.reports.page_frame import PageFrame, render
from desktop.reports.styles import form_styles

ROOT = Path(__file__).resolve().parents[2]


def _selftest_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    capsys.readouterr()
    status = main(["selftest", "--json", *args])
    return status, json.loads(capsys.readouterr().out)


def _by_name(report: dict[str, object]) -> dict[str, dict[str, object]]:
    checks = report["checks"]
    assert isinstance(checks, list)
    return {check["name"]: check for check in checks}


def test_selftest_passes_in_process(qtbot: QtBot, capsys: pytest.CaptureFixture[str]) -> None:
    status, report = _selftest_json(capsys)
    checks = _by_name(report)
    assert status == 0 and report["ok"] is True, checks
    assert list(checks) == [name for name, _ in CHECKS]
    assert str(checks["sqlcipher"]["cipher_version"]).startswith("4.")
    embedded = checks["pdf"]["embedded"]
    assert isinstance(embedded, list) and embedded and "+" in embedded[0]
    # The test configuration uses the null keyring: reported as unusable, which is not a failure.
    assert checks["keyring"]["usable"] is False and checks["keyring"]["warning"] is True
    assert checks["translations"]["languages"] == ["zh_CN", "en"]
    assert checks["gui"]["platform"] == "offscreen"


def test_selftest_text_output_has_one_line_per_check(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["selftest"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(CHECKS)
    assert all(line.startswith(("[通过]", "[注意]")) for line in lines)


def test_bogus_translations_folder_fails_only_that_check(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bogus = tmp_path / "translations"
    bogus.mkdir()
    (bogus / "jiafang_zh_CN.qm").write_bytes(b"not a qm file")
    status, report = _selftest_json(capsys, "--translations", str(bogus))
    checks = _by_name(report)
    assert status == 1 and report["ok"] is False
    assert checks["translations"]["ok"] is False
    assert "jiafang_zh_CN.qm" in str(checks["translations"]["detail"])
    assert "jiafang_en.qm" in str(checks["translations"]["detail"])
    assert all(check["ok"] for name, check in checks.items() if name != "translations")


def test_a_failing_or_crashing_check_never_stops_the_others() -> None:
    def fails(options: SelftestOptions) -> Outcome:
        raise CheckFailed("坏了")

    def crashes(options: SelftestOptions) -> Outcome:
        raise RuntimeError("first line\nsecond line")

    def passes(options: SelftestOptions) -> Outcome:
        return Outcome("好")

    results = run_checks(SelftestOptions(), (("a", fails), ("b", crashes), ("c", passes)))
    assert [(r.name, r.ok) for r in results] == [("a", False), ("b", False), ("c", True)]
    assert results[0].line() == "[失败] a            坏了"
    assert "RuntimeError" in results[1].detail and "second line" not in results[1].detail


def test_shipped_font_is_required_only_when_asked(qtbot: QtBot, capsys: pytest.CaptureFixture[str]) -> None:
    # In a checkout no font is shipped in resources/fonts/, so the system font is used.
    if (ROOT / "resources" / "fonts").is_dir() and any((ROOT / "resources" / "fonts").iterdir()):
        pytest.skip("this checkout has fonts in resources/fonts/ (left over from a build)")
    status, report = _selftest_json(capsys, "--expect-shipped-font")
    assert status == 1
    assert _by_name(report)["pdf"]["ok"] is False


def test_font_reader_sees_no_embedded_font_in_a_fallback_pdf() -> None:
    fonts = fallback_fonts(FontWarning("测试"))
    styles = form_styles(fonts)
    from reportlab.platypus import Paragraph

    data = render([Paragraph("家访", styles.body)], PageFrame(fonts, "自检大学", "自检页"))
    assert page_count(data) == 1
    assert embedded_truetype_fonts(data) == []


def test_selftest_as_a_subprocess_is_quiet_on_stderr(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "JIAFANG_DATA_DIR": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "selftest"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    assert len(done.stdout.splitlines()) == len(CHECKS)
    assert not (tmp_path / "data").exists()  # the selftest never touches the data folder


def test_a_keyring_that_cannot_start_is_a_warning_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    def broken() -> object:
        raise RuntimeError("Unable to initialize SecretService: no session bus")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    from desktop.commands.selftest_command import check_keyring

    outcome = check_keyring(SelftestOptions())
    assert outcome.warning and outcome.info["usable"] is False
    assert "RuntimeError" in outcome.detail


class _MemoryKeyring:
    """A keyring backend that works (in memory)."""

    priority = 1

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, name: str) -> str | None:
        return self.values.get((service, name))

    def set_password(self, service: str, name: str, secret: str) -> None:
        self.values[(service, name)] = secret

    def delete_password(self, service: str, name: str) -> None:
        self.values.pop((service, name), None)


def test_a_working_keyring_is_reported_usable_and_left_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    ring = _MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: ring)
    from desktop.commands.selftest_command import check_keyring

    outcome = check_keyring(SelftestOptions())
    assert outcome.info == {"backend": f"{__name__}._MemoryKeyring", "usable": True}
    assert not outcome.warning
    assert ring.values == {}  # the probe secret was removed again
