"""What every console request reaches through ``request.app.state.console``: HQ's store, the settings,
the clock, the page templates and the key that signs sign-in forms' CSRF tokens."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from starlette.requests import Request

from embassy_desk.hq.clock import Clock, system_clock
from embassy_desk.hq.console.settings import ConsoleSettings
from embassy_desk.hq.store import HQStore

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")


def template_environment() -> jinja2.Environment:
    """Jinja2 with autoescaping on for every template: record values never become markup."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass
class ConsoleContext:
    """The console's shared state (one per app)."""

    store: HQStore
    settings: ConsoleSettings = field(default_factory=ConsoleSettings)
    clock: Clock = system_clock
    templates: jinja2.Environment = field(default_factory=template_environment)
    # Signs the sign-in form's CSRF token (no session exists yet); a restart only costs a reload.
    form_key: bytes = field(default_factory=lambda: secrets.token_bytes(32))


def console_of(request: Request) -> ConsoleContext:
    """The console context of the app serving ``request``."""
    context = request.app.state.console
    assert isinstance(context, ConsoleContext)
    return context
