# SPDX-License-Identifier: EUPL-1.2
"""Visible focus in every theme, measured on the rendered widgets (WCAG 2.4.7, 1.4.11).

Each control is painted without and with the keyboard focus. With it, a ring at least
2 px wide in the theme's focus colour must surround the control, standing out 3:1
from what lies outside it (the page) and inside it (the control, or the gap of page
colour the primary button leaves between ring and fill). Without it, there is none.
The audit found a 1-px #0A549D line on the #0B5CAD sign-in button, about 1.2:1.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLayout, QLineEdit, QVBoxLayout, QWidget

from workplace.config.loader import load_settings
from workplace.config.paths import Paths
from workplace.ui import themestyle
from workplace.ui.dialogs import HelpDialog, SettingsDialog
from workplace.ui.header import HeaderBar
from workplace.ui.signin import SignInPage
from workplace.ui.theme import UI, Theme, contrast, make_theme

THEMES = {
    "light": {"dark": False, "high_contrast": False},
    "dark": {"dark": True, "high_contrast": False},
    "light high contrast": {"dark": False, "high_contrast": True},
    "dark high contrast": {"dark": True, "high_contrast": True},
}


@pytest.fixture(params=list(THEMES))
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Theme]:
    chosen = make_theme("#0b5cad", **THEMES[request.param])
    themestyle.apply(qapp, chosen)
    yield chosen
    themestyle.apply(qapp, make_theme("#0b5cad", dark=False, high_contrast=False))


def near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= 45


def find_run(pixels: list[QColor], ring: QColor) -> tuple[int, int] | None:
    """The first run of pixels in the ring's colour: (start, length)."""
    for start, pixel in enumerate(pixels):
        if near(pixel, ring):
            end = start
            while end < len(pixels) and near(pixels[end], ring):
                end += 1
            return start, end - start
    return None


def ring_problems(image: QImage, rect: QRect, theme: Theme) -> list[str]:
    """What is missing for a focus ring around ``rect`` in ``image`` (empty: a ring)."""
    ring = theme.focus
    area = rect.adjusted(-5, -5, 5, 5).intersected(image.rect())
    problems: list[str] = []

    def check(line: list[QColor], side: str) -> int | None:
        found = find_run(line, ring)
        if found is None:
            problems.append(f"{side}: no ring")
            return None
        start, length = found
        if length < 2:
            problems.append(f"{side}: ring {length} px")
        outside = line[start - 1] if start > 0 else None
        inside = line[start + length] if start + length < len(line) else None
        for where, pixel in (("outside", outside), ("inside", inside)):
            if pixel is not None and contrast(pixel, ring) < UI:
                problems.append(
                    f"{side}: ring {ring.name()} on {pixel.name()} {where}: "
                    f"{contrast(pixel, ring):.2f}:1")
        return start

    y = rect.center().y()
    row = [image.pixelColor(x, y) for x in range(area.left(), area.right() + 1)]
    left = check(row, "left")
    right = check(row[::-1], "right")
    if left is None or right is None:
        return problems
    x = area.left() + (left + (len(row) - 1 - right)) // 2
    column = [image.pixelColor(x, yy) for yy in range(area.top(), area.bottom() + 1)]
    check(column, "top")
    check(column[::-1], "bottom")
    return problems


def show(qtbot: Any, widget: QWidget) -> None:
    """Show a window with its size constraints set before it exists (as the launcher's
    ``present`` does; the offscreen platform warns when they change afterwards)."""
    qtbot.addWidget(widget)
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    widget.show()
    qtbot.waitExposed(widget)


def grab_around(widget: QWidget) -> tuple[QImage, QRect]:
    window = widget.window()
    image = window.grab().toImage()
    ratio = image.devicePixelRatio()
    top_left = widget.mapTo(window, QPoint(0, 0))
    rect = QRect(top_left, widget.size())
    assert ratio == 1.0, "the measurement assumes device pixels are logical pixels"
    return image, rect


def assert_focus_ring(qtbot: Any, widget: QWidget, theme: Theme, name: str) -> None:
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    holder = next(w for w in window.findChildren(QWidget) if w is not widget
                  and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible()
                  and not w.isAncestorOf(widget) and not widget.isAncestorOf(w))
    holder.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(holder.hasFocus)
    image, rect = grab_around(widget)
    assert ring_problems(image, rect, theme), f"{name}: a ring without the focus"
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    image, rect = grab_around(widget)
    problems = ring_problems(image, rect, theme)
    assert not problems, f"{name}: {problems}"


def test_the_sign_in_buttons_show_their_focus(qtbot: Any, theme: Theme) -> None:
    page = SignInPage(theme)
    page.set_organisation("Stadtverwaltung Musterstadt", "Musterstadt", "musterstadt")
    page.show_welcome()
    page.resize(900, 700)
    show(qtbot, page)
    assert_focus_ring(qtbot, page.primary, theme, "Sign in with Musterstadt")
    assert_focus_ring(qtbot, page.code_button, theme, "Use a code instead")
    assert_focus_ring(qtbot, page.help_link, theme, "help link")


def test_the_header_shows_its_focus(qtbot: Any, theme: Theme) -> None:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    # The header reflows to its width; the test window keeps its size meanwhile.
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    header = HeaderBar(theme, holder)
    layout.addWidget(header)
    header.set_branding("Stadtverwaltung Musterstadt", "Musterstadt", "musterstadt")
    header.retranslate()
    holder.resize(1100, 120)
    show(qtbot, holder)
    assert_focus_ring(qtbot, header.search, theme, "search")
    assert_focus_ring(qtbot, header.help_button, theme, "help")


def test_the_dialogs_show_their_focus(qtbot: Any, theme: Theme) -> None:
    settings = load_settings(Paths.from_environment())
    dialog = SettingsDialog(settings, "en")
    edit = QLineEdit(dialog.connection_page)  # a plain field (the proxy's are disabled)
    page_layout = dialog.connection_page.layout()
    assert page_layout is not None
    page_layout.addWidget(edit)
    show(qtbot, dialog)
    close = dialog.buttons.buttons()[0]
    assert_focus_ring(qtbot, dialog.language, theme, "combo box")
    assert_focus_ring(qtbot, dialog.high_contrast, theme, "check box")
    assert_focus_ring(qtbot, close, theme, "Close")
    dialog.tabs.setCurrentWidget(dialog.connection_page)
    assert_focus_ring(qtbot, dialog.intervals["status_minutes_home"], theme, "spin box")
    assert_focus_ring(qtbot, edit, theme, "line edit")

    help_dialog = HelpDialog(settings.tenant.organisation, "en",
                             diagnose=lambda _ok, _fail: None)
    show(qtbot, help_dialog)
    assert_focus_ring(qtbot, help_dialog.contact_labels[0], theme, "phone number")
    assert_focus_ring(qtbot, help_dialog.copy_diagnostics, theme, "Copy diagnostics")


def test_the_tabs_show_their_focus(qtbot: Any, theme: Theme) -> None:
    settings = load_settings(Paths.from_environment())
    dialog = SettingsDialog(settings, "en")
    show(qtbot, dialog)
    bar = dialog.tabs.tabBar()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(bar.hasFocus)
    image, _ = grab_around(bar)
    tab = bar.tabRect(bar.currentIndex())
    rect = QRect(bar.mapTo(dialog, tab.topLeft()), tab.size())
    problems = ring_problems(image, rect, theme)
    assert not problems, problems
