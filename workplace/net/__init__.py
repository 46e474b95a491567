# SPDX-License-Identifier: EUPL-1.2
"""Network: one HTTP session factory (trust store, timeouts, retries, user agent)."""

from workplace.net.errors import NetworkError, NetworkErrorKind
from workplace.net.http import ByteCounter, HttpSession, check_status, create_session

__all__ = [
    "ByteCounter", "HttpSession", "NetworkError", "NetworkErrorKind", "check_status",
    "create_session",
]
