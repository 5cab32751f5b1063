"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import PROTOCOL_VERSION
from sync.server import figures, metrics
from sync.server.database import Database
from sync.server.errors import ApiError, handle_api_error, handle_http_error, handle_validation_error
from sync.server.hash_gate import HashGate
from sync.server.limits import BodyLimit, KnownTokens
from sync.server.routes import admin, attachments, auth, health, records, sync
from sync.server.routes import figures as figures_route
from sync.server.routes import metrics as metrics_route
from sync.server.settings import Settings


def create_app(settings: Settings | None = None, *, database: Database | None = None) -> FastAPI:
    """Build the app; migrations run here, before the first request (Alembic at start)."""
    settings = settings or Settings()
    database = database or Database(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Route code that uses the database runs in the thread pool: no more threads than pooled
        # connections, so a busy worker queues requests cheaply instead of running dozens of threads that
        # contend for the GIL and wait for a connection.
        to_thread.current_default_thread_limiter().total_tokens = settings.pool_size
        yield
        database.dispose()
        metrics.process_ended()

    app = FastAPI(
        title="JiaFang sync server",
        version=f"protocol {PROTOCOL_VERSION}",
        description="家访 JiaFang 中心服务器：同步、账号与设备管理。协议见 docs/sync-protocol.md。",
        lifespan=lifespan,
        # The API explorer and the schema only where enabled (JIAFANG_API_DOCS=true): not in production.
        docs_url="/docs" if settings.api_docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.api_docs else None,
    )
    app.state.settings = settings
    app.state.database = database
    # The live records the figures read, kept current from the change sequence (a cache per process).
    app.state.figures = figures.ServedFigures()
    app.state.hash_gate = HashGate(
        limit=settings.max_concurrent_hashes,
        queue=settings.hash_queue,
        wait_seconds=settings.hash_wait_seconds,
    )
    app.add_exception_handler(ApiError, handle_api_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_error)
    routers = (health, auth, sync, records, attachments, admin, metrics_route, figures_route)
    for module in routers:
        app.include_router(module.router)
    app.add_middleware(
        BodyLimit,
        max_bytes=settings.max_body_bytes,
        token_check=KnownTokens(database, settings.token_ttl_days),
    )
    app.add_middleware(metrics.RequestMetrics)
    metrics.watch_pool(database.engine, 2 * settings.pool_size)
    return app
