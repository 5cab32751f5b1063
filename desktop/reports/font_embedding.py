"""How a TrueType face is embedded: only the glyphs a document uses, and no text the PDF does not need.

ReportLab embeds a subset per 256 characters of a document, but by default (1) puts all of ASCII in the
first subset whether the document uses it or not, and (2) copies the face's whole ``name`` table into
every subset.  For a Song/Ming serif such as AR PL UMing (about 480 bytes of outline per character,
a 22 KB ``name`` table that is mostly the licence text) that made a typical visit form about 175 KB,
over the 150 KB budget; embedded as below it is about 140 KB.  Here the first subset holds only the
characters used (the space keeps code 32, so word spacing still works) and the embedded ``name`` table
keeps the records a PDF viewer or font tool reads — IDs 0-6: copyright, family, style, unique id, full
name, version, PostScript name — as font subsetters commonly do.
"""

from __future__ import annotations

import struct

from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

# name IDs kept in an embedded subset: copyright, family, subfamily, unique id, full name, version,
# PostScript name (the licence text, ID 13, and the rest are left in the installed font).
KEPT_NAME_IDS = frozenset(range(7))
_HEADER = struct.Struct(">HHH")
_RECORD = struct.Struct(">6H")


def slim_name_table(table: bytes) -> bytes:
    """A ``name`` table (format 0) holding only the records in :data:`KEPT_NAME_IDS`.

    A table that cannot be read as format 0 is returned unchanged.
    """
    if len(table) < _HEADER.size:
        return table
    version, count, storage = _HEADER.unpack_from(table)
    if version != 0 or _HEADER.size + count * _RECORD.size > len(table):
        return table
    records: list[bytes] = []
    strings = bytearray()
    for i in range(count):
        platform, encoding, language, name_id, length, offset = _RECORD.unpack_from(
            table, _HEADER.size + i * _RECORD.size
        )
        if name_id not in KEPT_NAME_IDS:
            continue
        text = table[storage + offset : storage + offset + length]
        records.append(_RECORD.pack(platform, encoding, language, name_id, len(text), len(strings)))
        strings += text
    head = _HEADER.pack(0, len(records), _HEADER.size + len(records) * _RECORD.size)
    return head + b"".join(records) + bytes(strings)


class _SlimFace(TTFontFace):
    """A face whose subsets carry the slim ``name`` table."""

    def get_table(self, tag: str) -> bytes:
        data: bytes = super().get_table(tag)
        return slim_name_table(data) if tag == "name" else data


class EmbeddedFont(TTFont):
    """A TrueType face (``subfont_index`` picks the face of a collection) embedded as slim subsets."""

    def __init__(self, name: str, path: str, subfont_index: int = 0) -> None:
        super().__init__(name, path, subfontIndex=subfont_index, asciiReadable=False)
        # The face was read whole by ReportLab; from here on only its subsets are written differently.
        self.face.__class__ = _SlimFace
