"""Building the demo post: a workstation, one account per role, citizens, contacts and cases."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.domain.enums import Role
from embassy_desk.services import cases, contacts, users
from embassy_desk.services.importer import ImportReport, import_rows
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import PostInfo, Session
from embassy_desk.services.workstation import init_workstation, unlock
from embassy_desk.storage import meta
from embassy_desk.storage.kdf import KdfParams
from embassy_desk.storage.workstation import WorkstationPaths

# Published on purpose: the demo post holds only invented people. Never use these for real data.
DEMO_PASSPHRASE = "seoul-demo-post-2024"  # noqa: S105 - published demo credential
DEMO_ACCOUNTS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "Demo Administrator", Role.ADMINISTRATOR),
    ("officer", "Demo Consular Officer", Role.OFFICER),
    # A second duty officer, so that two officers can split a welfare campaign (docs/campaigns.md).
    ("duty", "Demo Duty Officer", Role.OFFICER),
    ("clerk", "Demo Clerk", Role.CLERK),
    ("viewer", "Demo Viewer", Role.VIEWER),
)
DEMO_POST = PostInfo(
    name="Embassy of the Republic of Kazakhstan in the Republic of Korea",
    home_country="KZ",
    host_country="KR",
    city="Seoul",
    address="Demo address: 1 Example-ro, Yongsan-gu, Seoul",
    phone="+82 2 000 0000",
    hotline="+82 10 0000 0000",
    email="consular@example.com",
)
# How the demo post's notices name and reach it in each of their languages (synthetic address).
DEMO_NOTICE_NAMES = {
    "kk": "Қазақстан Республикасының Корея Республикасындағы Елшілігі",
    "ru": "Посольство Республики Казахстан в Республике Корея",
    "en": DEMO_POST.name,
    "ko": "주한 카자흐스탄 공화국 대사관",
}
DEMO_NOTICE_ADDRESSES = {
    "kk": "Сеул қ., Йонсан-гу, Example-ro 1 (демо мекенжай)",
    "ru": "Сеул, Йонсан-гу, Example-ro 1 (демо-адрес)",
    "en": DEMO_POST.address,
    "ko": "서울특별시 용산구 Example-ro 1 (데모 주소)",
}
Progress = Callable[[str], None]


@dataclass(frozen=True)
class DemoResult:
    paths: WorkstationPaths
    recovery_code: str
    report: ImportReport
    contacts: int
    cases: int


def build_demo_post(
    data_dir: Path,
    settings: DemoSettings,
    *,
    kdf: KdfParams | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Create the demo workstation in an empty ``data_dir``."""
    say = progress or (lambda _msg: None)
    say("Creating the encrypted workstation ...")
    init = init_workstation(
        data_dir,
        post=DEMO_POST,
        admin_username="admin",
        admin_display_name="Demo Administrator",
        passphrase=DEMO_PASSPHRASE,
        kdf=kdf,
    )
    session = unlock(init.paths, "admin", DEMO_PASSPHRASE)
    try:
        for username, display, role in DEMO_ACCOUNTS[1:]:
            users.add_user(
                session,
                username=username,
                display_name=display,
                role=role,
                passphrase=DEMO_PASSPHRASE,
            )
        with session.write(Action.SETTINGS_EDIT) as uow:
            meta.put(uow.conn, "demo", {"citizens": settings.citizens, "seed": settings.seed})
        # Imported here: the notices service loads reportlab, which every CLI command would otherwise
        # pay for at start-up (the CLI imports this module for the demo accounts).
        from embassy_desk.services import notices

        notices.set_notice_post(session, names=DEMO_NOTICE_NAMES, addresses=DEMO_NOTICE_ADDRESSES)
        say(f"Registering {settings.citizens:,} synthetic citizens ...")
        rows = ((n + 2, row) for n, row in enumerate(synthetic_rows(settings)))
        report = import_rows(session, rows, expected_rows=settings.citizens)
        say("Adding contact history and assistance cases ...")
        n_contacts, n_cases = _history(session, settings)
    finally:
        session.lock()
    return DemoResult(init.paths, init.recovery_code, report, n_contacts, n_cases)


def _history(session: Session, settings: DemoSettings) -> tuple[int, int]:
    rng = random.Random(settings.seed + 1)
    with session.read() as conn:
        ids = [str(r[0]) for r in conn.exec_driver_sql("SELECT id FROM citizens ORDER BY rid LIMIT 5000")]
    if not ids:
        return 0, 0
    n_contacts = min(len(ids), max(10, settings.citizens // 100), 600)
    for citizen_id in rng.sample(ids, n_contacts):
        outcome = rng.choice(("reached", "reached", "reached", "no_answer", "message_left"))
        welfare = "safe" if outcome == "reached" and rng.random() < 0.9 else None
        if outcome == "reached" and welfare is None:
            welfare = "needs_assistance"
        contacts.log_contact(
            session,
            citizen_id,
            channel=rng.choice(("phone", "messenger", "sms")),
            outcome=outcome,
            welfare=welfare,
        )
    n_cases = min(len(ids), max(3, settings.citizens // 1000), 60)
    kinds = ("lost_documents", "medical", "financial", "detention", "other", "evacuation")
    for citizen_id in rng.sample(ids, n_cases):
        cases.open_case(
            session,
            citizen_id,
            kind=rng.choice(kinds),
            summary="Синтетическое демо-обращение: нужна помощь посольства",
            priority=rng.choice(("low", "normal", "normal", "high", "urgent")),
        )
    return n_contacts, n_cases
