"""Audit entries in words for the printed archive: "导出家访记录表", never "home_visit：pdf:visit_form".

An audit entry stores a short code (``pdf:visit_form``, ``pdf:batch_visits_combined``) or, for newer
actions, a short Chinese phrase.  Paper shows what was done, in words; a code this module does not know
is not printed (the action and the kind of record still are).
"""

from __future__ import annotations

import re

from sync.records.audit import AuditEntry
from sync.records.registry import RECORD_TYPE_LABELS

DETAIL_WORDS: dict[str, str] = {
    "pdf:visit_form": "家访记录表",
    "pdf:blank_form": "空白家访记录表",
    "pdf:growth_archive": "资助成长档案",
    "pdf:growth_archive+key_support": "资助成长档案（含重点帮扶）",
    "pdf:batch_visits": "批量{verb}家访记录表",
    "pdf:batch_visits_combined": "批量{verb}家访记录表（合并为一个文件）",
    "pdf:batch_archives": "批量{verb}资助成长档案",
    "pdf:batch_archives_combined": "批量{verb}资助成长档案（合并为一个文件）",
}
_QUARANTINE = re.compile(r"^sync quarantine: (\d+)$")
_CODE = re.compile(r"[A-Za-z_]{2,}")


def audit_description(entry: AuditEntry) -> str:
    """What an entry says was done, as a person would write it."""
    verb = entry.action.label
    detail = entry.detail.strip()
    words = DETAIL_WORDS.get(detail)
    if words is not None:
        return words.format(verb=verb) if "{verb}" in words else f"{verb}{words}"
    quarantine = _QUARANTINE.match(detail)
    if quarantine:
        return f"导出同步隔离记录 {quarantine.group(1)} 条"
    kind = RECORD_TYPE_LABELS.get(entry.record_type, "")
    if detail and not _CODE.search(detail):
        return detail
    return f"{verb}{kind}"
