"""The support centers (coverage #1) and mentor expertise (coverage #5), written by the admin command.

    set_center(session, college="文学院", site="文科楼 101", director="张主任", deputies=["刘老师"])
    set_center(session, college=None, ...)          # the school center (one record, made when first set)
    set_expertise(session, "mentor01", parse_expertise("心理困难,学业困难"))

Both go through ``directory.write_records`` (the merge path), so devices receive them on their next sync.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.ids import new_id
from sync.records import DifficultyType, Role, SchoolCenter, center_missing
from sync.server import directory
from sync.server.models import RecordRow

SCHOOL_CENTER = SchoolCenter.RECORD_TYPE


def parse_expertise(text: str) -> list[DifficultyType]:
    """ "心理困难,学业困难" or "psychological academic" → difficulty types; raises with a Chinese message."""
    found: list[DifficultyType] = []
    for part in text.replace("，", ",").replace("、", ",").replace(" ", ",").split(","):
        name = part.strip()
        if not name:
            continue
        try:
            kind = DifficultyType(name)
        except ValueError:
            try:
                kind = DifficultyType.from_label(name)
            except ValueError:
                known = "、".join(DifficultyType.labels().values())
                raise directory.DirectoryError(f"不认识的专长“{name}”。可选：{known}") from None
        if kind not in found:
            found.append(kind)
    return found


def _school_center_id(session: Session) -> str | None:
    return session.scalar(
        select(RecordRow.id)
        .where(RecordRow.record_type == SCHOOL_CENTER, RecordRow.deleted.is_(False))
        .order_by(RecordRow.created_at)
        .limit(1)
    )


def set_center(
    session: Session,
    *,
    college: str | None,
    site: str | None = None,
    director: str | None = None,
    deputies: Sequence[str] | None = None,
    members: Sequence[str] | None = None,
) -> list[str]:
    """Record a center's site, director, deputies and members (only the ones given change); ``college``
    None is the school center. Returns what the center still lacks for coverage #1 (empty: it counts)."""
    names = {"site": site, "director": director}
    lists = {"deputies": deputies, "members": members}
    if college is None:
        record_type, record_id = SCHOOL_CENTER, _school_center_id(session) or new_id()
        columns = {"site": "site", "director": "director", "deputies": "deputies", "members": "members"}
    else:
        record_type, record_id = "college", directory.find_college(session, college)
        columns = {
            "site": "center_site",
            "director": "center_director",
            "deputies": "center_deputies",
            "members": "center_staff",
        }
    fields: dict[str, Any] = {
        columns[key]: value.strip() for key, value in names.items() if value is not None
    }
    fields.update(
        {
            columns[key]: [name.strip() for name in value if name.strip()]
            for key, value in lists.items()
            if value is not None
        }
    )
    if not fields:
        raise directory.DirectoryError("请至少给出一项：--site、--director、--deputy 或 --member")
    directory.write_records(session, [(record_type, record_id, fields)])
    stored = json.loads(session.scalar(select(RecordRow.fields).where(RecordRow.id == record_id)) or "{}")
    return center_missing(
        stored.get(columns["site"], ""),
        stored.get(columns["director"], ""),
        stored.get(columns["deputies"], []),
    )


def set_expertise(session: Session, username: str, expertise: Sequence[DifficultyType]) -> None:
    """A mentor account's expertise (专长: the difficulty types the mentor can serve)."""
    account = directory.find_account(session, username)
    if Role(account.role) is not Role.MENTOR:
        raise directory.DirectoryError("只有育人导师账号可以设置专长")
    mentor_id = directory.mentor_record_of(session, account.id)
    directory.write_records(
        session, [("mentor", mentor_id, {"specialties": [kind.value for kind in expertise]})]
    )
