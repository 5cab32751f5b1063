"""Valid synthetic field sets for the record types the server tests push."""

from __future__ import annotations

from typing import Any


def family_member(student_id: str, name: str = "王芳", relationship: str = "母亲") -> dict[str, Any]:
    return {"student_id": student_id, "name": name, "relationship": relationship}


def visit(
    student_id: str, counselor: str = "张老师", notes: str = "家中种植果树，收入不稳定。"
) -> dict[str, Any]:
    return {
        "student_id": student_id,
        "category": "annual_coverage",
        "mode": "on_site",
        "visit_date": "2025-03-01",
        "duration_minutes": 90,
        "visitors": [{"name": counselor, "role": "counselor"}],
        "school_feedback": "在校表现良好，学习认真。",
        "family_opinions": "希望学校继续关心。",
        "follow_up": notes,
    }
