"""A center server with TLS on 127.0.0.1 whose certificate comes from a college CA made for the test
(cryptography), with one counselor and one student."""

from __future__ import annotations

import ipaddress
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from sync.records import Role
from sync.server.app import create_app
from sync.server.database import Database
from sync.server.settings import Settings
from tests.sync.server.conftest import LiveServer, Server, free_port

CA_NAME = "示例大学信息中心 CA"


@dataclass
class Authority:
    ca_pem: str
    ca_file: Path
    cert_file: Path
    key_file: Path
    leaf_file: Path  # the server's own certificate: not a CA


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_authority(folder: Path) -> Authority:
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(_name(CA_NAME))
        .issuer_name(_name(CA_NAME))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_pem = ca_cert.public_bytes(serialization.Encoding.PEM).decode()
    files = Authority(
        ca_pem, folder / "college-ca.pem", folder / "server.pem", folder / "server.key", folder / "leaf.pem"
    )
    files.ca_file.write_text(ca_pem)
    files.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.leaf_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return files


@dataclass
class TlsServer:
    server: Server
    url: str
    authority: Authority
    counselor: str
    student: str


@contextmanager
def running_tls_server(tmp_path: Path) -> Iterator[TlsServer]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    authority = make_authority(tmp_path)
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'server.sqlite3'}", data_dir=tmp_path)
    database = Database(settings)
    port = free_port()
    config = uvicorn.Config(
        create_app(settings, database=database),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        ssl_certfile=str(authority.cert_file),
        ssl_keyfile=str(authority.key_file),
    )
    runner = uvicorn.Server(config)
    thread = threading.Thread(target=runner.run, name="uvicorn-tls", daemon=True)
    thread.start()
    url = f"https://127.0.0.1:{port}"
    trusting = ssl.create_default_context(cadata=authority.ca_pem)
    ready = threading.Event()
    for _ in range(500):
        try:
            if httpx.get(f"{url}/health", verify=trusting, timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            ready.wait(0.02)
    server = Server(LiveServer(url, database, settings, runner, thread))
    college = server.college()
    counselor = server.user("counselor_a", Role.COUNSELOR, college)
    student = server.student(college, counselor)
    try:
        yield TlsServer(server, url, authority, counselor, student)
    finally:
        runner.should_exit = True
        thread.join(timeout=30)
        database.dispose()
