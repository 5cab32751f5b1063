"""The laptop's narrowed read for the watch list gives the same lists as reading every record, on the
synthetic demo school (which has every enrolment state, results, flags and 免申即享 students)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.commands.demo_command import insert_records
from desktop.store.figure_facts import read_school_facts
from desktop.store.store import Store
from desktop.store.watch_facts import read_watch_facts
from sync.demo import DemoGenerator
from sync.figures.watch_list import AID_DUE_RECORDS, WATCH_RECORDS, WatchReason, aid_todo, watch_list
from sync.records import Role, Student
from tests.desktop.store.conftest import PASSPHRASE

TODAY = date(2025, 11, 20)


def test_the_narrowed_read_names_the_same_students(tmp_path: Path) -> None:
    store = Store.create(
        tmp_path / "demo", PASSPHRASE, school_name="示例大学", user_name="校中心", role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )  # fmt: skip
    try:
        for chunk in DemoGenerator(students=500, today=TODAY, seed=11).chunks(250):
            with store.session() as session:
                insert_records(session, chunk)
        with store.session() as session:
            narrowed = read_watch_facts(session, TODAY)
            everything = read_school_facts(session, {*WATCH_RECORDS, *AID_DUE_RECORDS})
        listed = watch_list(narrowed, TODAY)
        assert listed == watch_list(everything, TODAY)
        assert aid_todo(narrowed, TODAY) == aid_todo(everything, TODAY)
        kinds = {kind for entry in listed for kind in entry.kinds}
        assert {WatchReason.SUSPENDED, WatchReason.WITHDRAWN, WatchReason.FAILED_COURSES} <= kinds
        assert 0 < len(narrowed.of(Student)) < len(everything.of(Student))
    finally:
        store.close()
