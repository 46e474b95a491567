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
a larger system font makes every text larger, titles included.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, cast

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QTabBar,
    QWidget,
)

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


# -- Qt: palette, style and style sheet --------------------------------------------


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


def _pt(base_pt: float, reference: float) -> str:
    """``reference`` points of the 9-pt design, scaled to the application font."""
    return f"{base_pt * reference / REFERENCE_PT:.1f}pt"


def stylesheet_for(theme: Theme, base_pt: float = REFERENCE_PT) -> str:
    """The launcher's look for every widget: rounded fields and buttons, menus, rings.

    ``base_pt`` is the application font's point size (the platform's): titles and
    buttons scale with it. Every colour is a token of ``theme``.
    """
    bw = theme.border_width
    fw = theme.focus_width
    t = {name: getattr(theme, name).name() for name in colour_tokens()}

    def pt(reference: float) -> str:
        return _pt(base_pt, reference)

    def pad(vertical: int, horizontal: int) -> str:
        """Padding that keeps the text in place when the border grows to the focus ring."""
        grow = fw - bw
        return f"{max(0, vertical - grow)}px {max(0, horizontal - grow)}px"
    return f"""
QDialog {{ background: {t['window']}; }}
QToolTip {{
    color: {t['text']}; background: {t['surface']};
    border: 1px solid {t['border']}; padding: 4px 6px;
}}

QLineEdit {{
    background: {t['surface']};
    color: {t['text']};
    border: {bw}px solid {t['border']};
    border-radius: 6px;
    padding: 5px 8px;
    placeholder-text-color: {t['placeholder_text']};
    selection-background-color: {t['accent']};
    selection-color: {t['on_accent']};
}}
QLineEdit:focus {{ border: {fw}px solid {t['focus']}; padding: {pad(5, 8)}; }}
QLineEdit:disabled {{ color: {t['disabled_text']}; background: {t['window']}; }}
QAbstractSpinBox QLineEdit, QAbstractSpinBox QLineEdit:focus {{
    border: none; padding: 0; background: transparent;
}}
QComboBox QAbstractItemView {{
    background: {t['surface']}; color: {t['text']};
    border: 1px solid {t['border']};
    selection-background-color: {t['accent']}; selection-color: {t['on_accent']};
    outline: none;
}}
QLineEdit#search {{ border-radius: 8px; padding: 7px 10px; }}
QLineEdit#search:focus {{ padding: {pad(7, 10)}; }}
QLineEdit[invalid="true"], QLineEdit[invalid="true"]:focus {{
    border: {fw}px solid {t['error']}; padding: {pad(5, 8)};
}}

QPushButton {{
    background: {t['surface']};
    color: {t['text']};
    border: {bw}px solid {t['border']};
    border-radius: 8px;
    padding: 6px 14px;
}}
QPushButton:hover {{ background: {t['hover_background']}; }}
QPushButton:focus {{ border: {fw}px solid {t['focus']}; padding: {pad(6, 14)}; }}
QPushButton:disabled {{ color: {t['disabled_text']}; }}

QCheckBox {{ spacing: 8px; padding: 3px 4px; }}
QCheckBox::indicator {{ width: 16px; height: 16px; }}

QTabBar::tab {{
    background: transparent; color: {t['secondary_text']};
    border: none; border-bottom: 3px solid transparent;
    padding: 7px 14px; margin-right: 2px;
}}
QTabBar::tab:selected {{ color: {t['text']}; border-bottom: 3px solid {t['accent']}; }}
QTabBar::tab:hover {{ background: {t['hover_background']}; }}
QTabWidget::pane {{
    background: {t['surface']}; border: 1px solid {t['divider']}; border-radius: 8px;
    top: -1px;
}}
QGroupBox {{
    border: 1px solid {t['divider']}; border-radius: 8px;
    margin-top: 1.4em; padding: 10px 10px 6px 10px;
}}
QGroupBox::title {{
    subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {t['text']};
    font-weight: 600;
}}

QMenu {{
    background: {t['surface']}; color: {t['text']};
    border: 1px solid {t['border']}; border-radius: 6px; padding: 4px;
}}
QMenu::item {{ padding: 6px 22px 6px 12px; border-radius: 4px; background: transparent; }}
QMenu::item:selected {{ background: {t['accent']}; color: {t['on_accent']}; }}
QMenu::item:disabled {{ color: {t['disabled_text']}; background: transparent; }}
QMenu::separator {{ height: 1px; background: {t['divider']}; margin: 4px 8px; }}
QMenu QLabel#menuInfo {{ color: {t['secondary_text']}; padding: 3px 12px; }}
QMenu QLabel#menuTitle {{ color: {t['text']}; font-weight: 600; padding: 6px 12px 1px 12px; }}

QToolButton[flat="true"] {{
    border: {bw if theme.high_contrast else 0}px solid {t['border']};
    border-radius: 8px;
    padding: 6px;
    background: transparent;
    color: {t['text']};
}}
QToolButton[flat="true"]:hover {{ background: {t['hover_background']}; }}
QToolButton[flat="true"]:focus {{
    border: {fw}px solid {t['focus']}; padding: {max(0, 6 - fw)}px;
}}
QToolButton[flat="true"]::menu-indicator {{ image: none; width: 0; }}
QFrame#header {{ background: {t['surface']}; border-bottom: {bw}px solid {t['divider']}; }}
QFrame#banner {{
    background: {t['banner_background']};
    border: {bw}px solid {t['banner_border']};
    border-radius: 8px;
}}
QFrame#banner QLabel {{ color: {t['text']}; background: transparent; }}
QFrame#banner[tone="info"] {{
    background: {t['info_background']};
    border: {bw}px solid {t['info_border']};
}}
QListView#tiles {{ background: {t['window']}; border: none; }}
QListView#tiles:focus {{ outline: none; }}
QLabel#emptyTitle {{ font-size: {pt(15)}; font-weight: 600; }}
QLabel#orgName {{ font-size: {pt(14)}; font-weight: 600; }}
QLabel#orgSub {{ color: {t['secondary_text']}; }}
QWidget#signinBackdrop {{ background: {t['window']}; }}
QFrame#signinCard {{
    background: {t['surface']};
    border: {bw}px solid {t['divider']};
    border-radius: 14px;
}}
QFrame#signinCard QLabel {{ background: transparent; }}
QFrame#signinRule {{ background: {t['divider']}; border: none; }}
QLabel#signinTitle {{ font-size: {pt(17)}; font-weight: 600; color: {t['text']}; }}
QLabel#signinText {{ font-size: {pt(11)}; color: {t['text']}; }}
QLabel#signinSmall {{ color: {t['secondary_text']}; }}
QLabel#deviceUrl {{ font-size: {pt(12)}; font-weight: 600; color: {t['accent']}; }}
QLabel#userCode {{
    font-family: "DejaVu Sans Mono", "Consolas", "Menlo", monospace;
    font-size: {pt(22)};
    font-weight: 600;
    color: {t['text']};
    background: {t['window']};
    border: {bw}px solid {t['border']};
    border-radius: 8px;
    padding: 6px 14px;
}}
QLabel#userCode:focus {{ border: {fw}px solid {t['focus']}; padding: {pad(6, 14)}; }}
QLabel#qr {{ background: #ffffff; border: {bw}px solid {t['border']}; border-radius: 8px; }}
QPushButton#primary {{
    background: {t['accent']};
    color: {t['on_accent']};
    border: {fw}px solid transparent;
    border-radius: 10px;
    padding: 2px;
    background-clip: content;
    min-height: 2.3em;
    font-size: {pt(11)};
    font-weight: 600;
}}
QPushButton#primary:hover {{ background: {t['primary_hover']}; }}
QPushButton#primary:focus {{ border: {fw}px solid {t['focus']}; padding: 2px; }}
QPushButton#secondary {{
    background: {t['surface']};
    color: {t['text']};
    border: {bw}px solid {t['border']};
    border-radius: 8px;
    padding: 9px 16px;
    font-size: {pt(10.5)};
}}
QPushButton#secondary:hover {{ background: {t['hover_background']}; }}
QPushButton#secondary:focus {{ border: {fw}px solid {t['focus']}; padding: {pad(9, 16)}; }}
QPushButton#secondary:disabled {{ color: {t['disabled_text']}; }}
QPushButton#link {{
    background: transparent;
    color: {t['accent']};
    border: {fw}px solid transparent;
    border-radius: 6px;
    padding: 4px 6px;
    text-decoration: underline;
}}
QPushButton#link:hover {{ background: {t['hover_background']}; }}
QPushButton#link:focus {{ border: {fw}px solid {t['focus']}; }}
QToolButton#chip {{
    border: {bw}px solid {t['border']};
    border-radius: 14px;
    padding: 4px 11px 4px 8px;
    background: {t['surface']};
    color: {t['text']};
}}
QToolButton#chip:hover {{ background: {t['hover_background']}; }}
QToolButton#chip:focus {{
    border: {fw}px solid {t['focus']};
    padding: {max(0, 4 - (fw - bw))}px {max(0, 11 - (fw - bw))}px
             {max(0, 4 - (fw - bw))}px {max(0, 8 - (fw - bw))}px;
}}
QToolButton#chip[tone="warn"] {{
    border-color: {t['banner_border']};
    background: {t['banner_background']};
}}
QLabel#fieldError {{ color: {t['error']}; }}
QLabel[focusable="true"] {{
    border: {fw}px solid transparent; border-radius: 4px; padding: 1px 3px;
}}
QLabel[focusable="true"]:focus {{ border-color: {t['focus']}; }}
QProgressBar#busy {{ background: {t['hover_background']}; border: none; border-radius: 2px; }}
QProgressBar#busy::chunk {{ background: {t['accent']}; border-radius: 2px; }}
"""


STANDARD_ICONS = {
    QStyle.StandardPixmap.SP_DialogCloseButton: "close",
    QStyle.StandardPixmap.SP_DialogCancelButton: "close",
    QStyle.StandardPixmap.SP_DialogNoButton: "close",
    QStyle.StandardPixmap.SP_DialogDiscardButton: "close",
    QStyle.StandardPixmap.SP_LineEditClearButton: "close",
    QStyle.StandardPixmap.SP_TitleBarCloseButton: "close",
    QStyle.StandardPixmap.SP_DialogOkButton: "check",
    QStyle.StandardPixmap.SP_DialogYesButton: "check",
    QStyle.StandardPixmap.SP_DialogApplyButton: "check",
    QStyle.StandardPixmap.SP_DialogSaveButton: "check",
}
"""Qt's built-in icons that are drawn dark whatever the theme, and the bundled line
icon drawn instead in the theme's text colour."""


def _widget(widget: QWidget | None) -> QWidget:
    """Qt takes no widget (nullptr) where PySide's type hints say a widget is needed."""
    return cast(QWidget, widget)


_BUTTON_ICONS = {
    QDialogButtonBox.StandardButton.Close: QStyle.StandardPixmap.SP_DialogCloseButton,
    QDialogButtonBox.StandardButton.Cancel: QStyle.StandardPixmap.SP_DialogCancelButton,
    QDialogButtonBox.StandardButton.No: QStyle.StandardPixmap.SP_DialogNoButton,
    QDialogButtonBox.StandardButton.Discard: QStyle.StandardPixmap.SP_DialogDiscardButton,
    QDialogButtonBox.StandardButton.Ok: QStyle.StandardPixmap.SP_DialogOkButton,
    QDialogButtonBox.StandardButton.Yes: QStyle.StandardPixmap.SP_DialogYesButton,
    QDialogButtonBox.StandardButton.Apply: QStyle.StandardPixmap.SP_DialogApplyButton,
    QDialogButtonBox.StandardButton.Save: QStyle.StandardPixmap.SP_DialogSaveButton,
}


def refresh_button_icons(box: QDialogButtonBox) -> None:
    """Give ``box``'s standard buttons the current theme's icons (after a theme change:
    Qt sets them once, when the button is made). Nothing where the platform shows none."""
    style = box.style()
    if not style.styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons, None, box):
        return
    for button in box.buttons():
        pixmap = _BUTTON_ICONS.get(box.standardButton(button))
        if pixmap is not None:
            button.setIcon(style.standardIcon(pixmap, None, button))


class ThemedStyle(QProxyStyle):
    """Fusion with the theme's icons, check boxes and focus rings.

    The style sheet covers most widgets; this covers what Fusion draws itself:
    standard icons (the "Close" button's ✕ was dark on dark), the check box
    (its border must stand out 3:1) and the focus rectangle of check boxes and tabs
    (a 2 px ring in the focus colour instead of Fusion's faint one).
    """

    def __init__(self, theme: Theme) -> None:
        super().__init__("Fusion")
        self.theme = theme

    def standardIcon(
        self, standardIcon: QStyle.StandardPixmap, option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        name = STANDARD_ICONS.get(standardIcon)
        if name is None:
            return super().standardIcon(standardIcon, option, widget)
        from workplace.ui import icons

        return icons.icon(name, self.theme.text, 16)

    def drawPrimitive(
        self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            rect = option.rect
            if isinstance(widget, QTabBar):  # Qt gives the text's rectangle: ring the tab
                index = widget.tabAt(rect.center())
                if index >= 0:
                    rect = widget.tabRect(index).adjusted(1, 1, -1, -4)
            self._focus_ring(rect, painter)
            return
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            self._check_box(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)

    def sizeFromContents(
        self, type: QStyle.ContentsType, option: QStyleOption, size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        result = super().sizeFromContents(type, option, size, _widget(widget))
        if type in (QStyle.ContentsType.CT_ComboBox, QStyle.ContentsType.CT_SpinBox):
            result.setHeight(result.height() + 8)  # as tall as a line edit of the theme
        return result

    def drawComplexControl(
        self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        cc = QStyle.ComplexControl
        if control not in (cc.CC_ComboBox, cc.CC_SpinBox):
            super().drawComplexControl(control, option, painter, widget)
            return
        theme = self.theme
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        width = theme.focus_width if focused else theme.border_width
        frame = QRectF(option.rect).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(frame, 6, 6)
        painter.fillPath(path, theme.surface if enabled else theme.window)
        painter.setPen(QPen(theme.focus if focused else theme.border, width))
        painter.drawPath(path)
        colour = theme.text if enabled else theme.disabled_text
        if control == cc.CC_ComboBox:
            arrow = self.subControlRect(
                control, option, QStyle.SubControl.SC_ComboBoxArrow, _widget(widget))
            self._chevron(painter, QRectF(arrow), colour, down=True)
        else:
            for sub, down in ((QStyle.SubControl.SC_SpinBoxUp, False),
                              (QStyle.SubControl.SC_SpinBoxDown, True)):
                rect = self.subControlRect(control, option, sub, _widget(widget))
                self._chevron(painter, QRectF(rect), colour, down=down)
        painter.restore()

    @staticmethod
    def _chevron(painter: QPainter, rect: QRectF, colour: QColor, *, down: bool) -> None:
        size = min(8.0, rect.width() * 0.5, rect.height() * 0.7)
        if size <= 1:
            return
        centre = rect.center()
        half, rise = size / 2, size / 4 if down else -size / 4
        pen = QPen(colour, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        mark = QPainterPath()
        mark.moveTo(centre.x() - half, centre.y() - rise)
        mark.lineTo(centre.x(), centre.y() + rise)
        mark.lineTo(centre.x() + half, centre.y() - rise)
        painter.drawPath(mark)

    def _focus_ring(self, rect: QRect, painter: QPainter) -> None:
        width = self.theme.focus_width
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.theme.focus, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = width / 2
        painter.drawRoundedRect(QRectF(rect).adjusted(inset, inset, -inset, -inset), 4, 4)
        painter.restore()

    def _check_box(self, option: QStyleOption, painter: QPainter) -> None:
        theme = self.theme
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        checked = bool(state & (QStyle.StateFlag.State_On | QStyle.StateFlag.State_NoChange))
        box = QRectF(option.rect).adjusted(1, 1, -1, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(box, 3, 3)
        edge = theme.border if enabled else theme.disabled_text
        if checked:
            fill = theme.accent if enabled else theme.disabled_text
            painter.fillPath(path, fill)
            painter.setPen(QPen(fill, 1.5))
            painter.drawPath(path)
            pen = QPen(theme.on_accent if enabled else theme.surface, 2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            w, h, x, y = box.width(), box.height(), box.left(), box.top()
            if state & QStyle.StateFlag.State_NoChange:
                painter.drawLine(QRectF(x + w * 0.25, y + h / 2, w * 0.5, 0).topLeft(),
                                 QRectF(x + w * 0.25, y + h / 2, w * 0.5, 0).topRight())
            else:
                mark = QPainterPath()
                mark.moveTo(x + w * 0.22, y + h * 0.52)
                mark.lineTo(x + w * 0.42, y + h * 0.72)
                mark.lineTo(x + w * 0.78, y + h * 0.30)
                painter.drawPath(mark)
        else:
            painter.fillPath(path, theme.surface)
            painter.setPen(QPen(edge, max(1.5, theme.border_width)))
            painter.drawPath(path)
        painter.restore()


def apply(app: QApplication, theme: Theme) -> None:
    """The theme's style, palette and style sheet, for the whole application.

    Font sizes follow the application font as the platform set it.
    """
    style = app.findChild(ThemedStyle)  # QApplication owns (parents) its style
    if isinstance(style, ThemedStyle):
        style.theme = theme
    else:
        app.setStyle(ThemedStyle(theme))
    app.setPalette(palette_for(theme))
    app.setStyleSheet(stylesheet_for(theme, base_point_size(app)))


def base_point_size(app: QApplication) -> float:
    """The application font's size in points (the platform's choice, e.g. 'large text')."""
    font = app.font()
    size = font.pointSizeF()
    if size <= 0:  # a pixel-sized platform font
        dpi = app.primaryScreen().logicalDotsPerInch() if app.primaryScreen() else 96.0
        size = font.pixelSize() * 72.0 / dpi
    return size if size > 0 else REFERENCE_PT
