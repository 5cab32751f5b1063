"""Masking of sensitive numbers for anything shown or printed outside the profile editor."""

from __future__ import annotations


def mask_id_number(id_number: str | None) -> str:
    """First 6 + last 4 characters visible: ``320102********1234``."""
    if not id_number:
        return ""
    if len(id_number) <= 10:
        return "*" * len(id_number)
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]


def mask_phone(phone: str | None) -> str:
    """First 3 + last 4 digits visible: ``138****5678``."""
    if not phone:
        return ""
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
