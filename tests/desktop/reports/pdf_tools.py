"""Reading PDFs back with real tools (poppler's pdftotext/pdffonts, qpdf, pdfplumber)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

TOOLS = ("pdftotext", "pdffonts", "qpdf", "pdfinfo")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
# Skipped with a visible reason on a developer machine without the tools; under CI=true they must exist.
needs_tools = pytest.mark.skipif(
    bool(MISSING) and os.environ.get("CI") != "true",
    reason=f"needs {', '.join(MISSING)} (Debian: poppler-utils, qpdf; .ci/run installs them)",
)


def needs_font_files(*fonts: tuple[Path, str]) -> pytest.MarkDecorator:
    """Skipped with a visible reason on a developer machine without these font files (path, Debian
    package); under CI=true, where setup-env.sh installs them, the test runs and fails without them."""
    missing = [package for path, package in fonts if not path.is_file()]
    return pytest.mark.skipif(
        bool(missing) and os.environ.get("CI") != "true",
        reason=f"needs {', '.join(missing)} (installers/dev/setup-env.sh installs them)",
    )


def squeeze(text: str) -> str:
    """Text without any whitespace (line breaks of the layout included)."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool
    subset: bool


def pdf_fonts_of(path: Path) -> list[FontRow]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object-id gen: read from the right
        emb, sub = parts[-5], parts[-4]
        rows.append(FontRow(parts[0], " ".join(parts[1:-6]), emb == "yes", sub == "yes"))
    return rows


def qpdf_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, check=False)


def column_texts(path: Path, split_x: float) -> tuple[str, str]:
    """Text left and right of ``split_x`` (points), so a table's label column and value column read
    separately instead of interleaving line by line."""
    import pdfplumber

    left: list[str] = []
    right: list[str] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            left.append(page.crop((0, 0, split_x, page.height)).extract_text() or "")
            right.append(page.crop((split_x, 0, page.width, page.height)).extract_text() or "")
    return "\n".join(left), "\n".join(right)


def cell_texts(path: Path) -> list[str]:
    """The text of every bordered table cell (pdfplumber finds the cells from the ruling lines)."""
    import pdfplumber

    cells: list[str] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                cells.extend(cell for row in table for cell in row if cell)
    return cells


def all_text(path: Path, split_x: float) -> str:
    """pdftotext's text, the label and value columns read separately, and every table cell on its own,
    whitespace removed: a value wrapped inside a cell next to other wrapped cells is found whole."""
    left, right = column_texts(path, split_x)
    return "\n".join(squeeze(t) for t in (pdf_text(path), left, right, *cell_texts(path)))
