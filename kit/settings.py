"""Every TEAMLEERGESPREK_* environment variable of the kit, read in one place, and where the kit is reached.

Each variable has its name here and one function that reads it; the modules that use a setting call that
function (their old `*_ENV` names stay as aliases of these). `serve` hands the kernels it starts their session,
join address and language through the environment (`kit.serving.launcher.environment`). This is the bottom
layer beside `kit.i18n`: it imports nothing of the kit, and a phone's kernel imports it, so it stays light.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

DB_URL_ENV = "TEAMLEERGESPREK_DB"  # the database address, if --db is not given
TEMPLATES_ENV = "TEAMLEERGESPREK_TEMPLATES"  # a school's own templates folder, if --templates is not given
# The language of the screens and messages: read and set by `kit.i18n` (language(), set_language()).
LANG_ENV = "TEAMLEERGESPREK_LANG"
# A trainer's own catalog folders (a new language without touching Python): read and set by `kit.i18n` too.
LOCALE_DIRS_ENV = "TEAMLEERGESPREK_LOCALE_DIRS"
SESSION_ENV = "TEAMLEERGESPREK_SESSION"  # the session a facilitator's kernel started by `serve` runs
JOIN_URL_ENV = "TEAMLEERGESPREK_JOIN_URL"  # the phones' page, as `serve` prints it
TEAM_ENV = "TEAMLEERGESPREK_TEAM"  # the team the trends page opens with (`teamleergesprek trends --team`)
OUT_ENV = "TEAMLEERGESPREK_OUT"  # where the invitation PDF is written (`teamleergesprek voorbereiden` sets it)
MIN_GROUP_ENV = "TEAMLEERGESPREK_MIN_GROUP"  # the smallest group trends compute a figure from
EXPECTED_PARTICIPANTS_ENV = "TEAMLEERGESPREK_EXPECTED_PARTICIPANTS"  # preheated phones' pages (`serve`)
TOKEN_ENV = "TEAMLEERGESPREK_VOILA_TOKEN"  # the facilitator's token; read and removed by kit.serving.voila_extension
# Set in a preheated phone kernel once it has its page request (kit.apps.page_request.request_query_string).
REQUEST_RECEIVED_ENV = "TEAMLEERGESPREK_REQUEST_RECEIVED"

EXPECTED_PARTICIPANTS = 60


def db_url() -> str | None:
    return os.environ.get(DB_URL_ENV) or None


def templates_dir() -> str | None:
    return os.environ.get(TEMPLATES_ENV) or None


def session_code() -> str:
    return os.environ.get(SESSION_ENV, "")


def join_base_url() -> str | None:
    return os.environ.get(JOIN_URL_ENV) or None


def team() -> str | None:
    return os.environ.get(TEAM_ENV)


def out_dir() -> str | None:
    return os.environ.get(OUT_ENV) or None


def min_group_text() -> str:
    """The smallest group as written ('' when unset); `kit.analysis.trends.min_group_threshold` reads it."""
    return os.environ.get(MIN_GROUP_ENV, "").strip()


def expected_participants() -> int:
    return int(os.environ.get(EXPECTED_PARTICIPANTS_ENV, str(EXPECTED_PARTICIPANTS)))


def take_facilitator_token() -> str | None:
    """The facilitator's token, taken out of the environment so that no kernel started later inherits it."""
    return os.environ.pop(TOKEN_ENV, None)


# -- where the kit is reached -------------------------------------------------------------------------------------
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PARTICIPANT_PORT = 8866


def lan_address() -> str:
    """The address phones in the same room can reach: the first private IPv4 address of this laptop."""
    import psutil  # here, not at the top: a phone's kernel imports this module and never asks

    candidates = []
    for addresses in psutil.net_if_addrs().values():
        for address in addresses:
            if address.family.name == "AF_INET":
                ip = ipaddress.ip_address(address.address)
                if not ip.is_loopback and not ip.is_link_local:
                    candidates.append(ip)
    private = [ip for ip in candidates if ip.is_private]
    chosen = (private or candidates or [ipaddress.ip_address("127.0.0.1")])[0]
    return str(chosen)


def join_base(host: str | None = None, port: int = PARTICIPANT_PORT) -> str:
    """The phones' page: on this laptop (`host` defaults to the address `lan_address` finds now), or a whole
    address given as `host` (`serve --join-url`, a proxy in front of several phones' servers)."""
    if host and host.startswith(("http://", "https://")):
        return host if host.endswith("/") else host + "/"
    return f"http://{host or lan_address()}:{port}/"


def join_url(code: str, host: str | None = None, port: int = PARTICIPANT_PORT) -> str:
    """What the phones open for a session: the address `serve` prints and shows as QR (and the invitation prints)."""
    return f"{join_base(host, port)}?code={code}"
