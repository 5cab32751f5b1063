"""Optional pinning of the center's TLS certificate (SHA-256 of the certificate the server presents).

Certificate verification stays on: the pin is a second check, for a college that wants a stranger on
the campus network with a certificate from some trusted authority (or a private CA installed on the
laptop) still refused.  The fingerprint is shown at the first login; when the user pins it, it is kept
in the encrypted store, and every later connection presenting another certificate is refused.

The check runs inside the TLS handshake (a subclass of ``ssl.SSLSocket`` set on the context), before a
single byte of a request (a password, a token, a record) is written to the connection.  The base
context is the one the client would use anyway (``httpx.create_ssl_context()``, which honours
``SSL_CERT_FILE``), or one the caller passes (e.g. with a college's private CA added).
"""

from __future__ import annotations

import hashlib
import re
import ssl

import httpx

_HEX = re.compile(r"[0-9A-F]{64}")


class CertificateChanged(Exception):
    """The server presented a certificate other than the pinned one (message in Chinese)."""

    def __init__(self, seen: str) -> None:
        super().__init__(
            "服务器证书与本机固定的证书不一致，已拒绝连接（可能有人冒充中心服务器）。"
            f"当前证书指纹：{seen}。如果中心确实更换了证书，请向管理员核对新指纹后重新登录并重新固定。"
        )
        self.seen = seen


def fingerprint(der: bytes) -> str:
    """The SHA-256 fingerprint as browsers show it: 32 upper-case hex pairs joined by colons."""
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, 64, 2))


def normalize_fingerprint(text: str) -> str | None:
    """``text`` (with or without colons or spaces, any case) as ``fingerprint`` shows it; None if invalid."""
    digest = re.sub(r"[\s:]", "", text).upper()
    if not _HEX.fullmatch(digest):
        return None
    return ":".join(digest[i : i + 2] for i in range(0, 64, 2))


class CertificatePin:
    """Records the certificate each handshake saw, and refuses one that differs from ``expected``."""

    def __init__(self, expected: str | None = None) -> None:
        self.expected = normalize_fingerprint(expected) if expected else None
        self.seen: str | None = None

    def check(self, der: bytes | None) -> None:
        seen = fingerprint(der or b"")
        self.seen = seen
        if self.expected is not None and seen != self.expected:
            raise CertificateChanged(seen)

    def ssl_context(self, base: ssl.SSLContext | None = None) -> ssl.SSLContext:
        """``base`` (or the default verifying context) with this pin checked at every handshake."""
        context = base if base is not None else httpx.create_ssl_context()
        pin = self

        class PinnedSocket(ssl.SSLSocket):
            def do_handshake(self, block: bool = False) -> None:
                super().do_handshake(block)
                try:
                    pin.check(self.getpeercert(binary_form=True))
                except CertificateChanged:
                    self.close()  # nothing is sent on this connection
                    raise

        context.sslsocket_class = PinnedSocket
        return context
