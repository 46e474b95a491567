# SPDX-License-Identifier: EUPL-1.2
"""The authorization request in the system browser (RFC 8252), up to the checked code.

A loopback listener on 127.0.0.1 for this one attempt, the browser opened on its own
thread, the answer checked (state, RFC 9207 ``iss``, ``error``) before any token
request. What follows (the code exchange) is :class:`~workplace.auth.client.TokenClient`'s.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from workplace.auth.callback import looks_like_answer, validate_callback
from workplace.auth.discovery import ProviderMetadata
from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.loopback import LoopbackListener
from workplace.auth.pkce import Attempt

if TYPE_CHECKING:
    from workplace.config.schema import IdentityProvider

log = logging.getLogger("workplace.auth")

OpenBrowser = Callable[[str], bool]


@dataclass(frozen=True)
class Authorized:
    """The code the browser brought back, checked, and what its exchange needs."""

    code: str
    redirect_uri: str
    attempt: Attempt


def grant_url(provider: IdentityProvider, metadata: ProviderMetadata, redirect_uri: str,
              attempt: Attempt, resources: tuple[str, ...] = ()) -> str:
    """The authorization URL: state, nonce and the PKCE challenge; never the verifier.
    ``resources``: resource indicators (RFC 8707), one ``resource`` parameter each."""
    params = [("response_type", "code"), ("client_id", provider.client_id)]
    # An empty scope (no scopes configured) is left out rather than sent empty.
    params += [(name, value) for name, value in (
        ("redirect_uri", redirect_uri), ("scope", " ".join(provider.scopes)),
        ("state", attempt.state)) if value]
    params += [
        ("nonce", attempt.nonce), ("code_challenge", attempt.code_challenge),
        ("code_challenge_method", "S256"), *provider.extra_auth_params.items(),
        *(("resource", resource) for resource in resources),
    ]
    # RFC 6749 3.1: the endpoint's own query parameters are kept; ours are added
    # (application/x-www-form-urlencoded).
    parts = urlsplit(metadata.authorization_endpoint)
    query = [*parse_qsl(parts.query, keep_blank_values=True), *params]
    return urlunsplit(parts._replace(query=urlencode(query)))


def authorize(
    provider: IdentityProvider, metadata: ProviderMetadata, open_browser: OpenBrowser, *,
    cancel: threading.Event, seconds: float, on_url: Callable[[str], None] | None = None,
    resources: tuple[str, ...] = (),
) -> Authorized:
    """Open the browser and wait for its answer; AuthError on any failure.

    Setting ``cancel`` ends the wait with CANCELLED; no answer within ``seconds`` ends
    it with TIMEOUT. ``on_url`` gets the URL on the calling thread right before the
    browser opens; an exception in it is logged and does not stop the sign-in.
    """
    attempt = Attempt()
    listener = LoopbackListener(
        provider.redirect_path,
        lambda q: None if not looks_like_answer(q) else "signed_in"
        if q.get("state") == attempt.state and "code" in q else "failed",
    )
    url = grant_url(provider, metadata, listener.redirect_uri, attempt, resources)
    browser = threading.Thread(
        target=_browse, args=(open_browser, listener, url), name="auth-browser", daemon=True,
    )
    try:
        if on_url is not None:
            try:
                on_url(url)
            except Exception:
                log.warning("the sign-in URL callback failed", exc_info=True)
        browser.start()
        query = listener.wait(cancel, time.monotonic() + seconds)
    finally:
        listener.close()
        if browser.ident is not None:  # started
            browser.join(timeout=5)
    code = validate_callback(query, attempt, metadata.issuer, metadata.iss_parameter_supported)
    return Authorized(code, listener.redirect_uri, attempt)


def _browse(open_browser: OpenBrowser, listener: LoopbackListener, url: str) -> None:
    log.info("opening the system browser for sign-in")
    try:
        opened = open_browser(url)
    except Exception:
        log.debug("the browser could not be started", exc_info=True)
        opened = False
    if not opened:
        listener.fail(AuthError(AuthErrorKind.BROWSER_UNAVAILABLE))
