"""`jiafang selftest [--json]`: does this installation work?  One line per check, exit 0 only when all pass.

Checks, each independent of the user's data (everything happens in a temporary folder or in memory):

- ``sqlcipher``: a temporary store opened with a random raw key; SQLCipher 4.x, data written and read
  back, the file holds no plaintext, a wrong key is refused;
- ``pdf``: a one-page Chinese page rendered by desktop/reports; its CJK font is a registered TrueType
  subset and the PDF's own font dictionaries show it embedded (``/FontFile2``);
- ``keyring``: the OS keyring backend and whether a secret can be stored and read back (a missing
  keyring is reported, not a failure: the passphrase always works);
- ``translations``: our zh_CN and en catalogues and Qt's own qtbase_zh_CN load with QTranslator;
- ``gui``: the libraries of Qt's X11 plugin are installed (a missing one is named with the apt command
  that installs it), the Qt platform plugin starts (``QT_QPA_PLATFORM=offscreen`` without a display),
  every UI module imports and the app icon renders.

The installers run it on the frozen app (installers/build_linux.sh); users run it when something is off.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.commands.context import CommandContext

SAMPLE_TEXT = "家访自检：中文字体嵌入测试。学生资助，温暖同行。"


class CheckFailed(Exception):
    """A check that did not pass; the message (Chinese) says what is wrong."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    warning: bool = False  # passed, but worth telling the user (e.g. no OS keyring)
    info: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def line(self) -> str:
        status = "失败" if not self.ok else ("注意" if self.warning else "通过")
        return f"[{status}] {self.name:<12} {self.detail}"

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ok": self.ok,
            "warning": self.warning,
            "detail": self.detail,
            "seconds": round(self.seconds, 3),
            **self.info,
        }


@dataclass(frozen=True)
class SelftestOptions:
    translations_dir: Path | None = None  # default: the translations shipped with the app
    expect_shipped_font: bool = False  # the frozen bundle must use its own font, not the system's


@dataclass(frozen=True)
class Outcome:
    """What a check returns when it passes."""

    detail: str
    info: dict[str, Any] = field(default_factory=dict)
    warning: bool = False


# -- sqlcipher ----------------------------------------------------------------------------------------
def check_sqlcipher(options: SelftestOptions) -> Outcome:
    from sqlalchemy import text

    from desktop.store.engine import open_engine
    from desktop.store.migrations import LATEST_VERSION

    marker = f"自检-{secrets.token_hex(4)}"
    with tempfile.TemporaryDirectory(prefix="jiafang-selftest-") as folder:
        db_path = Path(folder) / "selftest.db"
        key = secrets.token_bytes(32)
        engine = open_engine(db_path, key)
        try:
            with engine.begin() as conn:
                version = str(conn.execute(text("PRAGMA cipher_version")).scalar() or "")
                sqlite_version = str(conn.execute(text("SELECT sqlite_version()")).scalar())
                conn.execute(text("CREATE TABLE probe (value TEXT NOT NULL)"))
                conn.execute(text("INSERT INTO probe (value) VALUES (:v)"), {"v": marker})
            with engine.connect() as conn:
                read_back = conn.execute(text("SELECT value FROM probe")).scalar()
        finally:
            engine.dispose()  # the last connection closing checkpoints the WAL into the file
        if not version.startswith("4."):
            raise CheckFailed(f"SQLCipher 版本应为 4.x，实际为“{version or '无（不是 SQLCipher）'}”")
        if read_back != marker:
            raise CheckFailed("写入的数据无法读回")
        raw = b"".join(p.read_bytes() for p in Path(folder).iterdir() if p.is_file())
        if raw.startswith(b"SQLite format 3") or marker.encode() in raw:
            raise CheckFailed("数据库文件中出现了明文，加密未生效")
        if _opens_with(db_path, secrets.token_bytes(32)):
            raise CheckFailed("错误的密钥也能打开数据库")
    return Outcome(
        f"SQLCipher {version}（SQLite {sqlite_version}），原始密钥加密读写正常，错误密钥被拒绝；数据结构版本 v{LATEST_VERSION}",
        {"cipher_version": version, "sqlite_version": sqlite_version, "schema_version": LATEST_VERSION},
    )


# -- pdf ----------------------------------------------------------------------------------------------
_OBJECT = re.compile(rb"(\d+)\s+0\s+obj\b(.*?)\bendobj", re.S)


def embedded_truetype_fonts(pdf: bytes) -> list[str]:
    """The BaseFont names of the fonts whose descriptor carries an embedded TrueType program.

    A small reader for what ReportLab writes (objects in the clear, no object streams): font
    dictionaries point to a FontDescriptor, which holds ``/FontFile2`` for embedded TrueType outlines.
    """
    objects = {int(number): body for number, body in _OBJECT.findall(pdf)}
    names: list[str] = []
    for body in objects.values():
        if not re.search(rb"/Type\s*/Font\b", body):
            continue
        base = re.search(rb"/BaseFont\s*/([^\s/<>\[\]()]+)", body)
        descriptor = re.search(rb"/FontDescriptor\s+(\d+)\s+0\s+R", body)
        if base is None or descriptor is None:
            continue
        target = objects.get(int(descriptor.group(1)), b"")
        if re.search(rb"/FontFile2\s+\d+\s+0\s+R", target):
            names.append(base.group(1).decode("latin-1"))
    return names


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))


def check_pdf(options: SelftestOptions) -> Outcome:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph

    from desktop.reports.fonts import pdf_fonts
    from desktop.reports.page_frame import PageFrame, render
    from desktop.reports.styles import form_styles

    fonts = pdf_fonts()
    if not fonts.embedded:
        message = fonts.warning.message if fonts.warning else "没有可嵌入的中文字体"
        raise CheckFailed(message)
    if options.expect_shipped_font and "app" not in (fonts.origin, fonts.heading_origin):
        raise CheckFailed(f"应使用随应用安装的字体，实际使用的是 {fonts.source}（{fonts.origin}）")
    font = pdfmetrics.getFont(fonts.regular)
    if not isinstance(font, TTFont):
        raise CheckFailed(f"字体 {fonts.regular} 不是 TrueType 字体")
    styles = form_styles(fonts)
    data = render(
        [Paragraph(styles.text(SAMPLE_TEXT), styles.title), Paragraph(styles.text(SAMPLE_TEXT), styles.body)],
        PageFrame(fonts, "自检大学", "自检页"),
    )
    pages = page_count(data)
    if pages != 1:
        raise CheckFailed(f"自检页应为 1 页，实际为 {pages} 页")
    face = font.face.name
    face_name = face.decode("latin-1") if isinstance(face, bytes) else str(face)
    embedded = [name for name in embedded_truetype_fonts(data) if "+" in name]
    if not any(name.split("+", 1)[1].startswith(face_name) for name in embedded):
        raise CheckFailed(f"PDF 中没有嵌入字体 {face_name} 的子集（/FontFile2）")
    source = fonts.source.name if fonts.source else ""
    return Outcome(
        f"一页中文 PDF（{len(data) // 1024} KB），嵌入 TrueType 子集 {embedded[0]}，字体文件 {source}（{fonts.origin}）",
        {
            "font": str(fonts.source),
            "font_origin": fonts.origin,
            "heading_font": str(fonts.heading_source or ""),
            "heading_origin": fonts.heading_origin,
            "embedded": embedded,
            "bytes": len(data),
        },
    )


# -- keyring ------------------------------------------------------------------------------------------
def check_keyring(options: SelftestOptions) -> Outcome:
    from desktop.store.key_vault import KeyringAccess

    access = KeyringAccess()
    try:
        backend = access.backend_name()
    except Exception as exc:  # a configured backend that cannot start (e.g. no D-Bus session)
        reason = (str(exc).splitlines() or [""])[0][:160]
        return Outcome(
            f"系统钥匙串无法启动（{type(exc).__name__}：{reason}），解锁时需要输入密码",
            {"backend": None, "usable": False},
            warning=True,
        )
    if backend is None:
        try:
            import keyring

            found = f"{type(keyring.get_keyring()).__module__}.{type(keyring.get_keyring()).__name__}"
        except Exception as exc:  # any import or backend problem: report it, never crash
            found = type(exc).__name__
        return Outcome(
            f"系统钥匙串不可用（{found}），解锁时需要输入密码",
            {"backend": found, "usable": False},
            warning=True,
        )
    name = f"selftest-{secrets.token_hex(6)}"
    secret = secrets.token_hex(16)
    usable = access.set(name, secret) and access.get(name) == secret
    access.delete(name)
    if not usable:
        return Outcome(
            f"系统钥匙串 {backend} 存取失败（可能已锁定或没有会话总线），解锁时需要输入密码",
            {"backend": backend, "usable": False},
            warning=True,
        )
    return Outcome(f"系统钥匙串 {backend} 可用", {"backend": backend, "usable": True})


# -- translations and gui (Qt, imported only here) ---------------------------------------------------
def check_translations(options: SelftestOptions) -> Outcome:
    from desktop.ui.shell.selftest_probes import probe_translations
    from desktop.ui.shell.translations import TRANSLATIONS_DIR

    folder = options.translations_dir or TRANSLATIONS_DIR
    probes = probe_translations(folder)
    problems = [f"{p.path.name} 无法加载" for p in probes if not p.loaded]
    problems += [f"Qt 自带的 qtbase_{p.language}.qm 无法加载" for p in probes if p.qt_loaded is False]
    if problems:
        raise CheckFailed("；".join(problems) + f"（目录 {folder}）")
    parts = [p.language + (f" + qtbase（“{p.qt_sample}”）" if p.qt_loaded else "") for p in probes]
    return Outcome(
        "界面翻译可加载：" + "，".join(parts),
        {"languages": [p.language for p in probes], "folder": str(folder)},
    )


def check_gui(options: SelftestOptions) -> Outcome:
    from desktop.ui.shell.display_check import display_problem, install_hint, missing_xcb_libraries
    from desktop.ui.shell.selftest_probes import probe_gui

    missing = missing_xcb_libraries()
    if missing:
        raise CheckFailed(f"缺少图形界面所需的系统库 {'、'.join(missing)}；请安装：{install_hint(missing)}")
    problem = display_problem()
    if problem is not None:  # no display: the Qt checks run offscreen instead of aborting
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    probe = probe_gui()
    if not probe.icon_ok:
        raise CheckFailed("应用图标无法显示（缺少图标文件或 SVG 插件）")
    note = "（没有图形显示，已在后台检查）" if problem is not None else ""
    return Outcome(
        f"Qt 平台插件“{probe.platform}”已启动{note}，界面模块齐全，图标可显示",
        {"platform": probe.platform, "image_formats": list(probe.image_formats), "display": problem is None},
    )


CHECKS: tuple[tuple[str, Callable[[SelftestOptions], Outcome]], ...] = (
    ("sqlcipher", check_sqlcipher),
    ("pdf", check_pdf),
    ("keyring", check_keyring),
    ("translations", check_translations),
    ("gui", check_gui),
)


def run_checks(
    options: SelftestOptions,
    checks: tuple[tuple[str, Callable[[SelftestOptions], Outcome]], ...] = CHECKS,
) -> list[CheckResult]:
    """Run every check (a failing one never stops the others)."""
    results: list[CheckResult] = []
    for name, check in checks:
        start = time.perf_counter()
        try:
            outcome = check(options)
        except CheckFailed as exc:
            results.append(CheckResult(name, False, str(exc), seconds=time.perf_counter() - start))
            continue
        except Exception as exc:
            if os.environ.get("JIAFANG_DEBUG") == "1":
                raise
            first_line = (str(exc).splitlines() or [""])[0][:200]
            detail = f"意外错误（{type(exc).__name__}：{first_line}）"
            results.append(CheckResult(name, False, detail, seconds=time.perf_counter() - start))
            continue
        results.append(
            CheckResult(
                name,
                True,
                outcome.detail,
                warning=outcome.warning,
                info=outcome.info,
                seconds=time.perf_counter() - start,
            )
        )
    return results


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "selftest",
        help="检查本机安装：加密库、PDF 中文字体、系统钥匙串、界面翻译",
        description="检查本机安装是否完整可用（不读取也不改动您的数据）。全部通过时退出码为 0。",
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    parser.add_argument(
        "--translations", type=Path, default=None, help="翻译文件（.qm）所在目录（默认：随应用安装的）"
    )
    parser.add_argument(
        "--expect-shipped-font",
        action="store_true",
        help="要求 PDF 使用随应用安装的字体（安装包构建时使用）",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    options = SelftestOptions(
        translations_dir=args.translations, expect_shipped_font=args.expect_shipped_font
    )
    results = run_checks(options)
    ok = all(result.ok for result in results)
    if args.json:
        ctx.print_json({"ok": ok, "checks": [result.as_json() for result in results]})
    else:
        for result in results:
            ctx.print(result.line())
    return 0 if ok else 1


def _opens_with(db_path: Path, key: bytes) -> bool:
    """Whether `key` opens the encrypted database (a wrong key must not)."""
    from desktop.store.engine import open_engine
    from desktop.store.errors import WrongKey

    try:
        open_engine(db_path, key).dispose()
    except WrongKey:
        return False
    return True
