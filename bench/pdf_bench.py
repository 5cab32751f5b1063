"""PDF benchmark: one visit form, one growth archive, a batch of visit forms, file sizes.

    /work/venv/bin/python bench/pdf_bench.py [--runs 20] [--batch 500]

Prints medians; no asserts on time.  Budgets (DESIGN.md): one visit form ≤ 150 ms, one archive
≤ 400 ms, a typical form ≤ 150 KB.  The first build in a process also finds and parses the CJK font;
that one-time cost is printed separately ("cold").  Needs a TrueType CJK font (Debian:
fonts-wqy-microhei; with fonts-arphic-uming the record's text is set in that Ming serif, whose outlines
are about 2.5 times as large per character: a typical form is about 140 KB instead of about 80 KB, kept
under the budget by slim subsets (desktop/reports/font_embedding.py) — compare with
``JIAFANG_PDF_FONT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc``).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.reports.batch_export import BatchSettings, StudentVisits, export_batch  # noqa: E402
from desktop.reports.fonts import pdf_fonts  # noqa: E402
from desktop.reports.growth_archive import build_growth_archive  # noqa: E402
from desktop.reports.visit_form import build_visit_form  # noqa: E402
from desktop.store.repositories.history import StudentHistory  # noqa: E402
from sync.demo.showcase import DEMO_COLLEGE, DEMO_SCHOOL, demo_history, demo_student  # noqa: E402
from sync.records.enums import Role  # noqa: E402


def _timed(call: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock seconds of each run."""
    return [wall for wall, _ in _timed_both(call, runs)]


def _timed_both(call: Callable[[], object], runs: int) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each run: on a shared, loaded machine the CPU time is the steadier figure."""
    times = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        call()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return times


def _medians(times: list[tuple[float, float]]) -> str:
    wall = statistics.median(t[0] for t in times)
    cpu = statistics.median(t[1] for t in times)
    return f"{_ms(wall)} wall, {_ms(cpu)} CPU"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()

    demo = demo_student(7)
    bundle = StudentHistory(**vars(demo_history(demo)))

    def visit_form() -> bytes:
        return build_visit_form(
            demo.visit,
            demo.student,
            demo.family,
            school_name=DEMO_SCHOOL,
            college_name=DEMO_COLLEGE,
            out=io.BytesIO(),
        )

    def archive() -> bytes:
        return build_growth_archive(
            bundle,
            school_name=DEMO_SCHOOL,
            include_key_support=True,
            viewer_role=Role.COUNSELOR,
            out=io.BytesIO(),
        )

    cold = _timed(visit_form, 1)[0]
    fonts = pdf_fonts()
    print(f"font: {fonts.source or fonts.regular} (embedded: {fonts.embedded})")
    if fonts.heading_source is not None:
        print(f"heading font: {fonts.heading_source}")
    if fonts.warning:
        print(f"warning: {fonts.warning.message}")
    print(f"visit form, cold (font discovery + parse):  {_ms(cold)}")
    both = _timed_both(visit_form, args.runs)
    print(f"visit form, median of {args.runs}:             {_medians(both)}   (budget 150 ms)")
    size = len(visit_form())
    print(f"visit form, size:                          {size / 1024:7.1f} KB   (budget 150 KB)")
    both = _timed_both(archive, args.runs)
    print(f"growth archive (with key support), median: {_medians(both)}   (budget 400 ms)")
    print(f"growth archive, size:                      {len(archive()) / 1024:7.1f} KB")

    jobs = []
    for seed in range(args.batch):
        d = demo_student(seed)
        jobs.append(StudentVisits(d.student, [d.visit], d.family, DEMO_COLLEGE))
    settings = BatchSettings(school_name=DEMO_SCHOOL, scope_label="bench")
    with tempfile.TemporaryDirectory() as tmp:
        start, cpu = time.perf_counter(), time.process_time()
        result = export_batch(jobs, Path(tmp) / "each", settings=settings, fonts=fonts)
        each, each_cpu = time.perf_counter() - start, time.process_time() - cpu
        sizes = sorted(p.stat().st_size for p in result.files)
        start, cpu = time.perf_counter(), time.process_time()
        combined = export_batch(jobs, Path(tmp) / "one", settings=settings, combined=True, fonts=fonts)
        one, one_cpu = time.perf_counter() - start, time.process_time() - cpu
        combined_size = combined.files[0].stat().st_size
    print(
        f"batch of {args.batch} visit forms, one file each: {each:6.2f} s wall ({each_cpu:.2f} s CPU), "
        f"{_ms(each / args.batch)} per form, median file {statistics.median(sizes) / 1024:.1f} KB"
    )
    print(
        f"batch of {args.batch} visit forms, one combined file: {one:6.2f} s wall ({one_cpu:.2f} s CPU), "
        f"{_ms(one / args.batch)} per form, {combined_size / 1024 / 1024:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
