# SPDX-License-Identifier: EUPL-1.2
"""SessionStore: the remembered session as one keyring entry (the refresh token and whose).

The entry is JSON, format ``v: 1``: issuer, client id, refresh token, subject, name,
e-mail and the session end the provider announced. Never an access or ID token.
Chunking for small-blob keyrings is :class:`~workplace.auth.keyring_store.KeyringStore`'s.

Writes are serialised by :meth:`SessionStore.writing`: the service holds it around a
write or delete together with the state change it belongs to, so a sign-out cannot
interleave with a refresh saving its rotated token. It is not the state's lock: reading
the state never waits for the keyring (which may be slow, or prompt to be unlocked).

Looking for the entry never creates a keyring: where none exists there is simply no
remembered session, and the system's "choose a password for the new keyring" may only
come with :meth:`SessionStore.save`, i.e. a sign-in with a token to keep. A prompt
still open when :meth:`SessionStore.close` is called is dismissed.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

from workplace.auth.keyring_store import KeyringStore
from workplace.auth.session import Remembered
from workplace.auth.state import Profile

log = logging.getLogger("workplace.auth")

FORMAT = 1


class SessionStore:
    """The keyring entry of one issuer and client."""

    def __init__(self, keyring: KeyringStore, issuer: str, client_id: str) -> None:
        self._keyring = keyring
        self._issuer = issuer
        self._client_id = client_id
        self.account = f"{client_id}@{issuer}"
        self._writing = threading.RLock()
        self._closed = threading.Event()

    @property
    def available(self) -> bool:
        """A secure keyring is there: a sign-in can be remembered."""
        return self._keyring.available

    @property
    def backend_name(self) -> str:
        return self._keyring.backend_name

    @property
    def reason(self) -> str:
        """Why there is no secure keyring (English, for the CLI and logs)."""
        return self._keyring.reason

    @property
    def found(self) -> str:
        """Without a secure keyring: what keyring offered instead (``fail.Keyring``)."""
        return self._keyring.found

    def close(self) -> None:
        """Give up keyring prompts that are open or still to come (the program ends)."""
        self._closed.set()

    def writing(self) -> threading.RLock:
        """Hold while writing or deleting together with the state change it belongs to."""
        return self._writing

    def load(self) -> Remembered | None:
        """The remembered session, or None if there is none or it is unreadable.
        A keyring that fails raises (the caller says so: KEYRING_FAILED)."""
        return parse(self._keyring.load(self.account, self._closed))

    def save(self, refresh_token: str, profile: Profile | None,
             session_until: float | None) -> None:
        """Remember the session; any failure raises (a failed save is a failed sign-in
        or refresh: the caller treats it so)."""
        entry = {
            "v": FORMAT, "iss": self._issuer, "client_id": self._client_id,
            "refresh_token": refresh_token,
            "sub": profile.subject if profile else "",
            "name": profile.display_name if profile else "",
            "email": profile.email if profile else "",
            "session_until": session_until,
        }
        with self._writing:
            self._keyring.save(self.account, json.dumps(entry), self._closed)

    def delete(self) -> None:
        """Forget the entry; a keyring that fails is logged, not raised (sign-out goes on)."""
        if not self._keyring.available:
            return
        with self._writing:
            try:
                self._keyring.delete(self.account, self._closed)
            except Exception as exc:
                log.warning("could not delete the keyring entry (%s)", type(exc).__name__)
                log.debug("the keyring's error", exc_info=True)


def parse(raw: str | None) -> Remembered | None:
    """The entry's session, or None for no entry or one in another format."""
    if raw is None:
        return None
    try:
        entry: Any = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(entry, dict) or entry.get("v") != FORMAT:
        return None
    token, subject = entry.get("refresh_token"), entry.get("sub")
    if not isinstance(token, str) or not token or not isinstance(subject, str):
        return None
    until = entry.get("session_until")
    return Remembered(
        refresh_token=token,
        profile=Profile(subject, _text(entry.get("name")), _text(entry.get("email"))),
        session_until=float(until) if isinstance(until, int | float)
        and not isinstance(until, bool) else None,
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
