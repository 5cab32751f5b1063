"""The college's certificate authority this laptop trusts for the center server (设置 → 中心服务器,
``jiafang login --ca-file``): read from a PEM file the user chose, kept in the encrypted store (``meta``
key ``sync.ca_pem``) and used for every later connection to the center."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete

from desktop.store.errors import StoreError
from desktop.store.store import Store
from desktop.store.tables import MetaRow
from sync import college_ca

CA_KEY = "sync.ca_pem"


class BadCaFile(StoreError):
    message = "无法使用所选的 CA 证书文件。"


def read_ca_file(path: Path) -> str:
    """The PEM text of a CA certificate file, checked; ``BadCaFile`` (Chinese) when it is not one."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise BadCaFile(f"找不到 CA 证书文件：{path}") from None
    except OSError as error:
        raise BadCaFile(f"无法读取 CA 证书文件 {path}：{error.strerror or error}") from None
    try:
        return college_ca.ca_from_bytes(data)
    except college_ca.InvalidCaFile as error:
        raise BadCaFile(f"{error}：{path}") from None


def trusted_ca(store: Store) -> str | None:
    with store.session() as s:
        return s.meta.get(CA_KEY) or None


def keep_ca(store: Store, pem: str | None) -> None:
    """Trust this CA from now on (None: trust only the public roots again)."""
    with store.session() as s:
        if pem:
            s.meta.set(CA_KEY, pem)
        else:
            s.db.execute(delete(MetaRow).where(MetaRow.key == CA_KEY))


def trusted_ca_name(store: Store) -> str:
    pem = trusted_ca(store)
    if not pem:
        return ""
    try:
        return college_ca.ca_name(pem)
    except college_ca.InvalidCaFile:
        return "?"
