"""Render page 1 of a demo visit form to docs/sample-visit-form.png (for the README).

Usage: python docs/render_sample_form.py [--blank] [--pages N] [--dpi 110]
Needs pdftoppm (Debian: poppler-utils) and a CJK TrueType font (Debian: fonts-wqy-microhei).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

from desktop.reports.blank_form import build_blank_form
from desktop.reports.demo_records import DEMO_COLLEGE, DEMO_SCHOOL, demo_student
from desktop.reports.visit_form import build_visit_form

DOCS = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blank", action="store_true", help="render the blank form instead")
    parser.add_argument("--pages", type=int, default=1, help="how many pages to render (default 1)")
    parser.add_argument("--dpi", type=int, default=110)
    parser.add_argument("-o", "--output", type=Path, default=None, help="PNG path (first page)")
    args = parser.parse_args()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found (install poppler-utils)", file=sys.stderr)
        return 1
    # A fixed day so that the committed image does not change with every run.
    day = date(2025, 3, 20)
    demo = demo_student(today=day)
    demo.visit.id = "0195b0c4-7e21-7a3c-9d52-5c1f3e8a4b6d"  # a fixed record number for a stable image
    printed = datetime(2025, 3, 21, 9, 0)
    name = "sample-blank-form" if args.blank else "sample-visit-form"
    output = args.output or DOCS / f"{name}.png"
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "form.pdf"
        if args.blank:
            build_blank_form(
                demo.student,
                demo.family,
                school_name=DEMO_SCHOOL,
                college_name=DEMO_COLLEGE,
                out=pdf,
                printed_at=printed,
            )
        else:
            build_visit_form(
                demo.visit,
                demo.student,
                demo.family,
                school_name=DEMO_SCHOOL,
                college_name=DEMO_COLLEGE,
                out=pdf,
                printed_at=printed,
            )
        prefix = Path(tmp) / "page"
        subprocess.run(
            [pdftoppm, "-png", "-r", str(args.dpi), "-f", "1", "-l", str(args.pages), str(pdf), str(prefix)],
            check=True,
        )
        pages = sorted(Path(tmp).glob("page*.png"))
        for number, page in enumerate(pages, start=1):
            target = output if number == 1 else output.with_name(f"{output.stem}-{number}.png")
            shutil.copyfile(page, target)
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
