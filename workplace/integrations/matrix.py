# SPDX-License-Identifier: EUPL-1.2
"""The Matrix client-server API (spec v1.x, ``/_matrix/client/v3``), as far as the chat
badge needs it: the login flows, ``m.login.token`` after single sign-on, the
homeserver's JWT login, a filtered ``/sync`` and ``/logout``.

The Matrix token is the homeserver's own (not the identity provider's); it never
appears in a log line, a repr or an error. Redirects are not followed: a token must
never travel to another address.

Unread: ``/sync`` with a filter that leaves out the timeline, state, presence and
account data (and any event's content, should one come) and keeps read receipts.
Each joined room in the answer carries ``unread_notifications``
(``notification_count``, ``highlight_count``): the server counts by the user's push
rules. An incremental sync names only the rooms that changed (a new message, a
receipt), so :class:`Unread` keeps the last counts per room in memory. The server can
only approximate the counts of encrypted rooms (it cannot read the messages to match
mentions); the launcher shows what the server says.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from workplace.integrations.bearer import bearer
from workplace.integrations.errors import CheckError, CheckErrorKind
from workplace.net.errors import NetworkError

if TYPE_CHECKING:
    from workplace.net.http import HttpSession

CLIENT = "/_matrix/client/v3"
SSO = "m.login.sso"
TOKEN = "m.login.token"  # noqa: S105 (a login type)
JWT = "org.matrix.login.jwt"
MAX_BYTES = 4 * 1024 * 1024
"""An initial sync of a user in many rooms is larger than other answers."""
TIMEOUT = (5.0, 15.0)

SYNC_FILTER: dict[str, Any] = {
    # Only each event's type reaches the launcher: never a message's text or sender.
    "event_fields": ["type"],
    "presence": {"types": []},
    "account_data": {"types": []},
    "room": {
        # No timeline: a room with a new message is still named in an incremental sync,
        # with its new counts (checked against Synapse in the tests).
        "timeline": {"limit": 0},
        "state": {"types": [], "lazy_load_members": True},
        "ephemeral": {"types": ["m.receipt"]},
        "account_data": {"types": []},
        "include_leave": False,
    },
}


@dataclass(frozen=True)
class Credentials:
    """A Matrix access token and its device (kept in the keyring)."""

    homeserver: str
    user_id: str
    device_id: str
    access_token: str = field(repr=False)

    def to_entry(self) -> dict[str, str]:
        return {"homeserver": self.homeserver, "user_id": self.user_id,
                "device_id": self.device_id, "access_token": self.access_token}

    @classmethod
    def from_entry(cls, entry: dict[str, Any] | None, homeserver: str) -> Credentials | None:
        """The entry's credentials if they are for ``homeserver``; else None."""
        if not entry or entry.get("homeserver") != homeserver:
            return None
        values = [entry.get(key) for key in ("user_id", "device_id", "access_token")]
        if not all(isinstance(value, str) and value for value in values):
            return None
        return cls(homeserver, *values)  # type: ignore[arg-type]


def _url(homeserver: str, path: str) -> str:
    return f"{homeserver.rstrip('/')}{CLIENT}{path}"


def _call(session: HttpSession, method: str, url: str, *, token: str | None = None,
          body: dict[str, Any] | None = None, timeout: tuple[float, float] = TIMEOUT) -> Any:
    """One request; the JSON answer. Raises CheckError: REFUSED for a token the server
    does not take (401, or 403 M_FORBIDDEN at login), FAILED otherwise."""
    headers = {"Accept": "application/json"}
    if token is not None:
        headers["Authorization"] = bearer(token)
    data = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    try:
        with session.request(method, url, headers=headers, data=data, timeout=timeout,
                             allow_redirects=False, stream=True) as response:
            raw = response.read(MAX_BYTES + 1)
    except NetworkError as exc:
        raise CheckError(CheckErrorKind.FAILED, f"{exc.kind.value}: {exc.detail}") from None
    if len(raw) > MAX_BYTES:
        raise CheckError(CheckErrorKind.FAILED, "the answer is too large")
    try:
        answer = json.loads(raw) if raw else {}
    except ValueError:
        answer = None
    code = answer.get("errcode", "") if isinstance(answer, dict) else ""
    code = "".join(c for c in str(code) if c.isalnum() or c == "_")[:40]
    status = response.status_code
    if status == 401 or (status == 403 and code == "M_FORBIDDEN" and token is None):
        raise CheckError(CheckErrorKind.REFUSED,
                         f"the homeserver refused the token ({status} {code})".strip())
    if status >= 300 or answer is None:
        raise CheckError(CheckErrorKind.FAILED,
                         f"the homeserver answered {status} {code}".strip())
    return answer


def login_types(session: HttpSession, homeserver: str) -> set[str]:
    """The login types the homeserver offers (``GET /login``)."""
    answer = _call(session, "GET", _url(homeserver, "/login"))
    flows = answer.get("flows") if isinstance(answer, dict) else None
    return {str(flow.get("type")) for flow in flows or () if isinstance(flow, dict)}


def sso_url(homeserver: str, redirect_url: str, idp: str = "") -> str:
    """Where the browser starts single sign-on; the homeserver sends it back to
    ``redirect_url`` with ``?loginToken=…``."""
    path = "/login/sso/redirect" + (f"/{quote(idp, safe='')}" if idp else "")
    return _url(homeserver, path) + "?" + urlencode({"redirectUrl": redirect_url})


def login(session: HttpSession, homeserver: str, login_type: str, token: str,
          device_name: str) -> Credentials:
    """``POST /login`` with a login token (``m.login.token``) or a JWT
    (``org.matrix.login.jwt``): a new device named ``device_name``."""
    answer = _call(session, "POST", _url(homeserver, "/login"), body={
        "type": login_type, "token": token, "initial_device_display_name": device_name})
    values = [answer.get(key) if isinstance(answer, dict) else None
              for key in ("user_id", "device_id", "access_token")]
    if not all(isinstance(value, str) and value for value in values):
        raise CheckError(CheckErrorKind.FAILED, "the login answer lacks the token or device")
    return Credentials(homeserver, *values)  # type: ignore[arg-type]


def logout(session: HttpSession, credentials: Credentials) -> None:
    """``POST /logout``: the device and its token end on the server."""
    _call(session, "POST", _url(credentials.homeserver, "/logout"),
          token=credentials.access_token, body={})


def upload_filter(session: HttpSession, credentials: Credentials) -> str:
    """Store :data:`SYNC_FILTER` on the server once; its id for every sync."""
    path = f"/user/{quote(credentials.user_id, safe='')}/filter"
    answer = _call(session, "POST", _url(credentials.homeserver, path),
                   token=credentials.access_token, body=SYNC_FILTER)
    filter_id = answer.get("filter_id") if isinstance(answer, dict) else None
    if not isinstance(filter_id, str) or not filter_id:
        raise CheckError(CheckErrorKind.FAILED, "the homeserver gave no filter id")
    return filter_id


def sync(session: HttpSession, credentials: Credentials, *, filter_id: str,
         since: str | None, wait_seconds: float = 0.0) -> dict[str, Any]:
    """One ``/sync``: at once (``wait_seconds`` 0) or a long poll that the server holds
    until something changes or ``wait_seconds`` pass."""
    query = {"filter": filter_id, "timeout": str(int(wait_seconds * 1000)),
             "set_presence": "offline"}
    if since:
        query["since"] = since
    else:
        # The first sync: without full_state, Synapse leaves out every room with
        # nothing in the (empty) timeline, so rooms unread before the launcher signed
        # in would not count. The state filter keeps the answer free of state anyway.
        query["full_state"] = "true"
    answer = _call(session, "GET", _url(credentials.homeserver, "/sync?" + urlencode(query)),
                   token=credentials.access_token,
                   timeout=(TIMEOUT[0], wait_seconds + TIMEOUT[1]))
    if not isinstance(answer, dict) or not isinstance(answer.get("next_batch"), str):
        raise CheckError(CheckErrorKind.FAILED, "the sync answer has no next_batch")
    return answer


@dataclass
class Unread:
    """Per room, the server's last counts (memory only), and where the sync stands."""

    rooms: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Joined room id -> (notification_count, highlight_count)."""
    invites: set[str] = field(default_factory=set)
    since: str | None = None
    filter_id: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def apply(self, answer: dict[str, Any], since: str | None = None) -> tuple[int, int]:
        """Take a sync answer to a request made ``since`` that batch; (rooms with
        unread, mentions).

        Two syncs may overlap (a check while the long poll waits). An answer to a
        request from a batch the counts have already moved past is stale: applied late,
        it would put back counts older than those shown (a badge falling back to 0
        after a message). It is left out; the current counts stand."""
        rooms = answer.get("rooms") if isinstance(answer.get("rooms"), dict) else {}
        assert isinstance(rooms, dict)
        with self.lock:
            if since != self.since:
                return self.counts()
            if self.since is None:  # an initial sync names every room
                self.rooms.clear()
                self.invites.clear()
            for room_id, room in _section(rooms, "join").items():
                counts = room.get("unread_notifications") if isinstance(room, dict) else None
                self.invites.discard(room_id)
                if isinstance(counts, dict):
                    self.rooms[room_id] = (_count(counts.get("notification_count")),
                                           _count(counts.get("highlight_count")))
                else:
                    self.rooms.setdefault(room_id, (0, 0))
            for room_id in _section(rooms, "invite"):
                self.invites.add(room_id)
            for room_id in _section(rooms, "leave"):
                self.rooms.pop(room_id, None)
                self.invites.discard(room_id)
            self.since = str(answer["next_batch"])
            return self.counts()

    def counts(self) -> tuple[int, int]:
        unread = sum(1 for notes, marks in self.rooms.values() if notes > 0 or marks > 0)
        mentions = sum(marks for _, marks in self.rooms.values())
        return unread + len(self.invites), mentions

    def reset(self) -> None:
        with self.lock:
            self.rooms.clear()
            self.invites.clear()
            self.since = None
            self.filter_id = ""


def _section(rooms: dict[str, Any], name: str) -> dict[str, Any]:
    found = rooms.get(name)
    return found if isinstance(found, dict) else {}


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0
