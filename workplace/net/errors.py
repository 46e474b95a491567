# SPDX-License-Identifier: EUPL-1.2
"""The one error family of the network layer: a :class:`NetworkError` with a kind the
callers act on and the window translates.

Every HTTP failure in the program is one of these, from the session
(:mod:`workplace.net.http`), a careful download (:mod:`workplace.net.fetch`) or a
probe, so no caller converts kinds by hand. The catalog's refresh result carries the
kind as it is; sign-in errors name it as their cause. This module imports no HTTP
library (the first paint may import it); :mod:`workplace.net.classify` maps urllib3's
exceptions onto it.
"""

from __future__ import annotations

from enum import StrEnum


class NetworkErrorKind(StrEnum):
    """What went wrong. The values are stable: logs, the status file and the window's
    texts use them."""

    UNREACHABLE = "unreachable"
    """No connection: refused, no route, DNS, the proxy, a connection that broke off."""
    TIMEOUT = "timeout"
    """No answer in time, or the answer did not finish within its deadline."""
    TLS = "tls"
    """The certificate is not trusted, or TLS failed."""
    HTTP_STATUS = "http_status"
    """The server answered with an error status (or an answer that makes no sense)."""
    NOT_FOUND = "not_found"
    """404 or 410."""
    AUTH_REQUIRED = "auth_required"
    """401 or 403, or a sign-in page instead of the document."""
    REDIRECT_REFUSED = "redirect_refused"
    """A redirect to another origin, to plain http or to an unsafe address, or too many."""
    TOO_LARGE = "too_large"
    """The answer is larger than the caller's limit."""


TRANSPORT_KINDS = frozenset({
    NetworkErrorKind.UNREACHABLE, NetworkErrorKind.TIMEOUT, NetworkErrorKind.TLS,
})
"""The kinds where no usable answer came back from the server at all."""


class NetworkError(Exception):
    """A request that did not produce a usable answer. Never carries request bodies,
    queries or secrets."""

    def __init__(
        self,
        kind: NetworkErrorKind,
        detail: str,
        *,
        url: str = "",
        status: int | None = None,
        cause: str = "",
        target: str = "",
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        """Plain English for logs and the command line."""
        self.url = url
        """The address asked, without its query."""
        self.status = status
        self.cause = cause
        """For TLS: the verifier's short reason (e.g. ``self-signed certificate``), for tooltips."""
        self.target = target
        """For a refused redirect: where it pointed (without query)."""

    @property
    def message(self) -> str:
        """``detail (url)``: the one line a user or the helpdesk reads."""
        return f"{self.detail} ({self.url})" if self.url else self.detail

    @property
    def transport(self) -> bool:
        """No usable answer came back at all (unreachable, timeout, TLS)."""
        return self.kind in TRANSPORT_KINDS

    def __str__(self) -> str:
        return f"{self.kind.value}: {self.message}"
