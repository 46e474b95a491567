# SPDX-License-Identifier: EUPL-1.2
"""The launcher's style sheet, made from a :class:`~workplace.ui.theme.Theme`.

Every colour in it is a theme token (``tests/unit/test_contrast.py`` checks), and
every font size is relative to the application font, which the platform sets.
"""

from __future__ import annotations

from workplace.ui.theme import REFERENCE_PT, Theme, colour_tokens


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
    flat = bw if theme.high_contrast else 0  # flat tool buttons: a border in high contrast
    t = {name: getattr(theme, name).name() for name in colour_tokens()}

    def pt(reference: float) -> str:
        return _pt(base_pt, reference)

    def pad(vertical: int, horizontal: int, border: int) -> str:
        """The padding beside a ``border``-px border that keeps a control the size it has
        with a 1-px border: the text stays in place when the focus ring (or high
        contrast) makes the border wider, and no window changes its size."""
        grow = border - 1
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
    padding: {pad(5, 8, bw)};
    placeholder-text-color: {t['placeholder_text']};
    selection-background-color: {t['accent']};
    selection-color: {t['on_accent']};
}}
QLineEdit:focus {{ border: {fw}px solid {t['focus']}; padding: {pad(5, 8, fw)}; }}
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
QLineEdit#search {{ border-radius: 8px; padding: {pad(7, 10, bw)}; }}
QLineEdit#search:focus {{ border: {fw}px solid {t['focus']}; padding: {pad(7, 10, fw)}; }}
QLineEdit[invalid="true"] {{ border: {fw}px solid {t['error']}; padding: {pad(5, 8, fw)}; }}
QLineEdit[invalid="true"]:focus {{ border: {fw}px solid {t['focus']}; }}

QPushButton {{
    background: {t['surface']};
    color: {t['text']};
    border: {bw}px solid {t['border']};
    border-radius: 8px;
    padding: {pad(6, 14, bw)};
}}
QPushButton:hover {{ background: {t['hover_background']}; }}
QPushButton:focus {{ border: {fw}px solid {t['focus']}; padding: {pad(6, 14, fw)}; }}
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
QMenu QLabel#accountMenuInfo {{ color: {t['text']}; background: transparent; }}
QLabel#accountPending {{ color: {t['secondary_text']}; }}

QToolButton[flat="true"] {{
    border: {flat}px solid {t['border']};
    border-radius: 8px;
    padding: {6 - flat}px;
    background: transparent;
    color: {t['text']};
}}
QToolButton[flat="true"]:hover {{ background: {t['hover_background']}; }}
QToolButton[flat="true"]:focus {{
    border: {fw}px solid {t['focus']}; padding: {6 - fw}px;
}}
QToolButton[flat="true"]::menu-indicator {{ image: none; width: 0; }}
QFrame#header {{ background: {t['surface']}; border-bottom: {bw}px solid {t['divider']}; }}
QFrame[banner="true"] {{
    background: {t['banner_background']};
    border: {bw}px solid {t['banner_border']};
    border-radius: 8px;
}}
QFrame[banner="true"] QLabel {{ color: {t['text']}; background: transparent; }}
QFrame[banner="true"][tone="info"] {{
    background: {t['info_background']};
    border: {bw}px solid {t['info_border']};
}}
QListView#tiles {{ background: {t['window']}; border: none; }}
QListView#tiles:focus {{ outline: none; }}
QListWidget#panelList {{
    background: {t['surface']}; color: {t['text']};
    border: {bw}px solid {t['border']}; border-radius: 6px; padding: {fw}px;
}}
QListWidget#panelList:focus {{ border: {fw}px solid {t['focus']}; padding: {bw}px; }}
QListWidget#panelList::item {{ padding: 6px 6px; border-radius: 4px; }}
QListWidget#panelList::item:selected {{
    background: {t['accent']}; color: {t['on_accent']};
}}
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
    padding: {pad(6, 14, bw)};
}}
QLabel#userCode:focus {{ border: {fw}px solid {t['focus']}; padding: {pad(6, 14, fw)}; }}
QLabel#qr {{ background: #ffffff; border: {bw}px solid {t['border']}; border-radius: 8px; }}
QPushButton#primary {{
    background: {t['accent']};
    color: {t['on_accent']};
    border: {fw}px solid transparent;
    border-radius: 10px;
    padding: {5 - fw}px;
    background-clip: content;
    min-height: 2.3em;
    font-size: {pt(11)};
    font-weight: 600;
}}
QPushButton#primary:hover {{ background: {t['primary_hover']}; }}
QPushButton#primary:focus {{ border: {fw}px solid {t['focus']}; padding: {5 - fw}px; }}
QPushButton#secondary {{
    background: {t['surface']};
    color: {t['text']};
    border: {bw}px solid {t['border']};
    border-radius: 8px;
    padding: {pad(9, 16, bw)};
    font-size: {pt(10.5)};
}}
QPushButton#secondary:hover {{ background: {t['hover_background']}; }}
QPushButton#secondary:focus {{ border: {fw}px solid {t['focus']}; padding: {pad(9, 16, fw)}; }}
QPushButton#secondary:disabled {{ color: {t['disabled_text']}; }}
QPushButton#link {{
    background: transparent;
    color: {t['accent']};
    border: {fw}px solid transparent;
    border-radius: 6px;
    padding: {6 - fw}px {8 - fw}px;
    text-decoration: underline;
}}
QPushButton#link:hover {{ background: {t['hover_background']}; }}
QPushButton#link:focus {{ border: {fw}px solid {t['focus']}; }}
QToolButton#chip {{
    border: {bw}px solid {t['border']};
    border-radius: 14px;
    padding: {pad(4, 11, bw)} {pad(4, 8, bw)};
    background: {t['surface']};
    color: {t['text']};
}}
QToolButton#chip:hover {{ background: {t['hover_background']}; }}
QToolButton#chip:focus {{
    border: {fw}px solid {t['focus']};
    padding: {pad(4, 11, fw)} {pad(4, 8, fw)};
}}
QToolButton#chip[tone="warn"] {{
    border-color: {t['banner_border']};
    background: {t['banner_background']};
}}
QLabel#fieldError {{ color: {t['error']}; }}
QLabel[focusable="true"] {{
    border: {fw}px solid transparent; border-radius: 4px; padding: {3 - fw}px {5 - fw}px;
}}
QLabel[focusable="true"]:focus {{ border-color: {t['focus']}; }}
QProgressBar#busy {{ background: {t['hover_background']}; border: none; border-radius: 2px; }}
QProgressBar#busy::chunk {{ background: {t['accent']}; border-radius: 2px; }}
"""
