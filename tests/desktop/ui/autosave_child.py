"""Run in a subprocess by test_autosave_recovery: open the app, start a visit, type, keep running.

Usage: python -m tests.desktop.ui.autosave_child DATA_DIR STUDENT_ID  (JIAFANG_PASSPHRASE unlocks)
The parent kills this process with SIGKILL once the draft is in the store.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.ui.shell.app import JiaFangApp, make_application


def main() -> int:
    data_dir, student_id = Path(sys.argv[1]), sys.argv[2]
    app = make_application(sys.argv[:1])
    jiafang = JiaFangApp(data_dir, app)

    def fill() -> None:
        visits = jiafang.window.sections["visits"]
        form = visits.form
        if form.student_id != student_id:
            return
        form.inputs["school_feedback"].setPlainText("学习认真，担任班级学习委员。")
        form.inputs["follow_up"].setPlainText("下次家访前先电话联系家长。")
        form.inputs["duration_minutes"].setValue(75)

    def unlocked() -> None:
        jiafang.window.sections["visits"].new_visit(student_id)

    jiafang.ctx.lock.unlocked.connect(unlocked)
    jiafang.window.sections["visits"].stack.currentChanged.connect(lambda _i: fill())
    jiafang.start()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
