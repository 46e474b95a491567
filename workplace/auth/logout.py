# SPDX-License-Identifier: EUPL-1.2
"""RP-initiated logout: the end-session request and the short-lived "signed out" page.

The end-session URL carries the ID token as ``id_token_hint``. The browser is not
started with that URL (``xdg-open URL`` puts it on a command line, readable by every
user of a terminal server) but with a one-time address of the loopback listener, which
redirects to it. A GET, not a form POST: a cross-site POST would not carry providers'
SameSite=Lax session cookies, and their session would not end (oidc-provider turns
POST off for that reason).
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from urllib.parse import urlencode

log = logging.getLogger("workplace.auth")

SIGNED_OUT_PATH = "/signed-out"
PAGE_SECONDS = 300.0


def end_session_url(endpoint: str, id_token: str | None, redirect_uri: str | None,
                    state: str, client_id: str) -> str:
    params = {"client_id": client_id, "state": state}
    if id_token:
        params["id_token_hint"] = id_token
    if redirect_uri:
        params["post_logout_redirect_uri"] = redirect_uri
    separator = "&" if "?" in endpoint else "?"
    return endpoint + separator + urlencode(params)


class SignedOutPage:
    """Listens briefly on loopback for the provider's redirect after logout."""

    def __init__(self) -> None:
        self.state = secrets.token_urlsafe(16)
        self._cancel = threading.Event()
        self.confirmed = False
        """Whether the provider came back to the page (the sign-out finished there)."""
        self._finished = threading.Event()
        # Only when signing out: the loopback server (http.server) is not loaded before.
        from workplace.auth.loopback import LoopbackListener

        self._listener = LoopbackListener(
            SIGNED_OUT_PATH,
            lambda query: "signed_out" if query.get("state") == self.state else None,
        )
        self._thread = threading.Thread(target=self._run, name="auth-signed-out", daemon=True)
        self._thread.start()

    @property
    def redirect_uri(self) -> str:
        return self._listener.redirect_uri

    def start_url(self, endpoint: str, id_token: str | None, client_id: str) -> str:
        """The loopback address the browser opens; it redirects once to ``endpoint``."""
        target = end_session_url(endpoint, id_token, self.redirect_uri, self.state, client_id)
        return self._listener.redirect_once(target)

    def _run(self) -> None:
        try:
            self._listener.wait(self._cancel, time.monotonic() + PAGE_SECONDS)
            self.confirmed = True
            log.debug("the provider confirmed the sign-out")
        except Exception as exc:
            log.debug("no signed-out confirmation (%s)", type(exc).__name__)
        finally:
            self._finished.set()

    def wait(self, timeout: float) -> bool:
        """Wait until the provider came back (True) or ``timeout`` seconds passed."""
        self._finished.wait(timeout)
        return self.confirmed

    def close(self) -> None:
        self._cancel.set()
        self._thread.join(timeout=5)
        self._listener.close()


class EndSession:
    """Ends the provider session in the browser after a sign-out; keeps the latest
    sign-out's page until it is confirmed, replaced or closed."""

    def __init__(self, open_browser: Callable[[str], bool]) -> None:
        self._open_browser = open_browser
        self._page: SignedOutPage | None = None

    def start(self, endpoint: str, id_token: str | None, client_id: str) -> None:
        """Open the browser on the one-time address; one try, no error if none opens."""
        self.close()
        page = SignedOutPage()
        self._page = page
        url = page.start_url(endpoint, id_token, client_id)
        try:
            opened = self._open_browser(url)
        except Exception:
            opened = False
        if not opened:
            log.info("no browser for ending the provider session")
            page.close()
            self._page = None

    def wait(self, timeout: float) -> bool | None:
        """Wait for the browser to finish ending the provider session: True if the
        provider came back, None if no browser was involved."""
        page = self._page
        if page is None:
            return None
        return page.wait(timeout)

    def close(self) -> None:
        page, self._page = self._page, None
        if page is not None:
            page.close()
