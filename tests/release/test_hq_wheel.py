"""HQ's wheel (issue 15, proof "The HQ wheel installs into a fresh virtual environment and `hq serve`
starts against PostgreSQL").

The wheel is built from the working tree (a copy of it, so the checkout gets no ``build/`` or
``*.egg-info``), installed with its ``hq`` extra into a fresh virtual environment (no system site
packages; versions constrained by requirements.lock, so they are the pinned ones) and driven as
docs/hq.md tells an administrator: ``hq init``, ``hq migrate``, ``hq post add`` and ``hq serve`` against
a fresh PostgreSQL database, in an environment holding only what installer/hq/embassy-desk-hq.env.example
sets. The wheel must also carry what HQ reads from disk: its migrations, the console's templates and
static files, and the Russian and Kazakh message texts.

Time: half a minute to a minute with a warm pip cache, most of it unpacking PySide6 and numpy (the
wheel's runtime dependencies list them). pip runs with ``--no-compile``: the installed files are the
same, Python compiles what HQ imports on first use; writing bytecode for all of PySide6 and numpy up
front tripled the install's time on a loaded machine. Without PostgreSQL the serving test is skipped,
unless ``CI=true``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from embassy_desk.domain.messages import Msg, render
from embassy_desk.hq.config import DB_ENV, DIR_ENV
from embassy_desk.hq.database import head_revision
from tests.sync_harness import free_port, postgres_url

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "requirements.lock"
INSTALLER = REPO / "installer" / "hq"
UNIT = INSTALLER / "embassy-desk-hq.service"
ENV_EXAMPLE = INSTALLER / "embassy-desk-hq.env.example"
# Where the wheel's data files put the message texts, relative to the environment's prefix.
SHARED_RESOURCES = Path("share") / "embassy-desk" / "resources"
RESOURCES_ENV = "EMBASSY_DESK_RESOURCES"
# Modules a server must never load: the desktop's toolkit and its chart library.
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph")


def _run(argv: list[str], *, env: dict[str, str], cwd: Path, timeout: float = 300) -> str:
    done = subprocess.run(
        argv, capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=timeout
    )
    assert done.returncode == 0, f"{shlex.join(argv)} -> {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _copy_sources(target: Path) -> None:
    """What the wheel is built from: the project file, the package and the message texts."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    target.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, target / name)
    shutil.copytree(REPO / "embassy_desk", target / "embassy_desk", ignore=ignore)
    shutil.copytree(REPO / "resources" / "messages", target / "resources" / "messages", ignore=ignore)


def _outer_env() -> dict[str, str]:
    """This process's environment without what would tie a child to the development environment."""
    env = dict(os.environ)
    for name in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "EMBASSY_DESK_DEBUG"):
        env.pop(name, None)
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``pip wheel --no-deps`` of the working tree."""
    root = tmp_path_factory.mktemp("hq-wheel")
    _copy_sources(root / "src")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--wheel-dir",
            str(root),
            str(root / "src"),
        ],
        env=_outer_env(),
        cwd=root,
    )
    built = sorted(root.glob("embassy_desk-*-py3-none-any.whl"))
    assert len(built) == 1, built
    return built[0]


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment (no system site packages) with ``<wheel>[hq]`` installed."""
    root = tmp_path_factory.mktemp("hq-venv") / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    # No pip inside (ensurepip costs seconds): this process's pip installs into it (pip --python).
    _run([base, "-m", "venv", "--without-pip", str(root)], env=_outer_env(), cwd=root.parent)
    config = (root / "pyvenv.cfg").read_text(encoding="utf-8")
    assert "include-system-site-packages = false" in config
    pip = [sys.executable, "-m", "pip", "--python", str(root / "bin" / "python"), "install", "--quiet"]
    _run([*pip, "--no-compile", f"{wheel}[hq]", "-c", str(LOCK)], env=_outer_env(), cwd=root.parent)
    return root


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _server_env(venv: Path, home: Path, **values: str) -> dict[str, str]:
    """The environment the systemd unit gives HQ: a bare one plus the example env file's settings."""
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    env.update(_env_example(venv))
    env.update(values)
    return env


def _env_example(venv: Path) -> dict[str, str]:
    """KEY=VALUE lines of installer/hq/embassy-desk-hq.env.example, with its /opt venv swapped for
    ``venv`` (the database URL and the HQ folder are the test's own, set by the caller)."""
    values: dict[str, str] = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip().replace("/opt/embassy-desk-hq/venv", str(venv))
    return values


def test_wheel_holds_what_hq_reads_from_disk(wheel: Path) -> None:
    """Migrations, console templates and static files, the message texts and the ``hq`` extra.
    (Compared with the copy the wheel was built from: others may be adding files to the tree.)"""
    source = wheel.parent / "src"
    package = source / "embassy_desk"
    needed = [
        *package.glob("hq/migrations/**/*.py"),
        *package.glob("hq/migrations/*.mako"),
        *(p for p in package.glob("hq/console/templates/**/*") if p.is_file()),
        *(p for p in package.glob("hq/console/static/**/*") if p.is_file()),
    ]
    needed = [p for p in needed if "__pycache__" not in p.parts]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        data = {n.split("/data/", 1)[1] for n in names if ".data/data/" in n}
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(info).decode("utf-8")
    missing = sorted(str(p.relative_to(source)) for p in needed if str(p.relative_to(source)) not in names)
    assert not missing, f"not in the wheel (pyproject.toml [tool.setuptools.package-data]): {missing}"
    texts = sorted(p.name for p in (source / "resources" / "messages").glob("*.toml"))
    shipped = sorted(Path(n).name for n in data if n.startswith(f"{SHARED_RESOURCES}/messages/"))
    assert shipped == texts, "pyproject.toml [tool.setuptools.data-files] must ship resources/messages"
    assert "Provides-Extra: hq" in metadata
    for requirement in ("fastapi", "uvicorn", "psycopg[binary]", "jinja2", "python-multipart"):
        assert f"{requirement}==" in metadata.lower() and 'extra == "hq"' in metadata


def test_installed_hq_loads_no_qt_and_finds_its_texts(venv: Path, tmp_path: Path) -> None:
    """The installed command line and HQ (API, console, server) import no Qt; with the env file's
    EMBASSY_DESK_RESOURCES the Russian and Kazakh texts installed by the wheel are found."""
    probe = (
        "import json, sys\n"
        "import embassy_desk, embassy_desk.cli.main, embassy_desk.cli.cmd_hq\n"
        "import embassy_desk.hq.server, embassy_desk.hq.app, embassy_desk.hq.console.app\n"
        "from embassy_desk.cli.main import build_parser\n"
        "build_parser()\n"
        "from embassy_desk.domain.messages import translations\n"
        "print(json.dumps({'file': embassy_desk.__file__, 'modules': sorted(sys.modules),\n"
        "    'ru': len(translations('ru')), 'kk': len(translations('kk'))}))\n"
    )
    env = _server_env(venv, tmp_path)
    found = json.loads(_run([str(venv / "bin" / "python"), "-c", probe], env=env, cwd=tmp_path))
    assert Path(found["file"]).is_relative_to(venv), found["file"]
    qt = [m for m in found["modules"] if m.split(".")[0] in QT_MODULES]
    assert not qt, f"HQ imports Qt: {qt[:5]}"
    assert Path(env[RESOURCES_ENV]) == venv / SHARED_RESOURCES
    assert found["ru"] > 100 and found["kk"] > 100, found


def _exec_starts() -> list[list[str]]:
    """The unit's ExecStart command lines: the one in force and the commented TLS alternative."""
    lines = UNIT.read_text(encoding="utf-8").splitlines()
    return [shlex.split(line.split("=", 1)[1]) for line in lines if line.lstrip("#").startswith("ExecStart=")]


def test_unit_and_env_example_hold_what_hq_understands() -> None:
    """Every ExecStart of the unit is a command line the CLI accepts (``hq serve`` from the /opt venv),
    and the example env file sets only variables HQ reads, HQ's folder and database among them."""
    from embassy_desk.cli.main import build_parser

    starts = _exec_starts()
    assert len(starts) == 2, starts
    for argv in starts:
        assert argv[0] == "/opt/embassy-desk-hq/venv/bin/embassy-desk"
        args = build_parser().parse_args(argv[1:])
        assert (args.command, args.hq_cmd) == ("hq", "serve"), argv
        assert args.port == (8765 if args.certfile is None else 8443), argv
        assert (args.certfile is None) == (args.keyfile is None), argv
    unit = UNIT.read_text(encoding="utf-8")
    for setting in (
        "User=embassy-desk-hq",
        "EnvironmentFile=/etc/embassy-desk-hq/hq.env",
        "NoNewPrivileges=yes",
    ):
        assert f"\n{setting}\n" in unit, setting
    values = _env_example(Path("/opt/embassy-desk-hq/venv"))
    assert set(values) == {DIR_ENV, DB_ENV, "FORWARDED_ALLOW_IPS", RESOURCES_ENV}, values
    assert values[DB_ENV].startswith("postgresql://")


def test_unit_passes_systemd_analyze_verify(venv: Path, tmp_path: Path) -> None:
    """``systemd-analyze verify`` on the unit, its ExecStart pointed at the test's installed venv."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    unit = tmp_path / UNIT.name
    unit.write_text(UNIT.read_text(encoding="utf-8").replace("/opt/embassy-desk-hq/venv", str(venv)))
    done = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr


@contextlib.contextmanager
def _serving(argv: list[str], env: dict[str, str], cwd: Path, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def test_wheel_serves_hq_on_postgresql(venv: Path, tmp_path: Path) -> None:
    """init, migrate, post add, then ``hq serve``: /health and the console's sign-in page answer, and
    SIGTERM (``systemctl stop``) shuts it down cleanly with exit code 0."""
    command = str(venv / "bin" / "embassy-desk")
    with postgres_url() as url:
        # The documented form of the URL (postgresql://, taken to mean psycopg 3).
        db = _libpq(url)
        env = _server_env(venv, tmp_path, **{DIR_ENV: str(tmp_path / "hq"), DB_ENV: db})
        _run([command, "hq", "init"], env=env, cwd=tmp_path)
        # Russian, from the texts the wheel installed: exactly the working tree's text.
        said = _run([command, "hq", "migrate"], env={**env, "LANGUAGE": "ru"}, cwd=tmp_path).strip()
        head = head_revision()
        assert said == render(Msg("hq.migrated", db=url, before=head, revision=head), "ru")
        _run([command, "hq", "post", "add", "KZ-SEL", "--name", "Embassy in Seoul"], env=env, cwd=tmp_path)
        with psycopg.connect(_libpq(url)) as conn:
            assert conn.execute("SELECT code FROM posts").fetchall() == [("KZ-SEL",)]

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        argv = [command, "hq", "serve", "--host", "127.0.0.1", "--port", str(port)]
        log = tmp_path / "serve.log"
        with _serving(argv, env, tmp_path, log) as process:
            _wait_for_health(base, process, log)
            health = httpx.get(f"{base}/health", timeout=10)
            assert health.status_code == 200 and health.json()["status"] == "ok"
            login = httpx.get(f"{base}/console/login", timeout=10)
            assert login.status_code == 200, login.text
            assert "default-src 'none'" in login.headers["content-security-policy"]
            assert "text/html" in login.headers["content-type"]
            process.send_signal(signal.SIGTERM)
            code = process.wait(30)
        output = log.read_text(encoding="utf-8", errors="replace")
        assert code == 0, output
        assert "Application shutdown complete" in output, output


def _wait_for_health(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Until ``/health`` answers (the server is up) or the process ends (a failure, with its log)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"hq serve exited {process.returncode}: {log.read_text(errors='replace')}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base}/health", timeout=1.0).status_code == 200:
                return
        time.sleep(0.1)
    raise AssertionError(f"hq serve did not answer /health in 60 s: {log.read_text(errors='replace')}")
