"""Finding a student the way a page names one (by 学号)."""

from __future__ import annotations

from desktop.store.repositories.session import StoreSession
from sync.records import Student


def student_by_no(s: StoreSession, student_no: str) -> Student:
    """The student a page names by 学号 (a Chinese message when there is none)."""
    student = s.students.by_student_no(student_no)
    if student is None:
        raise ValueError(f"找不到学号为 {student_no} 的学生")
    return student
