"""A saved visit reopened in the visit form: what was loaded, what the user changed, what to save.

The form compares its values with those it showed right after loading (its baseline): only fields
the user changed are taken from the form, everything else stays as stored (the record's own people
ids, 录入人, status and review), so the outbox op of the edit names only the changed fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.app.visits import wish_values
from desktop.ui.visits.draft_autosave import to_json_safe
from sync.records import HomeVisit, VisitStatus, WishSelection

# Keys of the form's draft values that are not fields of the visit itself.
NOT_RECORD_FIELDS = frozenset({"id", "student_id", "wish_selection", "edit_of", "profile_family"})


def form_values(visit: HomeVisit, wish: WishSelection | None) -> dict[str, Any]:
    """A stored visit (and the wish list filled in on it) as the form's set_values takes them."""
    data = visit.model_dump(mode="json")
    data["wish_selection"] = wish_values(wish)
    return data


@dataclass
class VisitEdit:
    stored: HomeVisit
    baseline: dict[str, Any]  # the form's draft values right after the stored visit was loaded
    read_only_reason: str = ""

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    def is_dirty(self, current: dict[str, Any]) -> bool:
        """Anything (the visit or its wish list) differs from what was loaded."""
        now, then = to_json_safe(current), to_json_safe(self.baseline)
        now.pop("edit_of", None)
        then.pop("edit_of", None)
        return now != then

    def changed_fields(self, current: dict[str, Any]) -> set[str]:
        now, then = to_json_safe(current), to_json_safe(self.baseline)
        names = (set(now) | set(then)) - NOT_RECORD_FIELDS
        return {name for name in names if now.get(name) != then.get(name) and name in HomeVisit.model_fields}

    def merged(self, edited: HomeVisit, current: dict[str, Any]) -> HomeVisit:
        """The stored visit with the fields the user changed taken from the (validated) form.

        Raises pydantic's ValidationError when the mix breaks a rule across fields.
        """
        data = self.stored.model_dump()
        changed = self.changed_fields(current)
        for name in changed:
            data[name] = getattr(edited, name)
        if "visitors" in changed:  # the form does not show a visitor's account: keep it by name and role
            accounts = {(v.name, v.role): v.user_id for v in self.stored.visitors if v.user_id}
            data["visitors"] = [
                v if v.user_id else v.model_copy(update={"user_id": accounts.get((v.name, v.role))})
                for v in edited.visitors
            ]
        if (
            "household" in changed
        ):  # nor a member's link to the family table: keep it by name and relationship
            links = {
                (m.name, m.relationship): m.family_member_id
                for m in self.stored.household
                if m.family_member_id
            }
            data["household"] = [
                m
                if m.family_member_id
                else m.model_copy(update={"family_member_id": links.get((m.name, m.relationship))})
                for m in edited.household
            ]
        if self.stored.status is VisitStatus.DRAFT:
            data["status"] = VisitStatus.SUBMITTED
        return HomeVisit.model_validate(data)
