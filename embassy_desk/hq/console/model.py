"""What the console's parts share: roles and the signed-in operator."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class OperatorRole(StrEnum):
    """Analysts see figures only; admins also manage posts, devices and advisories, and may open one
    citizen's record (audited)."""

    ADMIN = "admin"
    ANALYST = "analyst"


CONSOLE_LANGUAGES = ("en", "ru", "kk")


@dataclass(frozen=True)
class Operator:
    """A console operator as a request sees them (never the password hash)."""

    name: str
    role: OperatorRole
    language: str

    @property
    def is_admin(self) -> bool:
        return self.role is OperatorRole.ADMIN


@dataclass(frozen=True)
class Session:
    """The request's signed-in session: who, and the CSRF token its forms must carry."""

    operator: Operator
    csrf: str
