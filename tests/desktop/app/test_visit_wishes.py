"""Saving a visit with its wish list: one transaction (moved from the UI tests; no Qt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.app import visits as visits_core
from desktop.app.visit_followups import WishPlan
from desktop.store.store import Store
from desktop.store.wish_workflow import WishError
from sync.records import HomeVisit, VisitCategory, VisitMode, Visitor, WishListState
from tests.desktop.ui.store_fixtures import PASSPHRASE, add_catalog


def test_a_failing_wish_leaves_no_visit(data_dir: tuple[Path, dict[str, str]]) -> None:
    """One transaction: a wish the store refuses (a retired item) writes neither it nor the visit."""
    folder, ids = data_dir
    items = add_catalog(folder)
    visit = HomeVisit(
        student_id=ids["张三"],
        category=VisitCategory.ANNUAL_COVERAGE,
        mode=VisitMode.ON_SITE,
        visit_date=date.today(),
        duration_minutes=60,
        visitors=[Visitor(name="王老师")],
        school_feedback="学习认真。",
        family_opinions="无。",
        wish_list_state=WishListState.FILLED_IN,
    )
    plan = WishPlan(item_ids=[items["已停用的就业讲座"]])
    with Store.open(folder, PASSPHRASE) as store:
        with pytest.raises(WishError):
            visits_core.save_visit(store, visit, wish=plan)
        with store.session() as s:
            assert s.visits.for_student(ids["张三"]) == []
            assert s.wishes.for_student(ids["张三"]) == []
        assert visits_core.save_visit(store, visit, wish=WishPlan(item_ids=[items["学业帮扶结对"]])) is False
        with store.session() as s:
            assert len(s.wishes.for_student(ids["张三"])) == 1
