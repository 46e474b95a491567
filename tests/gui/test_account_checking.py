# SPDX-License-Identifier: EUPL-1.2
"""Issue 11, finding 13: the account side always shows a definite state, even while the
keyring waits for the user.

A real gnome-keyring of the test's own (tests/support/keyringd.py) with a locked login
keyring that holds the remembered session: looking it up makes the system ask for the
keyring's password (the real gcr-prompter, on an Xvfb display of the test's own; the
window itself stays offscreen). Meanwhile the window must offer the sign-in, not show
the tiles with neither a sign-in button nor an account.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from provider import TestProvider

from tests.gui.account_window import SignInWindows, signin_windows
from tests.gui.conftest import GuiFactory
from tests.gui.test_signin import SIGN_IN_MS, sign_in_by_click, wait_phase
from tests.support.keyringd import BusMonitor, PrivateKeyring, xvfb
from workplace.ui.account import Phase

pytestmark = pytest.mark.integration

LOGIN = "/org/freedesktop/secrets/collection/login"
PASSWORD = "anmelde-passwort"


@pytest.fixture
def signin(make_gui: GuiFactory, provider: TestProvider, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> SignInWindows:
    return signin_windows(make_gui, provider, tmp_path, monkeypatch)


@pytest.fixture
def keyring(tmp_path: Path) -> Iterator[PrivateKeyring]:
    """The session bus of this test is a private one with a login keyring."""
    with (
        xvfb() as display,
        PrivateKeyring(tmp_path / "keyring", display=display,
                       login_password=PASSWORD) as private,
        private.active(),
    ):
        yield private


def _remembered_then_locked(qtbot: Any, signin: SignInWindows, keyring: PrivateKeyring) -> None:
    """Sign in once (the session goes to the login keyring), close, lock the keyring."""
    first = signin.gui()
    sign_in_by_click(qtbot, first)
    first.account.dispose()  # the launcher closes (the fixture disposes the rest)
    assert first.jobs.wait()
    first.window.hide()
    keyring.lock(LOGIN)


def test_a_keyring_waiting_for_its_password_leaves_the_sign_in_offered(
    qtbot: Any, signin: SignInWindows, keyring: PrivateKeyring
) -> None:
    _remembered_then_locked(qtbot, signin, keyring)
    monitor = BusMonitor(keyring.address)
    try:
        gui = signin.gui()
        # The system asks for the keyring's password (the event loop keeps running)...
        qtbot.waitUntil(keyring.prompt_showing, timeout=SIGN_IN_MS)
        wait_phase(qtbot, gui, Phase.SIGNED_OUT)  # ...and the window offers the sign-in
        window = gui.window
        assert gui.account.checking  # the lookup still waits
        assert window.signin_visible and window.signin.face == "welcome"
        assert window.header.account.isVisible()
        assert window.header.account.text() == "Sign in"
        assert any(c.member == "Unlock" for c in monitor.calls())

        keyring.answer_prompt(PASSWORD)  # the user unlocks it: the session is back
        wait_phase(qtbot, gui, Phase.SIGNED_IN)
    finally:
        monitor.close()
    assert not gui.account.checking
    assert window.header.account.menu_texts[0] == "Erika Mustermann"
    assert not window.signin_visible
    assert all(c.member != "CreateCollection" for c in monitor.calls())
    qtbot.waitUntil(lambda: gui.account.state is not None
                    and gui.account.state.expires_at is not None, timeout=SIGN_IN_MS)


def test_closing_the_window_does_not_wait_for_an_unanswered_keyring_prompt(
    qtbot: Any, signin: SignInWindows, keyring: PrivateKeyring
) -> None:
    _remembered_then_locked(qtbot, signin, keyring)
    gui = signin.gui()
    qtbot.waitUntil(keyring.prompt_showing, timeout=SIGN_IN_MS)
    wait_phase(qtbot, gui, Phase.SIGNED_OUT)
    assert gui.account.checking

    gui.account.dispose()  # the window closes; nobody answered the keyring's question
    assert gui.jobs.wait(10_000), "a job still waits for the keyring prompt"
    assert keyring.daemon_running()  # the keyring goes on for every other program
