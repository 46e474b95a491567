# SPDX-License-Identifier: EUPL-1.2
"""OpenID Connect discovery, checked and cached on disk (no secrets in it)."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.config.atomic import atomic_write_text
from workplace.config.urls import UnsafeUrlError, check_url
from workplace.net.errors import NetworkError

if TYPE_CHECKING:
    from workplace.net.http import HttpSession

log = logging.getLogger("workplace.auth")

CACHE_SECONDS = 24 * 3600
ALLOWED_SIGNING_ALGS = frozenset({
    "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA",
})
"""Asymmetric only: never ``none``, and no HMAC (a public client has no secret)."""


@dataclass(frozen=True)
class ProviderMetadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    userinfo_endpoint: str | None = None
    revocation_endpoint: str | None = None
    end_session_endpoint: str | None = None
    device_authorization_endpoint: str | None = None
    iss_parameter_supported: bool = False
    signing_algs: tuple[str, ...] = ("RS256",)
    fetched_at: float = 0.0


def _endpoint(doc: dict[str, Any], name: str, required: bool) -> str | None:
    value = doc.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise AuthError(AuthErrorKind.INSECURE_PROVIDER, f"discovery has no valid {name}")
    try:
        return check_url(value)
    except UnsafeUrlError as exc:
        raise AuthError(AuthErrorKind.INSECURE_PROVIDER, f"{name}: {exc}") from None


def parse_metadata(doc: dict[str, Any], issuer: str, fetched_at: float) -> ProviderMetadata:
    """Check a discovery document against the rules of the checklist."""
    if doc.get("issuer") != issuer:
        raise AuthError(
            AuthErrorKind.ISSUER_MISMATCH,
            f"discovery names issuer {doc.get('issuer')!r}, configured is {issuer!r}",
        )
    methods = doc.get("code_challenge_methods_supported") or []
    if "S256" not in methods:
        raise AuthError(AuthErrorKind.INSECURE_PROVIDER, "the provider does not offer PKCE S256")
    algs = tuple(a for a in doc.get("id_token_signing_alg_values_supported", ["RS256"])
                 if a in ALLOWED_SIGNING_ALGS)
    if not algs:
        raise AuthError(AuthErrorKind.INSECURE_PROVIDER, "no acceptable ID token algorithm")
    required = {name: _endpoint(doc, name, True) for name in
                ("authorization_endpoint", "token_endpoint", "jwks_uri")}
    optional = {name: _endpoint(doc, name, False) for name in
                ("userinfo_endpoint", "revocation_endpoint", "end_session_endpoint",
                 "device_authorization_endpoint")}
    return ProviderMetadata(
        issuer=issuer,
        authorization_endpoint=str(required["authorization_endpoint"]),
        token_endpoint=str(required["token_endpoint"]),
        jwks_uri=str(required["jwks_uri"]),
        iss_parameter_supported=doc.get("authorization_response_iss_parameter_supported") is True,
        signing_algs=algs,
        fetched_at=fetched_at,
        **optional,
    )


class Discovery:
    """Fetches the provider metadata once a day; the cache file is keyed by issuer."""

    def __init__(
        self, issuer: str, cache_dir: Path, clock: Callable[[], float],
    ) -> None:
        try:
            check_url(issuer)
        except UnsafeUrlError as exc:
            raise AuthError(AuthErrorKind.INSECURE_PROVIDER, str(exc)) from None
        self.issuer = issuer
        digest = hashlib.sha256(issuer.encode()).hexdigest()[:16]
        self._cache_file = cache_dir / "auth" / f"discovery-{digest}.json"
        self._clock = clock
        self._metadata: ProviderMetadata | None = None

    def get(self, session: HttpSession, *, fresh: bool = False) -> ProviderMetadata:
        now = self._clock()
        if not fresh:
            cached = self._metadata or self._read_cache()
            if cached and 0 <= now - cached.fetched_at < CACHE_SECONDS:
                self._metadata = cached
                return cached
        url = self.issuer.rstrip("/") + "/.well-known/openid-configuration"
        try:
            response = session.get(url, headers={"Accept": "application/json"},
                                   allow_redirects=False)
        except NetworkError as exc:
            raise AuthError.from_network(exc) from None
        if response.status_code != 200:
            raise AuthError(
                AuthErrorKind.PROVIDER_UNREACHABLE, f"discovery answered {response.status_code}"
            )
        try:
            doc = response.json()
        except ValueError:
            raise AuthError(AuthErrorKind.PROVIDER_ERROR, "discovery is not JSON") from None
        if not isinstance(doc, dict):
            raise AuthError(AuthErrorKind.PROVIDER_ERROR, "discovery is not a JSON object")
        metadata = parse_metadata(doc, self.issuer, now)
        self._metadata = metadata
        self._write_cache(doc, now)
        log.debug("discovered %s", self.issuer)
        return metadata

    def _read_cache(self) -> ProviderMetadata | None:
        """The cached document, checked again by :func:`parse_metadata` like a fresh one,
        so a tampered file gains nothing (every endpoint is URL-checked again)."""
        try:
            data = json.loads(self._cache_file.read_text(encoding="utf-8"))
            return parse_metadata(data["document"], self.issuer, float(data["fetched_at"]))
        except (OSError, ValueError, TypeError, KeyError, AttributeError, AuthError):
            return None

    def _write_cache(self, doc: dict[str, Any], fetched_at: float) -> None:
        try:
            atomic_write_text(self._cache_file, json.dumps(
                {"document": doc, "fetched_at": fetched_at}))
        except OSError as exc:
            # Harmless: the metadata is in memory, and the next start asks the provider
            # again. Said for the helpdesk, not shouted at the user.
            log.info("could not cache the provider metadata in %s: %s", self._cache_file,
                     exc.strerror or type(exc).__name__)
