"""Giving home visits their printed record number (``JF-2026-017-0042``) on this laptop.

The device number comes from the server at login (:func:`set_device_no`); the counter of each year is
kept in the store's meta table and advanced in the same transaction that saves the visit, so a number
is never given twice, and never needs the network (design: ``sync.records.record_numbers``).  Visits
this user made before the device had its number are numbered when it arrives.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from desktop.store.repositories.meta import MetaRepository
from desktop.store.tables import HomeVisitRow
from sync.records.record_numbers import format_record_no
from sync.records.visits import HomeVisit

if TYPE_CHECKING:
    from desktop.store.repositories.session import StoreSession

DEVICE_NO = "device_no"
_COUNTER = "record_counter."


def device_no(meta: MetaRepository) -> int | None:
    value = meta.get(DEVICE_NO)
    return int(value) if value else None


def numbered(session: Session, visits: Sequence[HomeVisit]) -> list[HomeVisit]:
    """The visits, each unnumbered one with the next number of its year (unchanged while the device
    has no number yet)."""
    meta = MetaRepository(session)
    device = device_no(meta)
    if device is None or all(v.record_no for v in visits):
        return list(visits)
    counters: dict[int, int] = {}
    out = []
    for visit in visits:
        if visit.record_no:
            out.append(visit)
            continue
        year = visit.visit_date.year
        if year not in counters:
            counters[year] = int(meta.get(f"{_COUNTER}{year}") or 0)
        counters[year] += 1
        out.append(visit.model_copy(update={"record_no": format_record_no(year, device, counters[year])}))
    for year, counter in counters.items():
        meta.set(f"{_COUNTER}{year}", str(counter))
    return out


def set_device_no(s: StoreSession, number: int) -> int:
    """Keep the device number the server gave and number this user's visits that have none yet (as
    ordinary edits, so the numbers sync); returns how many were numbered.  Numbers already given stay
    as printed; should a server ever give a new number (a rebuilt server), later numbers use it."""
    if number < 1:
        raise ValueError("设备编号必须是正整数")
    s.meta.set(DEVICE_NO, str(number))
    author = s.meta.info().user_id
    ids = s.db.scalars(
        select(HomeVisitRow.id)
        .where(
            HomeVisitRow.record_no == "", HomeVisitRow.deleted == false(), HomeVisitRow.author_id == author
        )
        .order_by(HomeVisitRow.visit_date, HomeVisitRow.id)
    ).all()
    for visit in numbered(s.db, [s.visits.require(i) for i in ids]):
        s.visits.patch(visit.id, record_no=visit.record_no)
    return len(ids)
