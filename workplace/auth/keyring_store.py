# SPDX-License-Identifier: EUPL-1.2
"""The refresh token's home: the OS keyring, secure backends only, chunked where needed.

Only the Secret Service, KWallet, the macOS Keychain and the Windows Credential
Locker are accepted. Plaintext, null, fail and chained-only-insecure backends are
refused, whatever ``PYTHON_KEYRING_BACKEND`` or a ``keyringrc.cfg`` says.

On Linux (and the BSDs) the launcher talks to the Secret Service itself
(:class:`~workplace.auth.secret_service.SecretServiceBackend`): the keyring library,
about 9 MiB with its backend discovery, is not imported. Only where no Secret Service
answers (KWallet without its Secret Service bridge, or none at all), or where
``PYTHON_KEYRING_BACKEND`` names a backend, keyring chooses as before, with the same
allow-list and the same explanation of what it found. Windows and macOS use keyring.

On the Secret Service, reading and deleting never create a keyring
(:mod:`workplace.auth.secret_service`); only a save may, when a sign-in has a token
to keep. Each call takes an optional ``cancel`` event that gives up a waiting
keyring prompt (the window closes).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from workplace.auth.secret_service import (
    BACKEND_ID,
    SecretMissing,
    SecretServiceBackend,
    service_available,
)

log = logging.getLogger("workplace.auth")

SERVICE = "de.arbeitsplatz.Workplace"
ALLOWED_BACKENDS = frozenset({
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.kwallet.DBusKeyringKWallet4",
    "keyring.backends.macOS.Keyring",
    "keyring.backends.Windows.WinVaultKeyring",
})
WINDOWS_BLOB_LIMIT = 2560
"""CRED_MAX_CREDENTIAL_BLOB_SIZE: bytes; the Windows backend stores UTF-16."""


def backend_id(backend: Any) -> str:
    if isinstance(backend, SecretServiceBackend):
        return BACKEND_ID  # the same items as keyring's backend: the same name
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def backend_label(backend: Any) -> str:
    """Short name for people: ``SecretService.Keyring``."""
    return backend_id(backend).removeprefix("keyring.backends.")


class KeyringUnavailable(Exception):
    """No secure keyring: the reason, in English, for the CLI and logs."""

    def __init__(self, reason: str, found: str = "") -> None:
        super().__init__(reason)
        self.found = found


class Secrets(Protocol):
    """What the store needs of a backend: keyring's three calls, plus ``cancel``."""

    def get_password(self, service: str, username: str,
                     cancel: threading.Event | None = None) -> str | None: ...

    def set_password(self, service: str, username: str, password: str,
                     cancel: threading.Event | None = None) -> None: ...

    def delete_password(self, service: str, username: str,
                        cancel: threading.Event | None = None) -> None: ...


class _Plain:
    """A keyring backend as it is (no prompt of its own to give up)."""

    def __init__(self, backend: Any) -> None:
        self._backend = backend

    def get_password(self, service: str, username: str,
                     cancel: threading.Event | None = None) -> str | None:
        value = self._backend.get_password(service, username)
        return value if isinstance(value, str) else None

    def set_password(self, service: str, username: str, password: str,
                     cancel: threading.Event | None = None) -> None:
        self._backend.set_password(service, username, password)

    def delete_password(self, service: str, username: str,
                        cancel: threading.Event | None = None) -> None:
        from keyring.errors import PasswordDeleteError  # a keyring backend: loaded

        try:
            self._backend.delete_password(service, username)
        except PasswordDeleteError as exc:
            raise SecretMissing(str(exc)) from exc


def secrets_of(backend: Any) -> Secrets:
    """How the store talks to ``backend``: the Secret Service without creating a
    keyring to look, every other backend as keyring offers it."""
    if backend_id(backend) == BACKEND_ID:
        from workplace.auth.secret_service import SecretServiceStore

        return SecretServiceStore(backend)
    return _Plain(backend)


@dataclass(frozen=True)
class ChunkLimit:
    max_bytes: int
    encoding: str = "utf-16-le"


class KeyringStore:
    """Saves, loads and deletes one secret per account, in chunks if the backend needs it."""

    def __init__(
        self, backend: Any | None = None, *, service: str = SERVICE,
        allowed: frozenset[str] = ALLOWED_BACKENDS, chunk_limit: ChunkLimit | None = None,
    ) -> None:
        self.service = service
        self._allowed = allowed
        self._backend: Any | None = None
        self._secrets: Secrets | None = None
        self.reason = ""
        """Why there is no secure keyring (English, for the CLI, logs and doctor)."""
        self.found = ""
        """Without a secure keyring: the backends keyring offered instead, for IT
        (``fail.Keyring``); empty if keyring could not be loaded at all."""
        try:
            self._backend = self._choose(backend)
        except KeyringUnavailable as exc:
            self.reason = str(exc)
            self.found = exc.found
            log.info("no secure keyring: %s", exc)
        else:
            self._secrets = secrets_of(self._backend)
        windows = self._backend is not None and backend_id(self._backend).endswith(
            "Windows.WinVaultKeyring")
        if windows and self._backend is not None:
            # Kept on this machine: the backend's default (CRED_PERSIST_ENTERPRISE) would
            # let the refresh token roam with the user's profile to every other PC.
            self._backend.persist = "local machine"
        if chunk_limit is None and windows:
            chunk_limit = ChunkLimit(WINDOWS_BLOB_LIMIT)
        self._limit = chunk_limit

    def _choose(self, given: Any | None) -> Any:
        backend: Any = given if given is not None else _secret_service_directly()
        if backend is None:
            try:
                import keyring
                backend = keyring.get_keyring()
            except Exception as exc:
                raise KeyringUnavailable(f"the keyring cannot be loaded ({exc})") from None
        members = list(backend.backends) if _is_chainer(backend) else [backend]
        for member in members:
            if backend_id(member) in self._allowed:
                return member
        names = ", ".join(backend_label(m) for m in members) or backend_label(backend)
        raise KeyringUnavailable(f"no secure keyring is available (found: {names})", names)

    @property
    def available(self) -> bool:
        return self._backend is not None

    @property
    def backend_name(self) -> str:
        return backend_label(self._backend) if self._backend is not None else ""

    def _need(self) -> Secrets:
        if self._secrets is None:
            raise KeyringUnavailable(self.reason, self.found)
        return self._secrets

    def _fits(self, value: str) -> bool:
        limit = self._limit
        return limit is None or len(value.encode(limit.encoding)) <= limit.max_bytes

    def _chunks(self, secret: str) -> list[str]:
        assert self._limit is not None
        chars = max(1, (self._limit.max_bytes // 4) - 8)  # a UTF-16 char may take 4 bytes
        return [secret[i:i + chars] for i in range(0, len(secret), chars)]

    def save(self, account: str, secret: str, cancel: threading.Event | None = None) -> None:
        """Store ``secret``; any failure raises (the caller treats it as a failed save).

        One write where the backend has no size limit: such a backend never holds chunks
        (the limit belongs to the backend, so nothing here ever chunked on it), and
        reading the old entry first would cost a D-Bus round trip on every refresh.
        With a limit, the old entry is read to delete chunks the new value leaves over.
        """
        backend = self._need()
        old_count = self._chunk_count(account, cancel) if self._limit is not None else 0
        if self._fits("1:" + secret):
            backend.set_password(self.service, account, "1:" + secret, cancel)
            count = 0
        else:
            parts = self._chunks(secret)
            for index, part in enumerate(parts, 1):
                backend.set_password(self.service, f"{account}/{index}", part, cancel)
            backend.set_password(self.service, account, f"n:{len(parts)}", cancel)
            count = len(parts)
        for index in range(count + 1, old_count + 1):
            self._delete_quietly(f"{account}/{index}", cancel)

    def _chunk_count(self, account: str, cancel: threading.Event | None) -> int:
        try:
            head = self._need().get_password(self.service, account, cancel)
        except Exception:
            return 0
        if isinstance(head, str) and head.startswith("n:") and head[2:].isdigit():
            return int(head[2:])
        return 0

    def _get(self, account: str, cancel: threading.Event | None) -> str | None:
        """One entry; an entry deleted while it is being read (sign-out in another job)
        is simply missing, not an error."""
        try:
            value = self._need().get_password(self.service, account, cancel)
        except _vanished_errors():
            return None
        return value if isinstance(value, str) else None

    def load(self, account: str, cancel: threading.Event | None = None) -> str | None:
        """The secret, or None. Never creates a keyring (a locked one is unlocked)."""
        head = self._get(account, cancel)
        if head is None:
            return None
        if head.startswith("1:"):
            return str(head[2:])
        if head.startswith("n:") and head[2:].isdigit():
            parts = [self._get(f"{account}/{i}", cancel) for i in range(1, int(head[2:]) + 1)]
            if any(p is None for p in parts):
                log.warning("the keyring entry is incomplete; ignoring it")
                return None
            return "".join(str(p) for p in parts)
        log.warning("the keyring entry has an unknown format; ignoring it")
        return None

    def delete(self, account: str, cancel: threading.Event | None = None) -> None:
        """Remove the secret and its chunks; missing entries are fine. Never creates a
        keyring."""
        count = self._chunk_count(account, cancel)
        self._delete_quietly(account, cancel)
        for index in range(1, count + 1):
            self._delete_quietly(f"{account}/{index}", cancel)

    def _delete_quietly(self, account: str, cancel: threading.Event | None) -> None:
        with contextlib.suppress(SecretMissing):
            self._need().delete_password(self.service, account, cancel)


def _secret_service_directly() -> SecretServiceBackend | None:
    """The Secret Service without keyring, where it is the platform's keyring and
    answers; None to let keyring choose (Windows, macOS, ``PYTHON_KEYRING_BACKEND``
    set, or no Secret Service on the session bus)."""
    if sys.platform in ("win32", "darwin") or os.environ.get("PYTHON_KEYRING_BACKEND"):
        return None
    try:
        if service_available():
            return SecretServiceBackend()
    except ImportError as exc:  # secretstorage missing: keyring says what it found
        log.info("the Secret Service cannot be used directly: %s", exc)
    return None


def _is_chainer(backend: Any) -> bool:
    chainer = sys.modules.get("keyring.backends.chainer")  # loaded if backend is one
    return chainer is not None and isinstance(backend, chainer.ChainerBackend)


def _vanished_errors() -> tuple[type[BaseException], ...]:
    """Errors meaning "the entry went away between finding and reading it".

    The Secret Service backend finds an item, then asks for its secret: a delete in
    between raises secretstorage's ItemNotFoundException instead of returning None.
    """
    try:
        from secretstorage.exceptions import ItemNotFoundException
    except ImportError:  # not on Windows or macOS
        return ()
    return (ItemNotFoundException,)
