"""The password and passphrase policy shared by the server's accounts and the laptop's passphrase.

A password is acceptable when it is at least ``MIN_LENGTH`` characters, is not a well-known password
(zxcvbn's list of 30,000 common passwords plus common Chinese ones, ignoring case and surrounding
spaces) and zxcvbn rates it at least ``MIN_SCORE`` ("safely unguessable" against an offline attack on a
slow hash). ``user_inputs`` are words the person is likely to reuse (their user name, real name, the
school's name): zxcvbn treats them as a dictionary, so "zhangsan2026" is weak for 张三 with user name
zhangsan.

No Qt, no server imports: the laptop's unlock dialog, the desktop CLI and the server's account paths
all call ``password_problems``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

MIN_LENGTH = 10
# A hard upper bound keeps the strength estimate (and the hash) cheap; no real passphrase is longer.
MAX_LENGTH = 256
# zxcvbn scores 0-4; 3 means about 10^8 guesses or more are needed.
MIN_SCORE = 3
# zxcvbn's own advice: matching cost grows with length, and the first 100 characters decide the score.
_SCORED_PREFIX = 100

# Well-known passwords in Chinese use that zxcvbn's (English-language) list lacks.
_COMMON_CHINESE = frozenset(
    {
        "woaini1314",
        "woaini520",
        "woaini5201314",
        "5201314520",
        "1314520520",
        "a123456789",
        "aa123456789",
        "qq123456789",
        "abc1234567",
        "abcd123456",
        "123456789a",
        "1234567890a",
        "147258369a",
        "1472583690",
        "1qaz2wsx3edc",
        "1q2w3e4r5t",
        "qwer123456",
        "zhang123456",
        "wang123456",
        "li123456789",
        "liu123456789",
        "chen123456",
        "yang123456",
        "huang123456",
        "zhao123456",
        "admin12345",
        "admin123456",
        "jiafang123",
        "jiafang123456",
        "mima123456",
        "mima12345678",
        "nihao123456",
        "woshishui123",
        "password@123",
        "p@ssw0rd123",
        "88888888888",
        "66666666666",
        "1111111111",
        "0000000000",
        "1234554321",
        "1357924680",
    }
)


def _is_common(password: str) -> bool:
    candidate = password.strip().lower()
    return candidate in _COMMON_CHINESE or candidate in _common_passwords()


@cache
def _common_passwords() -> frozenset[str]:
    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problems(password: str, *, user_inputs: Sequence[str] = ()) -> list[str]:
    """What is wrong with ``password``, as Chinese sentences for the person choosing it.

    An empty list means the password is acceptable.
    """
    if len(password) < MIN_LENGTH:
        return [f"密码太短：至少需要 {MIN_LENGTH} 个字符，现在只有 {len(password)} 个。"]
    if len(password) > MAX_LENGTH:
        return [f"密码太长：最多 {MAX_LENGTH} 个字符。"]
    if not password.strip():
        return ["密码不能只由空格组成。"]
    if _is_common(password):
        return ["这是一个常见密码，很容易被猜中，请换一个。"]
    words = [word for word in user_inputs if word]
    result = zxcvbn(password[:_SCORED_PREFIX], user_inputs=words)
    if result["score"] >= MIN_SCORE:
        return []
    problems = ["密码强度不够，容易被猜中。"]
    patterns = {match.get("pattern") for match in result["sequence"]}
    if "dictionary" in patterns and words and _contains_user_input(password, words):
        problems.append("不要使用用户名、姓名或学校名称等与您相关的信息。")
    if "repeat" in patterns:
        problems.append("不要使用重复的字符或片段（如 aaaa、abcabc）。")
    if "sequence" in patterns or "spatial" in patterns:
        problems.append("不要使用连续或键盘上相邻的字符（如 123456、qwerty）。")
    if "date" in patterns:
        problems.append("不要使用日期或年份（如生日）。")
    problems.append("建议使用几个不相关的词语或拼音组合，或加长密码并混用字母、数字和符号。")
    return problems


def _contains_user_input(password: str, words: Sequence[str]) -> bool:
    lowered = password.lower()
    return any(len(word) >= 3 and word.lower() in lowered for word in words)
