"""The embedded font subsets carry only the characters used and a slim name table (the 150 KB budget)."""

from __future__ import annotations

import io
import json
import struct
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.font_embedding import KEPT_NAME_IDS, slim_name_table
from desktop.reports.fonts import PdfFonts
from tests.desktop.reports.pdf_tools import needs_tools, pdf_text


def _name_table(records: list[tuple[int, str]]) -> bytes:
    """A format-0 name table with Windows Unicode records (name id, text)."""
    strings = bytearray()
    entries = []
    for name_id, text in records:
        data = text.encode("utf-16-be")
        entries.append(struct.pack(">6H", 3, 1, 0x409, name_id, len(data), len(strings)))
        strings += data
    return struct.pack(">HHH", 0, len(records), 6 + 12 * len(records)) + b"".join(entries) + bytes(strings)


def _records(table: bytes) -> list[tuple[int, bytes]]:
    _, count, storage = struct.unpack_from(">HHH", table)
    found = []
    for i in range(count):
        *_, name_id, length, offset = struct.unpack_from(">6H", table, 6 + 12 * i)
        found.append((name_id, table[storage + offset : storage + offset + length]))
    return found


def test_the_slim_name_table_keeps_the_names_and_drops_the_licence_text() -> None:
    table = _name_table([(0, "(c) Demo"), (1, "Demo Ming"), (6, "DemoMing"), (13, "licence " * 500)])
    slim = slim_name_table(table)
    kept = [(name_id, text.decode("utf-16-be")) for name_id, text in _records(slim)]
    assert kept == [(0, "(c) Demo"), (1, "Demo Ming"), (6, "DemoMing")]
    assert len(slim) < len(table) / 10


@pytest.mark.parametrize(
    "table",
    [
        b"",  # too short for a header
        b"\x00\x01\x00\x00\x00\x06",  # format 1 (language tags): not rewritten
        struct.pack(">HHH", 0, 5, 66),  # format 0 announcing more records than it holds
    ],
)
def test_a_table_that_is_not_plain_format_0_is_left_alone(table: bytes) -> None:
    assert slim_name_table(table) == table


def _font_programs(path: Path) -> list[bytes]:
    """The embedded TrueType programs (FontFile2 streams) of a PDF, decompressed by qpdf."""
    info = json.loads(
        subprocess.run(
            ["qpdf", "--json", "--json-stream-data=none", str(path)], capture_output=True, check=True
        ).stdout
    )
    objects = info["qpdf"][1]
    ids = [
        value["value"]["/FontFile2"]
        for value in objects.values()
        if isinstance(value.get("value"), dict) and "/FontFile2" in value["value"]
    ]
    programs = []
    for ref in ids:
        number = ref.split()[0]
        programs.append(
            subprocess.run(
                ["qpdf", f"--show-object={number}", "--filtered-stream-data", str(path)],
                capture_output=True,
                check=True,
            ).stdout
        )
    return programs


def _tables(program: bytes) -> dict[str, bytes]:
    count = struct.unpack_from(">H", program, 4)[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack_from(">4sLLL", program, 12 + 16 * i)
        tables[tag.decode("latin-1")] = program[offset : offset + length]
    return tables


@needs_tools
def test_a_document_embeds_only_its_characters_and_the_slim_names(
    tmp_path: Path, cjk_fonts: PdfFonts
) -> None:
    path = tmp_path / "two.pdf"
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(cjk_fonts.regular, 12)
    canvas.drawString(72, 720, "家访 A1")
    canvas.save()
    path.write_bytes(buffer.getvalue())
    assert pdf_text(path).strip() == "家访 A1"
    programs = _font_programs(path)
    assert len(programs) == 1
    tables = _tables(programs[0])
    # glyph 0, the space and the four characters drawn; not the whole of ASCII
    num_glyphs = struct.unpack_from(">H", tables["maxp"], 4)[0]
    assert num_glyphs <= 8, num_glyphs
    assert {name_id for name_id, _ in _records(tables["name"])} <= KEPT_NAME_IDS
