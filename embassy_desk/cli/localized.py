"""argparse in the command line's language: our ``--help`` texts and argparse's own words.

Help texts stay English in the source; their Russian and Kazakh texts are table ``[cli_help]`` of
``resources/messages/ru.toml`` / ``kk.toml``, keyed by the English text (a unit test walks the
parser tree and fails on any text without both). argparse's fixed words ("usage: ", the errors) are
coded messages ``argparse.*`` of :data:`embassy_desk.domain.messages.CATALOG`.

Why not gettext: argparse looks its words up through ``gettext.gettext`` in the process-wide
default domain, so installing a catalog for it would also translate any other library that uses
that domain, and would have to be undone. Instead the parser and formatter classes below render the
few words argparse prints: the usage prefix, section titles and help lines at format time, and an
error message by matching it against the English templates argparse uses (a message no template
matches is shown as argparse wrote it). Nothing global is changed.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from typing import Any, NoReturn

from embassy_desk.cli.output import language
from embassy_desk.domain.messages import CATALOG, Msg, render, translations

__all__ = ["LocalizedHelpFormatter", "LocalizedParser", "help_text", "translate_error"]

HELP_TABLE = "cli_help"


def help_text(english: str, lang: str | None = None) -> str:
    """The ``--help`` text ``english`` in ``lang`` (the command line's language by default)."""
    lang = language() if lang is None else lang
    return translations(lang).get(f"{HELP_TABLE}.{english}", english)


@functools.cache
def _error_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(code, regex) for every argparse error template, the ``{names}`` as captured groups."""
    patterns = []
    for code, template in CATALOG.items():
        if not code.startswith("argparse.") or code in ("argparse.usage", "argparse.error"):
            continue
        parts = re.split(r"\{(\w+)\}", template)
        regex = "".join(
            f"(?P<{part}>.+?)" if index % 2 else re.escape(part) for index, part in enumerate(parts)
        )
        patterns.append((code, re.compile(regex, re.DOTALL)))
    # "argument X: ..." wraps the others, so it is tried last.
    patterns.sort(key=lambda item: item[0] == "argparse.argument")
    return tuple(patterns)


def _error_msg(message: str) -> Msg | None:
    for code, pattern in _error_patterns():
        match = pattern.fullmatch(message)
        if match is None:
            continue
        params: dict[str, Any] = dict(match.groupdict())
        if code == "argparse.argument":
            inner = _error_msg(params["message"])
            if inner is not None:
                params["message"] = inner
        return Msg(code, **params)
    return None


def translate_error(message: str, lang: str | None = None) -> str:
    """An argparse error message in ``lang``; as argparse wrote it if it is not one we know."""
    found = _error_msg(message)
    return message if found is None else render(found, language() if lang is None else lang)


class LocalizedHelpFormatter(argparse.HelpFormatter):
    """Writes the usage prefix, section titles, descriptions and help lines in our language."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        if prefix is None:
            prefix = render(Msg("argparse.usage"), language())
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(help_text(heading) if heading else heading)

    def add_text(self, text: str | None) -> None:
        if text and text is not argparse.SUPPRESS:
            text = help_text(text)
        super().add_text(text)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        # The documented hook ArgumentDefaultsHelpFormatter uses; argparse expands %(...)s after it.
        english = super()._get_help_string(action)
        return help_text(english) if english else english


class LocalizedParser(argparse.ArgumentParser):
    """An ArgumentParser (and, through ``type(self)``, its sub-parsers) that speaks our language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", LocalizedHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = render(Msg("argparse.error", prog=self.prog, message=translate_error(message)), language())
        self.exit(2, f"{text}\n")
