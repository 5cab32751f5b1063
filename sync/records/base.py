"""The base of every record: a client-made UUIDv7 id, a stable type name and an ownership rule."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from sync.ids import new_id
from sync.records.enums import Ownership


class Part(BaseModel):
    """A small value nested inside a record (a visitor, a review, a status change); stored as JSON."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Record(BaseModel):
    """A synced record.

    Subclasses set ``RECORD_TYPE`` (stable snake_case, never renamed) and ``OWNERSHIP``; records that
    belong to one student have a ``student_id`` field, the key that decides who may hold them.
    ``SENSITIVE_FIELDS`` are personal information never to be logged, shown unmasked in lists or printed
    on public material; ``RESTRICTED`` records (key support) are only shown to roles that may see them,
    and every view of them leaves an audit entry.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)

    RECORD_TYPE: ClassVar[str] = ""
    OWNERSHIP: ClassVar[Ownership] = Ownership.SHARED
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()
    RESTRICTED: ClassVar[bool] = False
    #: The schema version that introduced this record type: its own fields (all but ``id``) are of that
    #: schema unless one says otherwise (``sync.records.schema.field_since``).
    SCHEMA_SINCE: ClassVar[int] = 1

    id: str = Field(default_factory=new_id, title="编号", min_length=1, max_length=64)

    def scope_student_ids(self) -> tuple[str, ...]:
        """The students this record belongs to (empty for school-level records)."""
        student_id = getattr(self, "student_id", None)
        return (student_id,) if isinstance(student_id, str) else ()

    @classmethod
    def field_title(cls, name: str) -> str:
        """The Chinese label of a field (falls back to the field name)."""
        info = cls.model_fields[name]
        return info.title or name
