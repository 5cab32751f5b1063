"""The hand-built school of ``tests/sync/figures/workload_fixture`` in a real encrypted store."""

from __future__ import annotations

from desktop.store.store import Store
from sync.records import Role
from tests.sync.figures.workload_fixture import school


def fill_workload_school(store: Store, *, as_center: bool = True) -> None:
    """Write the school into ``store``; the store's user becomes 文学院's center (李主任) unless told."""
    with store.session() as s:
        for record in school():
            s.repository(record.RECORD_TYPE).create(record)
    if as_center:
        store.set_local_user(user_id="u-center", user_name="李主任", role=Role.COLLEGE_CENTER)
