"""The growth wish list (成长发展心愿单): the school's catalogue and each student's selection."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from sync.records.base import Record
from sync.records.enums import DifficultyType, WishChannel, WishFiller, WishPriority, WishStatus
from sync.records.errors import FieldError, cross_field_error
from sync.records.validators import AcademicYear, LongText, Name, PastDate, ShortText


class WishCatalogItem(Record):
    """A service the school center offers on the wish list."""

    RECORD_TYPE: ClassVar[str] = "wish_catalog_item"

    category: DifficultyType = Field(title="类别")
    service_item: Name = Field(title="服务项目", max_length=100)
    provider_department: ShortText = Field("", title="提供部门", max_length=100)
    description: LongText = Field("", title="说明")
    active: bool = Field(True, title="启用")


class WishSelection(Record):
    """A student's wish list for an academic year and how it is being served."""

    RECORD_TYPE: ClassVar[str] = "wish_selection"

    student_id: str = Field(title="学生")
    academic_year: AcademicYear = Field(title="学年")
    filled_by: WishFiller = Field(WishFiller.STUDENT, title="填写人")
    channel: WishChannel = Field(WishChannel.HOME_VISIT_PAPER, title="填写方式")
    visit_id: str | None = Field(None, title="关联家访")
    item_ids: list[str] = Field(title="所选项目", min_length=1)
    details: LongText = Field("", title="具体需求")
    priority: WishPriority = Field(WishPriority.NORMAL, title="优先级")
    status: WishStatus = Field(WishStatus.PENDING, title="状态")
    responsible_person: ShortText = Field("", title="负责人", max_length=50)
    completed_on: PastDate | None = Field(None, title="完成日期")
    feedback: LongText = Field("", title="反馈")

    @model_validator(mode="after")
    def _completion(self) -> WishSelection:
        problems: list[FieldError] = []
        if self.status == WishStatus.COMPLETED and self.completed_on is None:
            problems.append(FieldError("completed_on", "已完成的心愿须填写完成日期"))
        if self.status in (WishStatus.MATCHED, WishStatus.IN_PROGRESS) and not self.responsible_person:
            problems.append(FieldError("responsible_person", "已对接的心愿须填写负责人"))
        if problems:
            raise cross_field_error(problems)
        return self
