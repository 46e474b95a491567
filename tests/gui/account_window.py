# SPDX-License-Identifier: EUPL-1.2
"""A window for the test provider's tenant, for the account tests (test_account_*.py).

Like test_signin.py's ``signin`` fixture, but without its keyring: these tests bring
the keyring they are about (a private gnome-keyring, or none).
"""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Any

import pytest
from fake_browser import write_launcher  # tests/stack, on sys.path (tests/conftest.py)
from provider import TestProvider

from tests.gui.conftest import GuiFactory
from tests.gui.test_signin import tenant_file


class SignInWindows:
    """``gui()`` builds the real window (async jobs); the browser is
    tests/stack/fake_browser.py, which signs in like a person."""

    def __init__(self, make_gui: GuiFactory) -> None:
        self._make_gui = make_gui

    def gui(self) -> Any:
        return self._make_gui(synchronous=False, auth=True)


def signin_windows(make_gui: GuiFactory, provider: TestProvider, tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch) -> SignInWindows:
    monkeypatch.setenv("WORKPLACE_CONFIG", str(tenant_file(tmp_path, provider.issuer)))
    monkeypatch.setenv("BROWSER", str(write_launcher(tmp_path)))
    monkeypatch.delenv("FAKE_BROWSER_ACTION", raising=False)
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return SignInWindows(make_gui)
