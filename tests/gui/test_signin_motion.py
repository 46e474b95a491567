# SPDX-License-Identifier: EUPL-1.2
"""The sign-in page's busy bars, the launcher's only animation, stop moving on their own."""

from __future__ import annotations

from typing import Any

import pytest

from workplace.ui.signin import SignInPage
from workplace.ui.theme import make_theme


@pytest.mark.parametrize("face", ["browser", "device"])
def test_busy_bar_moves_for_a_moment_then_stands_still(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, face: str
) -> None:
    monkeypatch.setattr(SignInPage, "MOTION_MS", 50)
    page = SignInPage(make_theme("#0b5cad", dark=False, high_contrast=False))
    qtbot.addWidget(page)
    page.show()
    bar = page.busy if face == "browser" else page.device_busy
    if face == "browser":
        page.show_browser(True)
    else:
        page.show_device(None)
    assert bar.maximum() == 0  # indeterminate: moving
    qtbot.waitUntil(lambda: bar.maximum() == 1)
    assert bar.value() == 0  # still, and not pretending to show progress
    # A new wait moves again, and stops again.
    page.show_welcome()
    page.show_browser(True)
    assert page.busy.maximum() == 0
    qtbot.waitUntil(lambda: page.busy.maximum() == 1)
