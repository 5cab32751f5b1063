"""A center server with TLS on 127.0.0.1 whose certificate comes from a college CA made for the test
(cryptography), with one counselor and one student."""

from __future__ import annotations

import ipaddress
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from sync.records import Role
from sync.server.settings import Settings
from tests.security.tls_server import Certificate, start_tls_server
from tests.sync.server.conftest import Server, start_server, stop_server

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
    """The usual live server, with a second front over https whose certificate the college CA signed."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    authority = make_authority(tmp_path)
    live = start_server(Settings(database_url=f"sqlite:///{tmp_path / 'server.sqlite3'}", data_dir=tmp_path))
    certificate = Certificate(
        authority.cert_file,
        authority.key_file,
        x509.load_pem_x509_certificate(authority.cert_file.read_bytes()).public_bytes(
            serialization.Encoding.DER
        ),
    )
    front = start_tls_server(live, certificate, trust=ssl.create_default_context(cadata=authority.ca_pem))
    server = Server(live)
    college = server.college()
    counselor = server.user("counselor_a", Role.COUNSELOR, college)
    student = server.student(college, counselor)
    try:
        yield TlsServer(server, front.url, authority, counselor, student)
    finally:
        front.stop()
        stop_server(live)
