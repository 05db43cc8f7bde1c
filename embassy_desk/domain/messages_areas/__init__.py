"""English texts of coded messages, one module per area, so that areas grow without touching one file.

Each module holds ``CATALOG: dict[str, str]`` (code -> English template); the Russian and Kazakh texts
of an area live in ``resources/messages/ru-AREA.toml`` and ``kk-AREA.toml``. Codes start with the
area's own prefix so that no two areas define the same code (a test checks).
"""

from embassy_desk.domain.messages_areas.bundle import CATALOG as AREA_BUNDLE
from embassy_desk.domain.messages_areas.campaign import CATALOG as AREA_CAMPAIGN
from embassy_desk.domain.messages_areas.checkin import CATALOG as AREA_CHECKIN
from embassy_desk.domain.messages_areas.checkin_hq import CATALOG as AREA_CHECKIN_HQ
from embassy_desk.domain.messages_areas.console import CATALOG as AREA_CONSOLE
from embassy_desk.domain.messages_areas.console_advisories import CATALOG as AREA_CONSOLE_ADVISORIES
from embassy_desk.domain.messages_areas.console_auth import CATALOG as AREA_CONSOLE_AUTH
from embassy_desk.domain.messages_areas.console_figures import CATALOG as AREA_CONSOLE_FIGURES
from embassy_desk.domain.messages_areas.dashboard import CATALOG as AREA_DASHBOARD
from embassy_desk.domain.messages_areas.duty import CATALOG as AREA_DUTY
from embassy_desk.domain.messages_areas.evac import CATALOG as AREA_EVAC
from embassy_desk.domain.messages_areas.hq import CATALOG as AREA_HQ
from embassy_desk.domain.messages_areas.hq_api import CATALOG as AREA_HQ_API
from embassy_desk.domain.messages_areas.regions import CATALOG as AREA_REGIONS
from embassy_desk.domain.messages_areas.release import CATALOG as AREA_RELEASE
from embassy_desk.domain.messages_areas.selftest import CATALOG as AREA_SELFTEST
from embassy_desk.domain.messages_areas.sync import CATALOG as AREA_SYNC
from embassy_desk.domain.messages_areas.sync_local import CATALOG as AREA_SYNC_LOCAL
from embassy_desk.domain.messages_areas.upgrade import CATALOG as AREA_UPGRADE

# Every area's catalog, merged into ``domain.messages.CATALOG``.
AREAS = (
    AREA_CHECKIN_HQ,
    AREA_CHECKIN,
    AREA_CONSOLE,
    AREA_CONSOLE_AUTH,
    AREA_CONSOLE_FIGURES,
    AREA_CONSOLE_ADVISORIES,
    AREA_SELFTEST,
    AREA_RELEASE,
    AREA_BUNDLE,
    AREA_CAMPAIGN,
    AREA_DASHBOARD,
    AREA_DUTY,
    AREA_EVAC,
    AREA_HQ,
    AREA_HQ_API,
    AREA_REGIONS,
    AREA_SYNC,
    AREA_SYNC_LOCAL,
    AREA_UPGRADE,
)

__all__ = [
    "AREAS",
    "AREA_BUNDLE",
    "AREA_CAMPAIGN",
    "AREA_CHECKIN",
    "AREA_CHECKIN_HQ",
    "AREA_CONSOLE",
    "AREA_CONSOLE_ADVISORIES",
    "AREA_CONSOLE_AUTH",
    "AREA_CONSOLE_FIGURES",
    "AREA_DASHBOARD",
    "AREA_DUTY",
    "AREA_EVAC",
    "AREA_HQ",
    "AREA_HQ_API",
    "AREA_REGIONS",
    "AREA_RELEASE",
    "AREA_SELFTEST",
    "AREA_SYNC",
    "AREA_SYNC_LOCAL",
    "AREA_UPGRADE",
]
