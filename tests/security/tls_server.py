"""A live sync server over https on 127.0.0.1 with a self-signed certificate made in the test."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import threading
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.server.app import create_app
from tests.sync.server.conftest import LiveServer, free_port


@dataclass(frozen=True)
class Certificate:
    cert_file: Path
    key_file: Path
    der: bytes


def self_signed(folder: Path, name: str) -> Certificate:
    """A certificate for 127.0.0.1 (IP SAN), valid for a day, signed by its own key."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"jiafang test {name}")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_file, key_file = folder / f"{name}.pem", folder / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return Certificate(cert_file, key_file, cert.public_bytes(serialization.Encoding.DER))


@dataclass
class TlsServer:
    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def start_tls_server(
    live: LiveServer, cert: Certificate, *, port: int | None = None, trust: ssl.SSLContext | None = None
) -> TlsServer:
    """Another front for ``live``'s database and settings, over https with ``cert`` (on ``port`` when
    given: a restart with another certificate at the same address); ``trust`` checks it is up."""
    port = port or free_port()
    trust = trust or ssl.create_default_context(cafile=str(cert.cert_file))
    app = create_app(live.settings, database=live.database)
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        ssl_certfile=str(cert.cert_file),
        ssl_keyfile=str(cert.key_file),
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-tls", daemon=True)
    thread.start()
    url = f"https://127.0.0.1:{port}"
    ready = threading.Event()
    for _ in range(500):
        try:
            if httpx.get(f"{url}/health", timeout=2, verify=trust).status_code == 200:
                return TlsServer(url, server, thread)
        except httpx.TransportError:
            ready.wait(0.02)
    raise RuntimeError("the https test server did not start")
