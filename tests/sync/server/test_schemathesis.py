"""Schemathesis against the OpenAPI document the live server serves, for every operation, on SQLite and
PostgreSQL: valid and invalid requests (bodies, path and query parameters, headers) made from the schema,
sent with a logged-in device's token.  No answer is a 5xx, every answer matches the schema declared for
its status (success bodies and the ``{"error": …}`` body of every declared error), and a refused request
(4xx) leaves every server table as it was.

Hypothesis is derandomized, so a run is reproducible; each operation gets ``EXAMPLES`` cases
(``JIAFANG_FUZZ_EXAMPLES`` raises it for a deeper run by hand, ``JIAFANG_FUZZ_SEED`` picks another
seed for that run).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance
from sqlalchemy import select

from sync.ids import new_id
from sync.records import RECORD_TYPES
from sync.server import directory
from sync.server.models import AuditEntry, Base, Device, LoginThrottle, SeqCounter
from tests.sync.server.conftest import PASSWORD, VERSION_HEADERS, College, Server
from tests.sync.server.records_data import family_member, visit

EXAMPLES = int(os.environ.get("JIAFANG_FUZZ_EXAMPLES", "25"))
SEED = os.environ.get("JIAFANG_FUZZ_SEED")

# Every operation of the served document (a new endpoint must be added here; a test checks the list).
OPERATIONS = [
    ("GET", "/health"),
    ("POST", "/auth/login"),
    ("POST", "/auth/logout"),
    ("POST", "/auth/refresh"),
    ("POST", "/auth/password"),
    ("GET", "/auth/me"),
    ("POST", "/sync/push"),
    ("POST", "/sync/pull"),
    ("POST", "/sync/backfill"),
    ("POST", "/sync/digest"),
    ("POST", "/sync/repair"),
    ("POST", "/sync/epoch"),
    ("GET", "/records/{record_id}"),
    ("POST", "/attachments"),
    ("GET", "/attachments/{sha256}/status"),
    ("PUT", "/attachments/{sha256}"),
    ("GET", "/attachments/{sha256}"),
    ("GET", "/admin/devices"),
    ("POST", "/admin/devices/{device_id}/revoke"),
    ("POST", "/admin/devices/{device_id}/wipe"),
    ("GET", "/admin/audit"),
    ("GET", "/figures/coverage"),
    ("GET", "/figures/annual"),
]

# Bookkeeping a refused request may leave: when a device was last seen (written on contact, before the
# request is judged), and for a refused login or password change its throttle count and audit line (the
# progressive delays need them).  A cursor above the horizon is taken as evidence of a restore: the server
# renews its epoch (at most once per change numbered; earlier epochs stay valid for honest devices,
# protocol §8a) while refusing it.
_IGNORED_COLUMNS = {(Device.__tablename__, "last_seen_at")} | {
    (SeqCounter.__tablename__, name) for name in ("epoch", "epoch_start", "epoch_at", "past_epochs")
}
_LOGIN_BOOKKEEPING = {LoginThrottle.__tablename__, AuditEntry.__tablename__}


def _table_digests(fuzz: Fuzz) -> dict[str, str]:
    """One SHA-256 per server table over all its rows (in primary-key order)."""

    def read(session: Any) -> dict[str, str]:
        digests: dict[str, str] = {}
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if (table.name, c.name) not in _IGNORED_COLUMNS]
            rows = session.execute(select(*columns).order_by(*table.primary_key.columns)).all()
            digests[table.name] = hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()
        return digests

    return fuzz.server.database.run(read)


def _login_audit_only(fuzz: Fuzz, before: int) -> bool:
    actions = fuzz.server.database.run(
        lambda s: list(s.scalars(select(AuditEntry.action).where(AuditEntry.id > before)))
    )
    return all(action in ("login_failed", "login_limited", "password_change_failed") for action in actions)


@dataclass
class Fuzz:
    """The live server with one college, a student in scope, and logged-in devices to send requests as."""

    server: Server
    college: College
    student_id: str
    record_id: str
    tokens: dict[str, str] = field(default_factory=dict)
    device_ids: dict[str, str] = field(default_factory=dict)

    def login(self, username: str) -> None:
        api = self.server.login(username)
        self.tokens[username], self.device_ids[username] = api.token, api.device_id

    def schema(self) -> Any:
        return schemathesis.openapi.from_url(f"{self.server.url}/openapi.json")


@pytest.fixture
def fuzz(college: College) -> Iterator[Fuzz]:
    student = college.server.student(college.college_id, college.counselor_a, phone="13800000000")
    record_id = new_id()
    college.server.database.run(
        lambda s: directory.write_records(s, [("family_member", record_id, family_member(student))])
    )
    handle = Fuzz(college.server, college, student, record_id)
    handle.login("counselor_a")
    handle.login("admin")
    handle.login("center")
    yield handle


def test_the_fuzzed_operations_are_every_operation_served(fuzz: Fuzz) -> None:
    document = httpx.get(f"{fuzz.server.url}/openapi.json").json()
    served = sorted((method.upper(), path) for path, item in document["paths"].items() for method in item)
    assert served == sorted(OPERATIONS)


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


def _record_op(fuzz: Fuzz, data: st.DataObject) -> dict[str, Any]:
    """An op on a real record type: a valid record with some fields replaced by random JSON, on the
    student in scope, on one of its records, or on a new id; an upsert or a delete."""
    record_type = data.draw(st.sampled_from(sorted(RECORD_TYPES)))
    names = sorted(RECORD_TYPES[record_type].model_fields.keys() - {"id"})
    student = fuzz.student_id
    fields: dict[str, Any] = {}
    if record_type == "home_visit":
        fields = visit(student)
    elif record_type == "family_member":
        fields = family_member(student)
    elif names:
        fields = {
            name: data.draw(json_values) for name in data.draw(st.lists(st.sampled_from(names), max_size=4))
        }
    for name in data.draw(st.lists(st.sampled_from(names), max_size=2)) if names else ():
        fields[name] = data.draw(json_values)
    record_id = data.draw(st.sampled_from([student, fuzz.record_id, new_id()]))
    kind = data.draw(st.sampled_from(["upsert", "upsert", "delete"]))
    return {
        "op_id": new_id(),
        "record_type": record_type,
        "record_id": record_id,
        "kind": kind,
        "student_id": data.draw(st.sampled_from([student, None, new_id()])),
        "fields": fields if kind == "upsert" else {},
        "base": {name: data.draw(st.integers(0, 3)) for name in fields} if kind == "upsert" else {},
        "base_rev": data.draw(st.integers(0, 3)),
        "resolves": [],
        "device_id": fuzz.device_ids["counselor_a"],
        "author_id": fuzz.college.counselor_a,
        "hlc": "0000000000000-0000-" + fuzz.device_ids["counselor_a"],
    }


def _strategy(operation: Any) -> Any:
    return st.one_of(
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    )


def _send(fuzz: Fuzz, case: Case, username: str, own: dict[str, bool]) -> Any:
    """Send the case as ``username``'s device; ``own`` says which generated parts are replaced by valid ones
    (the token and version headers, the body's ``device_id``), so most cases get past authentication."""
    headers = dict(case.headers or {})
    if own["headers"]:
        wanted = {**VERSION_HEADERS, "Authorization": f"Bearer {fuzz.tokens[username]}"}
        headers = {k: v for k, v in headers.items() if k.lower() not in {w.lower() for w in wanted}}
        headers.update(wanted)
    case.headers = headers
    if own["device"] and isinstance(case.body, dict) and "device_id" in case.body:
        case.body["device_id"] = fuzz.device_ids[username]
    return case.call(base_url=fuzz.server.url, timeout=60)


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_schemathesis_no_5xx_conforming_answers_and_no_change_when_refused(
    fuzz: Fuzz, method: str, path: str
) -> None:
    operation = fuzz.schema()[path][method]
    username = (
        "admin" if path.startswith("/admin") else "center" if path.startswith("/figures") else "counselor_a"
    )

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=SEED is None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        case=_strategy(operation),
        own_headers=st.sampled_from([True, True, True, False]),
        own_device=st.sampled_from([True, True, False]),
        data=st.data(),
    )
    def check(case: Case, own_headers: bool, own_device: bool, data: st.DataObject) -> None:
        # Schemathesis makes ops of made-up record types; half the time push ops on real ones.
        if path == "/sync/push" and own_device and isinstance(case.body, dict) and data.draw(st.booleans()):
            case.body["ops"] = [_record_op(fuzz, data) for _ in range(data.draw(st.integers(1, 4)))]
        before = _table_digests(fuzz)
        last_audit = (
            fuzz.server.database.run(
                lambda s: s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
            )
            or 0
        )
        response = _send(fuzz, case, username, {"headers": own_headers, "device": own_device})
        print(
            "STAT",
            method,
            path,
            response.status_code,
            (response.text[:100] if response.status_code >= 400 or path == "/sync/push" else ""),
        )
        case.validate_response(
            response, checks=[not_a_server_error, response_schema_conformance, status_code_conformance]
        )
        if 400 <= response.status_code < 500:
            after = _table_digests(fuzz)
            changed = {name for name in before if before[name] != after[name]}
            if path in ("/auth/login", "/auth/password"):
                assert changed <= _LOGIN_BOOKKEEPING, (response.status_code, changed)
                assert _login_audit_only(fuzz, last_audit)
            else:
                assert not changed, (response.status_code, response.text, changed)
        if path == "/auth/logout" and response.status_code == 204:
            fuzz.login(username)  # the token was just revoked: keep fuzzing with a fresh one
        if path == "/auth/refresh" and response.status_code == 200:
            fuzz.tokens[username] = response.json()["token"]  # rotated: the old one is dead

    if SEED is not None:
        check = seed(int(SEED))(check)
    check()


def test_a_refused_login_changes_only_its_failure_count_and_audit_line(fuzz: Fuzz) -> None:
    before = _table_digests(fuzz)
    response = httpx.post(
        f"{fuzz.server.url}/auth/login",
        json={"username": "counselor_a", "password": PASSWORD + "x", "device_id": "d1"},
        headers=VERSION_HEADERS,
    )
    assert response.status_code == 401
    after = _table_digests(fuzz)
    assert {name for name in before if before[name] != after[name]} == _LOGIN_BOOKKEEPING


# Schemathesis percent-encodes the path parameters it makes; raw segments (stray '%', dots, '~') reach
# the router as they are (what the earlier hand-written fuzz test covered, merged here).
raw_segments = st.text(alphabet="abcdef0123456789-_.%~", min_size=0, max_size=70)
PATH_OPERATIONS = [(method, path) for method, path in OPERATIONS if "{" in path]


@pytest.mark.parametrize(("method", "path"), PATH_OPERATIONS, ids=[f"{m} {p}" for m, p in PATH_OPERATIONS])
def test_raw_path_segments_are_refused_cleanly(fuzz: Fuzz, method: str, path: str) -> None:
    username = (
        "admin" if path.startswith("/admin") else "center" if path.startswith("/figures") else "counselor_a"
    )
    headers = {**VERSION_HEADERS, "Authorization": f"Bearer {fuzz.tokens[username]}"}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(segment=raw_segments, body=st.one_of(st.none(), json_values))
    def check(segment: str, body: Any) -> None:
        concrete = path.split("{")[0] + segment + path.split("}")[1]
        before = _table_digests(fuzz)
        response = httpx.request(method, fuzz.server.url + concrete, json=body, headers=headers, timeout=60)
        assert response.status_code < 500, (concrete, response.text)
        if response.status_code >= 400:
            assert _table_digests(fuzz) == before

    check()
