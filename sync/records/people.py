"""Colleges, user accounts and mentors (the school-level records)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from pydantic import Field

from sync.records.base import Record
from sync.records.enums import DifficultyType, Role
from sync.records.validators import Name, OptionalMobilePhone, PastDate, ShortText, StaffNo


def center_missing(site: str, director: str, deputies: Sequence[str]) -> list[str]:
    """What a support center still lacks for coverage #1 (site, director, at least one deputy)."""
    missing: list[str] = []
    if not site.strip():
        missing.append("阵地(地点/房间)")
    if not director.strip():
        missing.append("主任")
    if not any(name.strip() for name in deputies):
        missing.append("副主任")
    return missing


class College(Record):
    """A college (学院) and its Student Development Support Center (coverage #1)."""

    RECORD_TYPE: ClassVar[str] = "college"

    name: Name = Field(title="学院名称")
    code: ShortText = Field("", title="学院代码", max_length=20)
    center_site: ShortText = Field("", title="支持中心阵地(地点/房间)", max_length=200)
    center_director: ShortText = Field("", title="支持中心主任", max_length=50)
    center_deputies: list[Name] = Field(default_factory=list, title="支持中心副主任")
    center_staff: list[Name] = Field(default_factory=list, title="支持中心成员")
    center_established_on: PastDate | None = Field(None, title="支持中心成立日期")
    active: bool = Field(True, title="启用")

    @property
    def center_missing(self) -> list[str]:
        return center_missing(self.center_site, self.center_director, self.center_deputies)

    @property
    def has_center(self) -> bool:
        """Coverage #1: a center counts when its site, director and at least one deputy are recorded."""
        return not self.center_missing


class SchoolCenter(Record):
    """The school-level Student Development Support Center (学校学生发展支持中心, 学生工作处)."""

    RECORD_TYPE: ClassVar[str] = "school_center"

    name: Name = Field("学校学生发展支持中心", title="名称", max_length=100)
    site: ShortText = Field("", title="阵地(地点/房间)", max_length=200)
    director: ShortText = Field("", title="主任", max_length=50)
    deputies: list[Name] = Field(default_factory=list, title="副主任")
    members: list[Name] = Field(default_factory=list, title="成员")

    @property
    def center_missing(self) -> list[str]:
        return center_missing(self.site, self.director, self.deputies)


class User(Record):
    """An account: counselor, mentor, college or school center staff, administrator."""

    RECORD_TYPE: ClassVar[str] = "user"
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset({"phone"})

    staff_no: StaffNo = Field(title="工号")
    name: Name = Field(title="姓名")
    role: Role = Field(title="角色")
    college_id: str | None = Field(None, title="所属学院")
    phone: OptionalMobilePhone = Field(None, title="手机号")
    active: bool = Field(True, title="启用")


class Mentor(Record):
    """A 育人导师: a teacher who serves key-support students of the difficulty types they can help with."""

    RECORD_TYPE: ClassVar[str] = "mentor"

    staff_no: StaffNo = Field(title="工号")
    name: Name = Field(title="姓名")
    department: ShortText = Field("", title="部门", max_length=100)
    specialties: list[DifficultyType] = Field(default_factory=list, title="专长")
    user_id: str | None = Field(None, title="对应账号")
    active: bool = Field(True, title="在岗")
    since: date | None = Field(None, title="聘任日期")
