#!/usr/bin/env python3
"""Screenshots of the public check-in page on a phone-sized screen (375x667) into docs/screenshots/.

    .venv/bin/python tools/checkin_screenshots.py               # checkin-kk.png, checkin-ko.png
    .venv/bin/python tools/checkin_screenshots.py --out DIR --all
                                                                # also ru, en and the confirmations

Builds a throw-away HQ on a fresh PostgreSQL database at 127.0.0.1:5432 (as the browser tests do), a
post whose workstation pushes one synthetic citizen and a check-in link, serves the page with
``hq serve-public`` on a loopback port and shoots it with Debian's chromium (Playwright,
/usr/bin/chromium) at 375x667, the size of a small phone. The Korean page needs a Korean font on the
machine (Debian: fonts-nanum or fonts-noto-cjk); without one chromium draws boxes, so the tool stops.
Only synthetic data. Look at every picture before committing it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VIEWPORT: ViewportSize = {"width": 375, "height": 667}
EMBASSY = "Embassy of Kazakhstan in Seoul"


def _korean_font() -> bool:
    try:
        found = subprocess.run(
            ["/usr/bin/fc-list", ":lang=ko"], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return False
    return bool(found.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--all", action="store_true", help="every language and the confirmations too")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    from embassy_desk.domain.checkin import new_token, token_hash
    from embassy_desk.domain.ids import uuid7
    from embassy_desk.hq.config import HQConfig
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.hq_devices import enroll, entry, push
    from tests.sync_harness import Hq, free_port, postgres_url

    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: `python3 dev.py test` installs Debian's chromium", file=sys.stderr)
        return 1
    if not _korean_font():
        print(
            "No Korean font (apt-get install fonts-nanum): the Korean page would show boxes", file=sys.stderr
        )
        return 1
    shots: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="embassy-desk-checkin-shots-") as tmp, postgres_url() as url:
        hq = Hq(Path(tmp), url).init()
        hq.add_post("KR-SEL", EMBASSY)
        store = HQConfig.resolve(hq.hq_dir, url).open_store()
        try:
            device = enroll(store, "KR-SEL")
            citizen, token = uuid7(), new_token()
            now = datetime.now(UTC)
            link = {
                "token_hash": token_hash(token),
                "citizen_id": citizen,
                "campaign_id": None,
                "language": "kk",
                "phone": "+821012345678",
                "expires_at": (now + timedelta(days=14)).isoformat(timespec="milliseconds"),
                "created_at": now.isoformat(timespec="milliseconds"),
                "created_by": "officer",
            }
            names = {"surname": "Серікова", "given_names": "Айгерим", "given_names_latin": "Aigerim"}
            push(
                store,
                device,
                [
                    entry(device, "citizen", citizen, "create", names),
                    entry(device, "checkin_link", uuid7(), "create", link),
                ],
            )
        finally:
            store.close()
        port = free_port()
        log = Path(tmp) / "serve-public.log"
        with log.open("wb") as sink:
            server = subprocess.Popen(  # noqa: S603 (this interpreter, fixed arguments)
                [sys.executable, "-m", "embassy_desk", "hq", "serve-public", "--port", str(port)],
                stdout=sink,
                stderr=subprocess.STDOUT,
                env=hq.env,
            )
        try:
            base = f"http://127.0.0.1:{port}"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
                )
                context = browser.new_context(
                    viewport=VIEWPORT, device_scale_factor=1, is_mobile=True, has_touch=True
                )
                page = context.new_page()
                _wait_for(page, base)
                languages = ("kk", "ko", "ru", "en") if args.all else ("kk", "ko")
                for lang in languages:
                    page.goto(f"{base}/c/{token}?lang={lang}")
                    shots.append(out / f"checkin-{lang}.png")
                    page.screenshot(path=str(shots[-1]))
                if args.all:
                    for lang, choice in (("kk", "safe"), ("ko", "needs_help")):
                        page.goto(f"{base}/c/{token}?lang={lang}")
                        form = page.locator(f"form[data-choice={choice}]")
                        if choice == "needs_help":
                            form.locator("textarea[name=message]").fill(
                                "다리를 다쳤습니다. 병원이 필요합니다."
                            )
                            form.locator("input[name=callback]").fill("010-5555-1234")
                        form.locator("button").click()
                        page.wait_for_load_state("load")
                        assert re.search(f'data-answer="{choice}"', page.content())
                        shots.append(out / f"checkin-{lang}-done.png")
                        page.screenshot(path=str(shots[-1]))
                browser.close()
        finally:
            server.terminate()
            server.wait(15)
    for shot in shots:
        print(shot)
    return 0


def _wait_for(page: object, base: str) -> None:
    import time

    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("hq serve-public did not start")


if __name__ == "__main__":
    raise SystemExit(main())
