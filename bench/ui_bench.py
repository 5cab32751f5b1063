"""GUI benchmark with a 20,000-student demo store (prints figures; no asserts on time).

    /work/venv/bin/python bench/ui_bench.py [--students 20000] [--data-dir DIR] [--runs 5]

Measured, each in a fresh process, from spawning it until it prints "ready":
  * bare: import PySide6, a QApplication and an empty QMainWindow shown (the floor for any Qt app);
  * app:  `JiaFangApp` on the demo store, unlocked with the passphrase (Argon2id at its real cost),
          until the roster's first page is in the view (the usable main window).
Both run from bytecode, as the installed bundle does (PyInstaller compiles the modules at build time;
these machines set PYTHONDONTWRITEBYTECODE=1, so a warm-up start first fills a temporary bytecode
cache); the start from source, compiling every module again, is printed beside it for comparison.
Then, in one app process: search keystroke -> updated view (set the search text, wait for the model
to show the first page of the new result), and resident memory after loading and scrolling.
Each figure is printed next to its budget (issue 16, DESIGN.md) and its same-run baseline: start
≤ 1.5 s next to the bare QMainWindow; keystroke median ≤ 30 ms and max ≤ 100 ms next to the same
query on the store thread alone (no GUI); RSS ≤ 300 MB next to the bare QMainWindow's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The passphrase of the store: JIAFANG_PASSPHRASE when given (e.g. a store made by `jiafang demo`
# with jiafang-demo), else the one this script uses for the store it builds.
PASSPHRASE = os.environ.get("JIAFANG_PASSPHRASE") or "bench passphrase 2024"
REPO = Path(__file__).resolve().parents[1]

BARE_CHILD = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show(); app.processEvents()
print("ready", flush=True)
with open("/proc/self/status") as status:
    print("rss_mb", next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024)
"""

APP_CHILD = """
import sys, time
from pathlib import Path
from desktop.ui.shell.app import JiaFangApp, make_application
app = make_application([])
j = JiaFangApp(Path(sys.argv[1]), app, settle_memory=True)  # as run_gui makes it
roster = j.window.sections["roster"].roster
def shown():
    print("ready", flush=True)
    app.quit()
roster.model.query_applied.connect(shown)
j.start()
app.exec()
j.shutdown()
"""

SEARCH_CHILD = """
import statistics, sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from desktop.ui.shell.app import JiaFangApp, make_application
app = make_application([])
j = JiaFangApp(Path(sys.argv[1]), app, settle_memory=True)  # as run_gui makes it
roster = j.window.sections["roster"].roster
model = roster.model

def wait_applied(timeout_ms=10_000):
    loop = QEventLoop()
    model.query_applied.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    model.query_applied.disconnect(loop.quit)

j.start()
wait_applied(300_000)
print("rows", model.rowCount(), flush=True)

from dataclasses import replace
from desktop.app.roster import roster_page
from desktop.ui.roster.roster_model import PAGE_SIZE
store_ms = []

def on_store(query):
    # the same first-page query timed on the store thread itself: the floor for a keystroke
    def timed(store):
        t0 = time.perf_counter()
        page = roster_page(store, query, 0, PAGE_SIZE)
        store_ms.append((time.perf_counter() - t0) * 1000)
        return page
    loop = QEventLoop()
    j.ctx.worker.run(timed, lambda _page: loop.quit(), lambda _exc: loop.quit())
    loop.exec()

def keystrokes(queries):
    # milliseconds from setting the search text to the first page of its result in the view
    timings = []
    for text in queries * 3:
        t0 = time.perf_counter()
        roster.search.setText(text)
        wait_applied()
        app.processEvents()
        timings.append((time.perf_counter() - t0) * 1000)
    for text in queries:
        on_store(replace(model.query, text=text))
    return timings

timings = keystrokes(["z", "zh", "zha", "zhan", "zhang", "", "w", "wa", "wan", "wang", "", "zs", "", "ly", "",
                      "2024", "20240", "", "李", "", "会计", ""])
print("keystroke_ms", statistics.median(timings), max(timings), statistics.median(store_ms), max(store_ms), flush=True)
store_ms.clear()
# Mixed input (full syllables with initials, characters with pinyin, a trailing 学号/班级 fragment):
# letters only are read as mixed when the plain search finds nobody (one probe of the roster index).
mixed = keystrokes(["zhangm", "zhangmx", "", "张m", "张mx", "", "zmx2", "zmx23", "zmx230", "", "wangxm", "",
                    "liuyh", "", "chenj2", ""])
print("mixed_ms", statistics.median(mixed), max(mixed), statistics.median(store_ms), max(store_ms), flush=True)
table = roster.table
for row in range(0, model.rowCount(), 997):
    table.scrollTo(model.index(row, 0))
    app.processEvents()
with open("/proc/self/status") as status:
    rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
print("rss_mb", rss / 1024, flush=True)
j.shutdown()
"""


def make_demo_store(data_dir: Path, students: int) -> None:
    env = {**os.environ, "JIAFANG_PASSPHRASE": PASSPHRASE}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop.cli",
            "demo",
            "--data-dir",
            str(data_dir),
            "--students",
            str(students),
        ],
        check=True,
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
    )


def child_env(bytecode_dir: Path | None) -> dict[str, str]:
    """The children's environment: from bytecode cached in ``bytecode_dir`` (as the installed
    PyInstaller bundle runs: its modules are compiled at build time), or compiled from source on every
    start when it is None (a checkout under PYTHONDONTWRITEBYTECODE=1, as these machines set it)."""
    env = {
        **os.environ,
        "JIAFANG_PASSPHRASE": PASSPHRASE,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    if bytecode_dir is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode_dir)
    return env


def timed_start(code: str, *args: str, bytecode_dir: Path | None = None) -> tuple[float, float | None]:
    """Seconds until the child printed "ready", and the resident memory it reports (if it does)."""
    env = child_env(bytecode_dir)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, env=env, cwd=REPO, text=True
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "ready":
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError("child did not get ready")
    rss = None
    for line in proc.stdout:
        if line.startswith("rss_mb"):
            rss = float(line.split()[1])
    proc.wait()
    return elapsed, rss


def figure(what: str, value: str, budget: str, baseline: str) -> None:
    print(f"{what:<44} {value:>26}   budget {budget:<22} baseline: {baseline}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="an existing demo store (else one is built)"
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jiafang-ui-bench-") as tmp:
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = Path(tmp) / "demo"
            t0 = time.perf_counter()
            make_demo_store(data_dir, args.students)
            print(f"demo store: {args.students} students built in {time.perf_counter() - t0:.1f} s")
        bytecode = Path(tmp) / "bytecode"
        timed_start(BARE_CHILD, bytecode_dir=bytecode)  # warm-up: compiles the modules once
        timed_start(APP_CHILD, str(data_dir), bytecode_dir=bytecode)
        bare_runs = [timed_start(BARE_CHILD, bytecode_dir=bytecode) for _ in range(args.runs)]
        bare = [seconds for seconds, _ in bare_runs]
        bare_rss = statistics.median(rss for _, rss in bare_runs if rss is not None)
        app = [timed_start(APP_CHILD, str(data_dir), bytecode_dir=bytecode)[0] for _ in range(args.runs)]
        from_source = [timed_start(APP_CHILD, str(data_dir))[0] for _ in range(max(1, args.runs // 2))]
        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; runs: {args.runs}")
        figure(
            "start to usable main window (bytecode)",
            f"median {statistics.median(app):.2f} s",
            "≤ 1.5 s",
            f"bare QMainWindow {statistics.median(bare):.2f} s",
        )
        print(
            "  (as installed: the bundle's modules are compiled at build time; a checkout that compiles"
            f" every module from source on each start: median {statistics.median(from_source):.2f} s)"
        )
        env = child_env(bytecode)
        out = subprocess.run(
            [sys.executable, "-c", SEARCH_CHILD, str(data_dir)],
            env=env, cwd=REPO, text=True, capture_output=True, check=True,
        ).stdout  # fmt: skip
        for line in out.splitlines():
            name, *values = line.split()
            if name == "rows":
                print(f"roster rows in the first page: {values[0]}")
            elif name in ("keystroke_ms", "mixed_ms"):
                median, most, store_median, store_most = (float(v) for v in values)
                figure(
                    "search keystroke to updated view"
                    if name == "keystroke_ms"
                    else "mixed pinyin keystroke",
                    f"median {median:.1f} ms, max {most:.1f} ms",
                    "median ≤ 30, max ≤ 100 ms",
                    f"store query alone median {store_median:.1f} ms, max {store_most:.1f} ms",
                )
            elif name == "rss_mb":
                figure(
                    "resident memory, roster loaded and scrolled",
                    f"{float(values[0]):.0f} MB",
                    "≤ 300 MB",
                    f"bare QMainWindow {bare_rss:.0f} MB",
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
