# SPDX-License-Identifier: EUPL-1.2
"""urllib3's and the socket's exceptions as a :class:`~workplace.net.errors.NetworkError`."""

from __future__ import annotations

import ssl

import urllib3.exceptions

from workplace.net.deadline import passed
from workplace.net.errors import NetworkError, NetworkErrorKind


def _reason(exc: BaseException) -> BaseException | None:
    """The exception behind ``exc``: a retry's last failure, or what urllib3 wrapped."""
    if isinstance(exc, urllib3.exceptions.MaxRetryError):
        return exc.reason
    if isinstance(exc, urllib3.exceptions.ProxyError):
        return exc.original_error
    inner = exc.args[0] if exc.args else None
    return inner if isinstance(inner, BaseException) else None


def tls_cause(exc: BaseException) -> str:
    """The innermost SSL error's reason, e.g. ``certificate verify failed: self-signed ...``."""
    seen: set[int] = set()
    current: BaseException | None = exc
    found = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return str(current.verify_message or current.reason or "certificate verify failed")
        if isinstance(current, ssl.SSLError):
            found = str(current.reason or current.strerror or "") or found
        nxt = _reason(current)
        current = nxt if nxt is not None else (current.__cause__ or current.__context__)
    return found


def classify(exc: BaseException, url: str) -> NetworkError:
    """Map a transport failure to a NetworkError (the URL has no query, so no secrets)."""
    safe_url = url.split("?", 1)[0]
    if passed():  # cut off by the deadline, whatever urllib3 made of the cut
        return NetworkError(
            NetworkErrorKind.TIMEOUT, "the server did not finish its answer in time",
            url=safe_url,
        )
    reason = (exc.reason or exc) if isinstance(exc, urllib3.exceptions.MaxRetryError) else exc
    if isinstance(reason, urllib3.exceptions.ProxyError):
        return NetworkError(
            NetworkErrorKind.UNREACHABLE, "the proxy cannot be reached", url=safe_url
        )
    if isinstance(reason, urllib3.exceptions.SSLError | ssl.SSLError):
        return NetworkError(
            NetworkErrorKind.TLS, "TLS verification failed", url=safe_url, cause=tls_cause(exc)
        )
    if isinstance(reason, urllib3.exceptions.NewConnectionError | urllib3.exceptions.ProtocolError):
        # NewConnectionError subclasses ConnectTimeoutError, but "refused" is not slow.
        return NetworkError(
            NetworkErrorKind.UNREACHABLE, "the server cannot be reached", url=safe_url
        )
    if isinstance(reason, urllib3.exceptions.TimeoutError | TimeoutError):
        return NetworkError(
            NetworkErrorKind.TIMEOUT, "the server did not answer in time", url=safe_url
        )
    if isinstance(reason, urllib3.exceptions.ResponseError):
        return NetworkError(
            NetworkErrorKind.HTTP_STATUS, "the server kept failing", url=safe_url
        )
    return NetworkError(NetworkErrorKind.UNREACHABLE, "the server cannot be reached", url=safe_url)
