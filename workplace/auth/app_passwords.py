# SPDX-License-Identifier: EUPL-1.2
"""Application passwords for services that take no token (openDesk's CalDAV): one
keyring entry each, under the same rules as the refresh token.

The same :class:`~workplace.auth.keyring_store.KeyringStore` (secure backends only,
chunked where the backend needs it), never a file, never a log line; wiped at sign-out
(:meth:`AppPasswords.forget_all`).
"""

from __future__ import annotations

import logging
import threading

from workplace.auth.keyring_store import KeyringStore

log = logging.getLogger("workplace.auth")


class AppPasswords:
    """Application passwords of one issuer, keyed by integration name."""

    def __init__(self, keyring: KeyringStore, issuer: str, names: tuple[str, ...]) -> None:
        self._keyring = keyring
        self._issuer = issuer
        self._names = names
        self._lock = threading.Lock()

    def _account(self, name: str) -> str:
        return f"app-password:{name}@{self._issuer}"

    @property
    def available(self) -> bool:
        return self._keyring.available

    def load(self, name: str) -> str | None:
        """The password, or None; a keyring that fails raises."""
        return self._keyring.load(self._account(name)) if self._keyring.available else None

    def save(self, name: str, password: str) -> None:
        """Remember it; raises when there is no secure keyring or it fails."""
        with self._lock:
            self._keyring.save(self._account(name), password)

    def forget(self, name: str) -> None:
        if not self._keyring.available:
            return
        with self._lock:
            try:
                self._keyring.delete(self._account(name))
            except Exception as exc:
                log.warning("could not delete an application password (%s)", type(exc).__name__)

    def forget_all(self) -> None:
        for name in self._names:
            self.forget(name)
