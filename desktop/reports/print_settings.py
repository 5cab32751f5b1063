"""The settings of printed forms a user may change (设置 page, ``jiafang settings``): the printed titles
and the font file.  Kept in the store's settings; an unset setting prints its default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.store.repositories.meta import MetaRepository

# The printed titles when the user has set none (kept here, not with the PDF builders, so the settings
# page does not load ReportLab at start-up).
DEFAULT_VISIT_TITLE = "家庭经济困难学生家访记录表"
DEFAULT_ARCHIVE_TITLE = "学生资助成长档案"

FONT_SETTING = "pdf.font_path"
VISIT_TITLE_SETTING = "pdf.visit_form_title"
ARCHIVE_TITLE_SETTING = "pdf.archive_title"
MAX_TITLE = 40


class SettingError(ValueError):
    """A setting name or value that cannot be used (message in Chinese, for the user)."""


@dataclass(frozen=True)
class PrintSetting:
    name: str
    label: str
    default: str

    def checked(self, value: str) -> str:
        """The value as stored, or :class:`SettingError` saying what is wrong with it."""
        text = value.strip()
        if self.name == FONT_SETTING:
            if text and not Path(text).expanduser().is_file():
                raise SettingError(f"找不到字体文件：{text}")
            return str(Path(text).expanduser()) if text else ""
        if not text:
            raise SettingError(f"{self.label}不能为空（恢复默认请用 unset）。")
        if len(text) > MAX_TITLE or any(not ch.isprintable() for ch in text):
            raise SettingError(f"{self.label}须为一行、不超过 {MAX_TITLE} 个字。")
        return text


PRINT_SETTINGS: dict[str, PrintSetting] = {
    s.name: s
    for s in (
        PrintSetting(VISIT_TITLE_SETTING, "家访记录表标题", DEFAULT_VISIT_TITLE),
        PrintSetting(ARCHIVE_TITLE_SETTING, "成长档案标题", DEFAULT_ARCHIVE_TITLE),
        PrintSetting(FONT_SETTING, "PDF 字体文件", ""),
    )
}


def print_setting(name: str) -> PrintSetting:
    try:
        return PRINT_SETTINGS[name.strip()]
    except KeyError:
        known = "、".join(PRINT_SETTINGS)
        raise SettingError(f"没有名为 {name} 的设置。可用的设置：{known}") from None


def setting_value(meta: MetaRepository, name: str) -> str:
    """The value in effect (the default when unset)."""
    setting = print_setting(name)
    return meta.setting(setting.name) or setting.default


def set_setting(meta: MetaRepository, name: str, value: str) -> str:
    setting = print_setting(name)
    stored = setting.checked(value)
    if stored:
        meta.set_setting(setting.name, stored)
    else:
        meta.remove_setting(setting.name)
    return stored or setting.default


def unset_setting(meta: MetaRepository, name: str) -> str:
    setting = print_setting(name)
    meta.remove_setting(setting.name)
    return setting.default
