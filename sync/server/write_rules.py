"""Who did what is decided on the server: author fields come from the token, workflow steps by role.

:func:`adjust` takes the fields an op sends (raw JSON, before validation) and the record's current
fields, and returns the fields to apply — with ``recorded_by_id``, ``raised_by_id``, ``reviewed_by_id``
and ``handled_by_id`` set from the caller, never from the body — or the reason to refuse the op:

- a home visit is recorded by whoever creates it; only the college center marks it reviewed (it then
  becomes the reviewer) or takes a review back; its author may keep it a draft or submit it;
- an identification's steps after 学院评议 (公示, 认定, 建档) are the college center's, and so is the
  exception to 先家访后认定 (``visit_exception_reason``: a new student's level set without the visit);
  in its history (``history``) a step already stored keeps the ``changed_by_id`` stored with it, and a
  step the op adds is the caller's;
- a monitoring flag is raised by whoever creates it; whoever moves its status handles it;
- a one-to-one talk (个别交流) is held by whoever records it (``talked_by_id``), and stays theirs.
- a workload confirmation (工作量确认) is confirmed by whoever writes it (``confirmed_by_id``).

Rules that need the database (support logs, key support, deleting a student) are in ``scope.check_write``.
"""

from __future__ import annotations

from typing import Any

from sync.protocol import RejectReason
from sync.records.enums import FlagStatus, IdentificationStatus, Role, VisitStatus
from sync.server import record_kinds
from sync.server.scope import Principal

IDENTIFICATION = "identification"
MONITORING_FLAG = "monitoring_flag"
ONE_TO_ONE_TALK = "one_to_one_talk"
TALKED_BY = "talked_by_id"
WORKLOAD_CONFIRMATION = "workload_confirmation"
CONFIRMED_BY = "confirmed_by_id"
VISIT_EXCEPTION = "visit_exception_reason"
HISTORY = "history"
CHANGED_BY = "changed_by_id"
_STEP_FIELDS = ("changed_on", "status", "level", "semester", "note")
_CENTER_STEPS = frozenset(
    {
        IdentificationStatus.PUBLICIZED.value,
        IdentificationStatus.IDENTIFIED.value,
        IdentificationStatus.ARCHIVED.value,
    }
)


def adjust(
    principal: Principal, record_type: str, current: dict[str, Any] | None, sent: dict[str, Any]
) -> dict[str, Any] | RejectReason:
    if record_type == record_kinds.HOME_VISIT:
        return _visit(principal, current, dict(sent))
    if record_type == IDENTIFICATION:
        return _identification(principal, current, sent)
    if record_type == MONITORING_FLAG:
        return _flag(principal, current, dict(sent))
    if record_type == ONE_TO_ONE_TALK:
        return _talk(principal, current, dict(sent))
    if record_type == WORKLOAD_CONFIRMATION:
        sent = dict(sent)
        if current is None:
            sent[CONFIRMED_BY] = principal.user_id
        else:
            _keep(sent, current, CONFIRMED_BY)
        return sent
    return sent


def _keep(sent: dict[str, Any], current: dict[str, Any] | None, name: str) -> None:
    """An author field cannot be changed by an edit: the sent value is replaced by the stored one."""
    if name in sent and current is not None:
        sent[name] = current.get(name)


def _visit(
    principal: Principal, current: dict[str, Any] | None, sent: dict[str, Any]
) -> dict[str, Any] | RejectReason:
    if current is None:
        sent["recorded_by_id"] = principal.user_id
    else:
        _keep(sent, current, "recorded_by_id")
    reviewed = VisitStatus.REVIEWED.value
    before = current.get("status") if current is not None else None
    after = sent.get("status", before if current is not None else VisitStatus.SUBMITTED.value)
    center = principal.role is Role.COLLEGE_CENTER
    if after == reviewed and before != reviewed:
        if not center:
            return RejectReason.FORBIDDEN
        sent["reviewed_by_id"] = principal.user_id
    elif after == reviewed:
        _keep(sent, current, "reviewed_by_id")
    else:
        if before == reviewed and not center:
            return RejectReason.FORBIDDEN
        if "reviewed_by_id" in sent or before == reviewed:
            sent["reviewed_by_id"] = None
    return sent


def _identification(
    principal: Principal, current: dict[str, Any] | None, sent: dict[str, Any]
) -> dict[str, Any] | RejectReason:
    before = current.get("status") if current is not None else None
    after = sent.get("status", before)
    step = after != before and (after in _CENTER_STEPS or before in _CENTER_STEPS)
    if step and principal.role is not Role.COLLEGE_CENTER:
        return RejectReason.FORBIDDEN
    if _changes(sent, current, VISIT_EXCEPTION, "") and principal.role is not Role.COLLEGE_CENTER:
        return RejectReason.FORBIDDEN
    if isinstance(sent.get(HISTORY), list):
        stored = current.get(HISTORY) if current is not None else None
        sent = {
            **sent,
            HISTORY: _attributed(principal, stored if isinstance(stored, list) else [], sent[HISTORY]),
        }
    return sent


def _step_key(step: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(step.get(name) for name in _STEP_FIELDS)


def _attributed(principal: Principal, stored: list[Any], sent: list[Any]) -> list[Any]:
    """The sent history with each step's author decided here: a step the server already holds (same
    date, status, level, term and note) keeps its stored author; any other step is the caller's."""
    authors: dict[tuple[Any, ...], list[Any]] = {}
    for step in stored:
        if isinstance(step, dict):
            authors.setdefault(_step_key(step), []).append(step.get(CHANGED_BY))
    result: list[Any] = []
    for step in sent:
        if not isinstance(step, dict):
            result.append(step)  # validation refuses it with its own reason
            continue
        known = authors.get(_step_key(step))
        author = known.pop(0) if known else principal.user_id
        result.append({**step, CHANGED_BY: author})
    return result


def _changes(sent: dict[str, Any], current: dict[str, Any] | None, name: str, default: Any) -> bool:
    """Whether the op sets the field to a value other than the stored one (or the default, on create)."""
    if name not in sent:
        return False
    stored = current.get(name, default) if current is not None else default
    value = sent[name]
    if isinstance(value, str) and isinstance(stored, str):
        return value.strip() != stored.strip()
    return bool(value != stored)


def _flag(
    principal: Principal, current: dict[str, Any] | None, sent: dict[str, Any]
) -> dict[str, Any] | RejectReason:
    if current is None:
        sent["raised_by_id"] = principal.user_id
        if sent.get("status", FlagStatus.OPEN.value) != FlagStatus.OPEN.value:
            sent["handled_by_id"] = principal.user_id
        else:
            sent.pop("handled_by_id", None)
        return sent
    _keep(sent, current, "raised_by_id")
    if "status" in sent and sent["status"] != current.get("status"):
        sent["handled_by_id"] = principal.user_id
    else:
        _keep(sent, current, "handled_by_id")
    return sent


def _talk(principal: Principal, current: dict[str, Any] | None, sent: dict[str, Any]) -> dict[str, Any]:
    if current is None:
        sent[TALKED_BY] = principal.user_id
    else:
        _keep(sent, current, TALKED_BY)
    return sent
