# SPDX-License-Identifier: EUPL-1.2
"""The demo services' own sign-in: each is a confidential OpenID Connect client of the
demo identity provider (authorization code with PKCE, client_secret_basic).

A page of a demo service asks the browser to the provider with ``prompt=none`` first:
a browser that has the provider's session (the user signed in to the launcher through
it) comes back at once with a code, and the page says "Angemeldet als Erika
Mustermann". Without a session the provider answers ``login_required`` and the service
asks again without ``prompt=none``: the sign-in form. The ID token is checked fully
(signature against the provider's keys, issuer, audience, expiry, nonce).

The service's session lives in memory (a random cookie), like a real app's.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import requests
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

COOKIE = "demo_session"
CALLBACK = "/oidc/callback"


@dataclass(frozen=True)
class _Pending:
    nonce: str
    verifier: str
    back_to: str
    silent: bool


class SignInError(Exception):
    pass


class DemoSignIn:
    """The sign-in of one demo service (``client_id`` ``demo-<service id>``)."""

    def __init__(self, service_id: str, issuer: str, base_url: str) -> None:
        self.client_id = f"demo-{service_id}"
        self.secret = secrets.token_urlsafe(24)
        self.issuer = issuer.rstrip("/")
        self.base_url = base_url.rstrip("/")
        self._pending: dict[str, _Pending] = {}
        self._sessions: dict[str, dict[str, Any]] = {}
        self._keys: KeySet | None = None
        self._lock = threading.Lock()

    @property
    def redirect_uri(self) -> str:
        return self.base_url + CALLBACK

    def register(self) -> None:
        """Tell the provider about this client (its redirect URI has the service's port)."""
        with requests.Session() as session:
            session.trust_env = False
            session.post(f"{self.issuer}/__admin/clients", json={
                "client_id": self.client_id, "client_secret": self.secret,
                "client_name": self.client_id, "redirect_uris": [self.redirect_uri],
            }, timeout=10).raise_for_status()

    # -- the browser's side --------------------------------------------------------------

    def user(self, cookie_header: str | None) -> dict[str, Any] | None:
        """The signed-in user of this browser (its cookie), or None."""
        for part in (cookie_header or "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == COOKIE:
                with self._lock:
                    return self._sessions.get(value)
        return None

    def claims(self, session_id: str) -> dict[str, Any] | None:
        """The ID token's claims of a session this sign-in made."""
        with self._lock:
            return self._sessions.get(session_id)

    def start(self, back_to: str, *, silent: bool = True) -> str:
        """The provider's address to send the browser to."""
        state = secrets.token_urlsafe(16)
        verifier = secrets.token_urlsafe(48)
        challenge = base64.urlsafe_b64encode(
            hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        nonce = secrets.token_urlsafe(16)
        with self._lock:
            self._pending[state] = _Pending(nonce, verifier, back_to, silent)
        query = {
            "client_id": self.client_id, "response_type": "code", "scope": "openid profile email",
            "redirect_uri": self.redirect_uri, "state": state, "nonce": nonce,
            "code_challenge": challenge, "code_challenge_method": "S256",
        }
        if silent:
            query["prompt"] = "none"
        return f"{self.issuer}/auth?{urlencode(query)}"

    def finish(self, query: dict[str, str]) -> tuple[str, str | None]:
        """The provider sent the browser back: (where to go now, a new session cookie).

        ``login_required`` after a silent try starts the sign-in with the form.
        """
        with self._lock:
            pending = self._pending.pop(query.get("state", ""), None)
        if pending is None:
            raise SignInError("unknown or used state")
        error = query.get("error")
        if error:
            if pending.silent and error in ("login_required", "interaction_required",
                                            "consent_required"):
                return self.start(pending.back_to, silent=False), None
            raise SignInError(f"the provider answered {error}")
        if query.get("iss") not in (None, self.issuer):
            raise SignInError("the answer comes from another issuer")
        claims = self._exchange(query.get("code", ""), pending)
        session_id = secrets.token_urlsafe(24)
        with self._lock:
            self._sessions[session_id] = claims
        return pending.back_to, session_id

    # -- the service's side ----------------------------------------------------------------

    def _http(self) -> requests.Session:
        session = requests.Session()
        session.trust_env = False
        return session

    def _exchange(self, code: str, pending: _Pending) -> dict[str, Any]:
        with self._http() as session:
            answer = session.post(f"{self.issuer}/token", data={
                "grant_type": "authorization_code", "code": code,
                "redirect_uri": self.redirect_uri, "code_verifier": pending.verifier,
            }, auth=(self.client_id, self.secret), timeout=10)
        if answer.status_code != 200:
            raise SignInError(f"the token endpoint answered {answer.status_code}")
        tokens = answer.json()
        id_token = tokens.get("id_token")
        if not isinstance(id_token, str):
            raise SignInError("no ID token")
        claims = self._verify(id_token, pending.nonce)
        if "name" not in claims and isinstance(tokens.get("access_token"), str):
            # The profile comes from userinfo when an access token is issued too.
            with self._http() as session:
                info = session.get(f"{self.issuer}/me", timeout=10, headers={
                    "Authorization": f"Bearer {tokens['access_token']}"})
            if info.status_code == 200 and info.json().get("sub") == claims.get("sub"):
                claims.update({k: v for k, v in info.json().items() if k != "sub"})
        return claims

    def _key_set(self, refresh: bool = False) -> KeySet:
        if self._keys is None or refresh:
            with self._http() as session:
                self._keys = KeySet.import_key_set(
                    session.get(f"{self.issuer}/jwks", timeout=10).json())
        return self._keys

    def _verify(self, id_token: str, nonce: str) -> dict[str, Any]:
        try:
            try:
                token = jwt.decode(id_token, self._key_set(), algorithms=["RS256"])
            except JoseError:
                token = jwt.decode(id_token, self._key_set(refresh=True), algorithms=["RS256"])
        except (JoseError, ValueError) as exc:
            raise SignInError(f"the ID token's signature does not hold ({exc})") from exc
        claims = dict(token.claims)
        aud = claims.get("aud")
        audiences = aud if isinstance(aud, list) else [aud]
        now = time.time()
        if claims.get("iss") != self.issuer:
            raise SignInError("the ID token comes from another issuer")
        if self.client_id not in audiences:
            raise SignInError("the ID token is not for this service")
        if float(claims.get("exp", 0)) <= now or float(claims.get("iat", now + 600)) > now + 60:
            raise SignInError("the ID token is expired or not yet valid")
        if claims.get("nonce") != nonce:
            raise SignInError("the ID token's nonce does not match")
        return claims
