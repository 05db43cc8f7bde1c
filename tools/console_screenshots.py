#!/usr/bin/env python3
"""Screenshots of HQ's web console (the overview, a post, the advisories page) into docs/screenshots/.

    .venv/bin/python tools/console_screenshots.py            # docs/screenshots/hq-*.png
    .venv/bin/python tools/console_screenshots.py --out DIR

Builds a throw-away HQ the way the browser tests do (tests/browser/conftest.py): ``hq serve`` on a fresh
PostgreSQL database at 127.0.0.1:5432, five posts whose real SQLCipher workstations register synthetic
citizens (the demo's generator) with contacts and cases and sync them; one post has gone quiet (its
devices' last sync is moved seven hours back); an advisory is published from the console's own form and
reaches some posts. Debian's chromium (Playwright, /usr/bin/chromium) shoots each page at 1366x900.
Only synthetic data. Look at every picture before committing it.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

POSTS = (  # (code, name, workstations, citizens)
    ("KR-SEL", "Embassy of Kazakhstan in Seoul", 2, 160),
    ("JP-TYO", "Embassy of Kazakhstan in Tokyo", 1, 90),
    ("TR-IST", "Consulate General of Kazakhstan in Istanbul", 1, 120),
    ("AE-DXB", "Consulate General of Kazakhstan in Dubai", 1, 70),
    ("DE-BER", "Embassy of Kazakhstan in Berlin", 1, 45),
)
QUIET = "AE-DXB"  # the post that has not synced for hours


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright
    from sqlalchemy import update

    from embassy_desk.hq.clock import iso, system_clock
    from embassy_desk.hq.tables import devices
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, ConsoleHq, sign_in
    from tests.sync_harness import Hq, postgres_url

    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: `python3 dev.py test` installs Debian's chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="embassy-desk-console-shots-") as tmp, postgres_url() as url:
        root = Path(tmp)
        hq = Hq(root, url).init()
        hq.start()
        console = ConsoleHq(hq, root)
        try:
            posts = {}
            real_node = platform.node
            for seed, (code, name, stations, citizens) in enumerate(POSTS):
                print(f"{code}: {citizens} citizens on {stations} workstation(s) ...")
                # Workstations enroll under their computer's name: one of its own for each desk.
                desks = (f"{code.lower()}-desk-{i}" for i in itertools.count(1))
                platform.node = lambda desks=desks: next(desks)  # type: ignore[misc]
                posts[code] = console.add_post(
                    stations, citizens=citizens, seed=seed + 11, code=code, name=name
                )
            platform.node = real_node
            quiet_since = iso(system_clock() - timedelta(hours=7, minutes=20))
            with console.engine.begin() as conn:
                conn.execute(update(devices).where(devices.c.post == QUIET).values(last_sync_at=quiet_since))
            console.add_operator("a.seitkali", "admin")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
                )
                context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
                page = context.new_page()
                sign_in(page, console, "a.seitkali", console.operators["a.seitkali"])

                # An advisory for three posts, published from the page; two posts pick it up.
                page.goto(console.url("/advisories"))
                form = page.locator("form.advisory")
                form.locator("input[name=kind][value=advisory]").check()
                form.locator("input[name=title_en]").fill("Heavy snowfall: stay indoors")
                form.locator("textarea[name=text_en]").fill(
                    "Heavy snow is forecast for tomorrow. Stay indoors and keep your phone charged."
                )
                form.locator("input[name=title_ru]").fill("Сильный снегопад: оставайтесь дома")
                form.locator("textarea[name=text_ru]").fill("Завтра ожидается сильный снегопад.")
                for code in ("KR-SEL", "JP-TYO", "DE-BER"):
                    form.locator(f"input[name=posts][value='{code}']").check()
                form.locator("[type=submit]").click()
                page.wait_for_load_state("load")
                for code in ("KR-SEL", "JP-TYO"):
                    for ws in posts[code].stations:
                        ws.sync()

                page.goto(console.url("/"))
                page.screenshot(path=str(out / "hq-overview.png"))
                # The post's whole history here is the last few minutes: show the last six hours.
                recent = (system_clock() - timedelta(hours=6)).strftime("%Y-%m-%dT%H:%M")
                page.goto(console.url(f"/posts/KR-SEL?since={recent}"))
                page.screenshot(path=str(out / "hq-post.png"))
                page.goto(console.url("/advisories"))
                page.screenshot(path=str(out / "hq-advisories.png"))
                browser.close()
        finally:
            console.close()
            hq.stop()
    for name in ("hq-overview.png", "hq-post.png", "hq-advisories.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
