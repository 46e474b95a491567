# SPDX-License-Identifier: EUPL-1.2
"""The device authorization grant (RFC 8628): for machines where no browser can be opened."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.tokens import (
    DEVICE_GRANT,
    OAuthError,
    TokenResponse,
    json_object,
    post_form,
    token_request,
)
from workplace.config.urls import UnsafeUrlError, check_url

if TYPE_CHECKING:
    from workplace.net.http import HttpSession

log = logging.getLogger("workplace.auth")

DEFAULT_INTERVAL = 5.0
SLOW_DOWN_STEP = 5.0

Wait = Callable[[float, threading.Event], bool]
"""Waits up to the given seconds; True if the event was set (cancelled)."""


def event_wait(seconds: float, cancel: threading.Event) -> bool:
    return cancel.wait(seconds)


@dataclass(frozen=True)
class DeviceChallenge:
    """What the user must see: the code and where to enter it (a QR code may show
    ``verification_uri_complete``)."""

    user_code: str
    verification_uri: str
    verification_uri_complete: str | None
    expires_at: float
    interval: float
    device_code: str = field(repr=False)


def start(
    session: HttpSession, url: str, client_id: str, scopes: list[str], now: float,
    *, resources: tuple[str, ...] = (),
) -> DeviceChallenge:
    form = [("client_id", client_id), ("scope", " ".join(scopes))]
    form += [("resource", resource) for resource in resources]  # RFC 8707
    response = post_form(session, url, urlencode(form))
    data = json_object(response, "device authorization")
    try:
        device_code = str(data["device_code"])
        user_code = str(data["user_code"])
        verification_uri = check_url(str(data["verification_uri"]))
        complete = data.get("verification_uri_complete")
        complete = check_url(str(complete)) if complete else None
        expires_in = float(data["expires_in"])
    except (KeyError, TypeError, ValueError, UnsafeUrlError) as exc:
        raise AuthError(
            AuthErrorKind.PROVIDER_ERROR, f"unusable device authorization ({type(exc).__name__})"
        ) from None
    interval = data.get("interval")
    return DeviceChallenge(
        user_code=user_code,
        verification_uri=verification_uri,
        verification_uri_complete=complete,
        expires_at=now + expires_in,
        interval=float(interval) if isinstance(interval, int | float) and interval > 0
        else DEFAULT_INTERVAL,
        device_code=device_code,
    )


def poll(
    session: HttpSession, token_url: str, client_id: str, challenge: DeviceChallenge,
    cancel: threading.Event, clock: Callable[[], float], wait: Wait = event_wait,
) -> TokenResponse:
    """Poll until the user has approved; respects interval, slow_down and expires_in."""
    interval = challenge.interval
    while True:
        remaining = challenge.expires_at - clock()
        if remaining <= 0:
            raise AuthError(AuthErrorKind.DEVICE_CODE_EXPIRED)
        if wait(min(interval, remaining), cancel):
            raise AuthError(AuthErrorKind.CANCELLED)
        if clock() >= challenge.expires_at:
            raise AuthError(AuthErrorKind.DEVICE_CODE_EXPIRED)
        try:
            return token_request(
                session, token_url, DEVICE_GRANT,
                device_code=challenge.device_code, client_id=client_id,
            )
        except OAuthError as exc:
            if exc.error == "authorization_pending":
                continue
            if exc.error == "slow_down":
                interval += SLOW_DOWN_STEP
                log.debug("device grant: slow_down, polling every %.0f s", interval)
                continue
            raise
