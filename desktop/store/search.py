"""Roster search: a student is found by name, full pinyin, pinyin initials, 学号 or 班级.

Each student row keeps a ``search_key`` maintained on every write: the tokens below, lower-case,
separated by "|" so that a query never matches across two tokens. A search is then one
``LIKE '%query%'`` over one column, which stays fast at 20,000 students.

    张三, 2024001, 会计2401  ->  "张三|zhangsan|zs|2024001|会计2401"

Surnames with several readings (单 dan/shan, 曾 ceng/zeng) get every reading, so either finds them;
"ü" is also written "v" and "u" (吕: lv, lu).

Mixed input, as typed into a Chinese input method, is matched when the plain search finds nobody:
full syllables mixed with initials ("zhangmx" 张明轩), characters mixed with pinyin ("张m"), and a
trailing 学号/班级 fragment ("zmx2301"). SQL narrows the candidates with ``LIKE`` on the initials
and characters the query must contain; a SQL function (``jiafang_mixed_match``, registered on every
store connection) then checks each candidate's name character by character.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, false, func, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.store.hanzi_readings import char_readings
from sync.records.record_numbers import read_reference

if TYPE_CHECKING:
    from desktop.store.repositories.session import StoreSession

SEPARATOR = "|"
_MAX_VARIANTS = 4


def _syllable_variants(syllable: str) -> list[str]:
    if "v" in syllable:
        return [syllable, syllable.replace("v", "u")]
    return [syllable]


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


@functools.lru_cache(maxsize=16384)
def _char_readings(char: str) -> tuple[str, ...]:
    """The usual reading of one character first, then its other readings (cached: names share characters)."""
    return char_readings(char)


def _syllables(name: str) -> list[str]:
    """One syllable per Chinese character; a run of other characters stays one lower-case token."""
    syllables: list[str] = []
    other = ""
    for char in name:
        if _is_han(char):
            if other:
                syllables.append(other.lower())
                other = ""
            syllables.append(_char_readings(char)[0])
        elif not char.isspace():
            other += char
    if other:
        syllables.append(other.lower())
    return syllables


def pinyin_readings(name: str) -> list[list[str]]:
    """The full-pinyin syllables of a name, with alternative readings of its first character."""
    base = _syllables(name)
    if not base:
        return []
    first_options = list(_char_readings(name[0])) if _is_han(name[0]) else []
    firsts = list(dict.fromkeys([base[0], *first_options]))[:_MAX_VARIANTS]
    readings: list[list[str]] = []
    for first in firsts:
        rest = [_syllable_variants(syllable) for syllable in base[1:]]
        for combo in itertools.islice(itertools.product(_syllable_variants(first), *rest), _MAX_VARIANTS):
            readings.append(list(combo))
    return readings


def search_key(name: str, student_no: str = "", class_name: str = "") -> str:
    """The search key of a student (see the module docstring)."""
    tokens = [name.lower()]
    for syllables in pinyin_readings(name):
        tokens.append("".join(syllables))
        tokens.append("".join(syllable[:1] for syllable in syllables))
    tokens.extend([student_no.lower(), class_name.lower()])
    cleaned = (token.replace(SEPARATOR, "").replace(" ", "") for token in tokens)
    return SEPARATOR.join(dict.fromkeys(token for token in cleaned if token))


def name_sort_key(name: str) -> str:
    """The full pinyin of a name, syllables separated by spaces: sorts names as a Chinese reader expects."""
    return " ".join(_syllables(name))


def normalize_query(text: str) -> str:
    """What the user typed, as it is matched: lower-case, without spaces or the separator."""
    return "".join(text.lower().split()).replace(SEPARATOR, "")


def like_pattern(query: str) -> str:
    """A ``LIKE`` pattern matching ``query`` anywhere (``%`` and ``_`` typed by the user are literal)."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matches(
    column: InstrumentedAttribute[str], text: str, session: Session | None = None
) -> ColumnElement[bool] | None:
    """The condition "search key contains the query", or None when the query is empty.

    With a ``session``, a query that no student's key contains is read as mixed input (see the
    module docstring): one quick probe decides, so the common case stays a single ``LIKE``.
    """
    query = normalize_query(text)
    if not query:
        return None
    plain = column.like(like_pattern(query), escape="\\")
    mixed = MixedQuery.parse(query) if session is not None else None
    if mixed is None or session is None:
        return plain
    condition = and_(mixed.candidates(column), func.jiafang_mixed_match(column, mixed.name_part, mixed.tail))
    if not mixed.needs_probe:
        return or_(plain, condition)
    return plain if _anyone_matches(session, column, plain) else condition


def _anyone_matches(session: Session, column: InstrumentedAttribute[str], plain: ColumnElement[bool]) -> bool:
    """Whether any student's key contains the query (read from the narrow roster index alone)."""
    table = column.class_
    probe = select(literal(1)).select_from(table).where(table.deleted == false(), plain).limit(1)
    return session.execute(probe).first() is not None


# -- mixed input ----------------------------------------------------------------------------------
MIXED_MATCH_FUNCTION = "jiafang_mixed_match"
# Every toneless syllable of the character table (a test checks it against hanzi_readings.all_syllables();
# spelled out so the first keystroke does not wait for the table to load).
_SYLLABLE_TEXT = (
    "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca "
    "cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu "
    "chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de "
    "dei den deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa "
    "fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai "
    "guan guang gui gun guo ha hai han hang hao he hei hen heng hm hng hong hou hu hua huai huan "
    "huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan "
    "kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le "
    "lei len leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve m ma "
    "mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu n na nai nan nang nao "
    "ne nei nen neng ng ni nia nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o "
    "ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao "
    "qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui "
    "run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou "
    "shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao "
    "te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo "
    "wong wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi "
    "yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang "
    "zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou "
    "zu zuan zui zun zuo "
)
_SYLLABLES = frozenset(_SYLLABLE_TEXT.split())
_TWO_LETTER_INITIALS = ("zh", "ch", "sh")
_MAX_SEGMENTATIONS = 16


@functools.cache
def _syllable_prefixes() -> frozenset[str]:
    return frozenset(s[:n] for s in _SYLLABLES for n in range(1, len(s) + 1))


def _units_at(part: str, start: int) -> list[int]:
    """Where a unit typed at ``start`` may end: one character, a syllable, an initial, or (at the end
    of the query) the start of a syllable still being typed."""
    if _is_han(part[start]) or not part[start].isalpha():
        return [start + 1]
    ends: list[int] = []
    syllables, prefixes = _SYLLABLES, _syllable_prefixes()
    for end in range(start + 1, min(len(part), start + 6) + 1):
        unit = part[start:end]
        if not unit.isascii() or not unit.isalpha():
            break
        initial = end - start == 1 or unit in _TWO_LETTER_INITIALS
        if unit in syllables or initial or (end == len(part) and unit in prefixes):
            ends.append(end)
    return ends


@dataclass(frozen=True)
class MixedQuery:
    name_part: str  # letters and characters matched against the name
    tail: str  # a trailing 学号/班级 fragment (digits), or ""
    segmentations: tuple[tuple[str, ...], ...]  # the ways the name part splits into units

    @classmethod
    def parse(cls, query: str) -> MixedQuery | None:
        """The query read as mixed input, or None when it cannot be (e.g. digits only)."""
        head = query.rstrip("0123456789")
        tail = query[len(head) :]
        if not head or not all(_is_han(c) or (c.isascii() and c.isalpha()) for c in head):
            return None
        if not any(c.isascii() and c.isalpha() for c in head) and not tail:
            return None  # characters only: the plain search is the whole answer
        found: list[tuple[str, ...]] = []

        def split(start: int, units: tuple[str, ...]) -> None:
            if len(found) >= _MAX_SEGMENTATIONS:
                return
            if start == len(head):
                found.append(units)
                return
            for end in reversed(_units_at(head, start)):  # whole syllables first
                split(end, (*units, head[start:end]))

        split(0, ())
        return cls(head, tail, tuple(found)) if found else None

    def candidates(self, column: InstrumentedAttribute[str]) -> ColumnElement[bool]:
        """What a matching student's key must contain: the typed characters, the tail, and for some
        way of splitting the query, the initials of its units in a row (a character: those of its
        readings)."""
        needed: list[ColumnElement[bool]] = [
            column.like(like_pattern(c), escape="\\") for c in dict.fromkeys(self.name_part) if _is_han(c)
        ]
        if self.tail:
            needed.append(column.like(like_pattern(self.tail), escape="\\"))
        initials: set[str] = set()
        for units in self.segmentations:
            options = [
                sorted({r[:1] for r in _char_readings(u) if r[:1].isalpha()}) or ["_"]
                if _is_han(u)
                else [u[0]]
                for u in units
            ]
            initials.update("".join(combo) for combo in itertools.islice(itertools.product(*options), 8))
        patterns = [column.like(f"%{i}%") for i in sorted(initials) if i.strip("_")]
        if patterns:
            needed.append(or_(*patterns))
        return and_(*needed)

    @property
    def needs_probe(self) -> bool:
        """Letters only ("wang", "zhangmx"): read as mixed only when nobody matches plainly, so that
        "wang" does not also find 万刚 (wan + g). Characters or a tail in it: plain and mixed both."""
        return not self.tail and not any(_is_han(c) for c in self.name_part)


def _cells(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each character of a name with the ways it may be typed (readings, ü as v and u)."""
    cells = []
    for char in name:
        if char.isspace():
            continue
        if _is_han(char):
            readings = [v for r in _char_readings(char) for v in _syllable_variants(r)]
            cells.append((char, tuple(dict.fromkeys(readings))))
        else:
            cells.append((char, (char.lower(),)))
    return tuple(cells)


@functools.lru_cache(maxsize=65536)
def name_matches(name: str, part: str) -> bool:
    """Whether consecutive characters of ``name`` can be typed as ``part``: each character as itself,
    its full pinyin or its initial; the last one typed may be the start of its pinyin."""
    cells = _cells(name)

    @functools.cache
    def rest_matches(index: int, at: int) -> bool:
        if at == len(part):
            return True
        if index == len(cells):
            return False
        char, readings = cells[index]
        if part[at] == char.lower() and rest_matches(index + 1, at + 1):
            return True
        for reading in readings:
            if not reading.isalpha():
                continue
            if reading.startswith(part[at:]):
                return True  # the last unit, still being typed
            two = reading[:2]
            ways = {reading, reading[:1], *([two] if two in _TWO_LETTER_INITIALS else [])}
            if any(part.startswith(way, at) and rest_matches(index + 1, at + len(way)) for way in ways):
                return True
        return False

    return any(rest_matches(start, 0) for start in range(len(cells)))


def mixed_match(key: str | None, name_part: str, tail: str) -> bool:
    """The SQL function: does a student's search key match the mixed query?"""
    if not key:
        return False
    tokens = key.split(SEPARATOR)
    if tail and not any(tail in token for token in tokens[1:]):
        return False
    return name_matches(tokens[0], name_part)


def register_search_functions(conn: Any) -> None:
    """Make ``jiafang_mixed_match`` known to a DB-API SQLite/SQLCipher connection."""
    conn.create_function(MIXED_MATCH_FUNCTION, 3, mixed_match, deterministic=True)


@dataclass(frozen=True)
class RecordHit:
    """The record a printed number or a scanned QR code names."""

    student_id: str
    visit_id: str | None = None


def find_printed_record(s: StoreSession, text: str) -> RecordHit | None:
    """The record a search box text names: a printed record number (``JF-2026-017-0042``, any case),
    a scanned QR payload (number and id) or a record id; None when it names none this laptop holds."""
    reference = read_reference(text)
    if reference is None:
        return None
    visit = s.visits.by_record_no(reference.record_no) if reference.record_no else None
    if visit is None and reference.record_id:
        visit = s.visits.get(reference.record_id)
        if visit is None:
            student = s.students.get(reference.record_id)
            return RecordHit(student.id) if student is not None else None
    return RecordHit(visit.student_id, visit.id) if visit is not None else None
