"""Server settings, read from the environment (``JIAFANG_…``) by pydantic-settings."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url

from sync.protocol import MAX_BODY_BYTES


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("jiafang-server", appauthor=False))


class Settings(BaseSettings):
    """Everything the server needs to run; defaults give an embedded SQLite server in the data folder."""

    model_config = SettingsConfigDict(env_prefix="JIAFANG_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str = ""
    max_body_bytes: int = MAX_BODY_BYTES
    tombstone_days: int = 400
    # Failed logins: free tries per account from one address / per account / per address, then each
    # further failure doubles the wait (1 s, 2 s, 4 s ...) up to the cap (see sync/server/throttle.py).
    login_free_failures_per_pair: int = 3
    login_free_failures_per_user: int = 10
    login_free_failures_per_address: int = 30
    login_max_delay_pair_seconds: int = 900
    login_max_delay_user_seconds: int = 60
    login_max_delay_address_seconds: int = 900
    # Password hashes (Argon2id, ~64 MiB each) computed at once per worker; more wait in a queue of at
    # most ``hash_queue`` for up to ``hash_wait_seconds``, beyond that: 429 with Retry-After.
    max_concurrent_hashes: int = 2
    hash_queue: int = 16
    hash_wait_seconds: float = 10.0
    # A device token expires after this many days without use (sliding; each use extends it).
    token_ttl_days: int = 30
    # Ops made before a student left a device's scope are accepted for this long after the leave.
    reassignment_grace_days: int = 7
    # Audit entries one account may send per hour (more are refused, retryable later).
    audit_entries_per_hour: int = 2000
    # Unfinished attachment uploads are removed after this many hours (expire-uploads).
    upload_expiry_hours: int = 24
    push_retries: int = 8
    # Seconds an idle kept-alive client connection stays open (uvicorn's timeout_keep_alive): longer than a
    # device's pause between the requests of one sync, so devices reuse their connection.
    keep_alive_seconds: int = 75
    # Connections the listening socket queues before the server accepts them (many devices at once).
    backlog: int = 4096
    # Database connections per worker process, and as many threads for the requests using them.  Each
    # process opens up to 2 x pool_size connections (the pool plus as many overflow connections): with
    # PostgreSQL keep processes x 2 x pool_size below its max_connections (100 by default).
    pool_size: int = 10
    # The database password on its own (any characters, spaces too, no URL-encoding): replaces the
    # password of ``database_url`` when set.
    database_password: str = ""
    # The interactive API explorer (/docs) and /openapi.json: off unless enabled.
    api_docs: bool = False
    # /metrics (Prometheus) answers only a request with ``Authorization: Bearer <metrics_token>``; without
    # a token the endpoint does not exist.
    metrics_token: str = ""
    # age public keys (``age1…``, separated by commas or spaces) that backups are encrypted to.
    backup_recipients: str = ""

    def resolved_database_url(self) -> str:
        """The configured URL (with ``database_password`` put in), or a SQLite file in the data folder."""
        if self.database_url:
            if not self.database_password:
                return self.database_url
            url = make_url(self.database_url).set(password=self.database_password)
            return url.render_as_string(hide_password=False)
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        return f"sqlite:///{self.data_dir / 'jiafang-server.sqlite3'}"
