"""The CJK fonts of every PDF: embedded, subset TrueType-outline fonts, found once per process.

Official typography (the paper a college files): what the record says — the body — in a Song/Ming serif
(宋体, 明体), the printed form's own wording — title, section bars, labels, option names, notes — in a
Hei sans (黑体).  The body font is searched in this order (DESIGN.md, "PDF and printing"):

1. a path the user configured (settings ``pdf.font_path`` or ``--font``);
2. Song/Ming serifs: shipped with the installed app (``resources/fonts/``, never committed to git),
   then the system's — SimSun on Windows, Songti on macOS, on Linux Noto Serif CJK / Source Han Serif
   in TrueType form or AR PL UMing (Debian ``fonts-arphic-uming``);
3. Hei sans, shipped then system: Microsoft YaHei / SimHei, STHeiti, WenQuanYi Micro Hei / Zen Hei,
   Droid Sans Fallback or any TrueType font that fontconfig (``fc-list :lang=zh``) reports;
4. only then ReportLab's built-in ``STSong-Light`` CID font, which is not embedded (the PDF viewer
   substitutes a font), with a :class:`FontWarning` the UI shows to the user.

With a serif body the first usable Hei sans becomes the heading face; without one, one font serves both.
ReportLab embeds TrueType outlines (a ``glyf`` table) only; CFF-flavoured fonts (``.otf``, Noto CJK
``.otf``) are skipped. For a collection (``.ttc``) the regular, proportional face is picked (not "Mono",
"UI" or "NSimSun"; "CN" before "TW" in AR PL UMing). Bold is registered where the family has a bold
face; otherwise titles are drawn with a stroked "fake bold".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.reports.font_embedding import EmbeddedFont

FALLBACK_CID_FONT = "STSong-Light"
FAMILY_PREFIX = "JiaFangCJK"
# Characters every usable font must have: a few common ones from the forms' labels.
REQUIRED_CHARACTERS = "家访记录表学生签字页共"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
APP_FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_PATH_ENV = "JIAFANG_PDF_FONT"

# Faces of a collection that are not the regular proportional face.
_UNWANTED_FACE_WORDS = ("mono", " ui", "nsimsun", "pmingliu", "mingliu_hkscs", "extb")


@dataclass(frozen=True)
class FontCandidate:
    """A font file (and, for a collection, a preferred face index) worth trying."""

    path: Path
    index: int | None = None  # None: pick the best face of a collection
    bold_path: Path | None = None
    bold_index: int | None = None
    origin: str = "system"  # configured / app / system
    family: str = ""  # the family name fontconfig reports, when known


@dataclass(frozen=True)
class FontWarning:
    """Shown to the user when no embeddable CJK font was found."""

    message: str
    tried: tuple[str, ...] = ()


@dataclass(frozen=True)
class PdfFonts:
    """The registered font family every style uses."""

    family: str  # registered family name: use as fontName, <b> picks the bold face
    regular: str
    bold: str
    embedded: bool  # False for the STSong-Light fallback
    source: Path | None = None
    face_index: int = 0
    origin: str = "fallback"
    warning: FontWarning | None = None
    real_bold: bool = False
    covered: frozenset[int] = field(default_factory=frozenset, repr=False)
    # The printed form itself (title, section bars, labels, option names, notes) in a Hei sans when
    # the body — what the record says — is a Song/Ming serif; "" = the body font throughout.
    heading: str = ""
    heading_bold: str = ""
    heading_real_bold: bool = False
    heading_source: Path | None = None
    heading_origin: str = ""

    @property
    def heading_font(self) -> str:
        """The face of titles and section bars (the body's bold face when no separate sans was found)."""
        return self.heading_bold or self.bold

    @property
    def label_font(self) -> str:
        """The face of labels, option names and notes: the sans, else the body's regular face."""
        return self.heading or self.regular

    @property
    def heading_has_bold(self) -> bool:
        return self.heading_real_bold if self.heading else self.real_bold

    def covers(self, char: str) -> bool:
        """True when the font has a glyph for this character (always True for the CID fallback)."""
        return not self.embedded or ord(char) in self.covered


class FontNotUsable(Exception):
    """A candidate font that cannot be embedded (CFF outlines, no CJK glyphs, unreadable)."""


_lock = threading.Lock()
_cache: dict[tuple[object, ...], PdfFonts] = {}


def pdf_fonts(
    configured: Path | str | None = None,
    *,
    app_font_dir: Path | None = APP_FONT_DIR,
    system_candidates: Callable[[], Iterable[FontCandidate]] | None = None,
) -> PdfFonts:
    """The CJK font family to use, registered with ReportLab (cached per process and arguments).

    ``configured`` defaults to the ``JIAFANG_PDF_FONT`` environment variable; ``system_candidates``
    replaces the platform search (tests pass ``lambda: []`` to force the fallback).
    """
    if configured is None:
        configured = os.environ.get(FONT_PATH_ENV) or None
    key = (str(configured) if configured else None, str(app_font_dir), system_candidates)
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            return cached
        candidates: list[FontCandidate] = []
        if configured:
            candidates.append(FontCandidate(Path(configured), origin="configured"))
        finder = system_candidates if system_candidates is not None else system_font_candidates
        # Shipped fonts before system fonts, Song/Ming serifs before Hei sans for the body.
        found = [*(shipped_fonts(app_font_dir) if app_font_dir is not None else []), *finder()]
        serif = [c for c in found if is_serif(c)]
        sans = [c for c in found if not is_serif(c)]
        body = _first_usable([*candidates, *serif], lambda: sans, configured=configured)
        result = _with_heading(body, sans)
        _cache[key] = result
        return result


def _with_heading(body: PdfFonts, sans: Sequence[FontCandidate]) -> PdfFonts:
    """The body fonts plus a Hei sans for headings, when the body is a serif and a sans is found."""
    if not body.embedded or body.source is None or not _is_serif_name(body.source.name, ""):
        return body
    for candidate in sans:
        if candidate.path == body.source:
            continue
        try:
            heading = register_candidate(candidate)
        except FontNotUsable:
            continue
        return replace(
            body,
            heading=heading.regular,
            heading_bold=heading.bold,
            heading_real_bold=heading.real_bold,
            heading_source=heading.source,
            heading_origin=heading.origin,
        )
    return body


# Song/Ming serif faces (宋体, 明体): the body of official forms.  Matched in file and family names.
_SERIF_WORDS = ("simsun", "song", "ming", "serif", "sung", "宋", "明")


def _is_serif_name(file_name: str, family: str) -> bool:
    text = f"{file_name} {family}".lower()
    return any(word in text for word in _SERIF_WORDS)


def is_serif(candidate: FontCandidate) -> bool:
    """A Song/Ming serif (SimSun, Songti, Noto Serif CJK / Source Han Serif TrueType, AR PL UMing)."""
    return _is_serif_name(candidate.path.name, candidate.family)


def _first_usable(
    first: Sequence[FontCandidate],
    finder: Callable[[], Iterable[FontCandidate]],
    *,
    configured: Path | str | None,
) -> PdfFonts:
    tried: list[str] = []
    configured_problem: str | None = None

    def attempt(candidates: Iterable[FontCandidate]) -> PdfFonts | None:
        nonlocal configured_problem
        seen: set[tuple[Path, int | None]] = set()
        for candidate in candidates:
            if (candidate.path, candidate.index) in seen:
                continue
            seen.add((candidate.path, candidate.index))
            try:
                return register_candidate(candidate)
            except FontNotUsable as exc:
                tried.append(f"{candidate.path}: {exc}")
                if candidate.origin == "configured":
                    configured_problem = str(exc)
        return None

    found = attempt(first) or attempt(finder())
    if found is not None:
        if configured_problem is not None:
            warning = FontWarning(
                f"设置的字体无法使用（{configured_problem}），已改用 {found.source.name if found.source else ''}。",
                tuple(tried),
            )
            return _with_warning(found, warning)
        return found
    message = (
        "未找到可嵌入的中文 TrueType 字体，PDF 暂用内置的“STSong-Light”字体（未嵌入，"
        "在其他电脑上的显示效果取决于阅读器）。请安装“微软雅黑”“宋体”或“文泉驿微米黑”等字体，"
        "或在设置中指定字体文件。"
    )
    if configured:
        message = f"设置的字体无法使用（{configured_problem}）。" + message
    return fallback_fonts(FontWarning(message, tuple(tried)))


def _with_warning(fonts: PdfFonts, warning: FontWarning) -> PdfFonts:
    return replace(fonts, warning=warning)


def cid_fallback_font() -> str:
    """Register the built-in CID font (once) and return its name."""
    if FALLBACK_CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
    return FALLBACK_CID_FONT


def fallback_fonts(warning: FontWarning) -> PdfFonts:
    """The built-in CID font (always available, never embedded)."""
    cid_fallback_font()
    pdfmetrics.registerFontFamily(
        FALLBACK_CID_FONT,
        normal=FALLBACK_CID_FONT,
        bold=FALLBACK_CID_FONT,
        italic=FALLBACK_CID_FONT,
        boldItalic=FALLBACK_CID_FONT,
    )
    return PdfFonts(
        family=FALLBACK_CID_FONT,
        regular=FALLBACK_CID_FONT,
        bold=FALLBACK_CID_FONT,
        embedded=False,
        warning=warning,
    )


def register_candidate(candidate: FontCandidate) -> PdfFonts:
    """Load a candidate's regular (and bold) face and register them as one family."""
    path = candidate.path
    if not path.is_file():
        raise FontNotUsable("文件不存在")
    index = candidate.index if candidate.index is not None else best_face_index(path)
    regular = _load_face(path, index)
    bold: TTFont | None = None
    if candidate.bold_path is not None:
        try:
            bold_index = (
                candidate.bold_index
                if candidate.bold_index is not None
                else best_face_index(candidate.bold_path)
            )
            bold = _load_face(candidate.bold_path, bold_index)
        except FontNotUsable:
            bold = None
    for font in (regular, bold):
        if font is not None and font.fontName not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(font)
    bold_name = bold.fontName if bold is not None else regular.fontName
    # Styles name the regular face; ReportLab maps <b> through the family registered for that name.
    pdfmetrics.registerFontFamily(
        regular.fontName,
        normal=regular.fontName,
        bold=bold_name,
        italic=regular.fontName,
        boldItalic=bold_name,
    )
    return PdfFonts(
        family=regular.fontName,
        regular=regular.fontName,
        bold=bold_name,
        embedded=True,
        source=path,
        face_index=index,
        origin=candidate.origin,
        real_bold=bold is not None,
        covered=frozenset(regular.face.charToGlyph),
    )


def _face_name(path: Path, index: int) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in path.stem)
    return f"{FAMILY_PREFIX}-{stem}-{index}"


def _load_face(path: Path, index: int) -> TTFont:
    name = _face_name(path, index)
    if name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
        assert isinstance(font, TTFont)
        return font
    try:
        font = EmbeddedFont(name, str(path), index)
    except (TTFError, OSError, ValueError, IndexError, KeyError) as exc:
        text = str(exc)
        if "postscript" in text.lower() or "CFF" in text:
            raise FontNotUsable("CFF/OpenType 轮廓无法嵌入，需要 TrueType 轮廓") from None
        raise FontNotUsable(f"无法读取字体（{type(exc).__name__}）") from None
    face = font.face
    if "glyf" not in face.table:
        raise FontNotUsable("没有 TrueType 轮廓（glyf 表）")
    missing = [ch for ch in REQUIRED_CHARACTERS if ord(ch) not in face.charToGlyph]
    if missing:
        raise FontNotUsable("不含中文字形")
    return font


def best_face_index(path: Path) -> int:
    """For a collection, the index of the regular proportional face (0 for a single font)."""
    if path.suffix.lower() not in (".ttc", ".otc"):
        return 0
    try:
        first = TTFont(f"{FAMILY_PREFIX}-probe", str(path), subfontIndex=0)
    except (TTFError, OSError, ValueError, IndexError, KeyError):
        return 0
    count = max(1, int(getattr(first.face, "numSubfonts", 1) or 1))
    best = 0
    best_score = _face_score(_family_name(first))
    for index in range(1, count):
        try:
            face = TTFont(f"{FAMILY_PREFIX}-probe", str(path), subfontIndex=index)
        except (TTFError, OSError, ValueError, IndexError, KeyError):
            continue
        score = _face_score(_family_name(face))
        if score > best_score:
            best, best_score = index, score
    return best


def _family_name(font: TTFont) -> str:
    raw = font.face.familyName or font.face.name or b""
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _face_score(family: str) -> int:
    lowered = f" {family.lower()}"
    return -sum(word in lowered for word in _UNWANTED_FACE_WORDS)


def shipped_fonts(folder: Path) -> list[FontCandidate]:
    """TrueType fonts placed in the app's ``resources/fonts/`` by the installer (sorted by name)."""
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
    return [
        FontCandidate(p, origin="app", bold_path=_bold_sibling(p, files))
        for p in files
        if not _is_bold_file(p)
    ]


def _is_bold_file(path: Path) -> bool:
    stem = path.stem.lower()
    return stem.endswith(("bd", "-bold", "_bold", " bold"))


def _bold_sibling(path: Path, files: Sequence[Path]) -> Path | None:
    stem = path.stem.lower()
    for other in files:
        other_stem = other.stem.lower()
        if other_stem in (f"{stem}bd", f"{stem}-bold", f"{stem}_bold", f"{stem} bold"):
            return other
    return None


def system_font_candidates() -> list[FontCandidate]:
    """The platform's well-known CJK TrueType fonts, best first."""
    if sys.platform.startswith("win"):
        return windows_candidates(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
    if sys.platform == "darwin":
        return macos_candidates(
            [Path("/System/Library/Fonts"), Path("/Library/Fonts"), Path.home() / "Library/Fonts"]
        )
    return linux_candidates()


def windows_candidates(fonts_dir: Path) -> list[FontCandidate]:
    pairs = [
        ("simsun.ttc", None),
        ("simhei.ttf", None),
        ("msyh.ttc", "msyhbd.ttc"),
        ("msyh.ttf", "msyhbd.ttf"),
        ("simkai.ttf", None),
    ]
    found: list[FontCandidate] = []
    for regular, bold in pairs:
        path = fonts_dir / regular
        if path.is_file():
            bold_path = fonts_dir / bold if bold else None
            found.append(
                FontCandidate(
                    path, bold_path=bold_path if bold_path and bold_path.is_file() else None, origin="system"
                )
            )
    return found


def macos_candidates(folders: Sequence[Path]) -> list[FontCandidate]:
    # TrueType-outline CJK fonts that ship with macOS (PingFang and Hiragino are CFF and get skipped).
    names = [
        ("Supplemental/Songti.ttc", None),
        ("STHeiti Light.ttc", "STHeiti Medium.ttc"),
        ("Hiragino Sans GB.ttc", None),
        ("Supplemental/Arial Unicode.ttf", None),
        ("Arial Unicode.ttf", None),
    ]
    found: list[FontCandidate] = []
    for folder in folders:
        for regular, bold in names:
            path = folder / regular
            if path.is_file():
                bold_path = folder / bold if bold else None
                found.append(
                    FontCandidate(path, bold_path=bold_path if bold_path and bold_path.is_file() else None)
                )
    return found


_LINUX_PREFERRED = (
    "notoserifcjk-regular",
    "notoserifcjksc-regular",
    "sourcehanserif-regular",
    "sourcehanserifsc-regular",
    "uming",
    "wqy-microhei",
    "wqy-zenhei",
    "droidsansfallbackfull",
    "droidsansfallback",
)
_LINUX_WELL_KNOWN = (
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf",
)


def linux_candidates() -> list[FontCandidate]:
    """Well-known paths, then whatever fontconfig lists for Chinese (TrueType only), best first."""
    found = fontconfig_candidates()
    listed = {candidate.path for candidate in found}
    found.extend(
        FontCandidate(Path(p)) for p in _LINUX_WELL_KNOWN if Path(p).is_file() and Path(p) not in listed
    )
    return sorted(found, key=_linux_rank)


def _linux_rank(candidate: FontCandidate) -> tuple[int, int]:
    """Preferred files first; within a collection, the face for simplified Chinese (CN/SC/GB) first."""
    stem = candidate.path.stem.lower()
    face = 0 if any(tag in f" {candidate.family} " for tag in (" CN", " SC", " GB")) else 1
    for rank, name in enumerate(_LINUX_PREFERRED):
        if stem == name:
            return rank, face
    return len(_LINUX_PREFERRED), face


def fontconfig_candidates() -> list[FontCandidate]:
    """Fonts fontconfig reports for Chinese, TrueType outlines only, with a bold face where one exists."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        output = subprocess.run(
            [
                fc_list,
                ":lang=zh",
                "--format",
                "%{file}\t%{index}\t%{family[0]}\t%{style[0]}\t%{fontformat}\n",
            ],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_fc_list(output)


def parse_fc_list(output: str) -> list[FontCandidate]:
    regular: dict[str, tuple[Path, int]] = {}
    bold: dict[str, tuple[Path, int]] = {}
    for line in output.splitlines():
        parts = line.split("\t")
        if len(parts) < 5:
            continue
        file, index, family, style, fmt = parts[:5]
        if fmt.strip() != "TrueType" or not file.lower().endswith(FONT_SUFFIXES):
            continue
        try:
            face = int(index)
        except ValueError:
            face = 0
        if _face_score(family) < 0:
            continue
        target = bold if "bold" in style.lower() else regular
        target.setdefault(family, (Path(file), face))
    candidates: list[FontCandidate] = []
    for family, (path, face) in regular.items():
        bold_face = bold.get(family)
        candidates.append(
            FontCandidate(
                path,
                index=face,
                bold_path=bold_face[0] if bold_face else None,
                bold_index=bold_face[1] if bold_face else None,
                family=family,
            )
        )
    return candidates
