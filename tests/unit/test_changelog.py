"""CHANGELOG.md agrees with the package: its newest version is the package's, and its newest section
names the schema heads this tree migrates to (workstation and HQ), so a release cannot ship with stale
notes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import embassy_desk
from embassy_desk.hq import database as hq_database
from embassy_desk.storage import migrate

ROOT = Path(__file__).resolve().parents[2]
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
# semver.org's grammar, without build metadata (never used here).
SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?")
HEADING = re.compile(r"^## \[([^\]]+)\]", re.MULTILINE)


def _sections() -> list[tuple[str, str]]:
    """(heading label, section text) in file order."""
    marks = list(HEADING.finditer(CHANGELOG))
    ends = [m.start() for m in marks[1:]] + [len(CHANGELOG)]
    return [(m.group(1), CHANGELOG[m.end() : end]) for m, end in zip(marks, ends, strict=True)]


def _versions() -> list[str]:
    return [label for label, _ in _sections() if label != "Unreleased"]


def _key(version: str) -> tuple[int, int, int, int, str]:
    match = SEMVER.fullmatch(version)
    assert match is not None
    major, minor, patch, pre = int(match[1]), int(match[2]), int(match[3]), match[4] or ""
    return major, minor, patch, 0 if pre else 1, pre


def test_every_heading_is_a_semantic_version_newest_first() -> None:
    versions = _versions()
    assert versions, "CHANGELOG.md has no version"
    for version in versions:
        assert SEMVER.fullmatch(version), f"{version!r} is not a semantic version"
    assert versions == sorted(versions, key=_key, reverse=True)
    labels = [label for label, _ in _sections()]
    assert "Unreleased" not in labels[1:], "'Unreleased' comes first, if at all"


def test_the_newest_version_is_the_package_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert _versions()[0] == project["version"] == embassy_desk.__version__


def test_the_newest_section_names_the_current_schema_heads() -> None:
    _, newest = _sections()[0]
    assert f"Workstation schema **{migrate.head_revision()}**" in newest
    assert f"HQ schema **{hq_database.head_revision()}**" in newest


def test_every_workstation_revision_is_named_in_the_history() -> None:
    for revision in migrate.revisions():
        assert revision in CHANGELOG, f"schema revision {revision} is not in CHANGELOG.md"
