# SPDX-License-Identifier: EUPL-1.2
"""Contrast computed from the theme tokens, in every theme (WCAG 2.1, EN 301 549 11.1.4).

Every colour token of :class:`~workplace.ui.theme.Theme` names the tokens it is drawn
on and the contrast it needs there: 4.5:1 for text (placeholder, disabled and menu
text included), 3:1 for focus rings, borders that carry meaning, status marks and
badges. The pairs come from the tokens, so a new token, or a changed colour, that
breaks contrast fails here. ``pytest -s`` prints the measured table.
"""

from __future__ import annotations

import re
from dataclasses import fields

import pytest
from PySide6.QtGui import QColor

from workplace.ui.stylesheet import stylesheet_for
from workplace.ui.theme import (
    TEXT,
    UI,
    Theme,
    colour_tokens,
    contrast,
    drawn_pairs,
    make_theme,
)

THEMES = {
    "light": {"dark": False, "high_contrast": False},
    "dark": {"dark": True, "high_contrast": False},
    "light high contrast": {"dark": False, "high_contrast": True},
    "dark high contrast": {"dark": True, "high_contrast": True},
}
DEMO_ACCENT = "#0b5cad"
ACCENTS = [DEMO_ACCENT, "#ffcc00", "#e30613", "#1a237e", "#00a000", "#777777", "#ffffff",
           "#000000", "#00ffff"]
"""The demo organisation's blue and colours other organisations may choose: the theme
adjusts them until they read."""


def wcag_contrast(a: QColor, b: QColor) -> float:
    """The formula from the reference, written out here (not the module's own)."""

    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(colour.redF()), channel(colour.greenF()), channel(colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_is_wcags() -> None:
    assert wcag_contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert wcag_contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)
    # The audit's finding: #989a9c on white.
    assert wcag_contrast(QColor("#989a9c"), QColor("#ffffff")) == pytest.approx(2.82, abs=0.01)
    assert contrast(QColor("#0a549d"), QColor("#0b5cad")) == pytest.approx(
        wcag_contrast(QColor("#0a549d"), QColor("#0b5cad")))


def test_every_colour_token_says_where_it_is_drawn() -> None:
    """A token is either a background (it says what it fills) or drawn on backgrounds
    it names, with the contrast it needs there: nothing escapes the table below."""
    names = {f.name for f in fields(Theme)}
    for f in fields(Theme):
        if f.name in ("dark", "high_contrast"):
            continue
        meta = f.metadata
        assert "on" in meta, f"{f.name} does not say where it is drawn"
        if meta["on"]:
            assert meta["minimum"] in (TEXT, UI), f"{f.name}: minimum {meta['minimum']}"
            for background in meta["on"]:
                assert background in names, f"{f.name} is drawn on an unknown {background}"
        else:
            assert meta["drawn"], f"{f.name}: a background says what it fills"


def measured(theme: Theme) -> list[tuple[str, str, float, float]]:
    return [
        (fg, bg, wcag_contrast(getattr(theme, fg), getattr(theme, bg)), minimum)
        for fg, bg, minimum in drawn_pairs(theme)
    ]


@pytest.mark.parametrize("name", list(THEMES))
def test_every_drawn_pair_has_enough_contrast(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = make_theme(DEMO_ACCENT, **THEMES[name])
    rows = measured(theme)
    assert len(rows) >= 60
    with capsys.disabled():
        print(f"\n{name} (accent {DEMO_ACCENT} → {theme.accent.name()})")
        print(f"  {'drawn':<20} {'on':<22} {'ratio':>6} {'needed':>6}")
        for fg, bg, ratio, minimum in rows:
            mark = "" if ratio >= minimum else "  << too low"
            print(f"  {fg:<20} {bg:<22} {ratio:6.2f} {minimum:6.1f}{mark}")
    failing = [(fg, bg, round(ratio, 2), minimum) for fg, bg, ratio, minimum in rows
               if ratio < minimum]
    assert not failing, f"{name}: too little contrast: {failing}"


@pytest.mark.parametrize("accent", ACCENTS)
@pytest.mark.parametrize("name", list(THEMES))
def test_any_organisation_colour_keeps_the_contrast(name: str, accent: str) -> None:
    theme = make_theme(accent, **THEMES[name])
    failing = [(fg, bg, round(ratio, 2)) for fg, bg, ratio, minimum in measured(theme)
               if ratio < minimum]
    assert not failing, f"{name} with {accent}: {failing}"


def test_focus_rings_and_the_tiles_focus_frame_are_at_least_two_pixels() -> None:
    for options in THEMES.values():
        theme = make_theme(DEMO_ACCENT, **options)
        assert theme.focus_width >= 2


# -- the style sheet draws nothing but tokens ---------------------------------------

RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def rules(sheet: str) -> list[tuple[str, str]]:
    return [(selector.strip(), body) for selector, body in RULE.findall(sheet)]


@pytest.mark.parametrize("name", list(THEMES))
def test_every_colour_in_the_style_sheet_is_a_token(name: str) -> None:
    """So the pairs above are all the pairs the style sheet can draw."""
    theme = make_theme(DEMO_ACCENT, **THEMES[name])
    tokens = {getattr(theme, token).name() for token in colour_tokens()}
    for selector, body in rules(stylesheet_for(theme)):
        for colour in HEX.findall(body):
            if selector == "QLabel#qr" and colour == "#ffffff":
                continue  # a QR code is read dark on light, whatever the theme
            assert colour.lower() in tokens, f"{selector}: {colour} is not a theme token"


@pytest.mark.parametrize("name", list(THEMES))
def test_every_focus_rule_draws_a_ring_of_two_pixels_in_the_focus_colour(name: str) -> None:
    theme = make_theme(DEMO_ACCENT, **THEMES[name])
    focus = theme.focus.name()
    focus_rules = [(s, b) for s, b in rules(stylesheet_for(theme)) if ":focus" in s]
    assert len(focus_rules) >= 8
    for selector, body in focus_rules:
        if "outline: none" in body:
            continue  # the tile view paints its own frame (Theme.focus, focus_width)
        if selector.startswith("QAbstractSpinBox QLineEdit"):
            continue  # the spin box draws the ring around its inner field
        width = re.search(r"border(?:-width)?:\s*(\d+)px", body)
        colour = focus in body
        if not width:  # a ring prepared transparent, coloured on focus
            assert f"border-color: {focus}" in body, selector
            continue
        assert int(width.group(1)) >= 2, f"{selector}: {body}"
        assert colour, f"{selector}: no ring in the focus colour"


def test_the_primary_buttons_ring_has_a_gap_of_the_page_colour() -> None:
    """The ring is the border, the gap is the padding left unpainted (the card shows):
    the ring need not differ from the accent, the gap does (``accent`` on ``surface``)."""
    for options in THEMES.values():
        theme = make_theme(DEMO_ACCENT, **options)
        sheet = dict(rules(stylesheet_for(theme)))
        assert "background-clip: content" in sheet["QPushButton#primary"]
        gap = int(re.findall(r"padding: (\d+)px", sheet["QPushButton#primary:focus"])[0])
        assert gap >= 2
        assert wcag_contrast(theme.focus, theme.surface) >= UI
        assert wcag_contrast(theme.accent, theme.surface) >= UI


def test_placeholder_and_disabled_text_have_their_own_colour() -> None:
    """Qt draws the placeholder in the text colour at half opacity unless told: that was
    3.25:1 (light) and 4.00:1 (light high contrast)."""
    for options in THEMES.values():
        theme = make_theme(DEMO_ACCENT, **options)
        sheet = dict(rules(stylesheet_for(theme)))
        assert f"placeholder-text-color: {theme.placeholder_text.name()}" in sheet["QLineEdit"]
        assert f"color: {theme.disabled_text.name()}" in sheet["QMenu::item:disabled"]


# -- font sizes follow the platform ----------------------------------------------------


def test_font_sizes_scale_with_the_application_font() -> None:
    theme = make_theme(DEMO_ACCENT, dark=False, high_contrast=False)
    normal, large = stylesheet_for(theme, 9.0), stylesheet_for(theme, 18.0)
    assert not re.search(r"font-size:\s*[\d.]+px", normal), "a fixed pixel font size"
    sizes = [float(v) for v in re.findall(r"font-size:\s*([\d.]+)pt", normal)]
    doubled = [float(v) for v in re.findall(r"font-size:\s*([\d.]+)pt", large)]
    assert sizes and doubled == pytest.approx([2 * v for v in sizes], abs=0.11)
