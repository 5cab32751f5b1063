"""The local metadata table: who uses this store, on which device, for which school; settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from desktop.store.tables import MetaRow
from sync.records import Role

SCHEMA_VERSION = "schema_version"
DEVICE_ID = "device_id"
SCHOOL_NAME = "school_name"
USER_ID = "user_id"
USER_NAME = "user_name"
USER_ROLE = "user_role"
LAST_HLC = "last_hlc"
CREATED_AT = "created_at"
_SETTING = "setting."


@dataclass(frozen=True)
class LocalInfo:
    """The identity of a local store."""

    school_name: str
    user_id: str
    user_name: str
    role: Role
    device_id: str
    schema_version: int


class MetaRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str) -> str | None:
        return self.session.scalar(select(MetaRow.value).where(MetaRow.key == key))

    def set(self, key: str, value: str) -> None:
        statement = insert(MetaRow).values(key=key, value=value)
        self.session.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))

    def set_many(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            self.set(key, value)

    def info(self) -> LocalInfo:
        values = {key: value for key, value in self.session.execute(select(MetaRow.key, MetaRow.value))}
        return LocalInfo(
            school_name=values.get(SCHOOL_NAME, ""),
            user_id=values.get(USER_ID, ""),
            user_name=values.get(USER_NAME, ""),
            role=Role(values.get(USER_ROLE, Role.COUNSELOR.value)),
            device_id=values.get(DEVICE_ID, ""),
            schema_version=int(values.get(SCHEMA_VERSION, "0")),
        )

    # -- user settings (free key/values, e.g. idle lock minutes, PDF font path) ---------------------
    def setting(self, name: str, default: str | None = None) -> str | None:
        value = self.get(_SETTING + name)
        return default if value is None else value

    def set_setting(self, name: str, value: str) -> None:
        self.set(_SETTING + name, value)

    def remove_setting(self, name: str) -> None:
        self.session.execute(delete(MetaRow).where(MetaRow.key == _SETTING + name))

    def settings(self) -> dict[str, str]:
        rows = self.session.execute(
            select(MetaRow.key, MetaRow.value).where(MetaRow.key.startswith(_SETTING))
        )
        return {key[len(_SETTING) :]: value for key, value in rows}
