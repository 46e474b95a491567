# SPDX-License-Identifier: EUPL-1.2
"""The homeserver's single sign-on in the system browser, up to its ``loginToken``.

The launcher's loopback listener (:mod:`workplace.auth.loopback`) waits on
``http://127.0.0.1:<port>/matrix/<random>``; the browser goes to the homeserver's
``/login/sso/redirect?redirectUrl=<that>``, the homeserver sends it on to the identity
provider, whose session (the launcher's own sign-in) makes it silent, and back with
``?loginToken=…``. The homeserver must trust the loopback address for that
(Synapse: ``sso.client_whitelist: ["http://127.0.0.1:"]``), or it asks the user to
confirm first.

The browser is started with a one-time loopback address that redirects to the
homeserver (:meth:`~workplace.auth.loopback.LoopbackListener.redirect_once`), so the
address that receives the login token is never on a command line; its random path
keeps other local programs from guessing it.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable

from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.loopback import LoopbackListener
from workplace.integrations.errors import CheckError, CheckErrorKind
from workplace.integrations.matrix import sso_url

log = logging.getLogger("workplace.integrations")

OpenBrowser = Callable[[str], bool]
SSO_SECONDS = 300.0


def login_token(homeserver: str, open_browser: OpenBrowser, *, idp: str = "",
                cancel: threading.Event | None = None,
                seconds: float = SSO_SECONDS) -> str:
    """One single sign-on round; the ``loginToken``. Raises CheckError(SIGN_IN) when it
    did not come back (browser missing, cancelled, timed out)."""
    listener = LoopbackListener(
        f"/matrix/{secrets.token_urlsafe(18)}",
        lambda query: "signed_in" if query.get("loginToken") else None)
    start = listener.redirect_once(sso_url(homeserver, listener.redirect_uri, idp))
    browser = threading.Thread(target=_browse, args=(open_browser, listener, start),
                               name="chat-sso-browser", daemon=True)
    try:
        browser.start()
        query = listener.wait(cancel or threading.Event(), time.monotonic() + seconds)
    except AuthError as exc:
        raise CheckError(CheckErrorKind.SIGN_IN,
                         f"the chat sign-in in the browser did not finish ({exc.kind.value})"
                         ) from None
    finally:
        listener.close()
        browser.join(timeout=5)
    return query["loginToken"]


def _browse(open_browser: OpenBrowser, listener: LoopbackListener, url: str) -> None:
    log.info("opening the system browser for the chat sign-in")
    try:
        opened = open_browser(url)
    except Exception:
        log.debug("the browser could not be started", exc_info=True)
        opened = False
    if not opened:
        listener.fail(AuthError(AuthErrorKind.BROWSER_UNAVAILABLE))
