"""Run in a subprocess by test_visit_edit: open the app, reopen a saved visit, change it, keep running.

Usage: python -m tests.desktop.ui.visit_edit_child DATA_DIR VISIT_ID  (JIAFANG_PASSPHRASE unlocks)
The parent kills this process with SIGKILL once the edit's draft is in the store.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.ui.common.form_bindings import set_value
from desktop.ui.shell.app import JiaFangApp, make_application
from desktop.ui.visits.visits_section import VisitsSection

FOLLOW_UP = "寒假前再去一次，带上助学贷款材料。"


def main() -> int:
    data_dir, visit_id = Path(sys.argv[1]), sys.argv[2]
    app = make_application(sys.argv[:1])
    jiafang = JiaFangApp(data_dir, app)
    visits = jiafang.window.sections["visits"]
    assert isinstance(visits, VisitsSection)

    def fill() -> None:
        form = visits.form
        if form.edit is not None and form.visit_id == visit_id:
            set_value(form.inputs["follow_up"], FOLLOW_UP)

    jiafang.ctx.lock.unlocked.connect(lambda: visits.open_visit(visit_id))
    visits.stack.currentChanged.connect(lambda _i: fill())
    jiafang.start()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
