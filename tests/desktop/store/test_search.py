"""Roster search by name, full pinyin, initials, 学号 and 班级."""

from __future__ import annotations

import pytest

from desktop.store.hanzi_readings import all_syllables
from desktop.store.repositories.roster import RosterFilter
from desktop.store.search import (
    _SYLLABLES,
    MixedQuery,
    like_pattern,
    name_matches,
    name_sort_key,
    normalize_query,
    search_key,
)
from desktop.store.store import Store
from sync.records import Student


def test_search_key_tokens() -> None:
    assert search_key("张三", "2024001", "会计2401") == "张三|zhangsan|zs|2024001|会计2401"
    assert "shanxiongxin" in search_key("单雄信").split("|")
    assert "sxx" in search_key("单雄信").split("|")
    assert {"lvbu", "lubu", "lb"} <= set(search_key("吕布").split("|"))
    assert name_sort_key("欧阳娜娜") == "ou yang na na"


def test_query_normalisation_and_like_escaping() -> None:
    assert normalize_query(" Zhang San ") == "zhangsan"
    assert normalize_query("a|b") == "ab"
    assert like_pattern("50%_x") == "%50\\%\\_x%"


@pytest.fixture
def roster(store: Store) -> Store:
    with store.session() as s:
        s.students.create_many(
            [
                Student(student_no="2024001", name="张三", class_name="会计2401"),
                Student(student_no="2024002", name="李四", class_name="会计2401"),
                Student(student_no="2023015", name="张珊珊", class_name="金融2302"),
                Student(student_no="2023016", name="单雄信", class_name="金融2302"),
                Student(student_no="2023017", name="Tom_Li", class_name="国际2301"),
            ]
        )
    return store


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("zs", ["张三", "张珊珊"]),
        ("ZS", ["张三", "张珊珊"]),
        ("zhangsan", ["张三"]),
        ("zhang san", ["张三"]),
        ("zhangshan", ["张珊珊"]),
        ("zss", ["张珊珊"]),
        ("张", ["张三", "张珊珊"]),
        ("2024", ["李四", "张三"]),
        ("2023016", ["单雄信"]),
        ("shanxiong", ["单雄信"]),
        ("会计2401", ["李四", "张三"]),
        ("jinrong", []),
        ("%", []),
        ("_", ["Tom_Li"]),
        ("tom_li", ["Tom_Li"]),
        ("", []),
    ],
)
def test_student_search(roster: Store, query: str, names: list[str]) -> None:
    with roster.session() as s:
        assert sorted(student.name for student in s.students.search(query)) == sorted(names)


def test_search_follows_renames(roster: Store) -> None:
    with roster.session() as s:
        student = s.students.search("lisi")[0]
        s.students.patch(student.id, name="王五")
        assert s.students.search("lisi") == []
        assert [x.name for x in s.students.search("ww")] == ["王五"]


@pytest.fixture
def mixed_roster(store: Store) -> Store:
    with store.session() as s:
        s.students.create_many(
            [
                Student(student_no="2023011", name="张明轩", class_name="机械2301"),
                Student(student_no="2024012", name="张敏", class_name="会计2401"),
                Student(student_no="2024013", name="周梦霞", class_name="会计2401"),
                Student(student_no="2023014", name="李明", class_name="机械2301"),
                Student(student_no="2023018", name="吕明", class_name="机械2302"),
            ]
        )
    return store


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("zhangmx", ["张明轩"]),  # a full syllable, then initials
        ("zhangmingx", ["张明轩"]),
        ("zmxuan", ["张明轩"]),  # initials, then a full syllable
        ("张m", ["张敏", "张明轩"]),  # a character, then an initial
        ("张mingx", ["张明轩"]),
        ("z明", ["张明轩"]),
        ("zmx2301", ["张明轩"]),  # initials and a trailing 学号/班级 fragment
        ("zmx2401", ["周梦霞"]),
        ("zmx2302", []),
        ("zm2401", ["张敏", "周梦霞"]),
        ("lvm", ["吕明"]),
        ("lum", ["吕明"]),
        ("zhangm", ["张敏", "张明轩"]),  # a plain match: the mixed reading is not needed
        ("zmx", ["张明轩", "周梦霞"]),  # plain initials as before
        ("xyz", []),
        ("2301", ["张明轩", "李明", "吕明"]),  # digits: 学号 or 班级 as before
    ],
)
def test_mixed_pinyin_and_chinese_search(mixed_roster: Store, query: str, names: list[str]) -> None:
    with mixed_roster.session() as s:
        assert sorted(student.name for student in s.students.search(query)) == sorted(names)
        rows = s.roster.rows(RosterFilter(search=query), limit=50)
        assert sorted(row.name for row in rows) == sorted(names)
        assert s.roster.count(RosterFilter(search=query)) == len(names)


def test_mixed_reading_only_when_the_plain_search_finds_nobody(mixed_roster: Store) -> None:
    # "liming" is 李明's full pinyin; read as mixed it would also be li + m(ing)…: plain wins.
    with mixed_roster.session() as s:
        assert [x.name for x in s.students.search("liming")] == ["李明"]


def test_name_matcher() -> None:
    assert name_matches("张明轩", "zhangmx")
    assert name_matches("张明轩", "mingxuan")
    assert name_matches("张明轩", "明x")
    assert not name_matches("张明轩", "zhangxm")
    assert not name_matches("张明轩", "zhangmxy")
    assert MixedQuery.parse("2024") is None
    assert MixedQuery.parse("张三") is None
    parsed = MixedQuery.parse("zmx2301")
    assert parsed is not None and (parsed.name_part, parsed.tail) == ("zmx", "2301")


def test_spelled_out_syllables_are_the_tables() -> None:
    assert all_syllables() == _SYLLABLES
