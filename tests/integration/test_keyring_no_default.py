# SPDX-License-Identifier: EUPL-1.2
"""Issue 11, finding 13: looking for a remembered session never creates a keyring.

Against a real gnome-keyring of the test's own (tests/support/keyringd.py): one with
no keyring at all, as on a machine where nobody ever made one, and one whose login
keyring is locked. A :class:`BusMonitor` on that bus sees every call, so "no prompt"
means that nothing asked the system to create or unlock a keyring. With a display,
the system's real prompter (gcr-prompter) shows its dialog and the test answers it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from harness import Harness
from keyring.backends import SecretService

from tests.e2e.conftest import SCREENSHOTS, grab_screen
from tests.support.keyringd import BusMonitor, PrivateKeyring, xvfb
from workplace.auth import AuthStatus, KeyringStore
from workplace.auth.secret_service import PromptDismissed

pytestmark = pytest.mark.integration

SESSION_COLLECTION = "/org/freedesktop/secrets/collection/session"
LOGIN = "/org/freedesktop/secrets/collection/login"
WAIT_S = 60.0


class Background:
    """``fn`` on a daemon thread (a keyring call may wait for a person's answer);
    :meth:`result` waits for it and re-raises what it raised."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        self._fn = fn
        self._outcome: tuple[bool, Any] | None = None
        self._done = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        try:
            self._outcome = (True, self._fn())
        except BaseException as exc:  # handed to the test
            self._outcome = (False, exc)
        finally:
            self._done.set()

    def result(self, timeout: float = WAIT_S) -> Any:
        assert self._done.wait(timeout), "the keyring call did not return"
        assert self._outcome is not None
        ok, value = self._outcome
        if not ok:
            raise value
        return value


def _secret_service() -> KeyringStore:
    return KeyringStore(SecretService.Keyring())


def test_looking_for_a_session_creates_no_keyring(tmp_path: Path, harness: Harness) -> None:
    with PrivateKeyring(tmp_path / "keyring") as keyring, keyring.active():
        assert keyring.collections() == [SESSION_COLLECTION]  # nobody ever made one
        monitor = BusMonitor(keyring.address)
        try:
            store = _secret_service()
            assert store.available and store.backend_name == "SecretService.Keyring"
            state = harness.service(keyring_store=store).restore()
            store.delete(f"arbeitsplatz@{harness.provider.issuer}")  # forgetting: neither
        finally:
            monitor.close()
        assert state.status == AuthStatus.SIGNED_OUT
        assert state.reason is None  # simply nothing remembered, not a failure
        assert any(c.member == "SearchItems" for c in monitor.calls())  # it did look
        assert monitor.prompt_requests() == []
        assert keyring.collections() == [SESSION_COLLECTION]
        assert keyring.default_alias() == "/"
        assert keyring.keyring_files() == []


def test_only_a_sign_in_with_a_token_to_keep_asks_for_a_new_keyring(
    tmp_path: Path, harness: Harness
) -> None:
    with (
        xvfb() as display,
        PrivateKeyring(tmp_path / "keyring", display=display) as keyring,
        keyring.active(),
    ):
        service = harness.service(keyring_store=_secret_service())
        monitor = BusMonitor(keyring.address)
        try:
            assert service.restore().status == AuthStatus.SIGNED_OUT
            assert monitor.prompt_requests() == []  # the start asks nothing

            signing_in = Background(service.sign_in)
            keyring.wait_for_prompt()  # "Choose password for new keyring", after sign-in
            grab_screen(display, SCREENSHOTS / "keyring-new-after-sign-in.png")
            keyring.answer_prompt("ein-neues-passwort", confirm=True)
            state = signing_in.result()
        finally:
            monitor.close()
        assert state.status == AuthStatus.SIGNED_IN, (state.reason, state.detail)  # remembered
        created = [c for c in monitor.calls() if c.member == "CreateCollection"]
        assert len(created) == 1
        assert keyring.default_alias() != "/"
        assert keyring.keyring_files()  # on disk now

        restarted = harness.service(keyring_store=_secret_service()).recall()
        assert restarted.status == AuthStatus.SIGNED_IN
        assert restarted.display_name == "Erika Mustermann"


def test_a_locked_keyring_is_unlocked_only_for_a_session_it_holds(tmp_path: Path) -> None:
    with (
        xvfb() as display,
        PrivateKeyring(tmp_path / "keyring", display=display,
                       login_password="anmelde-passwort") as keyring,
        keyring.active(),
    ):
        store = _secret_service()
        store.save("erika", "the-remembered-entry")
        keyring.lock(LOGIN)
        monitor = BusMonitor(keyring.address)
        try:
            assert store.load("someone-else") is None  # not ours to unlock for
            assert monitor.prompt_requests() == []

            reading = Background(lambda: store.load("erika"))
            keyring.answer_prompt("anmelde-passwort")  # the system asks: unlock "login"
            assert reading.result() == "the-remembered-entry"
        finally:
            monitor.close()
        assert not keyring.is_locked(LOGIN)
        assert keyring.collections() == [LOGIN, SESSION_COLLECTION]  # nothing new


def test_the_launcher_can_stop_waiting_for_an_unanswered_prompt(tmp_path: Path) -> None:
    with (
        xvfb() as display,
        PrivateKeyring(tmp_path / "keyring", display=display,
                       login_password="anmelde-passwort") as keyring,
        keyring.active(),
    ):
        store = _secret_service()
        store.save("erika", "the-remembered-entry")
        keyring.lock(LOGIN)
        cancel = threading.Event()
        reading = Background(lambda: store.load("erika", cancel))
        keyring.wait_for_prompt()  # nobody answers it
        cancel.set()  # the window closes
        with pytest.raises(PromptDismissed):
            reading.result()
        # The keyring goes on for every other program (the Secret Service's Dismiss
        # would make gnome-keyring 42 abort), still locked, the dialog still the user's.
        assert keyring.daemon_running()
        assert keyring.is_locked(LOGIN) and keyring.prompt_showing()
