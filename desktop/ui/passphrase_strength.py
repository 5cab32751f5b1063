"""A rough passphrase strength hint for the first-run wizard and the change-passphrase dialog."""

from __future__ import annotations

from enum import IntEnum

from desktop.store.key_vault import MIN_PASSPHRASE_LENGTH


class Strength(IntEnum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


def strength_of(passphrase: str) -> Strength:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return Strength.TOO_SHORT
    classes = sum(
        (
            any(ch.islower() for ch in passphrase),
            any(ch.isupper() for ch in passphrase),
            any(ch.isdigit() for ch in passphrase),
            any(not ch.isalnum() or ord(ch) > 127 for ch in passphrase),
        )
    )
    distinct = len(set(passphrase))
    score = len(passphrase) // 4 + classes + (distinct >= 8)
    if distinct < 4 or score < 5:
        return Strength.WEAK
    if score < 8:
        return Strength.FAIR
    return Strength.STRONG
