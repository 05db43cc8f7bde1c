"""Role names as staff say them, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from embassy_desk.domain.enums import Role


def role_name(role: Role) -> str:
    """The role as staff call it, translated."""
    names = {
        Role.ADMINISTRATOR: QCoreApplication.translate("roles", "administrator"),
        Role.OFFICER: QCoreApplication.translate("roles", "consular officer"),
        Role.CLERK: QCoreApplication.translate("roles", "clerk"),
        Role.VIEWER: QCoreApplication.translate("roles", "viewer"),
    }
    return names[role]
