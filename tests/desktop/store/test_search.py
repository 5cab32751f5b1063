"""Roster search by name, full pinyin, initials, 学号 and 班级."""

from __future__ import annotations

import pytest

from desktop.store.search import like_pattern, name_sort_key, normalize_query, search_key
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
