"""Audit entries: who created, changed, exported, printed or viewed restricted content, and when.

An entry never holds personal content: only ids, the action and a short non-sensitive detail.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import ClassVar

from pydantic import AwareDatetime, Field

from sync.records.base import Record
from sync.records.enums import AuditAction, Ownership
from sync.records.validators import ShortText


def utc_now() -> datetime:
    return datetime.now(UTC)


class AuditEntry(Record):
    RECORD_TYPE: ClassVar[str] = "audit_entry"
    OWNERSHIP: ClassVar[Ownership] = Ownership.AUTHOR

    at: AwareDatetime = Field(default_factory=utc_now, title="时间")
    actor_id: str | None = Field(None, title="操作人")
    action: AuditAction = Field(title="操作")
    record_type: ShortText = Field("", title="记录类型", max_length=50)
    record_id: str | None = Field(None, title="记录")
    student_id: str | None = Field(None, title="学生")
    detail: ShortText = Field("", title="说明", max_length=200)
