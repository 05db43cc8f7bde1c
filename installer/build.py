"""Build the Embassy Desk desktop bundle, and on Linux its .deb and tarball.

    python3 dev.py package                          # the usual way: installs .venv first, then runs this
    .venv/bin/python installer/build.py [--dist DIR] [--work DIR] [--bundle-only]

Outputs (in ``dist/`` unless ``--dist``):

- ``embassy-desk/``: the one-folder bundle from installer/embassy-desk.spec (``Embassy Desk.app`` too on
  macOS); ``embassy-desk/embassy-desk`` is both the window and the command line.
- Linux: ``embassy-desk_<version>_amd64.deb`` (``/opt/embassy-desk``, ``/usr/bin/embassy-desk``, a menu
  entry and icons) and ``embassy-desk-<version>-linux-x86_64.tar.gz`` (the bundle plus the menu entry and
  icon, to unpack anywhere).
- Windows: the bundle only; the installer is made from it by Inno Setup (installer/windows/embassy-desk.iss,
  see installer/README.md). This script writes the version resource the executables carry.

The version has one source, ``[project] version`` in pyproject.toml. Each build starts from an empty work
folder and an empty bundle folder; file times inside the .deb and tarball are the last commit's time
(``SOURCE_DATE_EPOCH``), so two builds of one commit differ only where PyInstaller's output does.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "embassy-desk.spec"
ICONS = ROOT / "resources" / "icons"
TRANSLATIONS = ROOT / "resources" / "translations"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
NAME = "embassy-desk"
MAINTAINER = "Embassy Desk maintainers <embassy-desk@example.org>"
DESCRIPTION = (
    "Offline-first consular registry for embassies\n"
    " Embassy Desk keeps a post's register of citizens on an encrypted workstation: contacts, cases,\n"
    " notices in the citizen's language, crisis call lists and evacuation manifests, synchronised with\n"
    " headquarters when a connection is there. This package holds the self-contained desktop bundle\n"
    " (Python, Qt and SQLCipher included) in /opt/embassy-desk."
)
# Beyond the xcb libraries (dev.py XCB_LIBRARIES, the ones Qt's window needs) and the C library (its
# version read from the bundle, see glibc_floor), what the bundle's own libraries load from the system:
# read with ldd over the bundle and `dpkg -S` on Debian 12.
EXTRA_DEPENDS = ("libdbus-1-3", "libxrender1", "zlib1g")


def project_version() -> str:
    """``[project] version`` from pyproject.toml: the one place the version is written."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def source_date_epoch() -> int:
    """The last commit's time (for reproducible file times), or now outside a git checkout."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(  # noqa: S603
            ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return int(time.time())


def compile_translations() -> None:
    """Compile each Qt Linguist source into the .qm file Qt loads, when missing or older than its source.

    The same rule as dev.py's build_translations, so that this script also works on a fresh clone (the
    .qm files are git-ignored build products).
    """
    tool = Path(sys.executable).with_name("pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease")
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run([str(tool), "-silent", str(source), "-qm", str(target)], check=True)  # noqa: S603


def windows_version_file(version: str, work: Path) -> Path:
    """The VERSIONINFO resource of the Windows executables (the Details tab of their Properties)."""
    numbers = [int(part) for part in version.split(".")[:3] if part.isdigit()] + [0, 0, 0, 0]
    quad = tuple(numbers[:4])
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={quad}, prodvers={quad}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'Embassy Desk'),
      StringStruct('FileDescription', 'Embassy Desk'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'embassy-desk'),
      StringStruct('OriginalFilename', 'embassy-desk.exe'),
      StringStruct('ProductName', 'Embassy Desk'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    path = work / "version_info.txt"
    path.write_text(text, encoding="utf-8")
    return path


def run_pyinstaller(dist: Path, work: Path, version: str) -> Path:
    """Build the bundle folder ``dist/embassy-desk`` from a clean work folder; returns it."""
    bundle = dist / NAME
    for folder in (work, bundle, dist / "Embassy Desk.app"):
        if folder.exists():
            shutil.rmtree(folder)
    work.mkdir(parents=True)
    env = dict(os.environ)
    if sys.platform == "win32":
        env["EMBASSY_DESK_VERSION_FILE"] = str(windows_version_file(version, work))
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(SPEC),
    ]  # fmt: skip
    print("== pyinstaller", flush=True)
    subprocess.run(command, check=True, env=env, cwd=ROOT)  # noqa: S603
    return bundle


def desktop_entry(exec_path: str) -> str:
    """The freedesktop menu entry (``Exec`` is the command it starts)."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.5\n"
        "Name=Embassy Desk\n"
        "Name[ru]=Embassy Desk\n"
        "Name[kk]=Embassy Desk\n"
        "GenericName=Consular registry\n"
        "GenericName[ru]=Консульский реестр\n"
        "GenericName[kk]=Консулдық тізілім\n"
        "Comment=Register of citizens, crisis call lists and evacuation for an embassy\n"
        "Comment[ru]=Реестр граждан, обзвон и эвакуация для посольства\n"
        "Comment[kk]=Елшілікке арналған азаматтар тізілімі, қоңырау шалу және эвакуация\n"
        f"Exec={exec_path}\n"
        "Icon=embassy-desk\n"
        "Terminal=false\n"
        "Categories=Office;Database;\n"
    )


def _copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, symlinks=True)


def _normalise(root: Path, epoch: int) -> None:
    """Owner-independent permissions (0755 folders and executables, 0644 files) and one file time."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or os.access(path, os.X_OK):
            path.chmod(0o755)
        else:
            path.chmod(0o644)
        os.utime(path, (epoch, epoch))


def _installed_size_kib(root: Path) -> int:
    total = sum(path.stat().st_size for path in root.rglob("*") if path.is_file() and not path.is_symlink())
    return (total + 1023) // 1024


def glibc_floor(bundle: Path) -> str:
    """The newest C library version any program or library in the bundle asks for (``GLIBC_2.36`` ->
    "2.36"): PyInstaller copies the build machine's libraries, so the bundle runs only where it is met."""
    elves = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as file:
                if file.read(4) == b"\x7fELF":
                    elves.append(str(path))
    versions: set[tuple[int, ...]] = set()
    for start in range(0, len(elves), 100):
        out = subprocess.run(  # noqa: S603
            ["objdump", "-T", *elves[start : start + 100]],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        versions |= {tuple(int(n) for n in found.split(".")) for found in re.findall(r"GLIBC_([0-9.]+)", out)}
    return ".".join(str(n) for n in max(versions))


def deb_depends(bundle: Path) -> list[str]:
    """The Debian packages the bundle needs from the system: the C library, Qt's xcb libraries and a few
    more."""
    sys.path.insert(0, str(ROOT))
    try:
        from dev import XCB_LIBRARIES
    finally:
        sys.path.pop(0)
    packages: list[str] = [f"libc6 (>= {glibc_floor(bundle)})"]
    for package in [*EXTRA_DEPENDS, *XCB_LIBRARIES.values()]:
        if package not in packages:
            packages.append(package)
    return packages


def build_deb(bundle: Path, dist: Path, version: str, work: Path, epoch: int) -> Path:
    """``embassy-desk_<version>_amd64.deb``: /opt/embassy-desk, /usr/bin link, menu entry, icons."""
    root = work / "deb"
    if root.exists():
        shutil.rmtree(root)
    _copy_tree(bundle, root / "opt" / NAME)
    (root / "usr" / "bin").mkdir(parents=True)
    # A symlink: PyInstaller's bootloader finds its _internal folder from the real path of the executable.
    (root / "usr" / "bin" / NAME).symlink_to(f"/opt/{NAME}/{NAME}")
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / f"{NAME}.desktop").write_text(desktop_entry(NAME), encoding="utf-8")
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copyfile(ICONS / f"{NAME}-{size}.png", target / f"{NAME}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(ICONS / f"{NAME}.svg", hicolor / "scalable" / "apps" / f"{NAME}.svg")
    doc = root / "usr" / "share" / "doc" / NAME
    doc.mkdir(parents=True)
    for licence in sorted((ROOT / "resources" / "fonts").glob("LICENSE-*.txt")):
        shutil.copyfile(licence, doc / licence.name)
    control = root / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        f"Package: {NAME}\n"
        f"Version: {version}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Architecture: amd64\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {_installed_size_kib(root)}\n"
        f"Depends: {', '.join(deb_depends(bundle))}\n"
        "Homepage: https://example.org/embassy-desk\n"
        f"Description: {DESCRIPTION}\n",
        encoding="utf-8",
    )
    # The menu and icon caches are refreshed by the desktop-file-utils and hicolor triggers; no scripts.
    _normalise(root, epoch)
    deb = dist / f"{NAME}_{version}_amd64.deb"
    deb.unlink(missing_ok=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    subprocess.run(  # noqa: S603
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z9", "--build", str(root), str(deb)],  # noqa: S607
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return deb


def build_tarball(bundle: Path, dist: Path, version: str, epoch: int) -> Path:
    """``embassy-desk-<version>-linux-x86_64.tar.gz``: the bundle, its menu entry and icon, sorted, owned
    by root, every file time the commit's."""
    top = f"{NAME}-{version}"
    tarball = dist / f"{NAME}-{version}-linux-x86_64.tar.gz"
    extras = {
        f"{top}/share/{NAME}.desktop": desktop_entry(f"/opt/{NAME}/{NAME}").encode(),
        f"{top}/share/{NAME}.png": (ICONS / f"{NAME}-256.png").read_bytes(),
        f"{top}/share/{NAME}.svg": (ICONS / f"{NAME}.svg").read_bytes(),
    }

    def reset(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = epoch
        executable = info.isdir() or bool(info.mode & 0o111)
        info.mode = 0o755 if executable else 0o644
        return info

    with (
        open(tarball, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as archive,
    ):
        archive.add(bundle, arcname=top, recursive=False, filter=reset)
        for path in sorted(bundle.rglob("*")):
            archive.add(
                path, arcname=f"{top}/{path.relative_to(bundle).as_posix()}", recursive=False, filter=reset
            )
        share = tarfile.TarInfo(f"{top}/share")
        share.type = tarfile.DIRTYPE
        archive.addfile(reset(share))
        for name, data in extras.items():
            info = reset(tarfile.TarInfo(name))
            info.size = len(data)
            info.mode = 0o644
            archive.addfile(info, io.BytesIO(data))
    return tarball


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    """Build the bundle (and on Linux the .deb and tarball); print what was made and its size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work folder, emptied first")
    parser.add_argument("--bundle-only", action="store_true", help="no .deb or tarball")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    version = project_version()
    epoch = source_date_epoch()
    compile_translations()
    started = time.monotonic()
    dist.mkdir(parents=True, exist_ok=True)
    outputs = [run_pyinstaller(dist, work, version)]
    if sys.platform == "darwin":
        outputs.append(dist / "Embassy Desk.app")
    if sys.platform.startswith("linux") and not args.bundle_only:
        print("== deb and tarball", flush=True)
        outputs.append(build_deb(outputs[0], dist, version, work, epoch))
        outputs.append(build_tarball(outputs[0], dist, version, epoch))
    for output in outputs:
        print(f"{output}  {_size(output) / 1e6:.1f} MB")
    print(f"embassy-desk {version} built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
