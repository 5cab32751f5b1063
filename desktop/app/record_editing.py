"""The profile's record editors (认定记录, 资助记录, 成长奖励, 监测反馈, 心愿单).

Each function opens one session (one transaction, with its outbox ops) and returns plain records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from desktop.app.changes import Kind, use_case
from desktop.store.errors import StoreError
from desktop.store.identification_rules import KeySupportWouldEnd, save_checked_identification
from desktop.store.monitoring_workflow import FlagError, move_flag, raise_flag
from desktop.store.repositories.base import Repository
from desktop.store.repositories.errors import FieldConflict
from desktop.store.store import Store
from desktop.store.wish_workflow import WishError, add_selection, move_selection
from sync.records import (
    GrowthReward,
    GuaranteeAid,
    Identification,
    MonitoringFlag,
    Record,
    WishCatalogItem,
    WishSelection,
)

__all__ = ["KeySupportWouldEnd", "RecordFieldError", "StatusStep", "save_identification"]


EDITABLE_KINDS = frozenset(
    {Kind.IDENTIFICATION, Kind.GUARANTEE_AID, Kind.GROWTH_REWARD, Kind.ONE_TO_ONE_TALK}
)


W = TypeVar("W", MonitoringFlag, WishSelection)  # a record with a status workflow
R = TypeVar("R", GuaranteeAid, GrowthReward)  # a record the profile creates or updates as a whole


# The store refuses a second identification of a student for one academic year; forms show the
# message under the field it names.
RecordFieldError = FieldConflict


@dataclass(frozen=True)
class StatusStep:
    """When and why an identification's status or level changes (kept in its history)."""

    on: date
    semester: str = ""
    note: str = ""


def _changed(record: Record, current: Record, names: Iterable[str]) -> dict[str, Any]:
    """The named fields whose edited value differs from the stored one (to patch only those)."""
    return {name: getattr(record, name) for name in names if getattr(record, name) != getattr(current, name)}


def _edit_in_workflow(
    repo: Repository[W],
    record: W,
    current: W,
    *,
    facts: tuple[str, ...],
    handling: tuple[str, ...],
    step: Callable[[], W],
    refused: type[StoreError],
) -> W:
    """Save an edited workflow record: its facts as edited, then a new status only through the
    workflow (``step``; a step it refuses is shown under the status), else its handling as edited."""
    changed = _changed(record, current, facts)
    if changed:
        current = repo.patch(record.id, **changed)
    if record.status != current.status:
        try:
            return step()
        except refused as exc:
            raise RecordFieldError("status", str(exc)) from None
    rest = _changed(record, current, handling)
    return repo.patch(record.id, **rest) if rest else current


@use_case(Kind.IDENTIFICATION, Kind.KEY_SUPPORT, Kind.MENTOR_ASSIGNMENT)
def save_identification(
    store: Store, record: Identification, step: StatusStep, *, end_key_support: bool = False
) -> Identification:
    """Create or update an identification; a new status or level is appended to its history.

    One identification per student per academic year: a second one for the same year is refused.
    先家访后认定 is enforced (``IdentificationRuleError``); a level of 不困难 for a student in key support
    raises ``KeySupportWouldEnd`` unless ``end_key_support`` (the user confirmed): then the key support
    ends in the same transaction, the step's note as the reason.
    """
    with store.session() as s:
        return save_checked_identification(
            s,
            store.info.role,
            record,
            on=step.on,
            semester=step.semester,
            note=step.note,
            end_key_support=end_key_support,
        )


def _create_or_update(repo: Repository[R], record: R) -> R:
    if repo.get(record.id) is None:
        return repo.create(record)
    repo.update(record)
    return record


@use_case(Kind.GUARANTEE_AID)
def save_aid(store: Store, record: GuaranteeAid) -> GuaranteeAid:
    """Create or update one guarantee-aid item."""
    with store.session() as s:
        return _create_or_update(s.aid, record)


@use_case(Kind.GROWTH_REWARD)
def save_reward(store: Store, record: GrowthReward) -> GrowthReward:
    """Create or update one growth reward."""
    with store.session() as s:
        return _create_or_update(s.rewards, record)


@use_case(Kind.MONITORING_FLAG)
def save_flag(store: Store, record: MonitoringFlag) -> MonitoringFlag:
    """Raise a monitoring flag, or edit one: its status moves only along the workflow (a step the
    workflow does not allow is refused under the status, in Chinese)."""
    with store.session() as s:
        current = s.flags.get(record.id)
        if current is None:
            return raise_flag(
                s, record.student_id, record.kind, record.description, raised_on=record.raised_on
            )
        return _edit_in_workflow(
            s.flags,
            record,
            current,
            facts=("kind", "raised_on", "description"),
            handling=("actions", "action_notes", "resolved_on"),
            step=lambda: move_flag(
                s,
                record.id,
                record.status,
                actions=record.actions,
                action_notes=record.action_notes,
                resolved_on=record.resolved_on,
            ),
            refused=FlagError,
        )


@use_case(Kind.WISH_SELECTION)
def save_wish(store: Store, record: WishSelection) -> WishSelection:
    """Add a wish-list selection (from the profile) or edit one; its status moves only along the
    workflow (待受理 → 已对接 → 进行中 → 已完成 / 无法满足)."""
    with store.session() as s:
        current = s.wishes.get(record.id)
        if current is None:
            try:
                return add_selection(
                    s,
                    record.student_id,
                    academic_year=record.academic_year,
                    item_ids=record.item_ids,
                    filled_by=record.filled_by,
                    visit_id=record.visit_id,
                    details=record.details,
                    priority=record.priority,
                    channel=record.channel,
                )
            except WishError as exc:
                raise RecordFieldError("item_ids", str(exc)) from None
        added = [item_id for item_id in record.item_ids if item_id not in current.item_ids]
        for item_id in added:
            item = s.wish_catalog.get(item_id)
            if item is None or not item.active:
                raise RecordFieldError("item_ids", "所选服务项目不存在或已停用，请重新选择。")
        return _edit_in_workflow(
            s.wishes,
            record,
            current,
            facts=("academic_year", "item_ids", "filled_by", "channel", "details", "priority"),
            handling=("responsible_person", "completed_on", "feedback"),
            step=lambda: move_selection(
                s,
                record.id,
                record.status,
                responsible_person=record.responsible_person,
                completed_on=record.completed_on,
                feedback=record.feedback,
            ),
            refused=WishError,
        )


def wish_catalog(store: Store) -> list[WishCatalogItem]:
    """The wish-list catalogue, active and inactive items (a selection may hold an item since retired)."""
    with store.session() as s:
        return s.wish_catalog.list()


@use_case(Kind.IDENTIFICATION, Kind.GUARANTEE_AID, Kind.GROWTH_REWARD, Kind.ONE_TO_ONE_TALK)
def delete_record(store: Store, record_type: str, record_id: str) -> None:
    """Soft-delete one of the student's records: a tombstone stays and a delete op goes to the outbox."""
    if record_type not in EDITABLE_KINDS:
        raise ValueError(record_type)
    with store.session() as s:
        s.repository(record_type).delete(record_id)
