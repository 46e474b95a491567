# SPDX-License-Identifier: EUPL-1.2
"""The Nubus (Univention) portal's notifications API with the bearer token: the
announcements the portal shows (planned maintenance and the like).

- ``GET {api}/v1/notifications/``: the user's notifications, each with ``id``,
  ``title``, ``details``, ``severity`` (info, success, warning, error),
  ``notificationType`` (event, announcement, alert), ``sticky``, ``popup``,
  ``receiveTime``, ``expireTime`` and maybe a ``link`` (``url``, ``text``).
- ``GET {api}/v1/notifications/stream``: server-sent events ``new_notification``,
  ``updated_notification`` and ``deleted_notification``, each with the notification
  (or its id) as JSON ``data``; kept open only where a held connection is allowed.
- ``POST {api}/v1/notifications/<id>/hide``: the banner was closed (``popup`` false),
  as the portal does when its pop-up is closed.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from workplace.integrations.bearer import Validators, bearer, json_answer, refusal, request
from workplace.integrations.errors import CheckError, CheckErrorKind
from workplace.integrations.model import Notice
from workplace.net.errors import NetworkError

if TYPE_CHECKING:
    from workplace.net.http import HttpSession

STREAM_READ_SECONDS = 300.0
"""A stream silent this long is opened anew (a proxy may have dropped it quietly)."""
MAX_EVENT_BYTES = 64 * 1024


def _epoch(value: Any) -> float | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def notice(item: Any) -> Notice | None:
    """One notification of the API as a Notice (None if it makes no sense)."""
    if not isinstance(item, dict) or not isinstance(item.get("id"), str | int):
        return None
    link = item.get("link")
    url = link.get("url") if isinstance(link, dict) else None
    severity = item.get("severity")
    return Notice(
        id=str(item["id"]), title=str(item.get("title") or ""),
        message=str(item.get("details") or ""),
        link=url if isinstance(url, str) and url.startswith("https://") else None,
        time=_epoch(item.get("receiveTime")), source=str(item.get("sourceUid") or ""),
        severity=severity if severity in ("info", "success", "warning", "error") else "info",
        popup=bool(item.get("popup", True)), sticky=bool(item.get("sticky", False)),
    )


def _expired(item: Any, now: float) -> bool:
    expires = _epoch(item.get("expireTime")) if isinstance(item, dict) else None
    return expires is not None and expires <= now


@dataclass
class Announcements:
    """The announcements known (memory only), by id."""

    items: dict[str, Notice] = field(default_factory=dict)
    expires: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def replace(self, data: list[Any], now: float) -> tuple[Notice, ...]:
        with self.lock:
            self.items.clear()
            self.expires.clear()
            for item in data:
                self._put(item, now)
            return self._current(now)

    def _put(self, item: Any, now: float) -> None:
        found = notice(item)
        if found is None or _expired(item, now):
            if found is not None:
                self.items.pop(found.id, None)
            return
        self.items[found.id] = found
        expires = _epoch(item.get("expireTime"))
        if expires is not None:
            self.expires[found.id] = expires

    def event(self, name: str, data: Any, now: float) -> tuple[Notice, ...] | None:
        """Apply one stream event; the announcements after it (None: not one of ours)."""
        with self.lock:
            if name in ("new_notification", "updated_notification"):
                self._put(data, now)
            elif name == "deleted_notification" and isinstance(data, dict):
                self.items.pop(str(data.get("id")), None)
            else:
                return None
            return self._current(now)

    def hidden(self, notice_id: str) -> None:
        with self.lock:
            found = self.items.get(notice_id)
            if found is not None:
                from dataclasses import replace

                self.items[notice_id] = replace(found, popup=False)

    def current(self, now: float) -> tuple[Notice, ...]:
        with self.lock:
            return self._current(now)

    def _current(self, now: float) -> tuple[Notice, ...]:
        live = [n for n in self.items.values() if self.expires.get(n.id, now + 1) > now]
        live.sort(key=lambda n: n.time or 0.0, reverse=True)
        return tuple(live)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.expires.clear()


def _base(api: str) -> str:
    return f"{api.rstrip('/')}/v1/notifications"


def announcements(session: HttpSession, api: str, token: str, known: Announcements,
                  now: float, validators: Validators | None = None) -> tuple[Notice, ...]:
    """All current announcements (one GET)."""
    body = request(session, "GET", _base(api) + "/", bearer(token), validators=validators)
    data = json_answer(body)
    if not isinstance(data, list):
        raise CheckError(CheckErrorKind.FAILED, "the answer has no notification list")
    return known.replace(data, now)


def hide(session: HttpSession, api: str, token: str, notice_id: str) -> None:
    """The banner was closed: ``popup`` false on the server."""
    request(session, "POST", f"{_base(api)}/{quote(notice_id, safe='')}/hide", bearer(token))


OPEN = "open"
"""The first event of :func:`events`: the stream is connected (as EventSource's)."""


def events(session: HttpSession, api: str, token: str) -> Iterator[tuple[str, Any]]:
    """The event stream: :data:`OPEN` once connected, then one ``(event name, data)`` at
    a time, until it ends. Raises
    CheckError: REFUSED / NOT_GRANTED at the start, FAILED when it drops."""
    try:
        response = session.get(_base(api) + "/stream", headers={
            "Authorization": bearer(token), "Accept": "text/event-stream",
            "Cache-Control": "no-cache"}, stream=True, allow_redirects=False,
            timeout=(5.0, STREAM_READ_SECONDS))
    except NetworkError as exc:
        raise CheckError(CheckErrorKind.FAILED, f"{exc.kind.value}: {exc.detail}") from None
    try:
        refused = refusal(response)
        if refused is not None:
            raise refused
        if response.status_code != 200 or not response.headers.get(
                "Content-Type", "").startswith("text/event-stream"):
            raise CheckError(CheckErrorKind.FAILED,
                             f"the stream answered {response.status_code}")
        yield OPEN, None  # connected: what happens from now on comes through here
        yield from parse(response.iter_lines(chunk_size=1))
    except (NetworkError, OSError, ValueError) as exc:
        raise CheckError(CheckErrorKind.FAILED,
                         f"the event stream dropped ({type(exc).__name__})") from None
    finally:
        response.close()


def parse(lines: Iterator[bytes] | Any) -> Iterator[tuple[str, Any]]:
    """Server-sent events (HTML's event stream format): ``event:`` and ``data:`` lines,
    a blank line ends one; comments (``:``) keep the line alive and are skipped."""
    name, size = "message", 0
    data: list[str] = []
    for raw in lines:
        line = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        if not line:
            with contextlib.suppress(ValueError):
                if data:
                    yield name, json.loads("\n".join(data))
            name, data, size = "message", [], 0
            continue
        if line.startswith(":"):
            continue
        key, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if key == "event":
            name = value
        elif key == "data":
            size += len(value)
            if size > MAX_EVENT_BYTES:
                raise CheckError(CheckErrorKind.FAILED, "an event is too large")
            data.append(value)


Apply = Callable[[tuple[Notice, ...]], None]
