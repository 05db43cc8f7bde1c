"""The desktop bundle, built from a clean clone, runs with nothing else installed (issue 15, "Proof").

The bundle is built by installer/build.py from a ``git clone`` of HEAD (so only committed files go in,
as on a release machine) into a cache outside the repository, keyed by the clone's content (the git ids
of embassy_desk/, resources/, the spec and build script, pyproject.toml and requirements.lock) and the
Python version. A build takes a few minutes on two cores; later runs of an unchanged tree reuse it. Set
EMBASSY_DESK_BUNDLE_CACHE to move the cache (default ~/.cache/embassy-desk/bundle).

Then the bundled ``embassy-desk`` runs under ``env -i``: an empty environment, no PATH, so no Python
or anything else of this machine's is found except through the bundle itself.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.release import bundle_cache
from tests.release.bundle_cache import BACKGROUND

REPO = Path(__file__).resolve().parents[2]
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
VERSION = bundle_cache.VERSION
DEB = bundle_cache.DEB
TARBALL = f"embassy-desk-{VERSION}-linux-x86_64.tar.gz"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the .deb bundle is built on Linux"
)


@pytest.fixture(scope="module")
def dist() -> Path:
    """The folder holding the bundle, the .deb and the tarball of HEAD (cached, or built now: tests/
    conftest.py has usually started the build in the background when these tests were collected)."""
    background = BACKGROUND.get("build")
    if background is not None:
        background.wait()
    try:
        return bundle_cache.ensure_built()
    except RuntimeError as exc:
        log = bundle_cache.CACHE / bundle_cache.LOG
        tail = log.read_text(errors="replace")[-4000:] if log.exists() else ""
        pytest.fail(f"{exc}\n{tail}")


def run_bare(argv: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` under ``env -i``: empty environment, no PATH."""
    return subprocess.run(
        ["/usr/bin/env", "-i", *argv], cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_bundled_version_runs_in_an_empty_environment(dist: Path, tmp_path: Path) -> None:
    done = run_bare([str(dist / "embassy-desk" / "embassy-desk"), "--version"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"embassy-desk {VERSION}")


def test_bundled_help_lists_the_commands(dist: Path, tmp_path: Path) -> None:
    # Loads every command module (the HQ server's too) from the bundle: a missing hidden import fails here.
    done = run_bare([str(dist / "embassy-desk" / "embassy-desk"), "--help"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for command in ("registry", "hq", "sync", "notice"):
        assert command in done.stdout


def test_bundled_self_test_passes_in_an_empty_environment(dist: Path, tmp_path: Path) -> None:
    executable = str(dist / "embassy-desk" / "embassy-desk")
    if "self-test" not in run_bare([executable, "--help"], cwd=tmp_path).stdout:
        pytest.fail("this bundle has no self-test command (embassy_desk/cli/cmd_selftest.py not committed?)")
    done = run_bare([executable, "self-test"], cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]


def test_bundle_keeps_only_what_the_app_uses(dist: Path) -> None:
    internal = dist / "embassy-desk" / "_internal"
    resources = internal / "resources"
    assert (resources / "fonts" / "NotoSans-Regular.ttf").is_file()
    assert (resources / "notices").is_dir()
    assert (resources / "messages" / "ru.toml").is_file()
    assert sorted(resources.glob("translations/*.qm")), "compiled translations missing"
    assert not sorted(resources.glob("translations/*.ts")), "Qt Linguist sources are not shipped"
    assert (resources / "icons" / "embassy-desk-256.png").is_file()
    assert sorted((internal / "embassy_desk" / "storage" / "migrations" / "versions").glob("0001_*.py"))
    assert (internal / "embassy_desk" / "hq" / "console" / "templates" / "base.html").is_file()
    # Metadata the version and the About dialog's licence list are read from.
    for distribution in (
        f"embassy_desk-{VERSION}",
        "reportlab-",
        "pyside6_essentials-",
        "sqlcipher3-",
        "fastapi-",
    ):
        assert sorted(internal.glob(f"{distribution}*.dist-info/METADATA")), distribution
    qt = internal / "PySide6"
    for unused in ("QtQml", "QtQuick", "QtNetwork", "QtSql", "QtDesigner"):
        assert not sorted(qt.glob(f"{unused}.*")), unused
    assert not (internal / "libgtk-3.so.0").exists()
    assert sorted(qt.glob("Qt/plugins/platforms/libqxcb.so"))
    assert sorted(qt.glob("Qt/translations/qtbase_ru.qm"))
    assert not sorted(qt.glob("Qt/translations/qtbase_de.qm"))


def test_deb_metadata(dist: Path) -> None:
    info = subprocess.run(
        ["dpkg-deb", "--field", str(dist / DEB)], capture_output=True, text=True, check=True
    ).stdout
    fields = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line and not line[0].isspace())
    assert fields["Package"] == "embassy-desk"
    assert fields["Version"] == VERSION
    assert fields["Architecture"] == "amd64"
    assert "<" in fields["Maintainer"] and ">" in fields["Maintainer"]
    assert fields["Description"].startswith("Offline-first consular registry")
    depends = {part.split(" ")[0] for part in fields["Depends"].split(", ")}
    for package in ("libxcb-cursor0", "libxkbcommon-x11-0", "libgl1", "libfontconfig1", "libc6"):
        assert package in depends
    # The C library the bundle's copied libraries were linked against, as a floor.
    assert re.search(r"(^|, )libc6 \(>= 2\.\d+\)", fields["Depends"]), fields["Depends"]
    assert int(fields["Installed-Size"]) > 50_000  # KiB


def test_deb_contents(dist: Path, tmp_path: Path) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(dist / DEB)], capture_output=True, text=True, check=True
    ).stdout
    entries = {}
    for line in listing.splitlines():
        mode, owner, *_rest = line.split(maxsplit=5)
        name = line.split(maxsplit=5)[5]
        entries[name.split(" -> ")[0]] = (mode, owner, name)
    assert all(owner == "root/root" for _mode, owner, _name in entries.values())
    mode, _owner, name = entries["./usr/bin/embassy-desk"]
    assert mode.startswith("l") and name.endswith(" -> /opt/embassy-desk/embassy-desk")
    assert entries["./opt/embassy-desk/embassy-desk"][0] == "-rwxr-xr-x"
    assert "./usr/share/applications/embassy-desk.desktop" in entries
    for size in ICON_SIZES:
        assert f"./usr/share/icons/hicolor/{size}x{size}/apps/embassy-desk.png" in entries
    assert "./usr/share/icons/hicolor/scalable/apps/embassy-desk.svg" in entries

    # The unpacked package: its menu entry is valid and its program runs through a link, as /usr/bin's.
    subprocess.run(["dpkg-deb", "--extract", str(dist / DEB), str(tmp_path / "root")], check=True)
    desktop = (tmp_path / "root" / "usr/share/applications/embassy-desk.desktop").read_text(encoding="utf-8")
    assert desktop.startswith("[Desktop Entry]\n")
    for line in ("Type=Application", "Name=Embassy Desk", "Exec=embassy-desk", "Icon=embassy-desk"):
        assert line in desktop.splitlines()
    if shutil.which("desktop-file-validate"):
        entry = tmp_path / "root" / "usr/share/applications/embassy-desk.desktop"
        subprocess.run(["desktop-file-validate", str(entry)], check=True)
    link = tmp_path / "bin" / "embassy-desk"
    link.parent.mkdir()
    link.symlink_to(tmp_path / "root" / "opt" / "embassy-desk" / "embassy-desk")
    done = run_bare([str(link), "--version"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"embassy-desk {VERSION}")


def test_tarball(dist: Path) -> None:
    top = f"embassy-desk-{VERSION}"
    with tarfile.open(dist / TARBALL) as archive:
        members = {member.name: member for member in archive.getmembers()}
    program = members[f"{top}/embassy-desk"]
    assert program.isfile() and program.mode == 0o755
    assert f"{top}/_internal/resources/fonts/NotoSans-Regular.ttf" in members
    assert f"{top}/share/embassy-desk.desktop" in members
    assert f"{top}/share/embassy-desk.png" in members
    assert {(member.uid, member.gid) for member in members.values()} == {(0, 0)}
    assert len({member.mtime for member in members.values()}) == 1
