"""What each role may see and do (key support, exports, the wish catalogue); the rules live in
``desktop.store.role_rules`` so the store enforces the same ones."""

from __future__ import annotations

from desktop.store.role_rules import (
    WISH_CATALOG_ROLES,
    is_center_role,
    may_bulk_export_key_support,
    may_export_unmasked,
    may_list_key_support,
    may_see_key_support,
)

__all__ = [
    "WISH_CATALOG_ROLES",
    "is_center_role",
    "may_bulk_export_key_support",
    "may_export_unmasked",
    "may_list_key_support",
    "may_see_key_support",
]
