"""The packaging files are well-formed: the PyInstaller spec, the systemd unit, nginx, the env template.

systemd-analyze and nginx run when they are installed (``JIAFANG_NGINX`` may name an nginx binary,
e.g. one unpacked with ``apt-get download nginx``); otherwise those two tests skip, saying why.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sync.server.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "installers" / "server"
UNIT = SERVER / "jiafang-server@.service"
NGINX_CONF = SERVER / "jiafang-server.nginx.conf"
ENV_FILE = SERVER / "jiafang-server.env"


def test_spec_and_entry_scripts_are_valid_python() -> None:
    for path in (ROOT / "installers" / "pyinstaller").iterdir():
        if path.suffix in (".spec", ".py"):
            ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    spec = (ROOT / "installers" / "pyinstaller" / "jiafang.spec").read_text(encoding="utf-8")
    # The font goes where desktop/reports/fonts.py looks for fonts shipped with the app.
    from desktop.reports.fonts import APP_FONT_DIR

    assert APP_FONT_DIR.relative_to(ROOT).as_posix() == "resources/fonts"
    assert '"resources/fonts"' in spec
    from desktop.ui.shell.translations import TRANSLATIONS_DIR

    assert TRANSLATIONS_DIR.relative_to(ROOT).as_posix() == "resources/translations"
    assert '"resources/translations"' in spec


def test_env_template_names_only_real_settings() -> None:
    names = [
        line.split("=", 1)[0]
        for line in ENV_FILE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    fields = {f"JIAFANG_{name.upper()}" for name in Settings.model_fields}
    ours = [name for name in names if name.startswith("JIAFANG_")]
    assert ours and set(ours) <= fields, set(ours) - fields
    assert "JIAFANG_DATABASE_URL" in ours
    assert set(names) - set(ours) == {"FORWARDED_ALLOW_IPS"}  # read by uvicorn


def test_nginx_body_limit_matches_the_server() -> None:
    limit = re.search(r"client_max_body_size\s+(\d+)m;", NGINX_CONF.read_text(encoding="utf-8"))
    assert limit is not None
    # nginx lets a little more through than the server accepts, so the server's JSON 413 answers.
    assert int(limit.group(1)) * 1024 * 1024 == Settings().max_body_bytes + 1024 * 1024
    env_limit = re.search(r"^JIAFANG_MAX_BODY_BYTES=(\d+)$", ENV_FILE.read_text(encoding="utf-8"), re.M)
    assert env_limit is not None and int(env_limit.group(1)) == Settings().max_body_bytes


def test_unit_runs_the_real_command() -> None:
    unit = UNIT.read_text(encoding="utf-8")
    exec_start = re.search(r"^ExecStart=(\S+) (.*)$", unit, re.M)
    assert exec_start is not None and exec_start.group(1).endswith("/jiafang-server")
    from sync.server.cli import build_parser

    args = build_parser().parse_args(exec_start.group(2).replace("%i", "8001").split())
    assert (args.command, args.host, args.port) == ("serve", "127.0.0.1", 8001)
    # One reader of the settings file for the server and the admin commands: no EnvironmentFile=.
    assert args.env_file == "/etc/jiafang-server/jiafang-server.env" and "EnvironmentFile=" not in unit
    assert re.search(r"^User=jiafang$", unit, re.M) and re.search(r"^Restart=on-failure$", unit, re.M)


def test_backup_and_housekeeping_units_run_real_commands_with_the_env_file() -> None:
    from sync.server.cli import build_parser

    for name, command in (
        ("jiafang-server-backup.service", "backup"),
        ("jiafang-server-housekeeping.service", "housekeeping"),
    ):
        unit = (SERVER / name).read_text(encoding="utf-8")
        line = re.search(r"/opt/jiafang-server/venv/bin/jiafang-server ([^\"\n]*)", unit)
        assert line is not None, name
        words = line.group(1).replace('"', "").split()
        if "--output" in words:
            words = words[: words.index("--output")]
        args = build_parser().parse_args(words)
        assert (args.command, args.env_file) == (command, "/etc/jiafang-server/jiafang-server.env"), name
        assert "EnvironmentFile=" not in unit


@pytest.mark.parametrize(
    "unit_name",
    ["jiafang-server@8001.service", "jiafang-server-backup.timer", "jiafang-server-housekeeping.timer"],
)
def test_systemd_units_verify(tmp_path: Path, unit_name: str) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    server = shutil.which("jiafang-server", path=str(Path(sys.executable).parent)) or shutil.which(
        "jiafang-server"
    )
    assert server is not None
    for unit_file in SERVER.iterdir():
        if unit_file.suffix in (".service", ".timer"):
            unit = unit_file.read_text(encoding="utf-8")
            unit = unit.replace("/opt/jiafang-server/venv/bin/jiafang-server", server)
            unit = unit.replace("/etc/jiafang-server/jiafang-server.env", str(ENV_FILE))
            (tmp_path / unit_file.name).write_text(unit, encoding="utf-8")
    done = subprocess.run(
        [analyze, "verify", unit_name],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "SYSTEMD_UNIT_PATH": f"{tmp_path}:", "SYSTEMD_LOG_LEVEL": "warning"},
        check=False,
    )
    # Unknown keys and bad values are only warnings (exit 0): any output about our units fails.
    problems = [line for line in (done.stdout + done.stderr).splitlines() if "jiafang-server" in line]
    assert done.returncode == 0 and problems == [], done.stdout + done.stderr


TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def _nginx() -> str | None:
    configured = os.environ.get("JIAFANG_NGINX")
    if configured:
        return configured
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).is_file()), None
    )


def test_nginx_config_passes_nginx_t(tmp_path: Path) -> None:
    nginx = _nginx()
    if nginx is None:
        pytest.skip("nginx is not installed (set JIAFANG_NGINX to an nginx binary to run this)")
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed for a throwaway certificate")
    cert, key = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=jiafang.test",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        capture_output=True,
        check=True,
    )
    site = NGINX_CONF.read_text(encoding="utf-8")
    site = site.replace("/etc/ssl/jiafang/fullchain.pem", str(cert)).replace(
        "/etc/ssl/jiafang/privkey.pem", str(key)
    )
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        "http {\n  access_log off;\n"
        + "".join(f"  {kind}_temp_path {tmp_path}/{kind};\n" for kind in TEMP_PATHS)
        + f"  include {tmp_path}/site.conf;\n}}\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "syntax is ok" in done.stderr and "[warn]" not in done.stderr, done.stderr


def test_inno_setup_script_is_per_user_and_keeps_data() -> None:
    text = (ROOT / "installers" / "windows" / "jiafang.iss").read_text(encoding="utf-8")
    sections = re.findall(r"^\[(\w+)\]$", text, re.M)
    assert {"Setup", "Languages", "Files", "Icons", "InstallDelete"} <= set(sections)
    setup = dict(re.findall(r"^(\w+)=(.*)$", text.split("[Languages]")[0], re.M))
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\JiaFang"
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"])
    assert "ChineseSimplified.isl" in text and "compiler:Default.isl" in text
    # The data folder (%LOCALAPPDATA%\JiaFang) is never named for deletion.
    assert not re.search(r"(?i)Name:\s*\"\{localappdata\}\\JiaFang", text)


def test_macos_files_and_shell_scripts_parse() -> None:
    import plistlib

    plistlib.loads((ROOT / "installers" / "macos" / "entitlements.plist").read_bytes())
    for script in ("installers/build_linux.sh", "installers/macos/build_macos.sh"):
        done = subprocess.run(["bash", "-n", str(ROOT / script)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
