# SPDX-License-Identifier: EUPL-1.2
"""The keyring rules: secure backends only, chunking, session-only without a keyring."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

import pytest
from harness import Harness
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from workplace.auth import AuthErrorKind, AuthStatus, KeyringStore
from workplace.auth.keyring_store import ChunkLimit

pytestmark = pytest.mark.integration

BLOB_LIMIT = 2560


class _NeverChosen:
    """keyring registers every backend class; these test fakes must stay out of its own
    choice for the rest of the run. Asked on the class (keyring's "viable"), the
    priority raises: not viable. A ChainerBackend subclass is viable by its members
    and is made and sorted by priority: on an instance it is below every real one
    (raising there broke the first keyring.get_keyring() of the run, whenever it came
    after these classes were defined: seen once keyring was no longer loaded at start)."""

    def __get__(self, obj: object, owner: type) -> float:
        if obj is None:
            raise RuntimeError("a test fake")
        return -1.0


class FakeWindowsCredentialManager(KeyringBackend):
    """A FAKE standing in for the Windows Credential Manager (no Windows here): it
    stores UTF-16 and refuses any blob over 2,560 bytes, like CredWrite does."""

    priority = _NeverChosen()  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        if len(password.encode("utf-16-le")) > BLOB_LIMIT:
            raise OSError("CredWrite: the stub received bad data (blob too large)")
        self.items[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def _fake_store() -> tuple[FakeWindowsCredentialManager, KeyringStore]:
    fake = FakeWindowsCredentialManager()
    name = f"{type(fake).__module__}.{type(fake).__qualname__}"
    return fake, KeyringStore(fake, allowed=frozenset({name}),
                              chunk_limit=ChunkLimit(BLOB_LIMIT))


@pytest.mark.parametrize("size", [10, 1200, 5000, 20000])
def test_chunking_returns_the_secret_byte_for_byte(size: int) -> None:
    fake, store = _fake_store()
    secret = secrets.token_urlsafe(size)[:size] + "äß€😀"
    store.save("acct", secret)
    assert store.load("acct") == secret
    assert all(len(v.encode("utf-16-le")) <= BLOB_LIMIT for v in fake.items.values())
    if size > 2000:
        assert len(fake.items) > 2


def test_chunks_shrink_and_vanish() -> None:
    fake, store = _fake_store()
    store.save("acct", "x" * 20000)
    store.save("acct", "short")
    assert store.load("acct") == "short"
    assert len(fake.items) == 1
    store.delete("acct")
    assert fake.items == {} and store.load("acct") is None


class _Counting(FakeWindowsCredentialManager):
    """The fake, counting reads: on the Secret Service each is a D-Bus round trip."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        return super().get_password(service, username)


def test_a_save_without_size_limit_is_one_write_and_no_read() -> None:
    fake = _Counting()
    name = f"{type(fake).__module__}.{type(fake).__qualname__}"
    store = KeyringStore(fake, allowed=frozenset({name}), chunk_limit=None)
    store.save("acct", "first")
    store.save("acct", "rotated")  # what every refresh does
    assert fake.reads == 0
    assert store.load("acct") == "rotated" and list(fake.items) == [(store.service, "acct")]


def test_a_size_limited_backend_still_cleans_up_old_chunks() -> None:
    fake = _Counting()
    name = f"{type(fake).__module__}.{type(fake).__qualname__}"
    store = KeyringStore(fake, allowed=frozenset({name}), chunk_limit=ChunkLimit(BLOB_LIMIT))
    store.save("acct", "y" * 20000)
    chunks = len(fake.items) - 1
    store.save("acct", "y" * 3000)  # fewer chunks: the rest are deleted
    assert 1 < len(fake.items) - 1 < chunks
    store.save("acct", "short")
    assert store.load("acct") == "short" and len(fake.items) == 1
    assert fake.reads > 0  # here the old entry has to be read first


def test_without_chunking_the_fake_refuses_big_secrets() -> None:
    fake = FakeWindowsCredentialManager()
    name = f"{type(fake).__module__}.{type(fake).__qualname__}"
    store = KeyringStore(fake, allowed=frozenset({name}), chunk_limit=None)
    with pytest.raises(OSError):
        store.save("acct", "x" * 5000)


def test_real_secret_service_round_trip(secret_service: Any) -> None:
    store = KeyringStore(secret_service, service=f"workplace-test-{uuid.uuid4()}")
    assert store.available and store.backend_name == "SecretService.Keyring"
    secret = secrets.token_urlsafe(6000)
    store.save("acct", secret)
    assert store.load("acct") == secret
    store.delete("acct")
    assert store.load("acct") is None


class PlaintextKeyring(KeyringBackend):
    """Named like keyrings.alt's plaintext file backend."""

    priority = _NeverChosen()  # type: ignore[assignment]

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("a plaintext keyring must never be written")

    def get_password(self, service: str, username: str) -> str | None:
        raise AssertionError("a plaintext keyring must never be read")

    def delete_password(self, service: str, username: str) -> None:
        raise AssertionError("never used")


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.mark.parametrize("backend", [
    pytest.param(lambda: PlaintextKeyring(), id="keyrings.alt-plaintext"),
    pytest.param(lambda: null.Keyring(), id="null"),
    pytest.param(lambda: fail.Keyring(), id="fail"),
    pytest.param(lambda: _chainer(PlaintextKeyring(), null.Keyring()), id="chainer-insecure"),
])
def test_insecure_backends_are_refused(backend: Any) -> None:
    store = KeyringStore(backend())
    assert not store.available
    assert "no secure keyring" in store.reason


def _chainer(*members: Any) -> chainer.ChainerBackend:
    """keyring's own ChainerBackend, with the members given instead of the discovered."""

    class Chainer(chainer.ChainerBackend):
        backends = tuple(members)
        priority = _NeverChosen()  # type: ignore[assignment]

    return Chainer()


def test_chainer_uses_its_secure_member(secret_service: Any) -> None:
    store = KeyringStore(_chainer(PlaintextKeyring(), secret_service))
    assert store.backend_name == "SecretService.Keyring"


def test_environment_cannot_force_a_plaintext_backend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    import keyring.core

    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # restored afterwards
    store = KeyringStore()
    assert not store.available
    assert "null" in store.reason


def test_no_keyring_means_session_only(harness: Harness) -> None:
    service = harness.service(keyring_store=KeyringStore(null.Keyring()))
    state = service.sign_in()
    assert state.status == AuthStatus.SESSION_ONLY
    assert state.reason == AuthErrorKind.NO_KEYRING
    assert state.display_name == "Erika Mustermann"
    assert state.detail == "null.Keyring"  # what keyring offered instead, for IT
    assert state.signed_in
    # Refreshing still works for the session, in memory only.
    harness.clock.advance(250)
    assert service.refresh_if_needed().status == AuthStatus.SESSION_ONLY


def test_an_entry_deleted_while_it_is_read_counts_as_missing(
    secret_service: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real race, made deterministic: the store finds the item, then reads its
    # secret; here the entry is deleted in between, so the real service answers the
    # read of the stale item with an error.
    import secretstorage

    from workplace.auth import secret_service as module

    service = f"workplace-test-{uuid.uuid4()}"
    store = KeyringStore(secret_service, service=service)
    store.save("someone", "refresh-entry")
    real_search = module._search

    def racing_search(connection: Any, attributes: dict[str, str]) -> Any:
        found = real_search(connection, attributes)
        if attributes.get("service") == service:
            other = secretstorage.dbus_init()
            try:  # sign-out, in another job, between find and read
                for item in secretstorage.search_items(other, attributes):
                    item.delete()
            finally:
                other.close()
        return found

    monkeypatch.setattr(module, "_search", racing_search)
    assert store.load("someone") is None
    monkeypatch.undo()
    assert store.load("someone") is None


def test_the_windows_credential_is_kept_on_this_machine() -> None:
    """keyring's WinVaultKeyring stores with CRED_PERSIST_ENTERPRISE by default, which
    roams with the profile. A FAKE named like it (no Windows here) records the choice."""

    class WinVaultKeyring(FakeWindowsCredentialManager):
        persist: object = "enterprise"

    WinVaultKeyring.__module__ = "fake.keyring.backends.Windows"
    WinVaultKeyring.__qualname__ = "WinVaultKeyring"
    fake = WinVaultKeyring()
    store = KeyringStore(fake, allowed=frozenset({"fake.keyring.backends.Windows.WinVaultKeyring"}))
    assert fake.persist == "local machine"
    secret = "x" * 4000  # over the blob limit: chunked like on Windows
    store.save("erika", secret)
    assert store.load("erika") == secret
    assert len(fake.items) > 1


# -- Linux: the Secret Service without the keyring library ------------------------------

_WITHOUT_KEYRING = """
import json, sys
from workplace.auth.keyring_store import KeyringStore
store = KeyringStore(service=sys.argv[1])
out = {"available": store.available, "backend": store.backend_name, "reason": store.reason}
if store.available:
    store.save("acct", "x" * 6000)
    out["loaded"] = store.load("acct") == "x" * 6000
    store.delete("acct")
    out["after_delete"] = store.load("acct")
out["keyring_loaded"] = sorted(m for m in sys.modules if m.split(".")[0] == "keyring")
print(json.dumps(out))
"""


def _in_a_fresh_process(env: dict[str, str] | None = None) -> dict[str, Any]:
    import json
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_KEYRING, f"workplace-test-{uuid.uuid4()}"],
        env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=60,
        check=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_on_linux_the_secret_service_is_used_without_the_keyring_library() -> None:
    out = _in_a_fresh_process()
    assert out == {"available": True, "backend": "SecretService.Keyring", "reason": "",
                   "loaded": True, "after_delete": None, "keyring_loaded": []}


def test_without_a_secret_service_keyring_says_what_it_found() -> None:
    # No session bus at all: keyring chooses as before and the reason is the same.
    out = _in_a_fresh_process({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"})
    assert out["available"] is False and out["keyring_loaded"]
    assert out["reason"] == "no secure keyring is available (found: fail.Keyring)"


@pytest.fixture
def keyring_library_backend(secret_service: Any) -> Any:
    """keyring's own Secret Service backend: what launchers before this one wrote with."""
    return secret_service


def test_an_item_written_by_the_keyring_library_is_read_and_deleted(
    keyring_library_backend: Any,
) -> None:
    from workplace.auth.secret_service import SecretServiceBackend

    service = f"workplace-test-{uuid.uuid4()}"
    keyring_library_backend.set_password(service, "erika", "1:refresh-from-keyring")
    store = KeyringStore(SecretServiceBackend(), service=service)
    assert store.backend_name == "SecretService.Keyring"
    assert store.load("erika") == "refresh-from-keyring"
    store.delete("erika")
    assert keyring_library_backend.get_password(service, "erika") is None


def test_an_item_written_without_keyring_is_read_by_the_keyring_library(
    keyring_library_backend: Any,
) -> None:
    import secretstorage

    from workplace.auth.secret_service import SecretServiceBackend

    service = f"workplace-test-{uuid.uuid4()}"
    KeyringStore(SecretServiceBackend(), service=service).save("erika", "rotated")
    assert keyring_library_backend.get_password(service, "erika") == "1:rotated"
    connection = secretstorage.dbus_init()
    try:  # keyring's attributes and label, so either program finds the other's item
        (item,) = secretstorage.search_items(connection, {"service": service})
        attributes = item.get_attributes()
        # gnome-keyring's login keyring keeps an item's schema apart in its file and
        # gives it back as "xdg:schema" once it has read the file again (an earlier
        # test's write, in random order): the keyring library's own items get it too.
        assert attributes.pop("xdg:schema", "org.freedesktop.Secret.Generic") == \
            "org.freedesktop.Secret.Generic"
        assert attributes == {
            "service": service, "username": "erika", "application": "Python keyring library"}
        assert item.get_label() == f"Password for 'erika' on '{service}'"
    finally:
        connection.close()
    keyring_library_backend.delete_password(service, "erika")
