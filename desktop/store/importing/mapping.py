"""Finding the header row, guessing the kind of file, and the column mapping (saved by header set).

A mapping says which file column feeds which field: ``{"学生学号": "student_no", "备注一": ""}`` (an
empty field means "ignore this column"). Mappings are saved in the store's settings under a name, with
the headers they were made for; a file whose headers are exactly a saved set gets that mapping again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from desktop.store.errors import StoreError
from desktop.store.importing.columns import COLUMNS, ImportKind, column_of, guess_field, normalize_header
from desktop.store.importing.presets import PRESETS
from desktop.store.importing.reading import Sheet
from desktop.store.repositories.meta import MetaRepository

HEADER_SEARCH_ROWS = 20
MAPPING_PREFIX = "import_mapping."


class MappingError(StoreError):
    message = "列对应关系有误。"


@dataclass
class Header:
    row: int  # row number in the sheet (from 1)
    titles: list[str]  # the header cells as written (blank columns kept as "")


@dataclass
class ColumnMapping:
    kind: ImportKind
    fields: dict[str, str] = field(default_factory=dict)  # header title -> field ("" = ignored)
    name: str = ""

    def column_index(self, header: Header) -> dict[str, int]:
        """Field -> 0-based column index in the sheet."""
        found: dict[str, int] = {}
        targets = {normalize_header(title): target for title, target in self.fields.items()}
        for index, title in enumerate(header.titles):
            target = targets.get(normalize_header(title), "") if title else ""
            if title and target and target not in found:
                found[target] = index
        return found

    def missing_required(self) -> list[str]:
        mapped = set(self.fields.values())
        return [
            column.title for column in COLUMNS[self.kind] if column.required and column.field not in mapped
        ]

    def duplicates(self) -> list[str]:
        seen: dict[str, str] = {}
        clashes: list[str] = []
        for title, target in self.fields.items():
            if not target:
                continue
            if target in seen:
                clashes.append(f"“{seen[target]}”和“{title}”都对应“{column_of(self.kind, target).title}”")
            seen[target] = title
        return clashes

    def check(self) -> None:
        problems = [f"缺少必需的列“{title}”" for title in self.missing_required()] + self.duplicates()
        if problems:
            raise MappingError("；".join(problems) + "。请在列对应步骤中指定。")


def find_header(sheet: Sheet) -> Header:
    """The row among the first rows that looks most like a header (most known column titles)."""
    best: tuple[int, int] = (0, -1)
    for position, (_number, cells) in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        score = max(sum(1 for cell in cells if cell and guess_field(kind, cell)) for kind in ImportKind)
        if score > best[0]:
            best = (score, position)
    if best[0] < 2:
        raise MappingError(
            "找不到表头：前 20 行中没有“学号”“姓名”“学院”“学年”“认定等级”等列名。请确认文件第一张工作表是学生名单或认定结果，"
            "且表头在数据上方。"
        )
    number, cells = sheet.rows[best[1]]
    titles = [cell.strip() for cell in cells]
    while titles and not titles[-1]:
        titles.pop()
    return Header(row=number, titles=titles)


def guess_kind(header: Header) -> ImportKind:
    """Academic results have a term and a GPA or failed-course count; aid records have a project and a
    date, rewards a kind or content and a date, enrolment lists a 学籍状态 and a term; identification
    results have 学年 and a level or status; everything else is a roster."""
    academic = {guess_field(ImportKind.ACADEMIC, title) for title in header.titles}
    if "term" in academic and academic & {"gpa", "failed_courses"}:
        return ImportKind.ACADEMIC
    aid = {guess_field(ImportKind.AID, title) for title in header.titles}
    if {"project_name", "granted_on"} <= aid:
        return ImportKind.AID
    reward = {guess_field(ImportKind.REWARD, title) for title in header.titles}
    if {"kind", "description", "granted_on"} <= reward:
        return ImportKind.REWARD
    enrolment = {guess_field(ImportKind.ENROLMENT, title) for title in header.titles}
    if "state" in enrolment and enrolment & {"term", "academic_year"}:
        return ImportKind.ENROLMENT
    fields = {guess_field(ImportKind.IDENTIFICATION, title) for title in header.titles}
    roster_only = {guess_field(ImportKind.ROSTER, title) for title in header.titles} & {
        "college",
        "id_number",
        "gender",
    }
    if "academic_year" in fields and fields & {"level", "status"} and not roster_only:
        return ImportKind.IDENTIFICATION
    return ImportKind.ROSTER


def auto_mapping(kind: ImportKind, header: Header) -> ColumnMapping:
    mapping = ColumnMapping(kind)
    used: set[str] = set()
    for title in header.titles:
        if not title:
            continue
        target = guess_field(kind, title) or ""
        if target in used:
            target = ""
        used.add(target)
        mapping.fields[title] = target
    return mapping


def header_key(titles: list[str]) -> list[str]:
    return sorted({normalize_header(title) for title in titles if title})


class SavedMappings:
    """Mappings saved in the store's settings, by name."""

    def __init__(self, meta: MetaRepository) -> None:
        self.meta = meta

    def names(self) -> list[str]:
        """The saved mappings, then the built-in presets (presets.PRESETS)."""
        saved = sorted(
            name[len(MAPPING_PREFIX) :] for name in self.meta.settings() if name.startswith(MAPPING_PREFIX)
        )
        return saved + [name for name in PRESETS if name not in saved]

    def save(self, name: str, mapping: ColumnMapping, header: Header) -> None:
        name = name.strip()
        if not name:
            raise MappingError("请为列对应关系起一个名称。")
        doc = {"kind": mapping.kind.value, "headers": header_key(header.titles), "fields": mapping.fields}
        self.meta.set_setting(MAPPING_PREFIX + name, json.dumps(doc, ensure_ascii=False))

    def load(self, name: str) -> ColumnMapping:
        value = self.meta.setting(MAPPING_PREFIX + name)
        if value is None and name in PRESETS:
            return ColumnMapping(PRESETS[name].kind, dict(PRESETS[name].fields), name)
        if value is None:
            known = "、".join(self.names()) or "（无）"
            raise MappingError(f"没有名为“{name}”的列对应关系。已保存的有：{known}")
        doc = json.loads(value)
        return ColumnMapping(ImportKind(doc["kind"]), dict(doc["fields"]), name)

    def for_header(self, header: Header) -> ColumnMapping | None:
        """A saved mapping made for exactly this set of headers."""
        key = header_key(header.titles)
        for name in self.names():
            value = self.meta.setting(MAPPING_PREFIX + name)
            if value is None:
                continue
            doc = json.loads(value)
            if doc.get("headers") == key:
                return ColumnMapping(ImportKind(doc["kind"]), dict(doc["fields"]), name)
        for preset_name, preset in PRESETS.items():
            if header_key(list(preset.fields)) == key:
                return ColumnMapping(preset.kind, dict(preset.fields), preset_name)
        return None

    def remove(self, name: str) -> None:
        self.meta.remove_setting(MAPPING_PREFIX + name)
