"""The demo generator: a school, then its students in chunks, all from one seed.

``generate(seed=…, students=…, today=…)`` yields lists of records: first the school (colleges,
accounts, mentors, wish-list catalogue, college activities), then the students in chunks, the last
chunk ending with the records about all of them (the colleges' 公示, a college's confirmed workload of
the last term).  Records inside a list come in
reference order (a student before its family, visits and so on).  The result is a pure function of
(seed, students, today): no global randomness, no clock.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date

from sync.demo import phrases as P
from sync.demo.names import full_name
from sync.demo.notices import Publicised, public_notices, publicised
from sync.demo.record_ids import demo_id
from sync.demo.school import DemoSchool, build_school
from sync.demo.students import StudentBundle, StudentMaker, day_between
from sync.demo.workload import college_records, confirming_college, workload_confirmation
from sync.records.academic import academic_year_bounds, academic_year_starting, first_year_of
from sync.records.base import Record
from sync.records.enums import Gender, ParticipantRole, SessionKind
from sync.records.support import Participant, RescueSession

# Case conferences group the key-support students of one college within a block of this many
# students; chunks are whole blocks, so the output does not depend on the chunk size.
BLOCK = 250
DEFAULT_SEED = 2024


class DemoGenerator:
    def __init__(self, *, students: int, today: date, seed: int = DEFAULT_SEED) -> None:
        if students < 0:
            raise ValueError("学生人数不能为负数")
        self.students = students
        self.seed = seed
        self.today = today
        self.school: DemoSchool = build_school(seed, students, today)
        self._maker = StudentMaker(self.school)

    def school_records(self) -> list[Record]:
        return self.school.records()

    def block(self, number: int) -> list[Record]:
        """The records of students ``number * BLOCK`` up to the next block (and their case conferences)."""
        start = number * BLOCK
        stop = min(self.students, start + BLOCK)
        bundles = [self._maker.make(index) for index in range(start, stop)]
        records: list[Record] = []
        for bundle in bundles:
            records.extend(bundle.records)
        records.extend(self._conferences(number, bundles))
        records.extend(self._earlier_conferences(number, bundles))
        return records

    def student_chunks(self, chunk_students: int = 1000) -> Iterator[list[Record]]:
        """Chunks of about ``chunk_students`` students (rounded up to whole blocks)."""
        blocks_per_chunk = max(1, -(-chunk_students // BLOCK))
        blocks = -(-self.students // BLOCK)
        found: list[Publicised] = []
        confirming = confirming_college(self.school)
        of_college: list[Record] = []
        for first in range(0, blocks, blocks_per_chunk):
            chunk: list[Record] = []
            for number in range(first, min(blocks, first + blocks_per_chunk)):
                records = self.block(number)
                found.extend(publicised(records))
                if confirming is not None:
                    of_college.extend(college_records(records, confirming.college.id))
                chunk.extend(records)
            if first + blocks_per_chunk >= blocks:
                chunk.extend(public_notices(self.school, found))
                if confirming is not None:
                    chunk.extend(workload_confirmation(self.school, confirming, of_college))
            yield chunk

    def chunks(self, chunk_students: int = 1000) -> Iterator[list[Record]]:
        """The school records, then the student chunks."""
        yield self.school_records()
        yield from self.student_chunks(chunk_students)

    def _conferences(self, number: int, bundles: list[StudentBundle]) -> list[Record]:
        """Collective case conferences (集体教研) this academic year."""
        rng = random.Random(f"jiafang-demo:{self.seed}:block:{number}")
        year_start, _ = academic_year_bounds(self.school.current_year)
        return self._conferences_between(rng, bundles, year_start, self.today)

    def _earlier_conferences(self, number: int, bundles: list[StudentBundle]) -> list[Record]:
        """Case conferences of the two academic years before this one, for the key-support students
        who were already supported then (each year from its own random stream, so this year's
        records do not change)."""
        sessions: list[Record] = []
        first = first_year_of(self.school.current_year)
        for year_first in (first - 2, first - 1):
            start, end = academic_year_bounds(academic_year_starting(year_first))
            earlier = [
                bundle
                for bundle in bundles
                if bundle.key_support is not None and bundle.key_support.started_on <= end
            ]
            rng = random.Random(f"jiafang-demo:{self.seed}:block:{number}:year:{year_first}")
            sessions.extend(self._conferences_between(rng, earlier, start, end))
        return sessions

    def _conferences_between(
        self, rng: random.Random, bundles: list[StudentBundle], year_start: date, last: date
    ) -> list[Record]:
        """Conferences for groups of key-support students of one college, between two days."""
        by_college: dict[str, list[StudentBundle]] = {}
        for bundle in bundles:
            if bundle.key_support is not None and bundle.college is not None:
                by_college.setdefault(bundle.college.college.id, []).append(bundle)
        sessions: list[Record] = []
        for college_bundles in by_college.values():
            college = college_bundles[0].college
            assert college is not None
            rng.shuffle(college_bundles)
            while college_bundles:
                size = rng.randint(2, 5)
                group, college_bundles = college_bundles[:size], college_bundles[size:]
                if rng.random() >= 0.6:
                    continue
                started = max(b.key_support.started_on for b in group if b.key_support is not None)
                day = day_between(rng, max(year_start, started), last)
                participants: list[Participant] = []
                seen: set[str] = set()
                for bundle in group:
                    for person, role in (
                        (bundle.counselor, ParticipantRole.COUNSELOR),
                        (bundle.mentor, ParticipantRole.MENTOR),
                    ):
                        if person is not None and person.name not in seen:
                            seen.add(person.name)
                            user_id = (
                                getattr(person, "user_id", None)
                                if role == ParticipantRole.MENTOR
                                else person.id
                            )
                            participants.append(Participant(name=person.name, role=role, user_id=user_id))
                for staff_name in college.college.center_staff[:1]:
                    participants.append(Participant(name=staff_name, role=ParticipantRole.CENTER_STAFF))
                if rng.random() < 0.5:
                    participants.append(Participant(name=_teacher(rng), role=ParticipantRole.PSYCHOLOGY))
                if rng.random() < 0.3:
                    participants.append(Participant(name=_teacher(rng), role=ParticipantRole.ACADEMIC))
                if rng.random() < 0.2:
                    participants.append(Participant(name=_teacher(rng), role=ParticipantRole.CAREERS))
                if rng.random() < 0.1:
                    participants.append(Participant(name=_teacher(rng), role=ParticipantRole.OTHER))
                sessions.append(
                    RescueSession(
                        id=demo_id(rng, day),
                        kind=SessionKind.CASE_CONFERENCE,
                        session_date=day,
                        college_id=college.college.id,
                        topic=rng.choice(P.SESSION_TOPICS["case_conference"]),
                        participants=participants,
                        student_ids=[b.key_support.student_id for b in group if b.key_support is not None],
                        conclusions="".join(rng.sample(P.SESSION_CONCLUSIONS, 2)),
                        measures="".join(rng.sample(P.SESSION_MEASURES, 2)),
                    )
                )
        return sessions


def _teacher(rng: random.Random) -> str:
    return full_name(rng, rng.choice((Gender.MALE, Gender.FEMALE)))


def generate(
    *, students: int, today: date, seed: int = DEFAULT_SEED, chunk_students: int = 1000
) -> Iterator[list[Record]]:
    """School records first, then student chunks (see DemoGenerator)."""
    return DemoGenerator(students=students, today=today, seed=seed).chunks(chunk_students)


def count_by_type(chunks: Iterable[list[Record]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for chunk in chunks:
        counts.update(record.RECORD_TYPE for record in chunk)
    return counts
