# SPDX-License-Identifier: EUPL-1.2
"""AuthError: every sign-in failure as a kind the window translates and the CLI prints."""

from __future__ import annotations

from enum import StrEnum

from workplace.net.errors import NetworkError, NetworkErrorKind


class AuthErrorKind(StrEnum):
    NOT_CONFIGURED = "not_configured"
    PROVIDER_UNREACHABLE = "provider_unreachable"
    TLS = NetworkErrorKind.TLS.value
    TIMEOUT = NetworkErrorKind.TIMEOUT.value
    CANCELLED = "cancelled"
    DENIED = "denied"
    BUSY = "busy"
    BROWSER_UNAVAILABLE = "browser_unavailable"
    STATE_MISMATCH = "state_mismatch"
    ISSUER_MISMATCH = "issuer_mismatch"
    INSECURE_PROVIDER = "insecure_provider"
    INVALID_TOKEN = "invalid_token"  # noqa: S105 (a kind, not a secret)
    CLOCK_SKEW = "clock_skew"
    REJECTED_REFRESH = "rejected_refresh"
    DEVICE_CODE_EXPIRED = "device_code_expired"
    PROVIDER_ERROR = "provider_error"
    NO_KEYRING = "no_keyring"
    KEYRING_FAILED = "keyring_failed"


MESSAGES: dict[AuthErrorKind, str] = {
    AuthErrorKind.NOT_CONFIGURED: "No identity provider is configured for this organisation.",
    AuthErrorKind.PROVIDER_UNREACHABLE: "The sign-in service cannot be reached.",
    AuthErrorKind.TLS: "The sign-in service's certificate is not trusted.",
    AuthErrorKind.TIMEOUT: "The sign-in service did not answer in time.",
    AuthErrorKind.CANCELLED: "Sign-in was cancelled.",
    AuthErrorKind.DENIED: "Sign-in was denied.",
    AuthErrorKind.BUSY: "A sign-in is already in progress.",
    AuthErrorKind.BROWSER_UNAVAILABLE: "No web browser could be opened; use a code instead.",
    AuthErrorKind.STATE_MISMATCH: "The sign-in answer does not belong to this sign-in.",
    AuthErrorKind.ISSUER_MISMATCH: "The sign-in answer came from the wrong identity provider.",
    AuthErrorKind.INSECURE_PROVIDER: "The identity provider does not meet the security rules.",
    AuthErrorKind.INVALID_TOKEN: "The identity provider sent an invalid token.",
    AuthErrorKind.CLOCK_SKEW: "This computer's clock is wrong; please correct date and time.",
    AuthErrorKind.REJECTED_REFRESH: "Your session has ended; please sign in again.",
    AuthErrorKind.DEVICE_CODE_EXPIRED: "The code has expired; please start again.",
    AuthErrorKind.PROVIDER_ERROR: "The identity provider reported an error.",
    AuthErrorKind.NO_KEYRING:
        "No secure keyring is available; sign-in lasts for this session only.",
    AuthErrorKind.KEYRING_FAILED: "The sign-in could not be saved in the keyring.",
}


class AuthError(Exception):
    """A sign-in failure. ``str()`` is one English line; ``detail`` never holds a token."""

    def __init__(
        self, kind: AuthErrorKind, detail: str = "", *, network: NetworkError | None = None
    ) -> None:
        super().__init__(kind.value)
        self.kind = kind
        self.detail = detail
        self.network = network
        """The network failure behind this one, if any (its kind, address, TLS cause)."""

    def __str__(self) -> str:
        message = MESSAGES[self.kind]
        return f"{message} ({self.detail})" if self.detail else message

    @classmethod
    def from_network(cls, exc: NetworkError) -> AuthError:
        """The provider could not be asked. TLS and timeouts keep their kind; every other
        network kind (today's and any added later) means the provider is unreachable."""
        kind = _BY_NETWORK_KIND.get(exc.kind, AuthErrorKind.PROVIDER_UNREACHABLE)
        return cls(kind, str(exc), network=exc)


_BY_NETWORK_KIND = {
    NetworkErrorKind.TLS: AuthErrorKind.TLS,
    NetworkErrorKind.TIMEOUT: AuthErrorKind.TIMEOUT,
}

NETWORK_KINDS = frozenset({
    AuthErrorKind.PROVIDER_UNREACHABLE, AuthErrorKind.TLS, AuthErrorKind.TIMEOUT,
})
