"""Trusting a college's own certificate authority, and saying clearly when a certificate is not trusted.

A college that runs its center server with a certificate from its own CA gives the laptops that CA's
certificate (a PEM file).  The laptop keeps the PEM in its encrypted store and trusts it, in addition to
the usual public roots, for every connection to the center (docs/operations.md).
"""

from __future__ import annotations

import ssl

import httpx
from cryptography import x509
from cryptography.x509.oid import NameOID

MAX_PEM_BYTES = 256 * 1024

CERTIFICATE_HELP = (
    "如果学院的中心服务器使用学院自己的证书颁发机构（CA），请向信息中心索取该 CA 的证书文件（.pem/.crt），"
    "在「设置 → 中心服务器」的“CA 证书”中选择它后重新登录，或运行 jiafang login --ca-file 证书文件"
    "（见运维手册「笔记本信任学院的证书颁发机构」）。"
)


class InvalidCaFile(ValueError):
    """The chosen file holds no usable CA certificate; ``str()`` is a Chinese message."""


def certificates_in(pem: str) -> list[x509.Certificate]:
    """The certificates of a PEM text; raises ``InvalidCaFile`` when there is none or one is damaged."""
    if "-----BEGIN CERTIFICATE-----" not in pem:
        raise InvalidCaFile("所选文件不是 PEM 格式的证书（应包含 “BEGIN CERTIFICATE”）")
    try:
        found = x509.load_pem_x509_certificates(pem.encode("ascii", errors="strict"))
    except (ValueError, UnicodeEncodeError):
        raise InvalidCaFile("证书文件已损坏或格式不正确") from None
    return found


def ca_from_bytes(data: bytes) -> str:
    """The PEM text of a CA file's content, checked (certificates only, at least one CA)."""
    if len(data) > MAX_PEM_BYTES:
        raise InvalidCaFile("证书文件过大，不像是 CA 证书")
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise InvalidCaFile("所选文件不是 PEM 格式的证书（可能是 DER 二进制格式，请先转换为 PEM）") from None
    certificates = certificates_in(text)
    if not any(_is_ca(certificate) for certificate in certificates):
        raise InvalidCaFile("文件中的证书不是证书颁发机构（CA）证书")
    return text


def _is_ca(certificate: x509.Certificate) -> bool:
    try:
        return bool(certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def ca_name(pem: str) -> str:
    """A short name for the (first) CA of a PEM text, for the settings page."""
    certificates = [c for c in certificates_in(pem) if _is_ca(c)] or certificates_in(pem)
    names = certificates[0].subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else certificates[0].subject.rfc4514_string()


def ssl_context(ca_pem: str | None) -> ssl.SSLContext | None:
    """The verifying context for the center: the usual roots (httpx's, which honour ``SSL_CERT_FILE``)
    plus the college's CA when one is kept; None when there is none (the client's default then)."""
    if not ca_pem:
        return None
    context = httpx.create_ssl_context()
    context.load_verify_locations(cadata=ca_pem)
    return context


def certificate_problem(error: BaseException) -> str | None:
    """Why the server's certificate was refused (from the SSL error under an httpx error), or None."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return str(current.verify_message or current.reason or "证书验证失败")
        if "CERTIFICATE_VERIFY_FAILED" in str(current):
            return str(current).split("certificate verify failed:", 1)[-1].split("(_ssl", 1)[0].strip()
        current = current.__cause__ or current.__context__
    return None


def untrusted_message(reason: str) -> str:
    return f"服务器的证书未通过验证（{reason}）。{CERTIFICATE_HELP}"
