# SPDX-License-Identifier: EUPL-1.2
"""The dialogs in the launcher's look: named controls, icons in the text colour, the
theme's fields and check boxes, disabled and placeholder text that still reads."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyle,
    QWidget,
)

from workplace.config.loader import load_settings
from workplace.config.paths import Paths
from workplace.ui import themestyle
from workplace.ui.dialogs import HelpDialog, IntranetWarning, SettingsDialog
from workplace.ui.header import HeaderBar
from workplace.ui.theme import TEXT, UI, Theme, contrast, make_theme

LIGHT = {"dark": False, "high_contrast": False}
DARK = {"dark": True, "high_contrast": False}
ALL = {
    "light": LIGHT, "dark": DARK,
    "light high contrast": {"dark": False, "high_contrast": True},
    "dark high contrast": {"dark": True, "high_contrast": True},
}


@pytest.fixture
def use_theme(qapp: QApplication) -> Iterator[Any]:
    def use(options: dict[str, bool]) -> Theme:
        chosen = make_theme("#0b5cad", **options)
        themestyle.apply(qapp, chosen)
        return chosen

    yield use
    themestyle.apply(qapp, make_theme("#0b5cad", **LIGHT))


def show(qtbot: Any, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    widget.show()
    qtbot.waitExposed(widget)


def opaque_colours(image: QImage) -> list[QColor]:
    """The fully drawn pixels of an icon (the stroke, not its anti-aliased edge)."""
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())
            if image.pixelColor(x, y).alpha() == 255]


@pytest.mark.parametrize("name", list(ALL))
def test_the_close_icon_follows_the_text_colour(qapp: QApplication, use_theme: Any,
                                                name: str) -> None:
    """The audit: dark mode's ✕ on "Schließen" was dark on dark (Qt's own icon)."""
    theme = use_theme(ALL[name])
    dialog = HelpDialog(load_settings(Paths.from_environment()).tenant.organisation, "de")
    close = dialog.buttons.buttons()[0]
    icon = dialog.style().standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton, None, close)
    pixels = opaque_colours(icon.pixmap(32, 32).toImage())
    assert pixels, "the close icon draws nothing"
    for pixel in pixels:
        assert contrast(pixel, theme.surface) >= UI, (name, pixel.name())
    dialog.deleteLater()


def test_dialog_button_icons_follow_a_theme_change(qapp: QApplication, use_theme: Any) -> None:
    """Where the platform shows icons on dialog buttons, a theme change re-tints them."""
    use_theme(LIGHT)
    dialog = IntranetWarning("Nur im Intranet", "Trotzdem öffnen?")
    style = dialog.style()
    if not style.styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons, None,
                           dialog.buttons):
        # Offscreen shows none; the xcb run in test_theme_system.py checks the buttons.
        themestyle.refresh_button_icons(dialog.buttons)
        assert dialog.cancel.icon().isNull()
    dialog.deleteLater()


def test_the_settings_dialog_looks_like_the_launcher(qtbot: Any, use_theme: Any) -> None:
    """Fields and check boxes drawn from the theme: a combo box's frame in the border
    colour (3:1), not Fusion's faint grey (2.2:1), the dialog on the window colour."""
    theme = use_theme(LIGHT)
    dialog = SettingsDialog(load_settings(Paths.from_environment()), "en")
    show(qtbot, dialog)
    image = dialog.grab().toImage()
    assert image.pixelColor(3, 3).name() == theme.window.name()
    combo: QComboBox = dialog.language
    at = combo.mapTo(dialog, QPoint(0, combo.height() // 2))
    edge = image.pixelColor(at.x(), at.y())
    assert edge.name() == theme.border.name()
    assert contrast(edge, theme.surface) >= UI
    box = dialog.high_contrast  # unchecked: only its border shows where it is
    assert not box.isChecked()
    picture = box.grab().toImage()
    indicator = [picture.pixelColor(x, y) for y in range(picture.height())
                 for x in range(min(24, picture.width()))]
    assert any(contrast(pixel, theme.surface) >= UI for pixel in indicator), "a faint check box"


@pytest.mark.parametrize("name", list(ALL))
def test_placeholder_text_reads_on_the_field(qtbot: Any, use_theme: Any, name: str) -> None:
    """The search field's only visible label. Qt draws a placeholder in the text colour
    at half opacity unless told: 3.25:1 (light), 4.00:1 (light high contrast)."""
    theme = use_theme(ALL[name])
    holder = QWidget()
    header = HeaderBar(theme, holder)
    header.retranslate()
    show(qtbot, holder)
    colour = header.search.palette().color(QPalette.ColorRole.PlaceholderText)
    seen = _over(colour, theme.surface)
    assert contrast(seen, theme.surface) >= TEXT, (name, colour.name(QColor.NameFormat.HexArgb))
    edit = QLineEdit(holder)  # any field, not only the search
    edit.ensurePolished()
    seen = _over(edit.palette().color(QPalette.ColorRole.PlaceholderText), theme.surface)
    assert contrast(seen, theme.surface) >= TEXT


def _over(colour: QColor, background: QColor) -> QColor:
    """``colour`` as it shows over ``background`` (its alpha blended)."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(*(c * alpha + b * (1 - alpha) for c, b in (
        (colour.redF(), background.redF()), (colour.greenF(), background.greenF()),
        (colour.blueF(), background.blueF()))))


@pytest.mark.parametrize("name", list(ALL))
def test_informational_menu_entries_read(qtbot: Any, use_theme: Any, name: str) -> None:
    """The account menu showed name, e-mail and "not remembered" as disabled entries,
    #989a9c on white (2.82:1). Disabled entries must still read at 4.5:1."""
    theme = use_theme(ALL[name])
    holder = QWidget()
    header = HeaderBar(theme, holder)
    header.account.set_user("Erika Mustermann", "erika@musterstadt.example",
                            notes=["Auf diesem Computer nicht gespeichert"])
    show(qtbot, holder)
    menu = header.account.menu()
    assert menu is not None
    menu.ensurePolished()
    menu.resize(menu.sizeHint())
    image = menu.grab().toImage()  # painted as it pops up, without a pop-up grab
    background = image.pixelColor(image.width() // 2, 2)
    for action in menu.actions():
        if action.isSeparator():
            continue
        rect = menu.actionGeometry(action)
        darkest = max((image.pixelColor(x, y) for y in range(rect.top(), rect.bottom())
                       for x in range(rect.left(), rect.right())),
                      key=lambda pixel: contrast(pixel, background))
        assert contrast(darkest, background) >= TEXT, (action.text(), darkest.name())


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def focusable(widget: QWidget) -> list[QWidget]:
    return [w for w in widget.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not w.isHidden()
            and w.isEnabled() and w.window() is widget
            and type(w).__name__ not in ("QTabWidget", "QStackedWidget")
            and not isinstance(w.parent(), QAbstractSpinBox)]  # the spin box's own field


def test_every_control_in_the_dialogs_has_a_name(qtbot: Any, use_theme: Any) -> None:
    use_theme(LIGHT)
    settings = load_settings(Paths.from_environment())
    dialogs: list[QWidget] = [
        SettingsDialog(settings, "de"),
        HelpDialog(settings.tenant.organisation, "de", diagnose=lambda _ok, _fail: None),
        IntranetWarning("Nur im Intranet", "Dieser Dienst ist nur im Intranet erreichbar."),
    ]
    for dialog in dialogs:
        show(qtbot, dialog)
        assert accessible_name(dialog), dialog
        pages = getattr(dialog, "tabs", None)
        for index in range(pages.count() if pages is not None else 1):
            if pages is not None:
                pages.setCurrentIndex(index)
            controls = focusable(dialog)
            assert controls
            for control in controls:
                name = accessible_name(control)
                assert name.strip(), f"{type(dialog).__name__}: unnamed {control!r}"
                assert "&" not in name.replace("&&", ""), name
