"""Errors of the encrypted store, each with a message a counselor can read (zh_CN)."""

from __future__ import annotations


class StoreError(Exception):
    """Base class; `str(error)` is a complete sentence for the user."""

    message = "数据存储出错。"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)


class WrongPassphrase(StoreError):
    message = "密码不正确，请重新输入。数据未作任何改动。"


class WrongKey(StoreError):
    message = "无法打开数据文件：密钥不正确，或文件不是 JiaFang 的加密数据库。"


class KeyFileMissing(StoreError):
    message = "在该数据目录中找不到密钥文件，请先初始化（jiafang init）或选择正确的数据目录。"


class KeyFileCorrupt(StoreError):
    message = "密钥文件已损坏或格式无法识别，数据未作任何改动。可从备份恢复密钥文件。"


class StoreExists(StoreError):
    message = "该数据目录中已有数据，未覆盖。"


class StoreLockedByOtherProcess(StoreError):
    message = "数据已被另一个正在运行的 JiaFang 打开。请先关闭另一个窗口或进程，再重试。"


class StoreCorrupt(StoreError):
    message = "数据文件已损坏，无法读取。请从备份恢复。"


class WeakPassphrase(StoreError):
    message = "密码不符合要求：至少 10 个字符，不能是常见密码，且不易被猜中。"


class StoreTooNew(StoreError):
    message = "该数据由更新版本的 JiaFang 创建，请升级本软件后再打开。"
