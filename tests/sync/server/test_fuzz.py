"""Fuzzing every endpoint of the served OpenAPI document with random bodies, paths and headers:
never a 5xx, and a rejected request changes nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from sync.server.models import AuditEntry, ProcessedOp, RecordRow, SeqCounter
from tests.sync.server.conftest import College

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
FIELD_NAMES = [
    "device_id",
    "ops",
    "cursor",
    "limit",
    "student_ids",
    "upto",
    "after",
    "buckets",
    "sha256",
    "size",
    "student_id",
    "username",
    "password",
    "op_id",
    "record_type",
    "record_id",
    "kind",
    "fields",
    "base",
    "hlc",
    "author_id",
]
bodies = st.one_of(json_values, st.dictionaries(st.sampled_from(FIELD_NAMES), json_values, max_size=6))
path_parts = st.text(alphabet="abcdef0123456789-_.%~", min_size=0, max_size=70)


def _state(college: College) -> tuple[Any, ...]:
    def read(session: Any) -> tuple[Any, ...]:
        return (
            session.scalar(select(SeqCounter.value)),
            session.scalar(select(func.count()).select_from(RecordRow)),
            session.scalar(select(func.count()).select_from(ProcessedOp)),
        )

    return college.server.database.run(read)


@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_endpoint_answers_5xx_or_changes_state_when_it_refuses(
    college: College, data: st.DataObject
) -> None:
    server = college.server
    if not hasattr(server, "fuzz_api"):
        server.fuzz_api = server.login("counselor_a")  # type: ignore[attr-defined]
        server.fuzz_document = httpx.get(f"{server.url}/openapi.json").json()  # type: ignore[attr-defined]
    api = server.fuzz_api  # type: ignore[attr-defined]
    document = server.fuzz_document  # type: ignore[attr-defined]
    operations = sorted((path, method) for path, item in document["paths"].items() for method in item)
    path, method = data.draw(st.sampled_from(operations))
    concrete = path
    while "{" in concrete:
        start, end = concrete.index("{"), concrete.index("}")
        concrete = concrete[:start] + data.draw(path_parts) + concrete[end + 1 :]
    body = data.draw(bodies)
    headers: dict[str, str] = {}
    if data.draw(st.booleans()):
        headers["X-JiaFang-Schema"] = data.draw(st.sampled_from(["0", "1", "2", "x", ""]))
    before = _state(college)
    audit_before = server.database.run(lambda s: s.scalar(select(func.count()).select_from(AuditEntry)))
    response = api.http.request(method.upper(), concrete or "/", json=body, headers=headers)
    assert response.status_code < 500, (method, concrete, body, response.text)
    if response.status_code >= 400:
        assert _state(college) == before
        audit_after = server.database.run(lambda s: s.scalar(select(func.count()).select_from(AuditEntry)))
        assert audit_after - audit_before <= 1  # only login attempts leave an audit line
