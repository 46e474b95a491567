# SPDX-License-Identifier: EUPL-1.2
"""TokenClient: the identity provider as the sign-in sees it, every answer checked.

Discovery, the signing keys, the token endpoint (authorization code, refresh, device
code), userinfo and revocation. The service gets :class:`Grant` values whose ID token
was verified here; it never handles a raw answer. Blocking, network; used from several
worker threads at once (the caches inside replace their values whole).

:class:`~workplace.auth.service.AuthService` takes one as a constructor parameter
(``client=``), so a test can wrap the real one instead of patching a module. A token
for another audience (mail, chat, files) would be one more method here returning a
:class:`Grant`; its state goes into the service's one ``Session`` value.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workplace.auth import device
from workplace.auth.device import DeviceChallenge, Wait
from workplace.auth.discovery import Discovery, ProviderMetadata
from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.idtoken import Expectations, check_times, verify_id_token
from workplace.auth.jwks import JwksCache
from workplace.auth.pkce import Attempt
from workplace.auth.state import Profile
from workplace.auth.tokens import TokenResponse, TokenSet, revoke, token_request, userinfo

if TYPE_CHECKING:
    from workplace.config.schema import IdentityProvider
    from workplace.net.http import HttpSession

log = logging.getLogger("workplace.auth")

SessionFactory = Callable[[], "HttpSession"]


@dataclass(frozen=True)
class Grant:
    """A checked answer of the token endpoint."""

    tokens: TokenSet
    profile: Profile | None = None
    """Who signed in (ID token and userinfo); only for a sign-in."""
    late: AuthError | None = None
    """Only for a refresh: the new ID token passed every check but its times (a wrong
    clock, as a rule). Its refresh token is the provider's live one; the rest is not
    to be used."""


class TokenClient:
    """The provider of one tenant; ``configured`` is False without an issuer."""

    def __init__(self, provider: IdentityProvider, cache_dir: Path,
                 session_factory: SessionFactory, *,
                 clock: Callable[[], float] = time.time,
                 resources: tuple[str, ...] = ()) -> None:
        self.provider = provider
        self.client_id = provider.client_id
        self.issuer = provider.issuer or ""
        self.resources = resources
        """Resource indicators (RFC 8707) asked for at sign-in, so that tokens for them
        can be had later by refresh."""
        self._new_session = session_factory
        self._clock = clock
        self._discovery = Discovery(self.issuer, cache_dir, clock) if self.issuer else None
        self._keys: JwksCache | None = None

    @property
    def configured(self) -> bool:
        return self._discovery is not None

    @contextmanager
    def _session(self) -> Iterator[HttpSession]:
        with self._new_session() as session:
            yield session

    def _metadata(self, session: HttpSession, *, fresh: bool = False) -> ProviderMetadata:
        if self._discovery is None:
            raise AuthError(AuthErrorKind.NOT_CONFIGURED)
        metadata = self._discovery.get(session, fresh=fresh)
        keys = self._keys
        if keys is None or keys.uri != metadata.jwks_uri:
            self._keys = JwksCache(metadata.jwks_uri, self._clock)
        return metadata

    def metadata(self, *, fresh: bool = False) -> ProviderMetadata:
        """The provider's checked discovery document; ``fresh`` asks the provider (not
        the cache), which doubles as the check that it is reachable at all."""
        with self._session() as session:
            return self._metadata(session, fresh=fresh)

    def _verify(self, session: HttpSession, metadata: ProviderMetadata,
                response: TokenResponse, nonce: str | None,
                subject: str | None) -> dict[str, Any]:
        """The ID token's claims, everything checked but its times."""
        raw = response.data.get("id_token")
        if not isinstance(raw, str):
            raise AuthError(AuthErrorKind.INVALID_TOKEN, "the answer has no ID token")
        keys = self._keys
        assert keys is not None  # set by _metadata
        return verify_id_token(
            raw,
            Expectations(issuer=metadata.issuer, client_id=self.client_id,
                         algorithms=metadata.signing_algs, nonce=nonce, subject=subject),
            keys, session, redeemed=True,  # every one is the token endpoint's answer
        )

    def _signed_in(self, session: HttpSession, metadata: ProviderMetadata,
                   response: TokenResponse, nonce: str | None) -> Grant:
        """A sign-in's answer: the ID token fully checked, times too, and who it is."""
        claims = self._verify(session, metadata, response, nonce, None)
        check_times(claims, now=self._clock(), server_time=response.server_time)
        tokens = response.token_set(self._clock())
        subject = str(claims["sub"])
        info: dict[str, Any] = {}
        if metadata.userinfo_endpoint:
            info = userinfo(session, metadata.userinfo_endpoint, tokens.access_token)
            if info.get("sub") != subject:
                raise AuthError(AuthErrorKind.INVALID_TOKEN, "userinfo is about another user")
        merged = {**claims, **info}
        name = next((str(merged[k]) for k in ("name", "preferred_username", "email")
                     if merged.get(k)), subject)
        return Grant(tokens, Profile(subject, name, str(merged.get("email", ""))))

    def redeem_code(self, code: str, redirect_uri: str, attempt: Attempt) -> Grant:
        """Exchange the authorization code of ``attempt`` (PKCE verifier, nonce)."""
        with self._session() as session:
            metadata = self._metadata(session)
            response = token_request(
                session, metadata.token_endpoint, "authorization_code",
                code=code, redirect_uri=redirect_uri, client_id=self.client_id,
                code_verifier=attempt.code_verifier,
            )
            return self._signed_in(session, metadata, response, attempt.nonce)

    def refresh(self, refresh_token: str, *, previous: TokenSet | None,
                subject: str | None, resource: str | None = None) -> Grant:
        """Refresh; a new ID token must name the same user (Core §12.2).

        RFC 6749 §6: an answer without a new refresh token keeps the old one, and one
        without an ID token keeps ``previous``'s (the logout hint). OAuthError with
        REJECTED_REFRESH when the provider refuses the refresh token. ``resource`` asks
        for an access token for that resource indicator (RFC 8707); a provider that
        does not grant it answers ``invalid_target`` or ``invalid_scope``.
        """
        params = {"refresh_token": refresh_token, "client_id": self.client_id}
        if resource:
            params["resource"] = resource
        with self._session() as session:
            metadata = self._metadata(session)
            response = token_request(session, metadata.token_endpoint, "refresh_token",
                                     **params)
            late: AuthError | None = None
            if "id_token" in response.data:
                claims = self._verify(session, metadata, response, None, subject)
                try:
                    check_times(claims, now=self._clock(), server_time=response.server_time)
                except AuthError as exc:
                    late = exc  # the rotated refresh token is still the live one
        tokens = response.token_set(self._clock(), previous)
        if not tokens.refresh_token:
            tokens = dataclasses.replace(tokens, refresh_token=refresh_token)
        return Grant(tokens, late=late)

    def start_device(self) -> DeviceChallenge:
        """Ask the provider for a user code (RFC 8628)."""
        with self._session() as session:
            metadata = self._metadata(session)
            if not metadata.device_authorization_endpoint:
                raise AuthError(AuthErrorKind.PROVIDER_ERROR, "the provider offers no code sign-in")
            return device.start(session, metadata.device_authorization_endpoint,
                                self.client_id, self.provider.scopes, self._clock(),
                                resources=self.resources)

    def poll_device(self, challenge: DeviceChallenge, cancel: threading.Event,
                    wait: Wait) -> Grant:
        """Wait until the user has entered the code elsewhere, then check the answer."""
        with self._session() as session:
            metadata = self._metadata(session)
            response = device.poll(session, metadata.token_endpoint, self.client_id,
                                   challenge, cancel, self._clock, wait)
            return self._signed_in(session, metadata, response, None)

    def revoke(self, metadata: ProviderMetadata, refresh_token: str) -> None:
        """RFC 7009, one attempt; AuthError if it did not work."""
        if not metadata.revocation_endpoint:
            raise AuthError(AuthErrorKind.PROVIDER_ERROR, "the provider offers no revocation")
        with self._session() as session:
            revoke(session, metadata.revocation_endpoint, refresh_token, self.client_id)
