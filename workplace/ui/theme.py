# SPDX-License-Identifier: EUPL-1.2
"""Colours: light and dark follow the system, plus high contrast; Fusion + palette.

One :class:`Theme` value describes everything the painting code needs, so the
tile delegate and the widgets never invent colours of their own. Every colour
token says where it is drawn and the contrast it needs there (WCAG 2.1: 4.5:1 for
text, 3:1 for focus rings, borders that carry meaning, status marks);
``tests/unit/test_contrast.py`` checks every pair in every theme.

Focus is shown the same way everywhere: a ring at least 2 px wide in ``focus``,
which stands out at 3:1 from the page and from the control it touches. On the
accent-filled primary button the ring sits outside the button with a gap of the
page's colour between them (the accent and the ring need not differ then).

Font sizes are relative to the application font, which comes from the platform:
a larger system font makes every text larger, titles included. The style sheet is
made in :mod:`workplace.ui.stylesheet`; :mod:`workplace.ui.themestyle` applies it all.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

TEXT = 4.5
"""WCAG 1.4.3: text and images of text."""
UI = 3.0
"""WCAG 1.4.11 / 2.4.11: focus rings, borders that carry meaning, status marks."""
REFERENCE_PT = 9.0
"""The application font size the type scale was drawn for (Qt's default on Linux)."""


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1..21)."""
    la, lb = _luminance(a), _luminance(b)
    high, low = max(la, lb), min(la, lb)
    return (high + 0.05) / (low + 0.05)


def _readable(accent: QColor, background: QColor, minimum: float = TEXT) -> QColor:
    """The accent, lightened or darkened until it reads on ``background``."""
    colour = QColor(accent)
    dark_bg = _luminance(background) < 0.3
    for _ in range(30):
        if contrast(colour, background) >= minimum:
            return colour
        colour = colour.lighter(106) if dark_bg else colour.darker(106)
    return QColor("#ffffff") if dark_bg else QColor("#000000")


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of ``b`` over ``a``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def _on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour``."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast(black, colour) > contrast(white, colour) else white


def token(on: tuple[str, ...] = (), minimum: float = 0.0, drawn: str = "") -> dict[str, Any]:
    """A colour token's metadata: drawn on the tokens ``on``, needing ``minimum`` contrast.

    ``on=()`` marks a background (``drawn`` says what it fills); tokens drawn on
    something must name it, so the contrast test covers every new token.
    """
    return {"on": on, "minimum": minimum, "drawn": drawn}


PAGES = ("window", "surface")
"""Where controls sit: the window and the cards, header, dialogs' fields."""
TILE = ("surface", "selection_background")
"""A tile, unselected and selected/focused."""


_TEXT_ON = (*PAGES, "selection_background", "hover_background", "banner_background",
            "info_background")


@dataclass(frozen=True)
class Theme:
    dark: bool
    high_contrast: bool
    # -- backgrounds ---------------------------------------------------------------
    window: QColor = field(metadata=token(drawn="the window, dialogs, the page behind the tiles"))
    surface: QColor = field(metadata=token(
        drawn="tiles, header, cards, input fields, menus, buttons, tooltips"))
    selection_background: QColor = field(metadata=token(drawn="a selected or focused tile"))
    hover_background: QColor = field(metadata=token(
        drawn="a button or menu entry under the pointer"))
    icon_background: QColor = field(metadata=token(drawn="the square behind a tile's icon"))
    banner_background: QColor = field(metadata=token(
        drawn="a warning banner, the connection chip's warning"))
    info_background: QColor = field(metadata=token(drawn="an information banner"))
    primary_hover: QColor = field(metadata=token(drawn="the primary button under the pointer"))
    # -- text ----------------------------------------------------------------------
    text: QColor = field(metadata=token(
        _TEXT_ON, TEXT, "text, header text, menu text, button text, tooltips"))
    secondary_text: QColor = field(metadata=token(
        _TEXT_ON, TEXT,
        "descriptions, subtitles, section titles, informational menu entries"))
    placeholder_text: QColor = field(metadata=token(
        ("surface",), TEXT, "placeholder text in an input field"))
    disabled_text: QColor = field(metadata=token(
        (*PAGES, "hover_background"), TEXT,
        "text of disabled controls and menu entries (it may still inform)"))
    accent: QColor = field(metadata=token(
        (*PAGES, "selection_background", "hover_background", "info_background"), TEXT,
        "links, the organisation's colour on the page, the 'sign in again' status"))
    on_accent: QColor = field(metadata=token(
        ("accent", "primary_hover"), TEXT,
        "text and glyphs on the accent: primary button, avatar, logo, selected menu entry"))
    error: QColor = field(metadata=token(
        PAGES, TEXT, "error text under a field, an invalid field's border"))
    # -- lines, marks and rings ----------------------------------------------------
    border: QColor = field(metadata=token(
        (*PAGES, "selection_background"), UI,
        "borders that carry meaning: tiles, input fields, buttons, check boxes, menus"))
    hover_border: QColor = field(metadata=token(
        (*PAGES, "selection_background"), UI, "a tile's border under the pointer"))
    divider: QColor = field(metadata=token(
        drawn="decoration only: header rule, card rule, group frames (no meaning)"))
    focus: QColor = field(metadata=token(
        (*PAGES, "selection_background", "hover_background", "banner_background",
         "info_background", "icon_background"),
        UI,
        "focus rings (at least 2 px), the focus frame of a tile; on the accent-filled "
        "primary button the ring is offset by a gap of the page colour"))
    banner_border: QColor = field(metadata=token(
        ("banner_background", *PAGES), UI,
        "a warning banner's border, the warning chip's border"))
    info_border: QColor = field(metadata=token(
        ("info_background", *PAGES), UI, "an information banner's border"))
    warning: QColor = field(metadata=token(
        ("banner_background", *PAGES), UI, "the warning icon on a banner"))
    accent_mark: QColor = field(metadata=token(
        ("icon_background", *TILE), UI,
        "a tile's icon, the favourite star, information icons"))
    status_available: QColor = field(metadata=token(
        TILE, TEXT, "status mark and text: available"))
    status_slow: QColor = field(metadata=token(TILE, TEXT, "status mark and text: slow"))
    status_unreachable: QColor = field(metadata=token(
        TILE, TEXT, "status mark and text: unreachable"))
    status_tls: QColor = field(metadata=token(
        TILE, TEXT, "status mark, text and tile border: certificate problem"))
    status_neutral: QColor = field(metadata=token(
        TILE, TEXT, "status mark and text: needs VPN, offline, not checked"))
    count_badge: QColor = field(metadata=token(
        TILE, UI, "the disc of a tile's count (unread mail)"))
    on_count_badge: QColor = field(metadata=token(
        ("count_badge",), TEXT, "the number on a tile's count disc"))

    @property
    def border_width(self) -> int:
        return 2 if self.high_contrast else 1

    @property
    def focus_width(self) -> int:
        """The width of focus rings and the tile's focus frame, in pixels (at least 2)."""
        return 3 if self.high_contrast else 2


def colour_tokens() -> list[str]:
    """The names of every colour token of :class:`Theme`."""
    return [f.name for f in fields(Theme) if f.name not in ("dark", "high_contrast")]


def drawn_pairs(theme: Theme) -> list[tuple[str, str, float]]:
    """Every (foreground token, background token, minimum contrast) the theme draws."""
    pairs = []
    for f in fields(Theme):
        for background in f.metadata.get("on", ()):
            pairs.append((f.name, background, float(f.metadata["minimum"])))
    return pairs


def _tint(surface: QColor, accent: QColor, amount: float) -> QColor:
    """``amount`` of the accent over ``surface``, kept close enough to ``surface`` that
    text, marks and borders drawn for ``surface`` still read on it (bright accents)."""
    dark = _luminance(surface) < 0.3
    colour = _mix(surface, accent, amount)
    for _ in range(20):
        lum = _luminance(colour)
        if (dark and lum <= 0.04) or (not dark and lum >= 0.84):
            break
        amount *= 0.8
        colour = _mix(surface, accent, amount)
    return colour


def _accent_for(brand: QColor, surface: QColor, hover: QColor, tint: float) -> QColor:
    """The brand colour, adjusted until it reads as text on ``surface``, on ``hover`` and
    on its own tint of ``surface`` (a selected tile shows 'sign in again' in it)."""
    accent = _readable(brand, surface, TEXT)
    dark_bg = _luminance(surface) < 0.3
    for _ in range(40):
        backgrounds = (surface, hover, _tint(surface, accent, tint))
        if all(contrast(accent, background) >= TEXT for background in backgrounds):
            return accent
        accent = accent.lighter(106) if dark_bg else accent.darker(106)
    return QColor("#ffffff") if dark_bg else QColor("#000000")


def make_theme(accent_hex: str, *, dark: bool, high_contrast: bool) -> Theme:
    brand = QColor(accent_hex)
    if high_contrast:
        return _high_contrast(brand, dark)
    if dark:
        window = QColor("#181b20")
        surface = QColor("#23272e")
        hover = _mix(surface, QColor("#e9ecf0"), 0.08)
        accent = _accent_for(brand, surface, hover, 0.14)
        border = QColor("#808a96")
        return Theme(
            dark=True,
            high_contrast=False,
            window=window,
            surface=surface,
            selection_background=_tint(surface, accent, 0.14),
            hover_background=hover,
            icon_background=_tint(surface, accent, 0.16),
            banner_background=QColor("#3a2f12"),
            info_background=_tint(surface, accent, 0.10),
            primary_hover=_mix(accent, QColor("#ffffff"), 0.15),
            text=QColor("#e9ecf0"),
            secondary_text=QColor("#a4adb8"),
            placeholder_text=QColor("#a4adb8"),
            disabled_text=QColor("#9aa3ae"),
            accent=accent,
            on_accent=_on(accent),
            error=QColor("#f5857e"),
            border=border,
            hover_border=_mix(border, accent, 0.6),
            divider=QColor("#343a43"),
            focus=accent,
            banner_border=QColor("#b08f30"),
            info_border=_mix(border, accent, 0.45),
            warning=QColor("#f0c24b"),
            accent_mark=accent,
            status_available=QColor("#3fb96b"),
            status_slow=QColor("#e0a526"),
            status_unreachable=QColor("#f5857e"),
            status_tls=QColor("#f5857e"),
            status_neutral=QColor("#a4adb8"),
        count_badge=accent,
        on_count_badge=_on(accent),
        )
    window = QColor("#f3f5f8")
    surface = QColor("#ffffff")
    hover = _mix(surface, QColor("#1b1f24"), 0.07)
    accent = _accent_for(brand, surface, hover, 0.07)
    border = QColor("#808995")
    return Theme(
        dark=False,
        high_contrast=False,
        window=window,
        surface=surface,
        selection_background=_tint(surface, accent, 0.07),
        hover_background=hover,
        icon_background=_tint(surface, accent, 0.10),
        banner_background=QColor("#fff6db"),
        info_background=_tint(surface, accent, 0.07),
        primary_hover=_mix(accent, QColor("#1b1f24"), 0.15),
        text=QColor("#1b1f24"),
        secondary_text=QColor("#5a6472"),
        placeholder_text=QColor("#5a6472"),
        disabled_text=QColor("#646c77"),
        accent=accent,
        on_accent=_on(accent),
        error=QColor("#b3261e"),
        border=border,
        hover_border=_mix(border, accent, 0.55),
        divider=QColor("#dde2e8"),
        focus=accent,
        banner_border=QColor("#9a6200"),
        info_border=_mix(border, accent, 0.45),
        warning=QColor("#8f5b00"),
        accent_mark=accent,
        status_available=QColor("#18783f"),
        status_slow=QColor("#8f5b00"),
        status_unreachable=QColor("#c23a2f"),
        status_tls=QColor("#b3261e"),
        status_neutral=QColor("#5a6472"),
        count_badge=accent,
        on_count_badge=_on(accent),
    )


def _high_contrast(brand: QColor, dark: bool) -> Theme:
    """Black on white or white on black; status by shape and words, not by colour."""
    window = QColor("#000000") if dark else QColor("#ffffff")
    text = QColor("#ffffff") if dark else QColor("#000000")
    quiet = QColor("#c8c8c8") if dark else QColor("#3d3d3d")  # 12:1 either way
    focus = QColor("#ffd400") if dark else QColor("#0000c8")
    accent = _readable(brand, window, 7.0)
    selection = _mix(window, focus, 0.18)
    return Theme(
        dark=dark,
        high_contrast=True,
        window=window,
        surface=window,
        selection_background=selection,
        hover_background=selection,
        icon_background=window,
        banner_background=window,
        info_background=window,
        primary_hover=_mix(accent, text, 0.25),
        text=text,
        secondary_text=text,
        placeholder_text=quiet,
        disabled_text=quiet,
        accent=accent,
        on_accent=_on(accent),
        error=QColor("#ff9a93") if dark else QColor("#a4000f"),
        border=text,
        hover_border=focus,
        divider=text,
        focus=focus,
        banner_border=text,
        info_border=text,
        warning=text,
        accent_mark=accent,
        status_available=text,
        status_slow=text,
        status_unreachable=text,
        status_tls=text,
        status_neutral=text,
        count_badge=accent,
        on_count_badge=_on(accent),
    )


# -- the platform's preferences ---------------------------------------------------


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def system_high_contrast() -> bool:
    """True when the platform asks for high contrast (Qt 6.10+ accessibility hints)."""
    hints = QGuiApplication.styleHints()
    preference = hints.accessibility().contrastPreference()
    return bool(preference == Qt.ContrastPreference.HighContrast)


def resolve(theme_pref: str, high_contrast: bool, accent_hex: str) -> Theme:
    """The theme for a ``Preferences.theme`` value (``system`` asks the platform)."""
    dark = system_is_dark() if theme_pref == "system" else theme_pref == "dark"
    return make_theme(accent_hex, dark=dark, high_contrast=high_contrast)


# -- Qt: the palette ----------------------------------------------------------------


def palette_for(theme: Theme) -> QPalette:
    pal = QPalette()
    group_all = QPalette.ColorGroup.All
    role = QPalette.ColorRole
    button = theme.surface
    values = {
        role.Window: theme.window,
        role.WindowText: theme.text,
        role.Base: theme.surface,
        role.AlternateBase: theme.hover_background,
        role.Text: theme.text,
        role.PlaceholderText: theme.placeholder_text,
        role.Button: button,
        role.ButtonText: theme.text,
        role.BrightText: theme.on_accent,
        role.Highlight: theme.accent,
        role.HighlightedText: theme.on_accent,
        role.Link: theme.accent,
        role.LinkVisited: theme.accent,
        role.ToolTipBase: theme.surface,
        role.ToolTipText: theme.text,
        role.Light: _mix(button, QColor("#ffffff"), 0.5),
        role.Midlight: _mix(button, theme.border, 0.5),
        role.Mid: theme.border,
        role.Dark: theme.border,
        role.Shadow: QColor("#000000"),
        role.Accent: theme.accent,
    }
    for key, colour in values.items():
        pal.setColor(group_all, key, colour)
    for key in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, key, theme.disabled_text)
    return pal


def base_point_size(app: QApplication) -> float:
    """The application font's size in points (the platform's choice, e.g. 'large text')."""
    font = app.font()
    size = font.pointSizeF()
    if size <= 0:  # a pixel-sized platform font
        dpi = app.primaryScreen().logicalDotsPerInch() if app.primaryScreen() else 96.0
        size = font.pixelSize() * 72.0 / dpi
    return size if size > 0 else REFERENCE_PT
