"""Item 8: 学号 unique per school, conflict values validated, uploads that reveal nothing, unfinished
uploads expire."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import func, select, update

from sync.ids import new_id
from sync.server import directory
from sync.server.maintenance import expire_uploads
from sync.server.models import Attachment, AttachmentChunk, ConflictRow
from sync.server.models.base import utcnow
from tests.security.attack import OP_ANSWERS, changed, snapshot
from tests.sync.server.conftest import Api, College
from tests.sync.server.records_data import family_member


def test_a_student_number_is_unique_per_school(college: College) -> None:
    server = college.server
    server.student(college.college_id, college.counselor_b, "2024001")
    api = server.login("counselor_a")
    before = snapshot(server.database, ignore_tables=OP_ANSWERS)
    fields = {
        "student_no": "2024001",
        "name": "重号",
        "college_id": college.college_id,
        "counselor_id": college.counselor_a,
    }
    [result] = api.push(api.op("student", new_id(), fields))
    assert (result["status"], result["reason"]) == ("rejected", "validation_failed")
    assert result["message"] == "学号 2024001 已被本校其他学生使用，学号须全校唯一"
    assert not changed(server.database, before, ignore_tables=OP_ANSWERS)
    # Nor can an existing student be renumbered onto it.
    mine = server.student(college.college_id, college.counselor_a, "2024002")
    api.pull_all()
    [renumber] = api.push(api.op("student", mine, {"student_no": "2024001"}, base={"student_no": 1}))
    assert renumber["status"] == "rejected" and "学号须全校唯一" in renumber["message"]


def test_the_admin_roster_path_refuses_a_taken_number(college: College) -> None:
    server = college.server
    server.student(college.college_id, None, "2024001")
    try:
        server.database.run(
            lambda s: directory.write_records(
                s,
                [
                    (
                        "student",
                        new_id(),
                        {"student_no": "2024001", "name": "重号", "college_id": college.college_id},
                    )
                ],
            )
        )
    except directory.DirectoryError as error:
        assert "学号 2024001" in str(error)
    else:
        raise AssertionError("a duplicate 学号 was written")


def test_an_edit_to_a_deleted_record_is_validated_before_it_is_kept(college: College) -> None:
    server = college.server
    student = server.student(college.college_id, college.counselor_a)
    a = server.login("counselor_a")
    member = new_id()
    a.push(a.op("family_member", member, family_member(student), student_id=student))
    other = server.login("counselor_a")
    other.pull_all()
    a.push(a.delete_op("family_member", member, base_rev=1))
    bad = {"annual_income": {"not": "money"}, "name": "x" * 5000}
    before = snapshot(server.database, ignore_tables=OP_ANSWERS)
    [result] = other.push(other.op("family_member", member, bad, base={"annual_income": 1, "name": 1}))
    assert (result["status"], result["reason"]) == ("rejected", "validation_failed")
    assert not changed(server.database, before, ignore_tables=OP_ANSWERS)
    # A valid edit of the deleted record still becomes a conflict, with its normalised values.
    [kept] = other.push(other.op("family_member", member, {"occupation": " 务农 "}, base={"occupation": 1}))
    assert kept["status"] == "conflict"
    conflicts = server.database.run(lambda s: s.scalar(select(func.count()).select_from(ConflictRow)))
    assert conflicts == 1


def _upload_answers(api: Api, student: str, data: bytes) -> list[dict[str, object]]:
    """Every answer of a whole upload (start, each 100-byte chunk), without the hash."""
    sha = hashlib.sha256(data).hexdigest()
    answers = [api.post("/attachments", {"sha256": sha, "size": len(data), "student_id": student})]
    for offset in range(0, len(data), 100):
        answers.append(
            api.http.put(
                f"/attachments/{sha}", params={"offset": offset}, content=data[offset : offset + 100]
            )
        )
    assert all(answer.status_code == 200 for answer in answers), [a.text for a in answers]
    return [{**answer.json(), "sha256": ""} for answer in answers]


def test_uploading_a_file_another_student_has_reveals_nothing(college: College) -> None:
    server = college.server
    theirs = server.student(college.college_id, college.counselor_b, "2024001")
    mine = server.student(college.college_id, college.counselor_a, "2024002")
    photo = b"a photo of another student " * 30
    b = server.login("counselor_b")
    _upload_answers(b, theirs, photo)
    a = server.login("counselor_a")
    # The same bytes for A's own student: every answer is what a never-seen file of that size gets.
    known = _upload_answers(a, mine, photo)
    fresh = _upload_answers(a, mine, photo[:-1] + b"!")
    assert known == fresh
    sha = hashlib.sha256(photo).hexdigest()
    # Each counselor reads their own student's copy; B's copy was never touched.
    assert a.http.get(f"/attachments/{sha}", params={"offset": 0}).content == photo
    assert b.http.get(f"/attachments/{sha}", params={"offset": 0}).content == photo
    copies = server.database.run(
        lambda s: sorted(
            s.execute(
                select(Attachment.student_id, Attachment.uploaded_by).where(Attachment.sha256 == sha)
            ).all()
        )
    )
    assert copies == sorted([(theirs, college.counselor_b), (mine, college.counselor_a)])


def test_unfinished_uploads_expire(college: College) -> None:
    server = college.server
    student = server.student(college.college_id, college.counselor_a)
    a = server.login("counselor_a")
    done, stale, recent = b"finished " * 20, b"abandoned " * 20, b"in progress " * 20
    for data in (done, stale, recent):
        a.post(
            "/attachments",
            {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "student_id": student},
        )
        sent = data if data is done else data[:50]
        a.http.put(f"/attachments/{hashlib.sha256(data).hexdigest()}", params={"offset": 0}, content=sent)
    stale_sha = hashlib.sha256(stale).hexdigest()
    hours = server.live.settings.upload_expiry_hours
    server.database.run(
        lambda s: s.execute(
            update(Attachment)
            .where(Attachment.sha256.in_([stale_sha, hashlib.sha256(done).hexdigest()]))
            .values(created_at=utcnow() - timedelta(hours=hours + 1))
        )
    )
    assert server.database.run(lambda s: expire_uploads(s, hours=hours)) == 1
    left = server.database.run(lambda s: set(s.scalars(select(Attachment.sha256))))
    assert left == {hashlib.sha256(done).hexdigest(), hashlib.sha256(recent).hexdigest()}
    chunks = server.database.run(lambda s: set(s.scalars(select(AttachmentChunk.sha256))))
    assert stale_sha not in chunks
    assert a.http.get(f"/attachments/{stale_sha}/status").status_code == 404
