# SPDX-License-Identifier: EUPL-1.2
"""Nextcloud with the bearer token: notifications (OCS) and recently changed documents
(WebDAV ``SEARCH``).

openDesk's Nextcloud takes the identity provider's JWT through ``user_oidc``, which
checks that its ``aud`` names Nextcloud's client (``opendesk-nextcloud``).

- ``GET {base}/ocs/v2.php/apps/notifications/api/v2/notifications`` with
  ``OCS-APIRequest: true``: 200 with ``ocs.data`` the list, 204 when no app uses
  notifications; the ETag is sent back as ``If-None-Match`` (304 when unchanged).
- ``DELETE …/notifications/<id>`` dismisses one on the server (404: already gone).
- ``GET {base}/ocs/v2.php/cloud/user``: the user's id (the WebDAV path), asked once.
- ``PROPFIND {base}/remote.php/dav/files/<id>/`` (Depth 0) for the folder's
  ``getetag``, which changes whenever a file below it changes; only then
- ``SEARCH {base}/remote.php/dav/``: the ten files changed last, by
  ``getlastmodified``, descending.
"""

from __future__ import annotations

import email.utils
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit

from workplace.integrations.bearer import Validators, bearer, json_answer, request
from workplace.integrations.caldav import _tree
from workplace.integrations.errors import CheckError, CheckErrorKind
from workplace.integrations.model import Document, Notice

if TYPE_CHECKING:
    from workplace.net.http import HttpSession

OCS = {"OCS-APIRequest": "true"}
NOTIFICATIONS = "/ocs/v2.php/apps/notifications/api/v2/notifications"
DAV, OC = "DAV:", "http://owncloud.org/ns"
RECENT = 10
XML = {"Content-Type": "text/xml; charset=utf-8"}

PROPFIND_ETAG = b"""<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>"""

SEARCH = """<?xml version="1.0" encoding="UTF-8"?>
<d:searchrequest xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">
  <d:basicsearch>
    <d:select><d:prop>
      <d:displayname/><d:getlastmodified/><d:getcontenttype/><oc:fileid/>
    </d:prop></d:select>
    <d:from><d:scope><d:href>/files/{user}</d:href><d:depth>infinity</d:depth></d:scope></d:from>
    <d:where><d:not><d:is-collection/></d:not></d:where>
    <d:orderby><d:order>
      <d:prop><d:getlastmodified/></d:prop><d:descending/>
    </d:order></d:orderby>
    <d:limit><d:nresults>{limit}</d:nresults></d:limit>
  </d:basicsearch>
</d:searchrequest>"""


def _ocs_data(body: bytes) -> Any:
    answer = json_answer(body)
    ocs = answer.get("ocs") if isinstance(answer, dict) else None
    if not isinstance(ocs, dict):
        raise CheckError(CheckErrorKind.FAILED, "the answer is not an OCS response")
    return ocs.get("data")


def _epoch(text: Any) -> float | None:
    if not isinstance(text, str):
        return None
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def notifications(session: HttpSession, base: str, token: str,
                  validators: Validators | None = None) -> tuple[Notice, ...]:
    """The user's notifications, newest first."""
    body = request(session, "GET", f"{base.rstrip('/')}{NOTIFICATIONS}", bearer(token),
                   validators=validators, headers=OCS)
    if not body:  # 204: no app uses notifications
        return ()
    data = _ocs_data(body)
    if not isinstance(data, list):
        raise CheckError(CheckErrorKind.FAILED, "the answer has no notification list")
    found = []
    for item in data:
        if not isinstance(item, dict) or item.get("notification_id") is None:
            continue
        link = _text(item.get("link"))
        found.append(Notice(
            id=str(item["notification_id"]), title=_text(item.get("subject")),
            message=_text(item.get("message")), link=link or None,
            time=_epoch(item.get("datetime")), source=_text(item.get("app")),
        ))
    found.sort(key=lambda notice: notice.time or 0.0, reverse=True)
    return tuple(found)


def dismiss(session: HttpSession, base: str, token: str, notice_id: str) -> None:
    """Delete one notification on the server; one already gone (404) counts as done."""
    if not notice_id.isdigit():
        raise CheckError(CheckErrorKind.FAILED, "not a notification id")
    try:
        request(session, "DELETE", f"{base.rstrip('/')}{NOTIFICATIONS}/{notice_id}",
                bearer(token), headers=OCS)
    except CheckError as exc:
        if exc.kind == CheckErrorKind.FAILED and "answered 404" in exc.detail:
            return
        raise


@dataclass
class Recent:
    """The user's id, the files folder's ETag and the documents it gave (memory only)."""

    user: str = ""
    tag: str = ""
    documents: tuple[Document, ...] = ()
    lock: threading.Lock = field(default_factory=threading.Lock)

    def clear(self) -> None:
        with self.lock:
            self.user, self.tag, self.documents = "", "", ()


def user_id(session: HttpSession, base: str, token: str) -> str:
    """The user's id as Nextcloud knows it (``user_oidc`` maps it from a claim)."""
    body = request(session, "GET", f"{base.rstrip('/')}/ocs/v2.php/cloud/user", bearer(token),
                   headers=OCS)
    data = _ocs_data(body)
    found = data.get("id") if isinstance(data, dict) else None
    if not isinstance(found, str) or not found:
        raise CheckError(CheckErrorKind.FAILED, "the answer names no user id")
    return found


def documents(session: HttpSession, base: str, token: str, *, open_url: str,
              known: Recent) -> tuple[Document, ...]:
    """The ten files changed last; the last answer again while the folder's ETag has not
    changed."""
    base = base.rstrip("/")
    with known.lock:
        user = known.user
    if not user:
        user = user_id(session, base, token)
    files = f"{base}/remote.php/dav/files/{quote(user, safe='')}/"
    body = request(session, "PROPFIND", files, bearer(token), data=PROPFIND_ETAG,
                   headers={**XML, "Depth": "0"}, accept="application/xml")
    found = _tree(body).find(f".//{{{DAV}}}getetag")
    tag = found.text.strip() if found is not None and found.text else ""
    with known.lock:
        if tag and known.tag == tag and known.user == user:
            return known.documents
    query = SEARCH.format(user=_xml_text(user), limit=RECENT).encode()
    body = request(session, "SEARCH", f"{base}/remote.php/dav/", bearer(token), data=query,
                   headers=XML, accept="application/xml")
    prefix = urlsplit(files).path
    listed = []
    for response in _tree(body).iter(f"{{{DAV}}}response"):
        document = _document(response, prefix, base, open_url)
        if document is not None:
            listed.append(document)
    listed.sort(key=lambda d: d.modified, reverse=True)
    result = tuple(listed[:RECENT])
    with known.lock:
        known.user, known.tag, known.documents = user, tag, result
    return result


def _xml_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _document(response: ET.Element, prefix: str, base: str, open_url: str) -> Document | None:
    href = response.findtext(f"{{{DAV}}}href") or ""
    path = unquote(urlsplit(href).path)
    if not path.startswith(unquote(prefix)) or path.endswith("/"):
        return None
    relative = "/" + path[len(unquote(prefix)):]
    props: dict[str, str] = {}
    for propstat in response.iter(f"{{{DAV}}}propstat"):
        if "200" not in (propstat.findtext(f"{{{DAV}}}status") or ""):
            continue
        for prop in propstat.iter(f"{{{DAV}}}prop"):
            for child in prop:
                props[child.tag] = (child.text or "").strip()
    modified = props.get(f"{{{DAV}}}getlastmodified", "")
    try:
        when = email.utils.parsedate_to_datetime(modified).timestamp()
    except (TypeError, ValueError):
        return None
    file_id = props.get(f"{{{OC}}}fileid", "")
    name = props.get(f"{{{DAV}}}displayname") or relative.rsplit("/", 1)[-1]
    url = open_url.replace("{base}", base).replace("{fileid}", quote(file_id, safe="")) \
        .replace("{path}", quote(relative))
    return Document(name=name, path=relative, modified=when, open_url=url,
                    content_type=props.get(f"{{{DAV}}}getcontenttype", ""), file_id=file_id)
