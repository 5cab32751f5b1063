from sync.figures.facts import SchoolFacts
from sync.records import HomeVisit, Student


def _student(name: str, college_id: str, no: str) -> Student:
    return Student(student_no=no, name=name, college_id=college_id)


def test_records_by_type_student_and_college() -> None:
    a, b = _student("甲", "c1", "S1"), _student("乙", "c2", "S2")
    facts = SchoolFacts.of_records([a, b])
    assert facts.of(Student) == [a, b]
    assert facts.of(HomeVisit) == []
    assert facts.by_id(Student) == {a.id: a, b.id: b}
    assert facts.students_of_college("c2") == [b]
    assert facts.students_of_college(None) == [a, b]
