"""What a saved home visit leads to: a wish list filled in on it, a monitoring flag.

A wish list filled in on the visit (心愿单 已填写) is saved with the visit in one transaction
(visits.save_visit); a visit that records a recent shock (近期突发情况) or suggests a temporary
subsidy offers a 家庭突发变故 flag with 临时困难补助 suggested, raised here once the counselor agrees.
The flag belongs to the visit by the core's rule (same student, kind, raised on the visit's day).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.app.changes import Kind, use_case
from desktop.store.monitoring_workflow import flag_from_visit, suggests_temporary_subsidy, visit_flag
from desktop.store.repositories.session import StoreSession
from desktop.store.store import Store
from desktop.store.wish_workflow import add_selection
from sync.records import (
    AidType,
    HomeVisit,
    MonitoringFlag,
    VisitStatus,
    WishChannel,
    WishFiller,
    WishListState,
    WishPriority,
    WishSelection,
)
from sync.records.academic import academic_year_of

# What the offer suggests (the aid type's own label, 临时困难补助).
SUGGESTED_ACTION = AidType.TEMPORARY_SUBSIDY.label


@dataclass(frozen=True)
class WishPlan:
    """The wish list as filled in on the visit (saved as a WishSelection linked to it)."""

    item_ids: list[str] = field(default_factory=list)
    filled_by: WishFiller = WishFiller.STUDENT
    channel: WishChannel = WishChannel.HOME_VISIT_PAPER
    priority: WishPriority = WishPriority.NORMAL
    details: str = ""


def add_visit_wish(session: StoreSession, visit: HomeVisit, plan: WishPlan) -> WishSelection | None:
    """The selection of a visit whose wish list was filled in (in the caller's transaction)."""
    if visit.wish_list_state is not WishListState.FILLED_IN:
        return None
    return add_selection(
        session,
        visit.student_id,
        academic_year=academic_year_of(visit.visit_date),
        item_ids=plan.item_ids,
        filled_by=plan.filled_by,
        visit_id=visit.id,
        details=plan.details,
        priority=plan.priority,
        channel=plan.channel,
    )


def offers_flag(session: StoreSession, visit: HomeVisit) -> bool:
    """A submitted visit that records a recent shock (or suggests the subsidy) with no 家庭突发变故 flag
    for its day yet."""
    return (
        visit.status is not VisitStatus.DRAFT
        and suggests_temporary_subsidy(visit)
        and visit_flag(session, visit) is None
    )


@use_case(Kind.MONITORING_FLAG)
def raise_visit_flag(
    store: Store, visit_id: str, description: str, suggested_action: str
) -> MonitoringFlag | None:
    """The 家庭突发变故 flag for a saved visit (None when one was raised for it already)."""
    with store.session() as s:
        visit = s.visits.require(visit_id)
        return flag_from_visit(s, visit, description=description, suggested_action=suggested_action)
