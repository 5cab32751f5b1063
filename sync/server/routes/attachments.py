"""Attachments: content-addressed (SHA-256) per student, resumable chunked upload and download (protocol §9)."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from sync.protocol import MAX_CHUNK_BYTES, AttachmentInit, AttachmentStatus, ErrorCode
from sync.records.enums import Role
from sync.server import scope
from sync.server.deps import DatabaseDep, SettingsDep, SyncPrincipalDep
from sync.server.errors import SESSION_ERRORS, ApiError, error_responses
from sync.server.models import Attachment, AttachmentChunk
from sync.server.scope import Principal

router = APIRouter(
    prefix="/attachments", tags=["attachments"], responses=error_responses(*SESSION_ERRORS, 404)
)

Sha = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
Offset = Annotated[int, Query(ge=0)]


def _status(item: Attachment) -> AttachmentStatus:
    return AttachmentStatus(
        sha256=item.sha256, size=item.size, received=item.received, complete=item.complete
    )


def _copies(session: Session, sha256: str) -> list[Attachment]:
    """Every student's copy of this file (the same bytes may be attached to several students)."""
    return list(
        session.scalars(select(Attachment).where(Attachment.sha256 == sha256).order_by(Attachment.student_id))
    )


def _readable(session: Session, principal: Principal, sha256: str) -> Attachment:
    """A finished copy of the file for a student the principal may read *now* (never by what its device
    once held); anything else answers like an unknown hash."""
    for item in _copies(session, sha256):
        if item.complete and scope.can_read_students(session, principal, (item.student_id,)):
            return item
    raise ApiError(ErrorCode.NOT_FOUND)


def _uploading(
    session: Session, principal: Principal, sha256: str, grace_days: int, *, lock: bool = False
) -> Attachment:
    """The copy an upload continues: of a student the principal may read now, or its own upload of a
    student that left its scope within the grace; unfinished and own copies first."""

    def allowed(item: Attachment) -> bool:
        students = (item.student_id,)
        if scope.can_read_students(session, principal, students):
            return True
        return item.uploaded_by == principal.user_id and scope.may_reach(
            session, principal, students, grace_days=grace_days
        )

    usable = [item for item in _copies(session, sha256) if allowed(item)]
    if not usable:
        raise ApiError(ErrorCode.NOT_FOUND)
    item = min(usable, key=lambda copy: (copy.complete, copy.uploaded_by != principal.user_id))
    if lock:
        locked = session.get(
            Attachment, (item.sha256, item.student_id), with_for_update=True, populate_existing=True
        )
        assert locked is not None
        item = locked
    return item


@router.post("", response_model=AttachmentStatus)
def start_upload(
    body: AttachmentInit, principal: SyncPrincipalDep, database: DatabaseDep, settings: SettingsDep
) -> AttachmentStatus:
    def work(session: Session) -> AttachmentStatus:
        if not scope.may_reach(
            session, principal, (body.student_id,), grace_days=settings.reassignment_grace_days
        ):
            raise ApiError(ErrorCode.NOT_FOUND)
        if principal.role not in (Role.COUNSELOR, Role.COLLEGE_CENTER):
            raise ApiError(ErrorCode.FORBIDDEN)
        item = session.get(Attachment, (body.sha256, body.student_id), with_for_update=True)
        if item is None:
            item = Attachment(
                sha256=body.sha256,
                student_id=body.student_id,
                size=body.size,
                received=0,
                complete=False,
                uploaded_by=principal.user_id,
            )
            session.add(item)
        elif item.size != body.size:
            raise ApiError(ErrorCode.VALIDATION_FAILED, "附件信息与已上传的内容不符")
        # Each student's copy is its own upload: whether this file exists for another student plays
        # no part in the answer.
        return _status(item)

    return database.run(work)


@router.get("/{sha256}/status", response_model=AttachmentStatus)
def upload_status(
    sha256: Sha, principal: SyncPrincipalDep, database: DatabaseDep, settings: SettingsDep
) -> AttachmentStatus:
    def work(session: Session) -> AttachmentStatus:
        item = _uploading(session, principal, sha256, settings.reassignment_grace_days)
        # A finished file is told of by the current read scope only, like its download.
        return _status(_readable(session, principal, sha256) if item.complete else item)

    return database.run(work)


_BINARY = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}


@router.put(
    "/{sha256}",
    response_model=AttachmentStatus,
    openapi_extra={"requestBody": {"required": True, "content": _BINARY}},
)
async def upload_chunk(
    sha256: Sha,
    offset: Offset,
    request: Request,
    principal: SyncPrincipalDep,
    database: DatabaseDep,
    settings: SettingsDep,
) -> AttachmentStatus:
    chunk = await request.body()
    if not chunk or len(chunk) > MAX_CHUNK_BYTES:
        raise ApiError(ErrorCode.BAD_REQUEST, "附件分块大小无效")

    def work(session: Session) -> AttachmentStatus:
        item = _uploading(session, principal, sha256, settings.reassignment_grace_days, lock=True)
        if item.complete:
            return _status(item)
        if offset != item.received or offset + len(chunk) > item.size:
            raise ApiError(ErrorCode.BAD_REQUEST, f"分块位置不符，服务器已收到 {item.received} 字节")
        session.add(AttachmentChunk(sha256=sha256, student_id=item.student_id, offset=offset, data=chunk))
        item.received += len(chunk)
        if item.received == item.size:
            session.flush()
            digest = hashlib.sha256()
            for data in session.scalars(
                select(AttachmentChunk.data)
                .where(AttachmentChunk.sha256 == sha256, AttachmentChunk.student_id == item.student_id)
                .order_by(AttachmentChunk.offset)
            ):
                digest.update(data)
            if digest.hexdigest() != sha256:
                session.execute(
                    delete(AttachmentChunk).where(
                        AttachmentChunk.sha256 == sha256, AttachmentChunk.student_id == item.student_id
                    )
                )
                item.received = 0
                return _status(item)
            item.complete = True
        return _status(item)

    status = await run_in_threadpool(database.run, work)
    if status.received == 0 and not status.complete:
        raise ApiError(ErrorCode.HASH_MISMATCH)
    return status


@router.get(
    "/{sha256}",
    response_class=Response,
    responses={200: {"content": _BINARY, "description": "附件内容（从 offset 起至多 1 MiB）"}},
)
def download(sha256: Sha, offset: Offset, principal: SyncPrincipalDep, database: DatabaseDep) -> Response:
    def work(session: Session) -> tuple[bytes, int]:
        item = _readable(session, principal, sha256)
        if not item.complete:
            raise ApiError(ErrorCode.NOT_FOUND)
        if offset > item.size:
            raise ApiError(ErrorCode.BAD_REQUEST, "下载位置超出附件大小")
        parts = session.scalars(
            select(AttachmentChunk)
            .where(
                AttachmentChunk.sha256 == sha256,
                AttachmentChunk.student_id == item.student_id,
                AttachmentChunk.offset + 2 * MAX_CHUNK_BYTES > offset,
            )
            .order_by(AttachmentChunk.offset)
        )
        out = bytearray()
        for part in parts:
            start = max(0, offset - part.offset)
            if start < len(part.data):
                out += part.data[start:]
            if len(out) >= MAX_CHUNK_BYTES:
                break
        return bytes(out[:MAX_CHUNK_BYTES]), item.size

    data, size = database.run(work)
    return Response(content=data, media_type="application/octet-stream", headers={"X-Total-Size": str(size)})
