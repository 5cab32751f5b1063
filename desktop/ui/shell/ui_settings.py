"""Per-device UI preferences kept next to the store (no student data): language, idle lock time and
privacy mode.

They are needed before unlocking (the unlock dialog speaks the chosen language), so they live in a
small plain JSON file written atomically; school name and everything about students live in the
encrypted store.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from desktop.store.atomic_file import write_atomic

FILE_NAME = "ui-settings.json"
DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240


@dataclass
class UiSettings:
    language: str = "zh_CN"
    idle_minutes: int = DEFAULT_IDLE_MINUTES
    privacy_mode: bool = True  # lists hide 认定等级 and other sensitive columns until revealed

    @classmethod
    def load(cls, data_dir: Path) -> UiSettings:
        path = Path(data_dir) / FILE_NAME
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        settings = cls()
        if isinstance(doc, dict):
            if isinstance(doc.get("language"), str):
                settings.language = doc["language"]
            minutes = doc.get("idle_minutes")
            if isinstance(minutes, int) and MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
                settings.idle_minutes = minutes
            if isinstance(doc.get("privacy_mode"), bool):
                settings.privacy_mode = doc["privacy_mode"]
        return settings

    def save(self, data_dir: Path) -> None:
        write_atomic(Path(data_dir) / FILE_NAME, json.dumps(asdict(self), indent=2).encode("utf-8"))
