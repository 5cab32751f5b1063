"""Home visits: a new visit's start, saving one, reopening a saved one and saving the edit.

A visit belongs to its author (录入人): only the author edits it (the repository raises NotAuthor),
and a reviewed visit (已审核) is no longer edited by anyone; both open read-only with the reason.
The unsaved edit is kept as a draft keyed by the visit's id (so it is offered back after a crash);
saving goes through the repository's update, so the outbox op names only the changed fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.app.changes import Kind, use_case
from desktop.app.drafts import DraftInfo, get_draft
from desktop.app.profile import family_as_household, student_name
from desktop.app.visit_followups import WishPlan, add_visit_wish, offers_flag
from desktop.store.errors import StoreError
from desktop.store.monitoring_workflow import visit_flag
from desktop.store.repositories.errors import NotAuthor
from desktop.store.repositories.session import StoreSession
from desktop.store.store import Store
from sync.records import (
    HomeVisit,
    VisitStatus,
    WishListState,
    WishSelection,
)


def visit_start(store: Store, student_id: str) -> tuple[str, list[dict[str, Any]]]:
    """What a new visit form starts from: the student's name and the profile's family."""
    return student_name(store, student_id), family_as_household(store, student_id)


def visits_on_day(store: Store, student_id: str, day: date, *, exclude: str | None = None) -> int:
    with store.session() as s:
        return sum(1 for v in s.visits.in_period(day, day, student_id=student_id) if v.id != exclude)


@use_case(Kind.HOME_VISIT, Kind.VISIT_DRAFT, Kind.WISH_SELECTION, Kind.FAMILY_MEMBER)
def save_visit(
    store: Store,
    visit: HomeVisit,
    *,
    draft_id: str | None = None,
    wish: WishPlan | None = None,
    update_family: bool = False,
) -> bool:
    """The visit, its household applied to the family table (when the user chose to), the wish list
    filled in on it, and its draft removed: one transaction.  True when the visit should offer a
    monitoring flag."""
    with store.session() as s:
        s.visits.create(visit)
        if visit.household and update_family:
            s.family.apply_household(visit)
        if wish is not None:
            add_visit_wish(s, visit, wish)
        if draft_id:
            s.drafts.remove(draft_id)
        return offers_flag(s, visit)


# Fields whose change may call for the monitoring-flag offer again.
SHOCK_FIELDS = frozenset({"recent_shocks", "suggest_temporary_subsidy", "visit_date"})


class VisitReviewed(StoreError):
    message = "这次家访已审核，不能再修改。"


@dataclass
class VisitForEdit:
    """A saved visit as the form opens it."""

    visit: HomeVisit
    student_name: str
    read_only_reason: str = ""  # why it opens read-only ("" when the local user may edit it)
    wish: WishSelection | None = None  # the wish list filled in on the visit
    draft: DraftInfo | None = None  # an unsaved edit of it (kept after a crash or a close)
    family: list[dict[str, Any]] = field(default_factory=list)  # the profile's family, as a household


def wish_values(selection: WishSelection | None) -> dict[str, Any] | None:
    """A linked wish selection as the visit form's wish panel holds it."""
    if selection is None:
        return None
    return {
        "item_ids": list(selection.item_ids),
        "filled_by": selection.filled_by.value,
        "channel": selection.channel.value,
        "priority": selection.priority.value,
        "details": selection.details,
    }


def _linked_wish(session: StoreSession, visit: HomeVisit) -> WishSelection | None:
    found = session.wishes.list(where={"student_id": visit.student_id, "visit_id": visit.id}, limit=1)
    return found[0] if found else None


def _check_editable(session: StoreSession, visit: HomeVisit) -> None:
    """Raise the reason a visit may not be edited here (the repository's author rule, then review)."""
    state = session.visits.sync_state(visit.id)
    author = session.visits.ctx.author_id
    if state is not None and state.author_id is not None and author is not None and state.author_id != author:
        raise NotAuthor()
    if visit.status is VisitStatus.REVIEWED:
        raise VisitReviewed()


def load_visit_for_edit(store: Store, visit_id: str) -> VisitForEdit:
    with store.session() as s:
        visit = s.visits.require(visit_id)
        name = s.students.require(visit.student_id).name
        try:
            _check_editable(s, visit)
            reason = ""
        except StoreError as exc:
            reason = str(exc)
        wish = _linked_wish(s, visit)
    draft = get_draft(store, visit_id) if not reason else None
    family = family_as_household(store, visit.student_id)
    return VisitForEdit(
        visit=visit, student_name=name, read_only_reason=reason, wish=wish, draft=draft, family=family
    )


def _plan_differs(selection: WishSelection, plan: WishPlan) -> bool:
    return (
        set(plan.item_ids) != set(selection.item_ids)
        or plan.filled_by is not selection.filled_by
        or plan.channel is not selection.channel
        or plan.priority is not selection.priority
        or plan.details != selection.details
    )


@use_case(Kind.HOME_VISIT, Kind.VISIT_DRAFT, Kind.WISH_SELECTION, Kind.FAMILY_MEMBER)
def save_visit_edit(
    store: Store, visit: HomeVisit, *, wish: WishPlan | None = None, update_family: bool = False
) -> bool:
    """Save an edited visit (only the changed fields reach the outbox), its household when it changed,
    the wish list filled in on it, and drop the edit's draft: one transaction.

    True when the edit should offer a monitoring flag: a shock (or the subsidy) was added or its day
    moved, and no flag was raised for the visit, neither on its old day nor on its new one.
    """
    with store.session() as s:
        before = s.visits.require(visit.id)
        _check_editable(s, before)
        s.visits.update(visit)
        if update_family and visit.household and visit.household != before.household:
            s.family.apply_household(visit)
        if wish is not None and visit.wish_list_state is WishListState.FILLED_IN:
            linked = _linked_wish(s, before)
            if linked is None:
                add_visit_wish(s, visit, wish)
            elif _plan_differs(linked, wish):
                s.wishes.patch(
                    linked.id,
                    item_ids=list(dict.fromkeys(wish.item_ids)),
                    filled_by=wish.filled_by,
                    channel=wish.channel,
                    priority=wish.priority,
                    details=wish.details,
                )
        s.drafts.remove(visit.id)
        changed = {name for name in SHOCK_FIELDS if getattr(visit, name) != getattr(before, name)}
        return bool(changed) and offers_flag(s, visit) and visit_flag(s, before) is None
