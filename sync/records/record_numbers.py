"""Human record numbers (记录编号) printed on paper: ``JF-2026-017-0042``.

A printed form must be matched back to its record by a person (reading the number) or a scanner (the
QR code).  The number is made on the laptop, without a network round trip, and is unique across
laptops because it has three parts:

- ``JF`` and the year the record was numbered (a counselor reads the year at a glance);
- the device number: a small integer the server gives each registered laptop once, at its first
  login (``LoginResponse.device_no``), kept in the laptop's store;
- the laptop's own counter for that year, incremented in the same transaction that saves the record.

No two laptops share a device number and a laptop never reuses a counter value, so no two records
share a number.  A record made before the laptop's first login gets its number when the device number
arrives (the numbers of its own unnumbered records are filled in then); it is stored in the record's
``record_no`` field, synced like any other field and never changed afterwards.

The QR code holds ``<number> <record id>`` and nothing else: never a name or any personal data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "JF"
RECORD_NO_PATTERN = r"^JF-\d{4}-\d{3,}-\d{4,}$"
_NUMBER = re.compile(r"JF-(\d{4})-(\d{3,})-(\d{4,})", re.IGNORECASE)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def format_record_no(year: int, device_no: int, counter: int) -> str:
    """``JF-2026-017-0042``: year, the server-given device number, the laptop's counter of the year."""
    if device_no < 1 or counter < 1:
        raise ValueError("设备编号和序号必须是正整数")
    return f"{PREFIX}-{year:04d}-{device_no:03d}-{counter:04d}"


def qr_payload(record_no: str, record_id: str) -> str:
    """What the QR code of a printed record holds: the number (when assigned) and the record id."""
    return f"{record_no} {record_id}".strip()


@dataclass(frozen=True)
class ScannedReference:
    """A record reference typed or scanned into a search box."""

    record_no: str | None = None
    record_id: str | None = None


def read_reference(text: str) -> ScannedReference | None:
    """A record number and/or record id in ``text`` (a typed number, in any letter case, or a scanned
    QR payload); None when the text holds neither."""
    number = _NUMBER.search(text)
    record_id = _UUID.search(text)
    if number is None and record_id is None:
        return None
    record_no = None
    if number is not None:
        year, device, counter = number.groups()
        record_no = f"{PREFIX}-{year}-{device}-{counter}"
    return ScannedReference(record_no, record_id.group(0).lower() if record_id else None)
