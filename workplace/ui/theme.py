# SPDX-License-Identifier: EUPL-1.2
"""Colours: light and dark follow the system, plus high contrast; Fusion + palette.

One :class:`Theme` value describes everything the painting code needs, so the
tile delegate and the widgets never invent colours of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


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


def _readable(accent: QColor, background: QColor, minimum: float = 4.5) -> QColor:
    """The accent, lightened or darkened until it reads on ``background``."""
    colour = QColor(accent)
    dark_bg = _luminance(background) < 0.3
    for _ in range(30):
        if contrast(colour, background) >= minimum:
            return colour
        colour = colour.lighter(112) if dark_bg else colour.darker(112)
    return QColor("#ffffff") if dark_bg else QColor("#000000")


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of ``b`` over ``a``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


@dataclass(frozen=True)
class Theme:
    dark: bool
    high_contrast: bool
    accent: QColor
    """The organisation's accent colour, readable on the tile background."""
    window: QColor
    surface: QColor
    text: QColor
    secondary_text: QColor
    border: QColor
    hover_border: QColor
    icon_background: QColor
    selection_background: QColor
    focus: QColor
    banner_background: QColor
    banner_border: QColor
    on_accent: QColor

    @property
    def border_width(self) -> int:
        return 2 if self.high_contrast else 1


def make_theme(accent_hex: str, *, dark: bool, high_contrast: bool) -> Theme:
    brand = QColor(accent_hex)
    if high_contrast:
        window = QColor("#000000") if dark else QColor("#ffffff")
        text = QColor("#ffffff") if dark else QColor("#000000")
        focus = QColor("#ffd400") if dark else QColor("#0000c8")
        return Theme(
            dark=dark,
            high_contrast=True,
            accent=_readable(brand, window, 7.0),
            window=window,
            surface=window,
            text=text,
            secondary_text=text,
            border=text,
            hover_border=focus,
            icon_background=window,
            selection_background=_mix(window, focus, 0.18),
            focus=focus,
            banner_background=window,
            banner_border=text,
            on_accent=QColor("#000000") if dark else QColor("#ffffff"),
        )
    if dark:
        window = QColor("#181b20")
        surface = QColor("#23272e")
        text = QColor("#e9ecf0")
        accent = _readable(brand, surface, 4.5)
        return Theme(
            dark=True,
            high_contrast=False,
            accent=accent,
            window=window,
            surface=surface,
            text=text,
            secondary_text=QColor("#a4adb8"),
            border=QColor("#343a43"),
            hover_border=_mix(QColor("#343a43"), accent, 0.6),
            icon_background=_mix(surface, accent, 0.16),
            selection_background=_mix(surface, accent, 0.14),
            focus=accent,
            banner_background=QColor("#3a2f12"),
            banner_border=QColor("#8a6d1f"),
            on_accent=QColor("#000000") if _luminance(accent) > 0.4 else QColor("#ffffff"),
        )
    window = QColor("#f3f5f8")
    surface = QColor("#ffffff")
    accent = _readable(brand, surface, 4.5)
    return Theme(
        dark=False,
        high_contrast=False,
        accent=accent,
        window=window,
        surface=surface,
        text=QColor("#1b1f24"),
        secondary_text=QColor("#5a6472"),
        border=QColor("#dde2e8"),
        hover_border=_mix(QColor("#dde2e8"), accent, 0.55),
        icon_background=_mix(surface, accent, 0.10),
        selection_background=_mix(surface, accent, 0.07),
        focus=accent,
        banner_background=QColor("#fff6db"),
        banner_border=QColor("#e6c35c"),
        on_accent=QColor("#ffffff") if _luminance(accent) < 0.4 else QColor("#000000"),
    )


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def resolve(theme_pref: str, high_contrast: bool, accent_hex: str) -> Theme:
    """The theme for a ``Preferences.theme`` value (``system`` asks the platform)."""
    dark = system_is_dark() if theme_pref == "system" else theme_pref == "dark"
    return make_theme(accent_hex, dark=dark, high_contrast=high_contrast)


def palette_for(theme: Theme) -> QPalette:
    pal = QPalette()
    group_all = QPalette.ColorGroup.All
    role = QPalette.ColorRole
    button = theme.surface
    values = {
        role.Window: theme.window,
        role.WindowText: theme.text,
        role.Base: theme.surface,
        role.AlternateBase: _mix(theme.surface, theme.text, 0.04),
        role.Text: theme.text,
        role.PlaceholderText: theme.secondary_text,
        role.Button: button,
        role.ButtonText: theme.text,
        role.BrightText: QColor("#ffffff"),
        role.Highlight: theme.accent if not theme.high_contrast else theme.focus,
        role.HighlightedText: theme.on_accent
        if not theme.high_contrast
        else (QColor("#000000") if theme.dark else QColor("#ffffff")),
        role.Link: theme.accent,
        role.LinkVisited: theme.accent,
        role.ToolTipBase: theme.surface,
        role.ToolTipText: theme.text,
        role.Light: _mix(button, QColor("#ffffff"), 0.5),
        role.Midlight: _mix(button, theme.border, 0.5),
        role.Mid: theme.border,
        role.Dark: _mix(theme.border, theme.text, 0.3),
        role.Shadow: QColor("#000000"),
        role.Accent: theme.accent,
    }
    for key, colour in values.items():
        pal.setColor(group_all, key, colour)
    disabled = _mix(theme.surface, theme.text, 0.45)
    for key in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, key, disabled)
    return pal


def stylesheet_for(theme: Theme) -> str:
    """A restrained style sheet: rounded inputs and flat tool buttons, nothing more."""
    bw = theme.border_width
    text = theme.text.name()
    border = theme.border.name()
    focus = theme.focus.name()
    surface = theme.surface.name()
    hover = _mix(theme.surface, theme.text, 0.07).name()
    info_bg = _mix(theme.surface, theme.accent, 0.07).name()
    info_border = _mix(theme.border, theme.accent, 0.45).name()
    primary_hover = _mix(theme.accent, theme.text, 0.15).name()
    return f"""
QLineEdit#search {{
    background: {surface};
    border: {bw}px solid {border};
    border-radius: 8px;
    padding: 7px 10px;
    color: {text};
    selection-background-color: {theme.accent.name()};
}}
QLineEdit#search:focus {{ border: 2px solid {focus}; padding: {7 - (2 - bw)}px {10 - (2 - bw)}px; }}
QToolButton[flat="true"] {{
    border: {bw if theme.high_contrast else 0}px solid {border};
    border-radius: 8px;
    padding: 6px;
    background: transparent;
}}
QToolButton[flat="true"]:hover {{ background: {hover}; }}
QToolButton[flat="true"]:focus {{ border: 2px solid {focus}; padding: 4px; }}
QToolButton[flat="true"]::menu-indicator {{ image: none; width: 0; }}
QFrame#header {{ background: {surface}; border-bottom: {bw}px solid {border}; }}
QFrame#banner {{
    background: {theme.banner_background.name()};
    border: {bw}px solid {theme.banner_border.name()};
    border-radius: 8px;
}}
QFrame#banner QLabel {{ color: {text}; background: transparent; }}
QListView#tiles {{ background: {theme.window.name()}; border: none; }}
QListView#tiles:focus {{ outline: none; }}
QLabel#emptyTitle {{ font-size: 15pt; font-weight: 600; }}
QLabel#orgName {{ font-size: 14pt; font-weight: 600; }}
QLabel#orgSub {{ color: {theme.secondary_text.name()}; }}
QFrame#banner[tone="info"] {{
    background: {info_bg};
    border: {bw}px solid {info_border};
}}
QWidget#signinBackdrop {{ background: {theme.window.name()}; }}
QFrame#signinCard {{
    background: {surface};
    border: {bw}px solid {border};
    border-radius: 14px;
}}
QFrame#signinCard QLabel {{ background: transparent; }}
QFrame#signinRule {{ background: {border}; border: none; }}
QLabel#signinTitle {{ font-size: 17pt; font-weight: 600; color: {text}; }}
QLabel#signinText {{ font-size: 11pt; color: {text}; }}
QLabel#signinSmall {{ color: {theme.secondary_text.name()}; }}
QLabel#deviceUrl {{ font-size: 12pt; font-weight: 600; color: {theme.accent.name()}; }}
QLabel#userCode {{
    font-family: "DejaVu Sans Mono", "Consolas", "Menlo", monospace;
    font-size: 22pt;
    font-weight: 600;
    color: {text};
    background: {theme.window.name()};
    border: {bw}px solid {border};
    border-radius: 8px;
    padding: 6px 14px;
}}
QLabel#userCode:focus {{ border: 2px solid {focus}; }}
QLabel#qr {{ background: #ffffff; border: {bw}px solid {border}; border-radius: 8px; }}
QPushButton#primary {{
    background: {theme.accent.name()};
    color: {theme.on_accent.name()};
    border: {bw if theme.high_contrast else 0}px solid {text};
    border-radius: 8px;
    padding: 11px 18px;
    font-size: 11pt;
    font-weight: 600;
}}
QPushButton#primary:hover {{ background: {primary_hover}; }}
QPushButton#primary:focus {{ border: 2px solid {focus}; padding: 9px 16px; }}
QPushButton#secondary {{
    background: {surface};
    color: {text};
    border: {bw}px solid {border};
    border-radius: 8px;
    padding: 9px 16px;
    font-size: 10.5pt;
}}
QPushButton#secondary:hover {{ background: {hover}; }}
QPushButton#secondary:focus {{
    border: 2px solid {focus};
    padding: {9 - (2 - bw)}px {16 - (2 - bw)}px;
}}
QPushButton#secondary:disabled {{ color: {theme.secondary_text.name()}; }}
QPushButton#link {{
    background: transparent;
    color: {theme.accent.name()};
    border: 2px solid transparent;
    border-radius: 6px;
    padding: 4px 6px;
    text-decoration: underline;
}}
QPushButton#link:focus {{ border: 2px solid {focus}; }}
QToolButton#chip {{
    border: {bw}px solid {border};
    border-radius: 14px;
    padding: 4px 11px 4px 8px;
    background: {surface};
    color: {text};
}}
QToolButton#chip:hover {{ background: {hover}; }}
QToolButton#chip:focus {{
    border: 2px solid {focus};
    padding: {4 - (2 - bw)}px {11 - (2 - bw)}px {4 - (2 - bw)}px {8 - (2 - bw)}px;
}}
QToolButton#chip[tone="warn"] {{
    border-color: {theme.banner_border.name()};
    background: {theme.banner_background.name()};
}}
QLabel#fieldError {{ color: {"#f0726a" if theme.dark else "#b3261e"}; }}
QLineEdit[invalid="true"] {{ border: 2px solid {"#f0726a" if theme.dark else "#b3261e"}; }}
QProgressBar#busy {{ background: {hover}; border: none; border-radius: 2px; }}
QProgressBar#busy::chunk {{ background: {theme.accent.name()}; border-radius: 2px; }}
"""


def apply(app: QApplication, theme: Theme) -> None:
    """Fusion style, the theme's palette and style sheet, for the whole application."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette_for(theme))
    app.setStyleSheet(stylesheet_for(theme))
