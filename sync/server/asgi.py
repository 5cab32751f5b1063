"""The app for ``uvicorn sync.server.asgi:app`` (several worker processes; settings from the environment)."""

from __future__ import annotations

from sync.server.app import create_app

app = create_app()
