"""``embassy-desk self-test``: prove on this computer that the installed app works end to end.

In a temporary folder of its own (deleted at the end, even after a failure) it creates an encrypted
workstation the way set-up does (SQLCipher, vault, an administrator with a generated passphrase, the
key derivation calibrated to this computer), registers a synthetic citizen and finds them by the
Latin spelling of a Cyrillic name, issues a bilingual notice and reads its text back from the PDF,
verifies the audit chain, starts headquarters in this process (SQLite in the same folder, served by
uvicorn on a free local port) and syncs the citizen to it, then stops HQ and deletes everything.

Nothing here reads the repository's layout, the tests or development tools: resources come through
:mod:`embassy_desk.resources`, so the same steps run in the installed bundle. The versions shown by
``--version``, the About dialog and the diagnostic report are gathered here too (no Qt).
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import logging
import platform
import secrets
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from embassy_desk import __version__
from embassy_desk.domain.messages import Msg

log = logging.getLogger("embassy_desk.selftest")

DISTRIBUTION = "embassy-desk"
# The synthetic citizen: invented, written in Cyrillic and looked up by its Latin spelling.
SURNAME = "Сынақбаев"
GIVEN_NAMES = "Тексерім"
LATIN_QUERY = "Synakbaev"
POST_CODE = "SELFTEST"
SERVER_START_SECONDS = 20.0


# --- versions (shared with the About dialog and the diagnostic report) ------------------------------


def app_version() -> str:
    """The installed package's version (pyproject), or the source's own when no metadata is bundled."""
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return __version__


def schema_head() -> str:
    """The workstation database's schema revision this version writes (the Alembic head)."""
    from embassy_desk.storage import migrate

    return migrate.head_revision()


def version_line() -> str:
    """``embassy-desk X.Y.Z (schema NNNN)``: what ``--version`` prints."""
    return f"embassy-desk {app_version()} (schema {schema_head()})"


def sqlcipher_version() -> str:
    """SQLCipher's version as the bundled library reports it (and the SQLite it is built on)."""
    try:
        import sqlcipher3

        conn = sqlcipher3.connect(":memory:")
        try:
            row = conn.execute("PRAGMA cipher_version").fetchone()
            sqlite = conn.execute("SELECT sqlite_version()").fetchone()
        finally:
            conn.close()
    except Exception:  # a missing or broken driver is itself what the report must show
        return "unavailable"
    cipher = str(row[0]) if row and row[0] else "unknown"
    return f"{cipher} (SQLite {sqlite[0] if sqlite else '?'})"


def platform_summary() -> str:
    """The operating system, its release and the machine's architecture (no computer or user name)."""
    return f"{platform.system()} {platform.release()} ({platform.machine()})"


@dataclass(frozen=True)
class Component:
    """One bundled component: its distribution name, version and licence."""

    name: str
    version: str
    licence: str


# Used when the bundle carries no metadata for the app itself (its own requirements cannot be read).
_FALLBACK_REQUIREMENTS = (
    "sqlcipher3",
    "SQLAlchemy",
    "alembic",
    "cryptography",
    "keyring",
    "phonenumbers",
    "openpyxl",
    "platformdirs",
    "orjson",
    "PySide6-Essentials",
    "reportlab",
    "segno",
    "pypdfium2",
    "pyqtgraph",
    "numpy",
    "pydantic",
    "httpx",
    "http-message-signatures",
    "fastapi",
    "uvicorn",
    "psycopg",
    "Jinja2",
    "python-multipart",
)
_LICENCE_CLASSIFIER = "License :: "
# Distributions whose metadata names no licence; what their own LICENSE file says.
_KNOWN_LICENCES = {"sqlcipher3": "Zlib"}


def _requirement_name(requirement: str) -> str:
    name = requirement.split(";")[0].strip()
    for stop in "[<>=!~ (":
        name = name.split(stop)[0]
    return name.strip()


def _runtime_requirements() -> list[str]:
    try:
        requires = importlib.metadata.requires(DISTRIBUTION) or []
    except importlib.metadata.PackageNotFoundError:
        return list(_FALLBACK_REQUIREMENTS)
    names = []
    for requirement in requires:
        marker = requirement.partition(";")[2]
        # The desktop's own dependencies and HQ's (the self-test runs an HQ); never the dev tools.
        if "extra" in marker and '"hq"' not in marker and "'hq'" not in marker:
            continue
        names.append(_requirement_name(requirement))
    return names


def _field(meta: importlib.metadata.PackageMetadata, key: str) -> str:
    value = meta.json.get(key)
    return str(value) if isinstance(value, str) else ""


def _all(meta: importlib.metadata.PackageMetadata, key: str) -> list[str]:
    value = meta.json.get(key)
    return [str(v) for v in value] if isinstance(value, list) else []


def licence_of(meta: importlib.metadata.PackageMetadata) -> str:
    """A distribution's licence name: its SPDX expression, else its licence classifiers, else its
    ``License`` field's first line (some packages put the whole text there)."""
    expression = _field(meta, "license_expression")
    if expression:
        return str(expression)
    classifiers = [
        str(c).split(" :: ")[-1] for c in _all(meta, "classifier") if str(c).startswith(_LICENCE_CLASSIFIER)
    ]
    if classifiers:
        return ", ".join(dict.fromkeys(classifiers))
    text = _field(meta, "license").strip()
    first = text.splitlines()[0] if text else ""
    return first[:60] if first else _KNOWN_LICENCES.get(_field(meta, "name").casefold(), "unknown")


def _normalised(name: str) -> str:
    return name.casefold().replace("_", "-").replace(".", "-")


def components() -> list[Component]:
    """The runtime components and their licences, read from the installed metadata at run time (the
    app's dependencies and theirs, never the development tools), plus the native parts and fonts that
    carry no Python metadata of their own."""
    found: dict[str, Component] = {}
    queue = list(_runtime_requirements())
    seen: set[str] = set()
    while queue:
        name = queue.pop()
        if _normalised(name) in seen:
            continue
        seen.add(_normalised(name))
        try:
            meta = importlib.metadata.metadata(name)
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue  # an optional part (HQ's, another platform's) that this installation does not carry
        shown = _field(meta, "name") or name
        found[_normalised(shown)] = Component(shown, _field(meta, "version") or "?", licence_of(meta))
        queue.extend(_requirement_name(r) for r in requires if "extra" not in r.partition(";")[2])
    extra = [
        Component("Python", platform.python_version(), "PSF-2.0"),
        Component("SQLCipher", sqlcipher_version().split(" ")[0], "BSD-3-Clause"),
        Component("Noto Sans, Nanum Gothic (fonts)", "-", "OFL-1.1"),
    ]
    return sorted(found.values(), key=lambda c: c.name.casefold()) + extra


# --- the self-test ------------------------------------------------------------------------------------


class StepFailed(Exception):
    """A step found something wrong; ``reason`` says what, in one line for the person."""

    def __init__(self, reason: Msg) -> None:
        super().__init__(reason.code)
        self.reason = reason


@dataclass(frozen=True)
class StepResult:
    """One step: its code (``selftest.step.NAME`` names it), whether it worked, and why not."""

    step: str
    ok: bool
    seconds: float
    reason: Msg | None = None
    skipped: bool = False


STEPS = ("folder", "workstation", "citizen", "notice", "audit", "hq", "sync", "cleanup")


@dataclass
class _State:
    root: Path | None = None
    session: Any = None
    citizen_id: str = ""
    hq: _InProcessHq | None = None
    results: list[StepResult] = field(default_factory=list)


class _InProcessHq:
    """HQ's API over a SQLite database in ``folder``, served by uvicorn in a thread on a free port."""

    def __init__(self, folder: Path) -> None:
        from embassy_desk.hq.config import HQConfig
        from embassy_desk.hq.database import make_engine, sqlite_url, upgrade
        from embassy_desk.hq.keys import create_keys

        config = HQConfig(folder, sqlite_url(folder / "hq.sqlite3"))
        create_keys(folder)
        engine = make_engine(config.db_url)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        self.store = config.open_store()
        self.server: Any = None
        self.thread: threading.Thread | None = None
        self.port = 0

    def start(self) -> str:
        import uvicorn

        from embassy_desk.hq.app import create_app

        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port = int(sock.getsockname()[1])
        config = uvicorn.Config(
            create_app(self.store),
            host="127.0.0.1",
            port=self.port,
            access_log=False,
            log_config=None,  # keep the app's own logging (and its scrubbing filter) as it is
            log_level="warning",
            server_header=False,
            lifespan="off",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [sock]}, name="selftest-hq", daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                sock.close()
                raise StepFailed(Msg("selftest.hq_not_started"))
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(SERVER_START_SECONDS)
        self.store.close()


def _passphrase(username: str) -> str:
    """A random passphrase that the set-up rules accept (retried in the unlikely case they do not)."""
    from embassy_desk.domain.errors import ValidationError
    from embassy_desk.domain.passphrase import check_passphrase

    for _ in range(20):
        candidate = "-".join(secrets.token_urlsafe(6) for _ in range(4))
        try:
            check_passphrase(candidate, username=username)
        except ValidationError:
            continue
        return candidate
    raise StepFailed(Msg("selftest.no_passphrase"))


def _step_folder(state: _State, temp_parent: Path | None) -> None:
    try:
        state.root = Path(tempfile.mkdtemp(prefix="embassy-desk-selftest-", dir=temp_parent))
    except OSError as exc:
        raise StepFailed(
            Msg("selftest.no_folder", path=str(temp_parent or tempfile.gettempdir()), kind=type(exc).__name__)
        ) from exc


def _step_workstation(state: _State) -> None:
    from embassy_desk.services.session import PostInfo
    from embassy_desk.services.workstation import init_workstation, unlock

    assert state.root is not None
    username = "selftest"
    secret = _passphrase(username)
    post = PostInfo(name="Embassy Desk self-test", home_country="KZ", host_country="KR")
    result = init_workstation(
        state.root / "workstation",
        post=post,
        admin_username=username,
        admin_display_name="Self-test",
        passphrase=secret,
    )
    state.session = unlock(result.paths, username, secret)


def _step_citizen(state: _State) -> None:
    from embassy_desk.services import registry

    citizen = registry.register_citizen(
        state.session,
        {
            "surname": SURNAME,
            "given_names": GIVEN_NAMES,
            "sex": "M",
            "birth_date": "1990-01-01",
            "passport_number": "N00000001",
            "purpose_of_stay": "work",
            "region": "Seoul",
            "languages": "kk,ru",
        },
    )
    state.citizen_id = citizen.id
    found = registry.search(state.session, LATIN_QUERY)
    if citizen.id not in {c.id for c in found}:
        raise StepFailed(Msg("selftest.not_found", query=LATIN_QUERY))


def _pdf_texts(pdf: bytes) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(str(textpage.get_text_range()))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def _step_notice(state: _State) -> None:
    from embassy_desk.services import notices

    notices.set_notice_post(
        state.session,
        names={
            "kk": "Қазақстан Республикасының Елшілігі",
            "ru": "Посольство Республики Казахстан",
            "en": "Embassy of the Republic of Kazakhstan",
        },
    )
    record, pdf = notices.issue_one(
        state.session, kind="letter-welfare", languages=["kk", "ru"], citizen_id=state.citizen_id
    )
    if not pdf.startswith(b"%PDF-"):
        raise StepFailed(Msg("selftest.not_pdf"))
    texts = _pdf_texts(pdf)
    if len(texts) < 2:
        raise StepFailed(Msg("selftest.pages", pages=len(texts)))
    squashed = ["".join(text.split()) for text in texts]
    if not all(record.reference in text for text in squashed) or not any(SURNAME in t for t in squashed):
        raise StepFailed(Msg("selftest.text_missing"))


def _step_audit(state: _State) -> None:
    from embassy_desk.services.integrity import verify_audit_chain

    report = verify_audit_chain(state.session)
    if not report.ok:
        raise StepFailed(Msg("selftest.audit_broken"))


def _step_hq(state: _State) -> str:
    assert state.root is not None
    try:
        import fastapi  # noqa: F401 - only to name a missing HQ part plainly
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise StepFailed(Msg("selftest.hq_missing")) from exc
    state.hq = _InProcessHq(state.root / "hq")
    state.hq.store.add_post(POST_CODE, "Embassy Desk self-test")
    return state.hq.start()


def _step_sync(state: _State, url: str) -> None:
    from embassy_desk.hq import stats
    from embassy_desk.services import sync

    assert state.hq is not None
    code, _expires = state.hq.store.new_enroll_code(POST_CODE)
    sync.enroll(state.session, url, code)
    report = sync.run_sync(state.session)
    if not report.verified:
        raise StepFailed(Msg("selftest.sync_unverified"))
    store = state.hq.store
    with store.engine.connect() as conn:
        figures = stats.post_stats(conn, now=store.clock(), post=POST_CODE)
    citizens = figures[0].citizens if figures else 0
    if citizens != 1:
        raise StepFailed(Msg("selftest.hq_count", count=citizens))


def _cleanup(state: _State) -> None:
    problems: list[str] = []
    if state.hq is not None:
        try:
            state.hq.stop()
        except Exception:
            log.warning("self-test: stopping HQ failed", exc_info=True)
            problems.append("hq")
    if state.session is not None:
        with contextlib.suppress(Exception):
            state.session.lock()
    if state.root is not None:
        shutil.rmtree(state.root, ignore_errors=True)
        if state.root.exists():
            problems.append("folder")
    if problems:
        raise StepFailed(Msg("selftest.not_deleted", path=str(state.root)))


@contextlib.contextmanager
def _timed(state: _State, step: str, report: Callable[[StepResult], None]) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    except StepFailed as exc:
        result = StepResult(step, False, time.perf_counter() - started, exc.reason)
    except Exception as exc:
        # The person sees the kind of error; where it happened goes to the log (never its message).
        log.error("self-test step %s failed", step, exc_info=True)
        reason = exc.msg if hasattr(exc, "msg") and isinstance(exc.msg, Msg) else None
        result = StepResult(
            step,
            False,
            time.perf_counter() - started,
            reason or Msg("selftest.error", kind=type(exc).__name__),
        )
    else:
        result = StepResult(step, True, time.perf_counter() - started)
    log.info("self-test step %s: %s (%.2f s)", step, "ok" if result.ok else "failed", result.seconds)
    state.results.append(result)
    report(result)


def run_selftest(
    *, temp_parent: Path | None = None, report: Callable[[StepResult], None] | None = None
) -> list[StepResult]:
    """Run every step in order (see the module docstring), calling ``report`` after each one.

    After a failed step the remaining ones are reported as skipped; the clean-up always runs last.
    ``temp_parent`` is where the temporary folder is made (default: the system's temporary folder).
    """
    tell = report or (lambda _result: None)
    state = _State()
    log.info("self-test started: %s, Python %s, %s", version_line(), platform.python_version(), sys.platform)
    url = ""

    def hq() -> None:
        nonlocal url
        url = _step_hq(state)

    work: list[tuple[str, Callable[[], None]]] = [
        ("folder", lambda: _step_folder(state, temp_parent)),
        ("workstation", lambda: _step_workstation(state)),
        ("citizen", lambda: _step_citizen(state)),
        ("notice", lambda: _step_notice(state)),
        ("audit", lambda: _step_audit(state)),
        ("hq", hq),
        ("sync", lambda: _step_sync(state, url)),
    ]
    for step, action in work:
        if any(not r.ok for r in state.results):
            skipped = StepResult(step, False, 0.0, skipped=True)
            state.results.append(skipped)
            tell(skipped)
            continue
        with _timed(state, step, tell):
            action()
    with _timed(state, "cleanup", tell):
        _cleanup(state)
    return state.results


def passed(results: list[StepResult]) -> bool:
    """Whether every step worked."""
    return bool(results) and all(r.ok for r in results)
