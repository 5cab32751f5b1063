"""Liveness and the versions the server serves (no authentication)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from sync.protocol import HealthResponse
from sync.server.deps import DatabaseDep

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthResponse)
def health(database: DatabaseDep) -> HealthResponse:
    database.run(lambda session: session.execute(text("SELECT 1")).scalar_one())
    return HealthResponse()
