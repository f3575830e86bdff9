"""Who may open the facilitator's phone remote: whoever brings the session's secret in the address.

The remote is served by the phones' server (the one the room's phones reach on the network), as the phones' own
page with one more parameter: `?code=ABC123&bediening=<secret>`. The secret is the session's own, made from
`secrets` on first ask (`SessionStore.remote_token`); it is shown only where the facilitator looks (the terminal of
`serve`, the preparation page), never on the projector or a participant's phone. A check compares in constant time.
"""

from __future__ import annotations

import hmac
from urllib.parse import parse_qs, urlencode

from kit.store import Store

REMOTE_PARAMETER = "bediening"


def token_from_query(query_string: str | None) -> str | None:
    """The secret the address brings; None when the address is not the remote's at all, "" when it is empty."""
    values = parse_qs(query_string or "", keep_blank_values=True).get(REMOTE_PARAMETER)
    return values[0].strip() if values is not None else None


def remote_allowed(store: Store, code: str, given: str | None) -> bool:
    """Whether `given` is the session's remote secret. Unknown sessions and empty secrets never are."""
    if not given or not code:
        return False
    expected = store.sessions.remote_token(code)
    return expected is not None and hmac.compare_digest(expected.encode(), given.encode())


def remote_url(join_base: str, code: str, token: str) -> str:
    """The remote's address on the phones' server (join_base: that server's address, as in the QR for phones)."""
    return f"{join_base.split('?')[0]}?{urlencode({'code': code, REMOTE_PARAMETER: token})}"
