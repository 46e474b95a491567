# SPDX-License-Identifier: EUPL-1.2
"""Issue 11, finding 12: the German banner about the keyring speaks plainly.

The audit found "• no secure keyring is available (found: fail.Keyring)" in the German
window: the keyring library's English sentence. Now the banner says in words a civil
servant understands what it means for them, and the lines for IT (behind "Details",
copied with "Copy details") name the keyring found in German.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from provider import TestProvider

from tests.e2e.conftest import SCREENSHOTS
from tests.gui.account_window import SignInWindows, signin_windows
from tests.gui.conftest import GuiFactory, write_preferences
from tests.gui.test_signin import sign_in_by_click
from tests.support.keyringd import PrivateKeyring

pytestmark = pytest.mark.integration

SUPPORTED = ("Unterstützt: Secret Service (zum Beispiel GNOME-Schlüsselbund oder KeePassXC), "
             "KWallet, macOS-Schlüsselbund, Windows-Anmeldeinformationsverwaltung.")


@pytest.fixture
def signin(make_gui: GuiFactory, provider: TestProvider, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch, isolated_xdg: dict[str, Path]) -> SignInWindows:
    write_preferences(isolated_xdg, 'language = "de"\n')
    return signin_windows(make_gui, provider, tmp_path, monkeypatch)


def _everything_shown(banner: Any) -> list[str]:
    return [banner.text, *banner.technical, banner.accessibleDescription()]


def test_without_a_secure_keyring_the_banner_says_what_it_means(
    qtbot: Any, signin: SignInWindows, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring.core
    from keyring.backends import fail

    # Named for keyring: on Linux the Secret Service is otherwise used without it.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    gui = signin.gui()
    sign_in_by_click(qtbot, gui)

    banner = gui.window.banners.account
    assert banner.isVisible()
    assert banner.title == "Ihre Anmeldung wird nicht gespeichert"
    assert ("Auf diesem Computer gibt es keinen sicheren Schlüsselbund. Sie bleiben nur "
            "angemeldet, solange Arbeitsplatz läuft.") in banner.text
    assert "fail.Keyring" not in banner.text  # the program's name is for IT only
    assert banner.technical == [
        "Für die IT: Es wurde kein sicherer Schlüsselbund gefunden, nur fail.Keyring.",
        SUPPORTED,
    ]
    for shown in _everything_shown(banner):
        assert "no secure keyring" not in shown and "found:" not in shown
    banner.more.click()  # "Details", as IT would open them
    # The picture as the user sees it: after the layout has taken the unfolded details
    # and the button's new text (grabbed at once, it showed the layout half done).
    details = banner.technical_text
    qtbot.waitUntil(lambda: details.isVisible()
                    and banner.more.width() >= banner.more.sizeHint().width()
                    and details.geometry().bottom() <= banner.contentsRect().bottom())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert gui.window.grab().save(str(SCREENSHOTS / "banner-no-keyring-de.png"))
    assert "Auf diesem Computer nicht gespeichert" in gui.window.header.account.menu_texts


@pytest.fixture
def no_keyring_no_prompter(tmp_path: Path) -> Iterator[PrivateKeyring]:
    """A Secret Service without a keyring, whose system prompter cannot show (no
    display): asking for a new keyring is answered "dismissed" at once."""
    with PrivateKeyring(tmp_path / "keyring") as private, private.active():
        yield private


def test_a_keyring_that_did_not_keep_the_sign_in_says_so_plainly(
    qtbot: Any, signin: SignInWindows, no_keyring_no_prompter: PrivateKeyring
) -> None:
    gui = signin.gui()
    sign_in_by_click(qtbot, gui)

    assert gui.account.state is not None
    assert gui.account.state.status.value == "session_only"
    banner = gui.window.banners.account
    assert banner.title == "Ihre Anmeldung konnte nicht gespeichert werden"
    assert ("Der Schlüsselbund dieses Computers hat sie nicht aufbewahrt, zum Beispiel weil "
            "seine Passwortabfrage abgebrochen wurde.") in banner.text
    assert banner.technical == [
        "Für die IT: Der Schlüsselbund SecretService.Keyring hat die Anmeldung nicht "
        "gespeichert (PromptDismissed).",
    ]
