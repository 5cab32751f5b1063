"""Reading a spreadsheet as school systems export it: .xlsx (openpyxl) or .csv, as text cells.

A sheet is a list of (row number, cell texts) as the user sees them in Excel (rows from 1), plus the
merged ranges, which an import must refuse (a merged "学院" cell covers several students but holds the
value in its first row only). Any file that cannot be read gives an ``ImportFileError`` with a message
that says what to do.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.store.errors import StoreError

MAX_ROWS = 200_000


class ImportFileError(StoreError):
    message = "无法读取该文件。"


@dataclass(frozen=True)
class MergedRange:
    first_row: int
    last_row: int
    first_column: int  # 0-based
    last_column: int


@dataclass
class Sheet:
    name: str
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    merged: list[MergedRange] = field(default_factory=list)


def cell_text(value: Any) -> str:
    """A cell as the text a person would type: dates as YYYY-MM-DD, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value).strip()


def read_sheet(path: Path) -> Sheet:
    """The first worksheet of an .xlsx/.xlsm file, or a .csv file (UTF-8, UTF-8 with BOM or GB18030)."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"找不到文件“{path.name}”。")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix == ".xls":
        raise ImportFileError("不支持旧版 Excel（.xls）文件：请在 Excel 中“另存为” .xlsx 后再导入。")
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise ImportFileError(f"不支持“{suffix or '无扩展名'}”文件：请导入 .xlsx 或 .csv 文件。")


_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")


def _read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    not_excel = ImportFileError(
        f"文件“{path.name}”不是有效的 Excel（.xlsx）文件，可能已损坏或只是改了扩展名。"
        "请用 Excel 打开后“另存为” .xlsx 再导入。"
    )
    try:
        # Read-only mode streams the rows (several times faster on big rosters); it does not load the
        # merged ranges, which are read from the sheet's XML below.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise not_excel from exc
    try:
        sheet = workbook.worksheets[0]
        result = Sheet(name=sheet.title)
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise ImportFileError(f"表格超过 {MAX_ROWS} 行，请分批导入。")
            result.rows.append((number, [cell_text(value) for value in values]))
        sheet_path = getattr(sheet, "_worksheet_path", None)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise not_excel from exc
    finally:
        workbook.close()
    if sheet_path:
        result.merged = _merged_ranges(path, str(sheet_path))
    return result


def _merged_ranges(path: Path, sheet_path: str) -> list[MergedRange]:
    from openpyxl.utils.cell import range_boundaries

    with zipfile.ZipFile(path) as archive:
        data = archive.read(sheet_path)
    found: list[MergedRange] = []
    for ref in _MERGE_REF.findall(data):
        first_col, first_row, last_col, last_row = range_boundaries(ref.decode("ascii"))
        if None in (first_col, first_row, last_col, last_row):
            continue
        found.append(
            MergedRange(
                int(first_row or 0), int(last_row or 0), int(first_col or 1) - 1, int(last_col or 1) - 1
            )
        )
    return found


def _read_csv(path: Path) -> Sheet:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ImportFileError(f"文件“{path.name}”不是文本格式的 CSV 文件，请检查文件。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            content = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(f"无法识别文件“{path.name}”的编码，请另存为 UTF-8 编码的 CSV。")
    try:
        dialect: Any = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    result = Sheet(name=path.stem)
    for number, values in enumerate(csv.reader(io.StringIO(content), dialect), start=1):
        if number > MAX_ROWS:
            raise ImportFileError(f"表格超过 {MAX_ROWS} 行，请分批导入。")
        result.rows.append((number, [value.strip() for value in values]))
    return result
