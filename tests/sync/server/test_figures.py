"""The center's figures served by a real server (GET /figures/coverage), on SQLite and PostgreSQL: equal to
the laptop's compute_coverage for the same hand-built school, small counts hidden, only for the center
roles, kept current from the change sequence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.store.coverage import CoverageScope, compute_coverage
from desktop.store.figure_facts import read_school_facts
from desktop.store.store import Store
from sync.figures.annual import ANNUAL_FACT_TYPES, annual_figures
from sync.figures.coverage import FACT_TYPES
from sync.ids import new_id
from sync.records import GrowthReward, Role
from sync.server import directory
from sync.server.figures import CENTER_ONLY, OWN_COLLEGE_ONLY, UNKNOWN_COLLEGE, ServedFigures
from sync.server.live_records import LiveRecords
from sync.server.routes.auth import AGGREGATE_ONLY_REFUSED
from tests.desktop.store.annual_fixture import add_annual_records
from tests.desktop.store.coverage_fixture import YEAR, School, build_school
from tests.sync.server.conftest import PASSWORD, VERSION_HEADERS, Api, Server

# Grades (入学年级) given to the fixture's students, so that the breakdown by grade has rows.
GRADES = {"s1": 2024, "s2": 2024, "s4": 2024, "s3": 2025, "s8": 2025, "s5": 2023, "s6": 2023, "s7": 2023}


@dataclass
class ServedSchool:
    server: Server
    laptop: Store
    school: School

    def expected(self, college_id: str | None = None) -> dict[str, Any]:
        scope = CoverageScope.college(college_id) if college_id else CoverageScope.school()
        with self.laptop.session() as s:
            report = compute_coverage(s, YEAR, scope, include_key_support=True)
        return report.to_json()

    def get(self, api: Api, **params: str) -> Any:
        return api.http.get("/figures/coverage", params={"year": YEAR, **params})


def put_on_server(laptop: Store, server: Server) -> None:
    """The laptop's live records, written to the server as they are (same ids, same fields)."""
    with laptop.session() as s:
        facts = read_school_facts(s, FACT_TYPES)
    records = [record for records in facts.records.values() for record in records]
    server.database.run(lambda session: directory.import_records(session, records))


def build_graded_school(laptop: Store) -> School:
    school = build_school(laptop)
    with laptop.session() as s:
        for key, grade in GRADES.items():
            s.students.patch(school.id(key), grade=grade)
    return school


@pytest.fixture
def served(server: Server, tmp_path: Path) -> Iterator[ServedSchool]:
    laptop = Store.create(
        tmp_path / "laptop",
        "correct horse battery",
        school_name="示例大学",
        user_name="中心",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    try:
        school = build_graded_school(laptop)
        put_on_server(laptop, server)
        server.user("school", Role.SCHOOL_CENTER)
        server.user("arts_center", Role.COLLEGE_CENTER, school.arts.id)
        yield ServedSchool(server, laptop, school)
    finally:
        laptop.close()


def _cells(row: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {name: (cell["covered_text"], cell["total_text"]) for name, cell in row["measures"].items()}


def test_school_figures_equal_the_laptops_and_hide_small_cells(served: ServedSchool) -> None:
    school = served.server.login("school")
    response = served.get(school)
    assert response.status_code == 200, response.text
    body = response.json()
    expected = served.expected()
    assert body["totals"] == expected["totals"]
    assert body["monitoring_flags"] == expected["monitoring_flags"]
    assert body["awaiting_visit_first"] == expected["awaiting_visit_first"]
    assert body["at_school"] == expected["at_school"]
    assert [c["missing"] for c in body["centers"]] == [c["missing"] for c in expected["centers"]]
    assert body["key_support_included"] is True and body["seq"] > 0
    # 文学院 counts 4 disadvantaged students and 1 key-support student, 理学院 2 and 1: every cell "<5";
    # 艺术学院 has none (0 is shown); the support centers (#1) count no students and are shown whole.
    small = ("<5", "<5")
    rows = {row["label"]: _cells(row) for row in body["by_college"]}
    assert rows == {
        "文学院": {
            "center": ("1", "1"),
            **dict.fromkeys(("visits", "rewards", "archive", "mentors", "rescue"), small),
        },
        "理学院": {
            "center": ("0", "1"),
            **dict.fromkeys(("visits", "rewards", "archive", "mentors", "rescue"), small),
        },
        "艺术学院": {
            "center": ("1", "1"),
            **dict.fromkeys(("visits", "rewards", "archive", "mentors", "rescue"), ("0", "0")),
        },
    }
    assert all(
        cell["covered"] is None and cell["percent"] is None
        for cell in body["by_college"][0]["measures"].values()
        if cell["total_text"] == "<5"
    )
    # By grade: 2023 (s7), 2024 (s1 s2 s4), 2025 (s3 s8): all under 5.
    grades = {row["label"]: _cells(row)["visits"] for row in body["by_grade"]}
    assert grades == {"2023级": small, "2024级": small, "2025级": small}
    assert "张三" not in response.text and served.school.id("s1") not in response.text


def test_a_college_center_sees_its_own_college_only(served: ServedSchool) -> None:
    center = served.server.login("arts_center")
    own = served.get(center)
    assert own.status_code == 200, own.text
    assert own.json()["college_id"] == served.school.arts.id and own.json()["college"] == "文学院"
    assert own.json()["totals"] == served.expected(served.school.arts.id)["totals"]
    assert own.json()["by_college"] == []
    same = served.get(center, college=served.school.arts.id)
    assert same.json()["totals"] == own.json()["totals"]
    other = served.get(center, college=served.school.science.id)
    assert other.status_code == 403 and other.json()["error"]["message"] == OWN_COLLEGE_ONLY
    school = served.server.login("school")
    science = served.get(school, college=served.school.science.id)
    assert science.json()["totals"] == served.expected(served.school.science.id)["totals"]
    unknown = served.get(school, college=new_id())
    assert unknown.status_code == 404 and unknown.json()["error"]["message"] == UNKNOWN_COLLEGE


@pytest.mark.parametrize("role", [Role.COUNSELOR, Role.MENTOR, Role.ADMIN])
def test_other_roles_are_refused(served: ServedSchool, role: Role) -> None:
    college = served.school.arts.id if role is Role.COUNSELOR else None
    served.server.user("someone", role, college)
    api = served.server.login("someone")
    for path in ("/figures/coverage", "/figures/annual"):
        for params in ({}, {"college": served.school.arts.id}):
            refused = api.http.get(path, params={"year": YEAR, **params})
            assert refused.status_code == 403
            assert refused.json()["error"]["message"] == CENTER_ONLY
            assert "totals" not in refused.text and "coverage" not in refused.text


def test_annual_figures_equal_the_laptops_with_the_college_breakdown_suppressed(served: ServedSchool) -> None:
    school = served.server.login("school")
    response = school.http.get("/figures/annual", params={"year": YEAR})
    assert response.status_code == 200, response.text
    body = response.json()
    with served.laptop.session() as s:
        expected = annual_figures(
            read_school_facts(s, ANNUAL_FACT_TYPES), YEAR, None, include_key_support=True
        ).to_json()
    rows = body["coverage"].pop("by_college")
    expected_rows = expected["coverage"].pop("by_college")
    for name in ("seq", "computed_at", "suppression"):
        body.pop(name)
    assert body == expected
    assert [row["college"] for row in rows] == [row["college"] for row in expected_rows]
    visits = {row["college"]: next(m for m in row["measures"] if m["measure"] == "visits") for row in rows}
    assert (visits["文学院"]["covered_text"], visits["文学院"]["total_text"]) == ("<5", "<5")
    assert visits["文学院"]["covered"] is None and visits["艺术学院"]["total"] == 0
    center = served.server.login("arts_center")
    other = center.http.get("/figures/annual", params={"year": YEAR, "college": served.school.science.id})
    assert other.status_code == 403 and other.json()["error"]["message"] == OWN_COLLEGE_ONLY
    own = center.http.get("/figures/annual", params={"year": YEAR}).json()
    assert own["college_id"] == served.school.arts.id and own["scope_label"] == "文学院"


def test_bad_requests_get_a_clear_4xx(served: ServedSchool) -> None:
    school = served.server.login("school")
    assert school.http.get("/figures/coverage", params={"year": "2025-2027"}).status_code == 400
    assert school.http.get("/figures/coverage", params={"year": "25-26"}).status_code == 422
    assert school.http.get("/figures/coverage").status_code == 422
    anonymous = served.server.url + "/figures/coverage"
    assert httpx.get(anonymous, params={"year": YEAR}, headers=VERSION_HEADERS).status_code == 401


def _projection(server: Server) -> LiveRecords:
    served: ServedFigures = server.live.server.config.app.state.figures  # type: ignore[attr-defined]
    return served.records


def test_figures_follow_changes_reading_only_what_changed(served: ServedSchool) -> None:
    school = served.server.login("school")
    before = served.get(school).json()
    projection = _projection(served.server)
    read = projection.rows_read
    assert served.get(school).json()["totals"] == before["totals"]
    assert projection.rows_read == read  # nothing changed: nothing read
    reward = GrowthReward(
        student_id=served.school.id("s2"),
        academic_year=YEAR,
        kind="commendation",
        description="进步奖",
        granted_on=date(2026, 1, 10),
    )
    served.server.database.run(lambda s: directory.import_records(s, [reward]))
    with served.laptop.session() as s:
        s.rewards.create(reward)
    after = served.get(school).json()
    assert projection.rows_read == read + 1  # the one new record
    assert after["totals"]["rewards"]["covered"] == before["totals"]["rewards"]["covered"] + 1
    assert after["totals"] == served.expected()["totals"]
    assert after["seq"] > before["seq"]


def test_aggregate_only_mode_is_for_the_school_center_and_holds_no_student(served: ServedSchool) -> None:
    served.server.user("counselor", Role.COUNSELOR, served.school.arts.id)
    body = {"username": "counselor", "password": PASSWORD, "device_id": new_id(), "aggregate_only": True}
    refused = httpx.post(f"{served.server.url}/auth/login", json=body, headers=VERSION_HEADERS)
    assert refused.status_code == 403 and refused.json()["error"]["message"] == AGGREGATE_ONLY_REFUSED
    body.update(username="school")
    answer = httpx.post(f"{served.server.url}/auth/login", json=body, headers=VERSION_HEADERS)
    assert answer.status_code == 200 and answer.json()["aggregate_only"] is True
    api = Api(served.server.url, answer.json()["user"]["id"], str(body["device_id"]), answer.json()["token"])
    served.server.apis.append(api)
    got, _cursor = api.pull_all()
    types = {record["record_type"] for record in got["records"].values()}
    assert types and "student" not in types and "home_visit" not in types and "identification" not in types
    assert all(record["student_id"] is None for record in got["records"].values())
    assert served.get(api).json()["totals"] == served.expected()["totals"]


def test_annual_sections_equal_the_laptops(server: Server, tmp_path: Path) -> None:
    """学业差距, 工作量 and 资助育人活动 served from the server's records: the laptop's figures."""
    laptop = Store.create(
        tmp_path / "annual",
        "correct horse battery",
        school_name="示例大学",
        user_name="中心",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    try:
        school = build_school(laptop)
        add_annual_records(laptop, school)
        with laptop.session() as s:
            facts = read_school_facts(s, ANNUAL_FACT_TYPES)
        records = [record for records in facts.records.values() for record in records]
        server.database.run(lambda session: directory.import_records(session, records))
        server.user("school", Role.SCHOOL_CENTER)
        api = server.login("school")
        for college in (None, school.science.id):
            params = {"year": YEAR, **({"college": college} if college else {})}
            response = api.http.get("/figures/annual", params=params)
            assert response.status_code == 200, response.text
            body = response.json()
            expected = annual_figures(facts, YEAR, college, include_key_support=True).to_json()
            for name in ("seq", "computed_at", "suppression"):
                body.pop(name)
            body["coverage"].pop("by_college")
            expected["coverage"].pop("by_college")
            assert body == expected
        totals = body["workload"]["rows"][-1]
        assert (totals["term"], totals["label"], totals["visits"]) == ("2025-2026-2", "合计", 0)
        gap = body["academic_gap"]["rows"][0]
        assert (gap["college"], gap["gpa"]["gap"], gap["pass_rate"]["change"]) == ("理学院", 0.4, 52.0)
        assert body["activities"]["total"]["research_projects"] == 1
    finally:
        laptop.close()
