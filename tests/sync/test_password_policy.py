"""The shared password policy: length, common passwords, zxcvbn strength, Chinese explanations."""

from __future__ import annotations

import pytest

from sync.password_policy import MAX_LENGTH, MIN_LENGTH, password_problems


def test_min_length_is_ten() -> None:
    assert MIN_LENGTH == 10


@pytest.mark.parametrize("password", ["", "a", "12345678", "Xq7#mP2v9"])
def test_short_passwords_are_refused_with_the_length(password: str) -> None:
    problems = password_problems(password)
    assert len(problems) == 1
    assert "至少需要 10 个字符" in problems[0]


@pytest.mark.parametrize(
    "password",
    ["1234567890", "qwertyuiop", "password123", "Password123", " iloveyou12 ", "woaini1314", "a123456789"],
)
def test_common_passwords_are_refused(password: str) -> None:
    assert password_problems(password) == ["这是一个常见密码，很容易被猜中，请换一个。"]


@pytest.mark.parametrize("password", ["aaaaaaaaaaaa", "abcabcabcabc", "zhang19900101", "abcdefghijk"])
def test_weak_passwords_are_explained_in_chinese(password: str) -> None:
    problems = password_problems(password)
    assert problems[0] == "密码强度不够，容易被猜中。"
    assert len(problems) >= 2
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in problem) for problem in problems)


def test_user_inputs_make_a_password_weak() -> None:
    password = "zhangsanfeng26"
    assert password_problems(password) == []
    problems = password_problems(password, user_inputs=["zhangsanfeng"])
    assert "不要使用用户名、姓名或学校名称等与您相关的信息。" in problems


@pytest.mark.parametrize(
    "password", ["correct horse battery staple", "Xq7#mP2v9Lk", "lanse-yueliang-chuanghu-17"]
)
def test_strong_passwords_are_accepted(password: str) -> None:
    assert password_problems(password, user_inputs=["counselor1"]) == []


def test_overlong_and_blank_passwords_are_refused() -> None:
    assert password_problems("x" * (MAX_LENGTH + 1)) == [f"密码太长：最多 {MAX_LENGTH} 个字符。"]
    assert password_problems(" " * 12) == ["密码不能只由空格组成。"]
