# SPDX-License-Identifier: EUPL-1.2
"""The provider's signing keys: refetched once when a token names a new kid (rate-limited
unless the launcher redeemed the token itself), and at least daily, so a key the provider
withdrew stops being trusted."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from joserfc.jwk import ECKey, JWKRegistry, OKPKey, RSAKey

from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.net.errors import NetworkError

if TYPE_CHECKING:
    from workplace.net.http import HttpSession

log = logging.getLogger("workplace.auth")

PublicKey = RSAKey | ECKey | OKPKey
REFETCH_INTERVAL = 60.0
MAX_AGE = 24 * 3600.0
"""Keys older than this are fetched again before they verify anything."""
_KTY_FOR_ALG = {"RS": "RSA", "PS": "RSA", "ES": "EC", "Ed": "OKP"}


def kty_for(alg: str) -> str:
    return _KTY_FOR_ALG.get(alg[:2], "")


class JwksCache:
    def __init__(
        self, jwks_uri: str, clock: Callable[[], float],
        refetch_interval: float = REFETCH_INTERVAL,
    ) -> None:
        self._uri = jwks_uri
        self._clock = clock
        self._interval = refetch_interval
        self._keys: list[tuple[dict[str, Any], PublicKey]] | None = None
        self._fetched_at: float | None = None

    @property
    def uri(self) -> str:
        return self._uri

    def _fetch(self, session: HttpSession) -> None:
        try:
            response = session.get(self._uri, headers={"Accept": "application/json"},
                                   allow_redirects=False)
        except NetworkError as exc:
            raise AuthError.from_network(exc) from None
        self._fetched_at = self._clock()
        try:
            doc = response.json() if response.status_code == 200 else None
        except ValueError:
            doc = None
        if not isinstance(doc, dict) or not isinstance(doc.get("keys"), list):
            raise AuthError(AuthErrorKind.PROVIDER_ERROR, "the provider's key set is unreadable")
        keys: list[tuple[dict[str, Any], PublicKey]] = []
        for raw in doc["keys"]:
            # RFC 7517 §5: keys we cannot use are ignored, not fatal.
            if not isinstance(raw, dict) or raw.get("use", "sig") != "sig" or "d" in raw:
                continue
            kty = str(raw.get("kty"))
            if kty not in ("RSA", "EC", "OKP"):
                continue
            try:
                keys.append((raw, cast(PublicKey, JWKRegistry.import_key(raw, kty))))
            except Exception:
                log.debug("ignoring an unusable key in the provider's key set")
        self._keys = keys
        log.debug("fetched the provider's key set (%d usable keys)", len(keys))

    def _select(self, kid: str | None, alg: str) -> PublicKey | None:
        assert self._keys is not None
        candidates = [
            key for raw, key in self._keys
            if raw.get("kty") == kty_for(alg) and raw.get("alg", alg) == alg
        ]
        if kid is not None:
            named = [key for raw, key in self._keys if raw.get("kid") == kid]
            return named[0] if named else None
        # No kid: only unambiguous with exactly one key of the right type.
        return candidates[0] if len(candidates) == 1 else None

    def key_for(self, kid: str | None, alg: str, session: HttpSession, *,
                redeemed: bool = False) -> PublicKey:
        """The key for a token's ``kid`` and ``alg``, or AuthError(INVALID_TOKEN).

        An unknown kid fetches the key set once more: for a token the launcher itself
        has just ``redeemed`` at the token endpoint (over TLS), always, unless the set
        was fetched for this very token; for any other token at most once per
        :data:`REFETCH_INTERVAL` (someone handing in tokens must not make the launcher
        hammer the provider). A provider that rotated its key a moment after the last
        fetch, or a cache in front of it that served a stale set, is not refused.
        """
        fetched = self._fetched_at
        fetched_now = False
        if self._keys is None or fetched is None or self._clock() - fetched >= MAX_AGE:
            self._fetch(session)
            fetched_now = True
        key = self._select(kid, alg)
        if key is None and not fetched_now:
            fetched = self._fetched_at
            if redeemed or fetched is None or self._clock() - fetched >= self._interval:
                log.info("token signed with an unknown key: fetching the key set once more")
                self._fetch(session)
                key = self._select(kid, alg)
        if key is None:
            raise AuthError(AuthErrorKind.INVALID_TOKEN, "signed with an unknown key")
        return key
