"""Render one page of each printed document kind to docs/ (for the README), from synthetic data.

    python docs/render_sample_form.py [--kind visit|blank|archive|batch] [--dpi 110]

Writes sample-visit-form.png (page 1 of a filled visit form), sample-blank-form.png (page 1 of the blank
form for a trip), sample-archive.png (page 1 of a growth archive with every section) and
sample-batch.png (page 2 of the first form of a combined batch: its signature page).  Ids and dates are
fixed so that the committed images change only when the layout does.  Needs pdftoppm (Debian:
poppler-utils) and CJK TrueType fonts (Debian: fonts-arphic-uming, fonts-wqy-microhei).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from desktop.reports.batch_export import BatchSettings, StudentVisits, export_batch
from desktop.reports.blank_form import build_blank_form
from desktop.reports.growth_archive import build_growth_archive
from desktop.reports.visit_form import build_visit_form
from desktop.store.repositories.history import StudentHistory
from sync.demo.showcase import DEMO_COLLEGE, DEMO_SCHOOL, DemoStudent, demo_history, demo_student
from sync.records.enums import Role

DOCS = Path(__file__).resolve().parent
DAY = date(2025, 3, 20)
PRINTED = datetime(2025, 3, 21, 9, 0)


def fixed_demo(seed: int) -> DemoStudent:
    """A demo student whose record ids are fixed (the QR code and the image stay the same)."""
    demo = demo_student(seed, today=DAY)
    demo.student.id = f"0195b0c4-7e21-7a3c-9d52-{seed:012d}"
    demo.visit.id = f"0195b0c4-7e21-7b3c-9d52-{seed:012d}"
    demo.visit.student_id = demo.student.id
    for member in demo.family:
        member.student_id = demo.student.id
    for member in demo.visit.household:  # checked in person on the visit: the form shows 已核实
        member.verified = True
    return demo


def build(kind: str, pdf: Path) -> int:
    """Write the PDF of one kind; returns the page to show."""
    demo = fixed_demo(7)
    common = {"school_name": DEMO_SCHOOL, "printed_at": PRINTED}
    if kind == "visit":
        build_visit_form(demo.visit, demo.student, demo.family, college_name=DEMO_COLLEGE, out=pdf, **common)
    elif kind == "blank":
        build_blank_form(demo.student, demo.family, college_name=DEMO_COLLEGE, out=pdf, **common)
    elif kind == "archive":
        bundle = StudentHistory(**vars(demo_history(demo, today=DAY)))
        build_growth_archive(
            bundle, include_key_support=True, viewer_role=Role.COLLEGE_CENTER, out=pdf, **common
        )
    else:
        demos = [fixed_demo(seed) for seed in range(20)]
        jobs = [StudentVisits(d.student, [d.visit], d.family, DEMO_COLLEGE) for d in demos]
        settings = BatchSettings(DEMO_SCHOOL, scope_label="机电2401班", printed_at=PRINTED)
        result = export_batch(jobs, pdf.parent / "batch", settings=settings, combined=True)
        shutil.copyfile(result.files[0], pdf)
        return 2
    return 1


OUTPUTS: dict[str, str] = {
    "visit": "sample-visit-form.png",
    "blank": "sample-blank-form.png",
    "archive": "sample-archive.png",
    "batch": "sample-batch.png",
}


def render(kind: str, dpi: int, pdftoppm: str, builder: Callable[[str, Path], int] = build) -> Path:
    target = DOCS / OUTPUTS[kind]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / f"{kind}.pdf"
        page = builder(kind, pdf)
        prefix = Path(tmp) / "page"
        subprocess.run(
            [
                pdftoppm,
                "-png",
                "-singlefile",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                str(pdf),
                str(prefix),
            ],
            check=True,
        )
        shutil.copyfile(prefix.with_suffix(".png"), target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=sorted(OUTPUTS), action="append", help="default: every kind")
    parser.add_argument("--dpi", type=int, default=110)
    args = parser.parse_args()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found (install poppler-utils)", file=sys.stderr)
        return 1
    for kind in args.kind or list(OUTPUTS):
        print(render(kind, args.dpi, pdftoppm))
    return 0


if __name__ == "__main__":
    sys.exit(main())
