"""Laptops and TLS: a server whose certificate comes from a college's own CA (generated here) on
127.0.0.1; without that CA trusted the laptop says so in Chinese and how to fix it, with it (``--ca-file``,
kept in the encrypted store) everything works.  Redirects: followed for GET only, never https → http."""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from desktop.cli import main as desktop_main
from desktop.store import center_sync, center_trust
from desktop.store.store import Store
from sync import college_ca
from sync.client import CertificateUntrusted, ProtocolViolation, SyncEngine, login
from sync.ids import new_id
from sync.records import Role
from sync.records.schema import FIRST_SCHEMA
from sync.redirects import RedirectRefused, client_options
from tests.helpers.college_ca_server import CA_NAME, TlsServer, running_tls_server
from tests.helpers.memory_replica import MemoryReplica
from tests.sync.server.conftest import PASSWORD


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[TlsServer]:
    with running_tls_server(tmp_path) as running:
        yield running


def _trusting(tls_server: TlsServer) -> ssl.SSLContext:
    context = college_ca.ssl_context(tls_server.authority.ca_pem)
    assert context is not None
    return context


def test_without_the_college_ca_login_and_sync_say_so_in_chinese(tls_server: TlsServer) -> None:
    with pytest.raises(CertificateUntrusted) as refused:
        login(tls_server.url, username="counselor_a", password=PASSWORD, device_id=new_id())
    message = str(refused.value)
    assert "证书未通过验证" in message and "--ca-file" in message and "设置 → 中心服务器" in message
    # With the CA the login works, and so does a sync; the same engine without it fails the same way.
    answer = login(
        tls_server.url, username="counselor_a", password=PASSWORD, device_id=new_id(), tls=_trusting(tls_server)
    )  # fmt: skip
    replica = MemoryReplica(answer.device_id, answer.user.id)
    with SyncEngine(replica, tls_server.url, answer.token, tls=_trusting(tls_server)) as engine:
        report = engine.sync()
    assert report.digest_ok is True and tls_server.student in replica.live()
    with SyncEngine(replica, tls_server.url, answer.token) as engine, pytest.raises(CertificateUntrusted):
        engine.sync()


def test_the_ca_file_is_kept_in_the_encrypted_store_and_used_from_then_on(
    tls_server: TlsServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JIAFANG_PASSPHRASE", "correct horse battery")
    monkeypatch.setenv("JIAFANG_PASSWORD", PASSWORD)
    data = ["--data-dir", str(tmp_path / "laptop")]
    assert desktop_main([*data, "init", "--school", "示例大学", "--name", "甲", "--no-keyring"]) == 0
    login_args = [*data, "login", "--server", tls_server.url, "--user", "counselor_a"]
    assert desktop_main(login_args) != 0
    refused = capsys.readouterr().err
    assert "登录失败：服务器的证书未通过验证" in refused and "--ca-file" in refused
    assert len(refused.strip().splitlines()) == 1  # one line, no traceback
    assert desktop_main([*login_args, "--ca-file", str(tls_server.authority.leaf_file)]) != 0
    assert "不是证书颁发机构" in capsys.readouterr().err
    assert desktop_main([*login_args, "--ca-file", str(tls_server.authority.ca_file)]) == 0
    assert "已登录" in capsys.readouterr().out
    assert desktop_main([*data, "sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pulled"] >= 1
    # Kept encrypted: no file of the laptop's data folder holds the PEM in the clear.
    for path in (tmp_path / "laptop").rglob("*"):
        if path.is_file():
            assert b"BEGIN CERTIFICATE" not in path.read_bytes(), path


def test_connect_remembers_the_ca_and_refuses_files_that_are_no_ca(
    tls_server: TlsServer, tmp_path: Path
) -> None:
    store = Store.create(
        tmp_path / "store", "correct horse battery", school_name="示例大学", user_name="甲",
        role=Role.COUNSELOR, use_keyring=False,
    )  # fmt: skip
    try:
        junk = tmp_path / "notes.txt"
        junk.write_text("not a certificate")
        for bad, words in (
            (junk, "不是 PEM 格式"),
            (tls_server.authority.leaf_file, "不是证书颁发机构"),
            (tmp_path / "missing.pem", "找不到"),
        ):
            with pytest.raises(center_trust.BadCaFile, match=words):
                center_sync.connect(store, tls_server.url, "counselor_a", PASSWORD, ca_file=bad)
        assert center_trust.trusted_ca(store) is None
        center_sync.connect(
            store, tls_server.url, "counselor_a", PASSWORD, ca_file=tls_server.authority.ca_file
        )
        assert center_trust.trusted_ca(store) == tls_server.authority.ca_pem
        assert center_sync.sync_status(store).trusted_ca == CA_NAME
        assert center_sync.run_sync(store).pulled >= 1
        center_sync.connect(store, tls_server.url, "counselor_a", PASSWORD)  # again: the kept CA is used
    finally:
        store.close()


# -- redirects ------------------------------------------------------------------------------------------
def _redirecting(status: int, location: str) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/moved"):
            return httpx.Response(200, json={"status": "ok"})
        return httpx.Response(status, headers={"Location": location})

    return httpx.MockTransport(answer)


def test_a_redirected_login_gets_a_clear_message_not_a_validation_error() -> None:
    # What nginx's plain-http port answers: 301 to https (http:// is allowed to this computer only).
    transport = _redirecting(301, "https://127.0.0.1/auth/login")
    with pytest.raises(ProtocolViolation) as refused:
        login(
            "http://127.0.0.1:8080",
            username="a",
            password="b",
            device_id=new_id(),
            transport=transport,
            schema=FIRST_SCHEMA,  # the mock redirects every path; a GET of /health would go round
        )
    assert "服务器地址已变更" in str(refused.value) and "https://127.0.0.1" in str(refused.value)


def test_a_redirected_push_stops_the_sync_with_a_clear_message() -> None:
    replica = MemoryReplica(new_id(), new_id())
    replica.edit("student", new_id(), {"major": "数学"})
    transport = _redirecting(308, "https://elsewhere.example/sync/push")
    engine = SyncEngine(replica, "https://center.example", "token", transport=transport, schema=FIRST_SCHEMA)
    with engine, pytest.raises(ProtocolViolation, match="服务器地址已变更"):
        engine.sync()
    assert replica.pending_count() == 1  # nothing left the outbox


def test_get_follows_redirects_but_never_from_https_to_http() -> None:
    with httpx.Client(transport=_redirecting(302, "/moved/here"), **client_options()) as http:
        assert http.get("https://center.example/health").json() == {"status": "ok"}
        assert http.get("http://center.example/health").status_code == 200
    upgrade = _redirecting(301, "https://center.example/moved")
    with httpx.Client(transport=upgrade, **client_options()) as http:
        assert http.get("http://center.example/health").status_code == 200
    downgrade = _redirecting(302, "http://center.example/moved")
    with (
        httpx.Client(transport=downgrade, **client_options()) as http,
        pytest.raises(RedirectRefused, match="不加密"),
    ):
        http.get("https://center.example/health")
