"""Who is signed in on this computer: school, user, role (read from the store)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.store.store import Store
from sync.records.enums import Role


@dataclass
class Identity:
    """Who is signed in on this computer."""

    school_name: str = ""
    user_name: str = ""
    role: Role = Role.COUNSELOR
    user_id: str | None = None


def read_identity(store: Store) -> Identity:
    with store.session() as s:
        info = s.meta.info()
    return Identity(
        school_name=info.school_name, user_name=info.user_name, role=info.role, user_id=info.user_id
    )
