"""Backups: ``backup`` (encrypted with age to the admin's public key), ``backup-keygen`` and
``decrypt-backup`` (``restore-drill`` is in ``admin_drill``).

A PostgreSQL backup is ``pg_dump --format=custom`` streamed through age encryption into the file, so no
plaintext copy touches the disk; a SQLite backup is SQLite's online copy, then encrypted.  The private
key stays with the administrator (off the server): the server can make backups but cannot read them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import pyrage
from sqlalchemy.engine import URL, make_url

from sync.server import audit
from sync.server.admin_common import CliError, database, operator, settings
from sync.server.settings import Settings

AGE_MAGIC = b"age-encryption.org/v1"
PG_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"


def recipients(config: Settings) -> list[pyrage.x25519.Recipient]:
    keys = config.backup_recipients.replace(",", " ").split()
    try:
        return [pyrage.x25519.Recipient.from_str(key) for key in keys]
    except pyrage.RecipientError:
        raise CliError(
            "JIAFANG_BACKUP_RECIPIENTS 中有无效的公钥（应以 age1 开头，由 backup-keygen 生成）"
        ) from None


def read_identity(path: Path) -> pyrage.x25519.Identity:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise CliError(f"无法读取私钥文件 {path}：{error.strerror or error}") from None
    for line in lines:
        if line.strip().startswith("AGE-SECRET-KEY-"):
            try:
                return pyrage.x25519.Identity.from_str(line.strip())
            except pyrage.IdentityError:
                break
    raise CliError(f"私钥文件中没有有效的 age 私钥：{path}")


def _backup_target(args: argparse.Namespace, config: Settings, suffix: str) -> Path:
    """The output file, created empty with mode 0600; its folder is made when missing (a clear message
    when it cannot be)."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = Path(args.output) if args.output else config.data_dir / f"backup-{stamp}{suffix}"
    if target.is_dir():
        raise CliError(f"备份路径是一个文件夹，请给出文件名：{target}")
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Readable by the owner only from the first byte on.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        os.chmod(target, 0o600)
    except OSError as error:
        raise CliError(f"无法写入备份文件 {target}：{error.strerror or error}") from None
    return target


def pg_command(tool: str, url: URL) -> tuple[list[str], dict[str, str], str]:
    """The tool's path, an environment with the password in ``PGPASSWORD`` (never on the command line,
    where ``ps`` shows it) and the connection string without it."""
    path = shutil.which(tool)
    if path is None:
        raise CliError(f"未找到 {tool}，请安装 PostgreSQL 客户端工具（postgresql-client）")
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    without_password = URL.create(
        "postgresql", url.username, None, url.host, url.port, url.database, url.query
    )
    return [path], env, without_password.render_as_string(hide_password=False)


def last_line(stderr: str, tool: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    return lines[-1].removeprefix(f"{tool}: ").removeprefix("error: ") if lines else ""


def _pg_dump(url: URL, target: Path, keys: list[pyrage.x25519.Recipient]) -> None:
    """pg_dump into ``target``: straight to the file, or through age encryption when ``keys``."""
    command, env, conninfo = pg_command("pg_dump", url)
    command += ["--format=custom", "--dbname", conninfo]
    if not keys:
        result = subprocess.run(
            [*command, "--file", str(target)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        returncode, stderr = result.returncode, result.stderr
    else:
        with tempfile.TemporaryFile() as errors, target.open("wb") as out:
            process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=errors)
            assert process.stdout is not None
            try:
                pyrage.encrypt_io(process.stdout, out, keys)
            finally:
                process.stdout.close()
                returncode = process.wait()
            errors.seek(0)
            stderr = errors.read().decode(errors="replace")
    if returncode != 0:
        target.unlink(missing_ok=True)
        raise CliError(f"pg_dump 备份失败（退出码 {returncode}）：{last_line(stderr, 'pg_dump')}")


def _sqlite_copy(source_path: str, target: Path) -> None:
    source = sqlite3.connect(source_path)
    try:
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise CliError(f"备份失败：{error}") from None
    finally:
        source.close()


def _encrypt_file(plain: Path, target: Path, keys: list[pyrage.x25519.Recipient]) -> None:
    with plain.open("rb") as reader, target.open("wb") as writer:
        pyrage.encrypt_io(reader, writer, keys)


def cmd_backup(args: argparse.Namespace) -> None:
    config = settings(args)
    keys = [] if args.unencrypted else recipients(config)
    if not keys and not args.unencrypted:
        raise CliError(
            "未设置备份加密公钥：请用 backup-keygen 生成密钥并把公钥写入 JIAFANG_BACKUP_RECIPIENTS，"
            "或明确使用 --unencrypted"
        )
    url = make_url(config.resolved_database_url())
    age = ".age" if keys else ""
    if url.get_backend_name() == "sqlite":
        target = _backup_target(args, config, ".sqlite3" + age)
        if keys:
            with tempfile.TemporaryDirectory(dir=target.parent, prefix=".jiafang-backup-") as scratch:
                plain = Path(scratch) / "copy.sqlite3"
                _sqlite_copy(url.database or "", plain)
                _encrypt_file(plain, target, keys)
        else:
            _sqlite_copy(url.database or "", target)
    else:
        target = _backup_target(args, config, ".dump" + age)
        _pg_dump(url, target, keys)
    os.chmod(target, 0o600)
    db = database(args)
    db.run(lambda s: audit.record(s, "backup", operator=operator(), target=target.name, encrypted=bool(keys)))
    db.dispose()
    print(target)


def cmd_backup_keygen(args: argparse.Namespace) -> None:
    target = Path(args.output)
    identity = pyrage.x25519.Identity.generate()
    public = str(identity.to_public())
    created = datetime.now(UTC).isoformat(timespec="seconds")
    content = f"# created: {created}\n# public key: {public}\n{identity}\n"
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CliError(f"文件已存在，不会覆盖：{target}") from None
    except OSError as error:
        raise CliError(f"无法写入私钥文件 {target}：{error.strerror or error}") from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(content)
    print(public)
    print(
        f"私钥已写入 {target}（仅本人可读）。请把上面的公钥写入 JIAFANG_BACKUP_RECIPIENTS，"
        "把私钥文件移出服务器妥善保管：没有它，备份无法恢复。",
        file=sys.stderr,
    )


def magic(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(32)
    except OSError as error:
        raise CliError(f"无法读取备份文件 {path}：{error.strerror or error}") from None


def decrypt_to(path: Path, identity_file: str | None, writer: IO[bytes]) -> None:
    if not identity_file:
        raise CliError("该备份已加密：请用 --identity 指定私钥文件（backup-keygen 生成的）")
    identity = read_identity(Path(identity_file))
    with path.open("rb") as reader:
        try:
            pyrage.decrypt_io(reader, writer, [identity])
        except pyrage.DecryptError:
            raise CliError("无法解密备份：私钥不对，或文件已损坏") from None


def cmd_decrypt_backup(args: argparse.Namespace) -> None:
    path = Path(args.backup)
    if not magic(path).startswith(AGE_MAGIC):
        raise CliError(f"该文件不是加密的备份：{path}")
    if args.output:
        descriptor = os.open(args.output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            decrypt_to(path, args.identity, out)
        return
    if sys.stdout.isatty():
        raise CliError("解密结果是二进制数据：请用 --output 指定文件，或用管道交给 pg_restore")
    decrypt_to(path, args.identity, sys.stdout.buffer)
    sys.stdout.buffer.flush()


def register(commands: Any) -> None:
    backup = commands.add_parser("backup", help="备份数据库（用 JIAFANG_BACKUP_RECIPIENTS 中的公钥加密）")
    backup.add_argument("--output", help="备份文件路径")
    backup.add_argument("--unencrypted", action="store_true", help="不加密（备份含全部学生资料的明文）")
    backup.set_defaults(func=cmd_backup)

    keygen = commands.add_parser("backup-keygen", help="生成备份加密密钥（私钥交管理员保管，公钥写入设置）")
    keygen.add_argument("--output", required=True, help="私钥文件（不会覆盖已有文件）")
    keygen.set_defaults(func=cmd_backup_keygen)

    decrypt = commands.add_parser("decrypt-backup", help="解密备份（输出到文件，或经管道交给 pg_restore）")
    decrypt.add_argument("backup")
    decrypt.add_argument("--identity", required=True, help="私钥文件")
    decrypt.add_argument("--output", help="输出文件（默认标准输出）")
    decrypt.set_defaults(func=cmd_decrypt_backup)
