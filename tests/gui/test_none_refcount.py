# SPDX-License-Identifier: EUPL-1.2
"""The window must not lose references to ``None`` while it paints and the mouse moves.

PySide6 6.12.0 drops one reference to ``None`` on every ``QModelIndex.data()`` call
whose Python ``data()`` returns ``None``. Python 3.11 frees ``None`` after a few
thousand repaints and aborts ("Fatal Python error: none_dealloc"); 3.12+ make ``None``
immortal and hide it. pyproject.toml keeps that version out; these tests make a
future PySide6 with the same fault fail ``make test`` instead of the user.

On 3.12+ ``sys.getrefcount(None)`` is a constant, so the tests say nothing there
(they still run the paint and hover loop, which must not crash).

Noise: ``None`` is referenced from everywhere, so its count moves whenever an
object that holds it is made or freed. The tests collect garbage before each
reading and warm the window up first (caches, lazily built objects), so a healthy
window reads the same count each time; ``NOISE`` allows a little left over. The
fault loses at least one reference per painted tile, thousands per run, and the
loop stops at the first reading that falls by more than ``NOISE``, long before
``None`` could reach zero and take the test run down with it.
"""

from __future__ import annotations

import gc
import sys
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex
from PySide6.QtTest import QTest

from tests.gui.conftest import GuiFactory
from workplace.ui.tilemodel import Kind, Role

NOISE = 50
"""References to ``None`` a healthy run may hold fewer at a reading (stray frames)."""

GUARD = 1_000
"""Fewer references than this, read without collecting garbage, end the loop at once:
the fault loses hundreds per paint, and ``None`` must stay far from zero."""

PAINTS = 3_000
CHECK_EVERY = 100

LOST_WHILE_PAINTING = (
    "the window loses references to None while it paints: this Qt for Python has the "
    "fault that makes Python 3.11 abort (see pyproject.toml)"
)


def none_refs() -> int:
    gc.collect()
    return sys.getrefcount(None)


def test_a_model_returning_none_keeps_none_alive() -> None:
    """The ten-line measurement: 1,000 ``QModelIndex.data()`` calls that return None."""

    class Empty(QAbstractListModel):
        def rowCount(self, parent: Any = None) -> int:
            return 1

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
            return None

    model = Empty()
    index = model.index(0, 0)
    assert index.data() is None  # warm up
    before = none_refs()
    calls = 0
    while calls < 1_000 and before - sys.getrefcount(None) <= GUARD:
        index.data()
        calls += 1
    lost = before - none_refs()
    assert lost <= NOISE, f"{calls:,} QModelIndex.data() calls lost {lost} references to None"


def test_painting_and_hovering_the_window_keeps_none_alive(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    gui = make_gui()
    view = gui.window.view
    viewport = view.viewport()
    model = gui.window.model
    tiles = [
        view.visualRect(model.index(row, 0)).center()
        for row in range(model.rowCount())
        if model.index(row, 0).data(Role.KIND) == Kind.TILE
    ]
    assert len(tiles) >= 5, "the demo window shows its tiles"

    def paint_and_hover(step: int) -> None:
        # What a user does: the mouse moves from tile to tile (hover repaints them),
        # and the whole view repaints now and then.
        QTest.mouseMove(viewport, tiles[step % len(tiles)])
        viewport.repaint()

    start = none_refs()
    for step in range(2 * len(tiles)):  # warm up: fonts, icons, hover state
        paint_and_hover(step)
        assert start - sys.getrefcount(None) <= GUARD, LOST_WHILE_PAINTING
    hovered = view.indexAt(tiles[0])
    assert hovered.isValid() and hovered.data(Role.KIND) == Kind.TILE

    before = none_refs()
    for step in range(PAINTS):
        paint_and_hover(step)
        if before - sys.getrefcount(None) > GUARD or step % CHECK_EVERY == CHECK_EVERY - 1:
            lost = before - none_refs()
            assert lost <= NOISE, f"{lost} lost in {step + 1} paints: {LOST_WHILE_PAINTING}"
    assert before - none_refs() <= NOISE
