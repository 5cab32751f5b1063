"""The passphrase check the first-run wizard and the change-passphrase dialog show as you type.

It is the laptop's passphrase policy (``sync.password_policy``, the same as the center's passwords:
at least 10 characters, not a common password, zxcvbn strength ≥ 3), so what the dialog accepts is
exactly what the store accepts; the problems are the policy's Chinese sentences.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication

from sync.password_policy import password_problems

STRONG_LENGTH = 16


class Strength(IntEnum):
    REJECTED = 0
    FAIR = 1
    STRONG = 2


def problems_of(passphrase: str, user_inputs: tuple[str, ...] = ()) -> list[str]:
    """Why the policy refuses ``passphrase`` (Chinese sentences); empty when it is accepted."""
    return password_problems(passphrase, user_inputs=user_inputs)


def strength_of(passphrase: str) -> Strength:
    if problems_of(passphrase):
        return Strength.REJECTED
    return Strength.STRONG if len(passphrase) >= STRONG_LENGTH else Strength.FAIR


def _tr(text: str) -> str:
    return QCoreApplication.translate("PassphraseHint", text)


def rejection_text(problems: list[str]) -> str:
    """The policy's problems after a translated "Not accepted:" (the sentences are Chinese)."""
    return _tr("Not accepted: %1").replace("%1", "".join(problems))


def hint_for(passphrase: str) -> str:
    """The line shown under the passphrase field as it is typed (empty for an empty field)."""
    strength = strength_of(passphrase)
    if strength == Strength.REJECTED:
        return rejection_text(problems_of(passphrase)) if passphrase else ""
    if strength == Strength.FAIR:
        return _tr("Accepted. A few more words would make it stronger.")
    return _tr("Strong.")
