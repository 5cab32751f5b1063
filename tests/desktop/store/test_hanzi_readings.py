"""Character readings read from pypinyin's table agree with pypinyin, without importing it at start."""

from __future__ import annotations

import subprocess
import sys

from pypinyin import Style, lazy_pinyin, pinyin

from desktop.store.hanzi_readings import char_readings

HAN_RANGES = (range(0x3400, 0xA000), range(0xF900, 0xFB00))


def _pypinyin_readings(char: str) -> tuple[str, ...]:
    usual = lazy_pinyin(char, v_to_u=False)[0].lower()
    others = [
        reading.lower() for reading in pinyin(char, style=Style.NORMAL, heteronym=True, v_to_u=False)[0]
    ]
    return tuple(dict.fromkeys([usual, *others]))


def test_every_character_reads_as_pypinyin_reads_it() -> None:
    differ = [
        chr(code)
        for codes in HAN_RANGES
        for code in codes
        if char_readings(chr(code)) != _pypinyin_readings(chr(code))
    ]
    assert differ == []


def test_examples() -> None:
    assert char_readings("张") == ("zhang",)
    assert char_readings("吕") == ("lv",)
    assert char_readings("单")[0] == "dan" and "shan" in char_readings("单")
    assert char_readings("〇")[0] == "ling"
    assert char_readings("a") == ("a",)


def test_the_store_does_not_import_pypinyin() -> None:
    code = (
        "import sys, desktop.store.store, desktop.store.search as s; s.search_key('张三'); "
        "print('pypinyin' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
