"""Which roles may see or take out what (DOMAIN.md, privacy): one place for the store's rules."""

from __future__ import annotations

from sync.records import Role

# Key-support (重点帮扶) status is never published; these roles may see it.
KEY_SUPPORT_ROLES = frozenset({Role.COUNSELOR, Role.MENTOR, Role.COLLEGE_CENTER, Role.SCHOOL_CENTER})
# The key-support list leaves the app in bulk only with a center role.
BULK_KEY_SUPPORT_ROLES = frozenset({Role.COLLEGE_CENTER, Role.SCHOOL_CENTER})
# Roles that see the key-support list in the app: the centers (their college / the school) and mentors
# (the students assigned to them). A counselor sees their own students' key support one by one, in the
# student's profile, and the counts of the coverage dashboard.
KEY_SUPPORT_LIST_ROLES = frozenset({Role.MENTOR, Role.COLLEGE_CENTER, Role.SCHOOL_CENTER})
# The center roles (学生发展支持中心): they decide what the policy leaves to the center (exceptions to
# 先家访后认定, a mentor outside the student's needs, the centers' own records).
CENTER_ROLES = frozenset({Role.COLLEGE_CENTER, Role.SCHOOL_CENTER})
# Roles that may export sensitive columns (ID number, phones, address, amounts) unmasked, on request.
UNMASKED_EXPORT_ROLES = frozenset({Role.COUNSELOR, Role.COLLEGE_CENTER, Role.SCHOOL_CENTER})
# Roles that keep the school's wish-list catalogue.
WISH_CATALOG_ROLES = frozenset({Role.SCHOOL_CENTER})


def may_see_key_support(role: Role) -> bool:
    return role in KEY_SUPPORT_ROLES


def may_bulk_export_key_support(role: Role) -> bool:
    return role in BULK_KEY_SUPPORT_ROLES


def may_list_key_support(role: Role) -> bool:
    return role in KEY_SUPPORT_LIST_ROLES


def is_center_role(role: Role | None) -> bool:
    return role in CENTER_ROLES


def may_export_unmasked(role: Role) -> bool:
    return role in UNMASKED_EXPORT_ROLES
