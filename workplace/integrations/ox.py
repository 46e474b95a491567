# SPDX-License-Identifier: EUPL-1.2
"""The OX App Suite HTTP API with the bearer token: the inbox's unread count and the
next events (Chronos).

OX runs its OAuth provider in ``expect_jwt`` mode in openDesk: it takes Keycloak's JWT,
finds the user by ``opendesk_objectid`` and the context by ``context``, and maps the
scopes ``read_mail`` and ``read_calendar``. Requests:

- ``GET {api}/folders?action=get&id=default0/INBOX&columns=1,300,309,311&tree=1``:
  the inbox; column 311 is "unread" (309 total). The answer's ``data`` is the folder
  object (field names) or, from a server that answers in columns, a list in the
  order asked for; both are read.
- ``GET {api}/chronos?action=all&rangeStart=…&rangeEnd=…&expand=true&fields=…``:
  the events of the user's calendars in the range, recurrences expanded.

OX answers most errors with HTTP 200 and an ``error``/``code`` object; an ``OAUTH-``
code is a refused token (an insufficient scope when it says so).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from workplace.integrations.bearer import Validators, bearer, json_answer, request
from workplace.integrations.errors import CheckError, CheckErrorKind
from workplace.integrations.meeting import Event, ox_time

if TYPE_CHECKING:
    from workplace.net.http import HttpSession

INBOX = "default0/INBOX"
FOLDER_COLUMNS = (1, 300, 309, 311)
EVENT_FIELDS = "id,uid,summary,startDate,endDate,location,description,conferences"


def _data(answer: Any) -> Any:
    if not isinstance(answer, dict):
        raise CheckError(CheckErrorKind.FAILED, "the answer is not an OX response")
    if "error" in answer:
        code = str(answer.get("code", ""))
        text = f"{answer.get('error', '')} {answer.get('error_desc', '')}".lower()
        if code.upper().startswith("OAUTH"):
            kind = CheckErrorKind.NOT_GRANTED if "scope" in text else CheckErrorKind.REFUSED
            raise CheckError(kind, f"OX answered {code[:20]}")
        raise CheckError(CheckErrorKind.FAILED, f"OX answered an error ({code[:20] or 'no code'})")
    return answer.get("data")


def unread(session: HttpSession, api: str, token: str,
           validators: Validators | None = None) -> int:
    """The inbox's unread count (column 311)."""
    query = urlencode({"action": "get", "id": INBOX,
                       "columns": ",".join(str(c) for c in FOLDER_COLUMNS), "tree": "1"})
    body = request(session, "GET", f"{api.rstrip('/')}/folders?{query}", bearer(token),
                   validators=validators)
    data = _data(json_answer(body))
    value: Any = None
    if isinstance(data, dict):
        value = data.get("unread", data.get("311"))
    elif isinstance(data, list) and len(data) == len(FOLDER_COLUMNS):
        value = data[FOLDER_COLUMNS.index(311)]
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise CheckError(CheckErrorKind.FAILED, "the answer has no unread count")
    return value


def _utc(epoch: float) -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(epoch))


def _when(value: Any) -> float | None:
    if isinstance(value, Mapping) and isinstance(value.get("value"), str):
        tzid = value.get("tzid")
        return ox_time(value["value"], tzid if isinstance(tzid, str) else None)
    return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def events(session: HttpSession, api: str, token: str, *, start: float, end: float,
           validators: Validators | None = None) -> list[Event]:
    """The events between ``start`` and ``end`` (epoch seconds), recurrences expanded."""
    query = urlencode({"action": "all", "rangeStart": _utc(start), "rangeEnd": _utc(end),
                       "expand": "true", "fields": EVENT_FIELDS})
    body = request(session, "GET", f"{api.rstrip('/')}/chronos?{query}", bearer(token),
                   validators=validators)
    data = _data(json_answer(body))
    if not isinstance(data, list):
        raise CheckError(CheckErrorKind.FAILED, "the answer has no event list")
    found = []
    for item in data:
        if not isinstance(item, Mapping):
            continue
        begins = _when(item.get("startDate"))
        if begins is None:
            continue
        conferences = tuple(
            str(c["uri"]) for c in item.get("conferences") or ()
            if isinstance(c, Mapping) and isinstance(c.get("uri"), str))
        found.append(Event(
            title=_text(item.get("summary")), start=begins, end=_when(item.get("endDate")),
            location=_text(item.get("location")), description=_text(item.get("description")),
            conferences=conferences, uid=_text(item.get("uid")) or _text(item.get("id")),
        ))
    return found
