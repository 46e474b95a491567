# SPDX-License-Identifier: EUPL-1.2
"""A real program standing in for the user's browser: set it as $BROWSER.

It opens the URL, fills the Musterstadt sign-in form like a person would, confirms
device codes and sign-outs, and follows every redirect, including the one to the
launcher's loopback listener. Cookies persist in a file, so the provider session
(single sign-on) lasts across runs like in a real browser.

Environment:
  FAKE_BROWSER_ACTION   login (default) | deny (press Cancel) | ignore (open nothing)
  FAKE_BROWSER_USER / FAKE_BROWSER_PASSWORD   default demo / demo
  FAKE_BROWSER_COOKIES  cookie file (default: none kept)
  FAKE_BROWSER_VISITS   file to which each opened URL's path is appended
  FAKE_BROWSER_PAGE     file that gets the text of the last page shown (what a person sees)
"""

from __future__ import annotations

import http.cookiejar
import os
import sys
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests.cookies import get_cookie_header

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


class LoopbackSecure(http.cookiejar.DefaultCookiePolicy):
    """Real browsers count http://127.0.0.1 and http://localhost as secure contexts and
    send ``Secure`` cookies there (Synapse's ``oidc_session`` is one); Python's cookie
    jar would not."""

    def return_ok_secure(self, cookie: http.cookiejar.Cookie,
                         request: urllib.request.Request) -> bool:
        if cookie.secure and urlsplit(request.get_full_url()).hostname in LOOPBACK:
            return True
        return bool(super().return_ok_secure(cookie, request))


class _LoopbackCookies(HTTPAdapter):
    """Sends the cookies a browser would send to a loopback address, ``Secure`` ones
    included. requests builds each request's Cookie header from a copy of the jar
    with the default policy, so the header is made again here from the session's jar."""

    def __init__(self, session: requests.Session) -> None:
        super().__init__()
        self._session = session

    def send(self, request: requests.PreparedRequest, *args: Any,  # type: ignore[override]
             **kwargs: Any) -> requests.Response:
        jar = self._session.cookies
        jar.set_policy(LoopbackSecure())
        request.headers.pop("Cookie", None)
        header = get_cookie_header(jar, request)
        if header:
            request.headers["Cookie"] = header
        return super().send(request, *args, **kwargs)


def act_like_a_browser(session: requests.Session) -> None:
    """The session follows the browsers' cookie rules for loopback addresses."""
    if not isinstance(session.get_adapter("http://127.0.0.1/"), _LoopbackCookies):
        adapter = _LoopbackCookies(session)
        session.mount("http://127.0.0.1", adapter)
        session.mount("http://localhost", adapter)


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, object]] = []
        self._current: dict[str, object] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._current = {"id": a.get("id", ""), "action": a.get("action", ""),
                             "method": a.get("method", "get").lower(), "fields": {}}
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None and a.get("name"):
            fields = self._current["fields"]
            assert isinstance(fields, dict)
            fields[a["name"]] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None


def browse(
    url: str, *, action: str = "login", user: str = "demo", password: str = "demo",  # noqa: S107
    session: requests.Session | None = None, max_steps: int = 12,
    history: list[tuple[str, str]] | None = None,
) -> requests.Response | None:
    """Act on ``url`` like a person would; returns the last page (None if unreachable).

    ``history`` gets ``(url, html)`` of every page on the way (after redirects).
    """
    own = session is None
    session = session or requests.Session()
    session.trust_env = False
    act_like_a_browser(session)
    try:
        response = session.get(url, timeout=15)
        for _ in range(max_steps):
            if "html" not in response.headers.get("content-type", ""):
                return response
            if history is not None:
                history.append((response.url, response.text))
            parser = _Forms()
            parser.feed(response.text)
            forms = {str(f["id"]): f for f in parser.forms}
            if not forms:
                return response
            if "login" in forms:
                form = forms["abort"] if action == "deny" else forms["login"]
            else:
                form = parser.forms[0]
            fields = dict(form["fields"])  # type: ignore[call-overload]
            if "username" in fields:
                fields.update(username=user, password=password)
            if "user_code" in fields and not fields["user_code"]:
                query = dict(p.split("=", 1) for p in urlsplit(url).query.split("&") if "=" in p)
                fields["user_code"] = query.get("user_code", "")
            target = urljoin(response.url, str(form["action"]) or response.url)
            response = session.post(target, data=fields, timeout=15)
        return response
    except requests.ConnectionError:
        return None  # like a browser showing "cannot connect"
    finally:
        if own:
            session.close()


def main(argv: list[str]) -> int:
    url = argv[1]
    visits = os.environ.get("FAKE_BROWSER_VISITS")
    if visits:
        with open(visits, "a", encoding="utf-8") as handle:
            handle.write(urlsplit(url).path + "\n")
    action = os.environ.get("FAKE_BROWSER_ACTION", "login")
    if action == "ignore":
        return 0
    session = requests.Session()
    cookie_file = os.environ.get("FAKE_BROWSER_COOKIES")
    jar = http.cookiejar.LWPCookieJar(cookie_file) if cookie_file else None
    if jar is not None:
        if Path(cookie_file or "").exists():
            jar.load(ignore_discard=True, ignore_expires=True)
        session.cookies = jar  # type: ignore[assignment]
    act_like_a_browser(session)
    try:
        shown = browse(url, action=action, user=os.environ.get("FAKE_BROWSER_USER", "demo"),
                       password=os.environ.get("FAKE_BROWSER_PASSWORD", "demo"),
                       session=session)
        page = os.environ.get("FAKE_BROWSER_PAGE")
        if page and shown is not None:
            Path(page).write_text(shown.text, encoding="utf-8")
    finally:
        if jar is not None:
            jar.save(ignore_discard=True, ignore_expires=True)
        session.close()
    return 0


def write_launcher(directory: Path) -> Path:
    """An executable for $BROWSER that runs this script with this Python."""
    path = directory / "fake-browser"
    path.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{Path(__file__).resolve()}" "$@"\n')
    path.chmod(0o755)
    return path


if __name__ == "__main__":
    sys.exit(main(sys.argv))
