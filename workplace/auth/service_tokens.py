# SPDX-License-Identifier: EUPL-1.2
"""Tokens a service issued itself (the Matrix access token and its device): one keyring
entry per integration, under the same rules as the refresh token.

The same :class:`~workplace.auth.keyring_store.KeyringStore` as the session (secure
backends only, chunked where the backend needs it); never a file, never a log line.
An entry is a small JSON object that the integration reads; it names the issuer it
belongs to, and one of another issuer is not handed out. Wiped at sign-out.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

from workplace.auth.keyring_store import KeyringStore

log = logging.getLogger("workplace.auth")

FORMAT = 1


class ServiceTokens:
    """Service tokens of one issuer's user, keyed by integration name."""

    def __init__(self, keyring: KeyringStore, issuer: str) -> None:
        self._keyring = keyring
        self._issuer = issuer
        self._lock = threading.Lock()

    def _account(self, name: str) -> str:
        return f"service-token:{name}@{self._issuer}"

    @property
    def available(self) -> bool:
        return self._keyring.available

    def load(self, name: str) -> dict[str, Any] | None:
        """The entry, or None (none, unreadable, or another issuer's); a keyring that
        fails raises."""
        if not self._keyring.available:
            return None
        raw = self._keyring.load(self._account(name))
        if raw is None:
            return None
        try:
            entry = json.loads(raw)
        except ValueError:
            return None
        if not isinstance(entry, dict) or entry.get("v") != FORMAT \
                or entry.get("iss") != self._issuer or not isinstance(entry.get("data"), dict):
            return None
        data: dict[str, Any] = entry["data"]
        return data

    def save(self, name: str, data: dict[str, Any]) -> None:
        """Remember ``data``; raises when there is no secure keyring or it fails."""
        with self._lock:
            self._keyring.save(self._account(name),
                               json.dumps({"v": FORMAT, "iss": self._issuer, "data": data}))

    def forget(self, name: str) -> None:
        """Delete the entry; a keyring that fails is logged, not raised."""
        if not self._keyring.available:
            return
        with self._lock:
            try:
                self._keyring.delete(self._account(name))
            except Exception as exc:
                log.warning("could not delete a service token (%s)", type(exc).__name__)
