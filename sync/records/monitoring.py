"""Monitoring flags (监测反馈): raised by anyone in scope, handled by the center."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from sync.records.base import Record
from sync.records.enums import FlagAction, FlagKind, FlagStatus
from sync.records.errors import FieldError, cross_field_error
from sync.records.validators import LongText, PastDate


class MonitoringFlag(Record):
    RECORD_TYPE: ClassVar[str] = "monitoring_flag"
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset({"description", "action_notes"})

    student_id: str = Field(title="学生")
    kind: FlagKind = Field(title="反馈类型")
    raised_on: PastDate = Field(title="提出日期")
    raised_by_id: str | None = Field(None, title="提出人")
    description: LongText = Field(title="情况说明", min_length=1)
    status: FlagStatus = Field(FlagStatus.OPEN, title="状态")
    actions: list[FlagAction] = Field(default_factory=list, title="处理措施")
    action_notes: LongText = Field("", title="处理说明")
    handled_by_id: str | None = Field(None, title="处理人")
    resolved_on: PastDate | None = Field(None, title="处理完成日期")

    @model_validator(mode="after")
    def _resolution(self) -> MonitoringFlag:
        problems: list[FieldError] = []
        if self.status == FlagStatus.RESOLVED:
            if self.resolved_on is None:
                problems.append(FieldError("resolved_on", "已处理的反馈须填写处理完成日期"))
            if not self.actions:
                problems.append(FieldError("actions", "请选择采取的处理措施"))
        if self.resolved_on is not None and self.resolved_on < self.raised_on:
            problems.append(FieldError("resolved_on", "处理完成日期不能早于提出日期"))
        if problems:
            raise cross_field_error(problems)
        return self
