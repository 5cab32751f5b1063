"""CJK line breaking for ReportLab paragraphs with the Chinese line-start and line-end rules (禁则).

ReportLab's ``wordWrap='CJK'`` breaks between any two characters and lets one "cannot start a line"
character hang in the margin, but its list lacks the full-width Chinese punctuation, and after a hung
character the next one (``），`` or ``。”``) still starts the new line.  This splitter, installed in
place of ReportLab's (the module-level function its ``Paragraph`` calls for CJK wrapping), keeps:

- no closing punctuation at the start of a line: one such character may hang past the right edge;
  for a run of several, the last ordinary character moves down with them;
- no opening bracket or quote at the end of a line;
- runs of Latin letters and digits (``42,000``, ``QQ``) unbroken when a space or CJK character
  offers a break within the line;
- a check-box option of a form (``□ 外出务工``) on one line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _paragraph

# Slack for width comparisons in layout arithmetic (ReportLab's own rl_config._FUZZ).
LAYOUT_FUZZ = 1e-6

CANNOT_START = (
    "!),.:;?]}"
    "\u00b0\u2019\u201d\u2026\u2030\u2032\u2033\u2103"  # Latin closers, ’ ” … ‰ ′ ″ ℃
    "、。〉》」』】〕〗〙〛〞〟"  # CJK closing brackets and marks
    "！％），．：；？］｝～｠｣"  # full-width punctuation
    "ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・"  # Japanese small kana and marks
    "﹐﹑﹒﹔﹕﹖﹗"
)
CANNOT_END = "([{\u2018\u201c〈《「『【〔〖〘〚〝（［｛｟｢＄￥＃＠§"
BOXES = "□■☐☑"
OPTION_SEPARATORS = "\u3000 "  # options are separated by a space (the parser turns U+3000 into " ")
_MAX_HANG = 1  # characters allowed past the right edge


def _is_word_char(ch: str) -> bool:
    """A character of a Latin word or number that should not be split."""
    return ch.isascii() and (ch.isalnum() or ch in ".,-_%/:+@#&'")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    used: float
    max_width: float
    forced: bool


def _split(
    units: Sequence[str],
    width_of: Callable[[int, float], float],
    forced_after: Callable[[int], bool],
    max_widths: Sequence[float],
) -> list[_Line]:
    """Line extents for a sequence of characters (each unit is one character)."""
    lines: list[_Line] = []
    count = len(units)
    start = 0
    while start < count:
        max_width = max_widths[len(lines)] if len(lines) < len(max_widths) else max_widths[-1]
        used = 0.0
        i = start
        end = count
        forced = False
        while i < count:
            used += width_of(i, max_width)
            if forced_after(i):  # <br/>: the line ends after this unit
                end, forced = i + 1, True
                break
            if used > max_width + LAYOUT_FUZZ and i > start:
                end = _break_before(units, start, i)
                break
            i += 1
        line_used = sum(width_of(k, max_width) for k in range(start, end))
        lines.append(_Line(start, end, line_used, max_width, forced))
        start = end
    return _without_orphan(units, lines, width_of)


def _without_orphan(
    units: Sequence[str], lines: list[_Line], width_of: Callable[[int, float], float]
) -> list[_Line]:
    """No last line holding a single character ("与学生关/系", "（暂无记/录）"): the previous line gives
    it a companion, so a label or a sentence ends with at least two characters."""
    if len(lines) < 2 or lines[-2].forced:
        return lines
    prev, last = lines[-2], lines[-1]
    if sum(1 for k in range(last.start, last.end) if units[k].isalnum()) >= 2:
        return lines
    cut = prev.end - 1
    while cut > prev.start + 1 and (units[cut] in CANNOT_START or units[cut - 1] in CANNOT_END):
        cut -= 1
    if cut - prev.start < 2 or not units[cut].isalnum():
        return lines
    used = sum(width_of(k, last.max_width) for k in range(cut, last.end))
    if used > last.max_width + LAYOUT_FUZZ:
        return lines
    prev_used = sum(width_of(k, prev.max_width) for k in range(prev.start, cut))
    return [
        *lines[:-2],
        _Line(prev.start, cut, prev_used, prev.max_width, False),
        _Line(cut, last.end, used, last.max_width, last.forced),
    ]


def kinsoku_frag_split(
    frags: list[Any], maxWidths: list[float], calcBounds: bool, encoding: str = "utf8"
) -> Any:
    """Split a paragraph's fragments into lines (same contract as ReportLab's ``cjkFragSplit``)."""
    units: list[Any] = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(_paragraph.cjkU(ch, frag, encoding) for ch in text)
        else:
            units.append(_paragraph.cjkU(text, frag, encoding))

    def width_of(index: int, max_width: float) -> float:
        w = units[index].width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            return float(w.normalizedValue(max_width))
        return float(w)

    lines = [
        _paragraph.makeCJKParaLine(
            units[line.start : line.end],
            line.max_width,
            line.used,
            line.max_width - line.used,
            line.forced,
            calcBounds,
        )
        for line in _split(units, width_of, lambda i: hasattr(units[i].frag, "lineBreak"), maxWidths)
    ]
    return _paragraph.ParaLines(kind=1, lines=lines)


def kinsoku_word_split(
    word: str | bytes,
    maxWidths: Sequence[float],
    fontName: str,
    fontSize: float,
    encoding: str = "utf8",
) -> list[list[Any]]:
    """The single-fragment case (same contract as ReportLab's ``wordSplit``): ``[[extra_space, text]]``."""
    text = word.decode(encoding) if isinstance(word, bytes) else word
    widths = [stringWidth(ch, fontName, fontSize) for ch in text]
    lines = _split(text, lambda i, _w: widths[i], lambda _i: False, maxWidths)
    return [[line.max_width - line.used, text[line.start : line.end]] for line in lines]


def _break_before(units: Sequence[str], start: int, overflow: int) -> int:
    """Where to end a line whose unit ``overflow`` does not fit (the index of the next line's start)."""
    count = len(units)
    end = overflow
    # Hanging punctuation: one closing mark may stay on this line past the edge.
    run_end = overflow
    while run_end < count and units[run_end] in CANNOT_START:
        run_end += 1
    if run_end > overflow:
        if run_end - overflow <= _MAX_HANG:
            end = run_end
        else:  # several closing marks: carry the last ordinary character down with them
            end = overflow
            while end > start + 1 and units[end] in CANNOT_START:
                end -= 1
    # No opening bracket or quote at the end of a line.
    while end > start + 1 and end < count and units[end - 1] in CANNOT_END:
        end -= 1
    # Keep Latin words and numbers whole when the line offers an earlier break.
    if end < count and _is_word_char(units[end]) and _is_word_char(units[end - 1]):
        j = end - 1
        limit = start + max(1, (end - start) // 2)
        while j > limit and _is_word_char(units[j - 1]):
            j -= 1
        if j > limit:
            end = j
    # Keep a check-box option ("□ 外出务工") on one line: break before its box instead.
    if end < count:
        j = end
        while j > start and units[j - 1] not in BOXES and units[j - 1] not in OPTION_SEPARATORS:
            j -= 1
        if j - 1 > start and units[j - 1] in BOXES:
            end = j - 1
    # A separating space ends this line rather than indenting the next one.
    while start < end < count and units[end] in OPTION_SEPARATORS:
        end += 1
    return max(end, start + 1)


def install() -> None:
    """Make ReportLab's CJK paragraphs use these splitters (idempotent)."""
    _paragraph.cjkFragSplit = kinsoku_frag_split
    _paragraph.wordSplit = kinsoku_word_split
