"""Saving a home visit and its edit: one transaction each, the rules the form relies on."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.app import drafts, visit_followups, visits
from desktop.app.drafts import DraftInfo
from desktop.app.visits import VisitReviewed
from sync.records import VisitStatus
from tests.desktop.app.conftest import Seeded, visit


def test_save_visit_applies_the_household_drops_the_draft_and_offers_a_flag_for_a_shock(
    seeded: Seeded,
) -> None:
    store, sid = seeded.store, seeded.student_id
    drafts.save_draft(store, DraftInfo("draft-1", sid, "张三", datetime.now(UTC), {"place": "某某县"}))
    name, household = visits.visit_start(store, sid)
    assert name == "张三" and [m["family_member_id"] for m in household] == [seeded.father_id]
    household[0]["age"] = 51
    shocked = visit(sid, household=household, recent_shocks="父亲住院。")

    assert visits.save_visit(store, shocked, draft_id="draft-1", update_family=True) is True

    with store.session() as s:
        assert [v.id for v in s.visits.for_student(sid)] == [shocked.id]
        assert s.family.require(seeded.father_id).age == 51
    assert drafts.list_drafts(store) == []
    flag = visit_followups.raise_visit_flag(store, shocked.id, "父亲住院。", visit_followups.SUGGESTED_ACTION)
    assert flag is not None and flag.student_id == sid
    assert (
        visit_followups.raise_visit_flag(store, shocked.id, "再次", visit_followups.SUGGESTED_ACTION) is None
    )


def test_save_visit_without_update_family_leaves_the_family(seeded: Seeded) -> None:
    store, sid = seeded.store, seeded.student_id
    _name, household = visits.visit_start(store, sid)
    household[0]["age"] = 70
    assert visits.save_visit(store, visit(sid, household=household)) is False
    with store.session() as s:
        assert s.family.require(seeded.father_id).age == 50


def test_a_reviewed_visit_opens_read_only_and_its_edit_is_refused(seeded: Seeded) -> None:
    store, sid = seeded.store, seeded.student_id
    reviewed = visit(sid, status=VisitStatus.REVIEWED, reviewed_by_id=seeded.counselor_id)
    visits.save_visit(store, reviewed)

    opened = visits.load_visit_for_edit(store, reviewed.id)
    assert opened.read_only_reason == VisitReviewed.message
    assert opened.draft is None and opened.student_name == "张三"
    with pytest.raises(VisitReviewed):
        visits.save_visit_edit(store, reviewed.model_copy(update={"place": "别处"}))
    with store.session() as s:
        assert s.visits.require(reviewed.id).place == "某某县城关镇"


def test_an_edit_adding_a_shock_offers_the_flag_and_drops_the_edit_draft(seeded: Seeded) -> None:
    store, sid = seeded.store, seeded.student_id
    saved = visit(sid)
    visits.save_visit(store, saved)
    drafts.save_draft(store, DraftInfo(saved.id, sid, "张三", datetime.now(UTC), {"place": "草稿"}))
    assert visits.load_visit_for_edit(store, saved.id).draft is not None

    edited = saved.model_copy(update={"recent_shocks": "房屋受灾。"})
    assert visits.save_visit_edit(store, edited) is True
    assert (
        visits.save_visit_edit(store, edited.model_copy(update={"place": "另一处"})) is False
    )  # no new shock

    assert drafts.list_drafts(store) == []
    with store.session() as s:
        assert s.visits.require(saved.id).place == "另一处"
