"""Item 2: the client never sends a password or a record over http:// to another computer, keeps
certificate verification on for https, and (optionally) pins the center's certificate.

The attack of the issue: `jiafang login --server http://<any host>` sent the user name and password in
clear text.  Now the CLI, the sync engine and the login call refuse such an address before anything
is sent; loopback stays allowed (the other tests use it).  A pinned certificate is checked inside the
TLS handshake: a server with another certificate (here: one the laptop trusts, as a stranger with a
certificate from a trusted or installed CA would have) gets neither the password nor the token.
"""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.store import center_sync
from desktop.store.store import Store
from sync.certificate_pin import fingerprint
from sync.client import InsecureServer, SyncEngine
from sync.records import Role
from sync.server.models import AuditEntry
from sync.server_address import address_problem
from tests.helpers.memory_replica import MemoryReplica
from tests.security.tls_server import self_signed, start_tls_server
from tests.sync.server.conftest import PASSWORD, College, free_port

PASSPHRASE = "Qiu-feng 吹过 稻田 2024"


def _cli(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


@pytest.mark.parametrize(
    "url",
    ["http://jiafang.example.edu.cn", "http://10.12.0.5:8000", "HTTP://192.168.1.10/", "http://[fe80::1]:80"],
)
def test_http_to_another_computer_is_refused_everywhere(url: str, tmp_path: Path) -> None:
    problem = address_problem(url)
    assert problem is not None and "https://" in problem and "明文" in problem
    with pytest.raises(InsecureServer, match="明文"):
        SyncEngine(MemoryReplica("device", "user"), url, "token")
    store = Store.create(
        tmp_path / "laptop",
        PASSPHRASE,
        school_name="示例大学",
        user_name="甲",
        role=Role.COUNSELOR,
        use_keyring=False,
    )
    with store, pytest.raises(InsecureServer):
        center_sync.connect(store, url, "counselor_a", PASSWORD)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000", "https://a.b"]
)
def test_loopback_and_https_are_allowed(url: str) -> None:
    assert address_problem(url) is None


def test_cli_login_over_http_is_refused_before_the_password_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("JIAFANG_PASSWORD", raising=False)
    laptop = tmp_path / "laptop"
    assert _cli(laptop, "init", "--school", "示例大学", "--name", "甲", "--no-keyring") == 0
    capsys.readouterr()
    assert _cli(laptop, "login", "--server", "http://jiafang.example.edu.cn", "--user", "counselor_a") == 1
    err = capsys.readouterr().err
    assert "拒绝以 http:// 连接 jiafang.example.edu.cn" in err and "需要中心账号密码" not in err


def _logins(college: College) -> int:
    return int(
        college.server.database.run(
            lambda s: s.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "login")
            )
        )
    )


def test_pinned_certificate_refuses_another_certificate(
    college: College, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    college.server.student(college.college_id, college.counselor_a, name="林小雨")
    certs = tmp_path / "certs"
    genuine, impostor = self_signed(certs, "center"), self_signed(certs, "impostor")
    bundle = certs / "trusted.pem"  # the laptop trusts both (verification stays on)
    bundle.write_bytes(genuine.cert_file.read_bytes() + impostor.cert_file.read_bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("JIAFANG_PASSWORD", PASSWORD)
    trust = ssl.create_default_context(cafile=str(bundle))
    live, port = college.server.live, free_port()
    laptop = tmp_path / "laptop"
    assert _cli(laptop, "init", "--school", "示例大学", "--name", "甲", "--no-keyring") == 0

    center = start_tls_server(live, genuine, port=port, trust=trust)
    try:
        capsys.readouterr()
        assert (
            _cli(laptop, "login", "--server", center.url, "--user", "counselor_a", "--pin-certificate") == 0
        )
        out = capsys.readouterr().out
        assert f"SHA-256 指纹：{fingerprint(genuine.der)}" in out and "已固定此证书" in out
        assert _cli(laptop, "sync") == 0
    finally:
        center.stop()
    with Store.open(laptop, PASSPHRASE, backup_daily=False) as store, store.session() as s:
        assert s.meta.get(center_sync.CERT_PIN_KEY) == fingerprint(genuine.der)  # in the encrypted store

    impostor_server = start_tls_server(live, impostor, port=port, trust=trust)
    try:
        logins = _logins(college)
        capsys.readouterr()
        assert _cli(laptop, "sync") == 1
        assert "服务器证书与本机固定的证书不一致" in capsys.readouterr().out
        assert _cli(laptop, "login", "--server", impostor_server.url, "--user", "counselor_a") == 1
        err = capsys.readouterr().err
        assert "不一致" in err and fingerprint(impostor.der) in err
        assert _logins(college) == logins, "the password never reached the impostor"
        # The center really renewed its certificate: the user checks the new fingerprint and re-logs in.
        assert (
            _cli(
                laptop,
                "login",
                "--server",
                impostor_server.url,
                "--user",
                "counselor_a",
                "--forget-pinned-certificate",
            )
            == 0
        )
        out = capsys.readouterr().out
        assert fingerprint(impostor.der) in out and "已固定" not in out
        assert _cli(laptop, "sync") == 0
    finally:
        impostor_server.stop()


def test_certificate_verification_stays_on(
    college: College, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    certs = tmp_path / "certs"
    untrusted = self_signed(certs, "untrusted")
    trusted_elsewhere = self_signed(certs, "other")
    monkeypatch.setenv("SSL_CERT_FILE", str(trusted_elsewhere.cert_file))
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("JIAFANG_PASSWORD", PASSWORD)
    server = start_tls_server(college.server.live, untrusted)
    laptop = tmp_path / "laptop"
    try:
        assert _cli(laptop, "init", "--school", "示例大学", "--name", "甲", "--no-keyring") == 0
        logins = _logins(college)
        capsys.readouterr()
        assert _cli(laptop, "login", "--server", server.url, "--user", "counselor_a") == 1
        assert "登录失败" in capsys.readouterr().err
        assert _logins(college) == logins
    finally:
        server.stop()
