"""Who edits which support center and mentor expertise in the app (desktop/store/center_records.py)."""

from __future__ import annotations

import pytest

from desktop.store.center_records import (
    SCHOOL_KEY,
    CenterEditError,
    editable_centers,
    mentors_for_expertise,
    save_center,
    save_expertise,
)
from desktop.store.store import Store
from sync.records import College, DifficultyType, Mentor, Role, User


def test_college_center_edits_its_own_college_only(store: Store) -> None:
    mine, other = College(name="文学院"), College(name="理学院")
    mentor = Mentor(staff_no="M1", name="钱导师")
    with store.session() as s:
        s.colleges.create_many([mine, other])
        s.mentors.create(mentor)
        s.users.create(
            User(
                id=s.meta.info().user_id,
                staff_no="C1",
                name="张主任",
                role=Role.COLLEGE_CENTER,
                college_id=mine.id,
            )
        )
        assert [c.key for c in editable_centers(s, Role.COLLEGE_CENTER)] == [mine.id]
        saved = save_center(
            s,
            Role.COLLEGE_CENTER,
            mine.id,
            site="文科楼 101",
            director="张主任",
            deputies=["刘老师"],
            members=[],
        )
        assert saved.missing == ()
        with pytest.raises(CenterEditError, match="不能修改这个支持中心"):
            save_center(s, Role.COLLEGE_CENTER, other.id, site="x", director="y", deputies=["z"], members=[])
        with pytest.raises(CenterEditError, match="不能修改这个支持中心"):
            save_center(
                s, Role.COLLEGE_CENTER, SCHOOL_KEY, site="x", director="y", deputies=["z"], members=[]
            )
        with pytest.raises(CenterEditError, match="只有学生发展支持中心"):
            editable_centers(s, Role.COUNSELOR)
        with pytest.raises(CenterEditError):
            save_expertise(s, Role.COUNSELOR, mentor.id, [DifficultyType.ACADEMIC])
        assert save_expertise(s, Role.COLLEGE_CENTER, mentor.id, [DifficultyType.ACADEMIC]).specialties == [
            DifficultyType.ACADEMIC
        ]
    with store.session() as s:
        assert s.colleges.require(mine.id).has_center and not s.colleges.require(other.id).has_center


def test_college_center_describes_no_other_colleges_mentor(store: Store) -> None:
    mine, other = College(name="文学院"), College(name="理学院")
    theirs_user = User(staff_no="M2", name="孙导师", role=Role.MENTOR, college_id=other.id)
    ours_user = User(staff_no="M3", name="李导师", role=Role.MENTOR, college_id=mine.id)
    theirs = Mentor(staff_no="M2", name="孙导师", user_id=theirs_user.id)
    ours = Mentor(staff_no="M3", name="李导师", user_id=ours_user.id)
    free = Mentor(staff_no="M4", name="周导师")
    with store.session() as s:
        s.colleges.create_many([mine, other])
        me = User(id=s.meta.info().user_id, staff_no="C1", name="张主任", role=Role.COLLEGE_CENTER)
        s.users.create_many([me.model_copy(update={"college_id": mine.id}), theirs_user, ours_user])
        s.mentors.create_many([theirs, ours, free])
        names = [m.name for m in mentors_for_expertise(s, Role.COLLEGE_CENTER)]
        assert sorted(names) == sorted(["李导师", "周导师"])
        assert {m.name for m in mentors_for_expertise(s, Role.SCHOOL_CENTER)} == {
            "孙导师",
            "李导师",
            "周导师",
        }
        with pytest.raises(CenterEditError, match="属于其他学院"):
            save_expertise(s, Role.COLLEGE_CENTER, theirs.id, [DifficultyType.ACADEMIC])
        assert save_expertise(s, Role.SCHOOL_CENTER, theirs.id, [DifficultyType.ACADEMIC]).specialties == [
            DifficultyType.ACADEMIC
        ]


def test_school_center_creates_then_updates_the_school_center(store: Store) -> None:
    with store.session() as s:
        keys = [c.key for c in editable_centers(s, Role.SCHOOL_CENTER)]
        assert keys == [SCHOOL_KEY]
        first = save_center(
            s, Role.SCHOOL_CENTER, SCHOOL_KEY, site="", director="处长", deputies=[], members=[]
        )
        assert first.missing == ("阵地(地点/房间)", "副主任")
        save_center(
            s,
            Role.SCHOOL_CENTER,
            SCHOOL_KEY,
            site="学生事务中心",
            director="处长",
            deputies=["副处长"],
            members=[],
        )
        (school,) = s.school_centers.list()
        assert school.site == "学生事务中心" and school.deputies == ["副处长"]
