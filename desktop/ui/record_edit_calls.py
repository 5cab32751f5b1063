"""Store requests of the profile's record editors (认定记录, 资助记录, 成长奖励), run on the store thread.

Each function opens one session (one transaction, with its outbox ops) and returns plain records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.store.repositories.errors import FieldConflict
from desktop.store.store import Store
from sync.records import GrowthReward, GuaranteeAid, Identification, IdentificationChange

EDITABLE_KINDS = frozenset({"identification", "guarantee_aid", "growth_reward"})


# The store refuses a second identification of a student for one academic year; forms show the
# message under the field it names.
RecordFieldError = FieldConflict


@dataclass(frozen=True)
class StatusStep:
    """When and why an identification's status or level changes (kept in its history)."""

    on: date
    semester: str = ""
    note: str = ""


def save_identification(store: Store, record: Identification, step: StatusStep) -> Identification:
    """Create or update an identification; a new status or level is appended to its history.

    One identification per student per academic year: a second one for the same year is refused.
    """
    with store.session() as s:
        repo = s.identifications
        current = repo.get(record.id)
        if current is None:
            first = IdentificationChange(
                changed_on=step.on,
                status=record.status,
                level=record.level,
                semester=step.semester,
                note=step.note,
                changed_by_id=s.ctx.author_id,
            )
            created = Identification.model_validate({**record.model_dump(), "history": [first]})
            return repo.create(created)
        # Everything but the status and the history is saved as edited; the level too, so a level
        # cleared back to "pending" is kept when the change below reads it.
        edited = Identification.model_validate(
            {**record.model_dump(), "status": current.status, "history": current.history}
        )
        repo.update(edited)
        if record.status != current.status or record.level != current.level:
            return repo.change_status(
                record.id,
                record.status,
                on=step.on,
                level=record.level,
                semester=step.semester,
                note=step.note,
            )
        return edited


def save_aid(store: Store, record: GuaranteeAid) -> GuaranteeAid:
    """Create or update one guarantee-aid item."""
    with store.session() as s:
        if s.aid.get(record.id) is None:
            return s.aid.create(record)
        return s.aid.update(record)


def save_reward(store: Store, record: GrowthReward) -> GrowthReward:
    """Create or update one growth reward."""
    with store.session() as s:
        if s.rewards.get(record.id) is None:
            return s.rewards.create(record)
        return s.rewards.update(record)


def delete_record(store: Store, record_type: str, record_id: str) -> None:
    """Soft-delete one of the student's records: a tombstone stays and a delete op goes to the outbox."""
    if record_type not in EDITABLE_KINDS:
        raise ValueError(record_type)
    with store.session() as s:
        s.repository(record_type).delete(record_id)
