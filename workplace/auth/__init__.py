# SPDX-License-Identifier: EUPL-1.2
"""Sign-in: OpenID Connect with PKCE in the system browser, tokens in the OS keyring.

The window and the command line use :class:`AuthService` and nothing else.
"""

from workplace.auth.device import DeviceChallenge
from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.keyring_store import KeyringStore
from workplace.auth.service import AuthService
from workplace.auth.state import AuthState, AuthStatus

__all__ = [
    "AuthError", "AuthErrorKind", "AuthService", "AuthState", "AuthStatus", "DeviceChallenge",
    "KeyringStore",
]
