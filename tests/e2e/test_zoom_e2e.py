# SPDX-License-Identifier: EUPL-1.2
"""Zoom (WCAG 1.4.4, 1.4.10): the real window on a 1366 × 800 X screen at 100 %, 200 % and
300 %. It fits the screen, nothing overlaps, nothing is cut off, every control has a name.

Pictures: build/screenshots/zoom-<percent>-<state>.png.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, SCREENSHOTS
from tests.support.xvfb import xvfb

pytestmark = pytest.mark.e2e

SCREEN = (1366, 800)


@pytest.fixture
def small_screen() -> Iterator[str]:
    """Xvfb with a common laptop screen, 1366 × 800 (-displayfd: no guessing)."""
    with xvfb(f"{SCREEN[0]}x{SCREEN[1]}") as display:
        yield display


@pytest.mark.parametrize("scale", [1, 2, 3])
def test_the_window_fits_and_nothing_overlaps_at_zoom(
    small_screen: str, tmp_path: Path, scale: int
) -> None:
    report = tmp_path / "report.json"
    env = dict(
        os.environ, DISPLAY=small_screen, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=str(scale),
        XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"),
        LANG="de_DE.UTF-8", LANGUAGE="de",
    )
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    done = subprocess.run(
        [sys.executable, "-m", "tests.e2e.zoom_probe", str(report), str(SCREENSHOTS),
         f"zoom-{scale * 100}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(report.read_text(encoding="utf-8"))
    assert found["ratio"] == scale
    # Logical pixels times the zoom: 1366 / 3 = 455.33 comes back as 1365 (or 801 for 800).
    x0, y0, width, height = found["available"]
    assert (x0, y0) == (0, 0)
    assert abs(width - SCREEN[0]) < scale and abs(height - SCREEN[1]) < scale
    width, height = min(width, SCREEN[0]), min(height, SCREEN[1])
    # The smallest the window can be, in device pixels, fits the screen.
    assert found["minimum"][0] <= width and found["minimum"][1] <= height, found["minimum"]
    for state, seen in found["states"].items():
        x, y, w, h = seen["window"]
        assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, (state, seen["window"])
        assert seen["layout"] == [], (state, seen["layout"], seen["picture"])
        assert seen["naming"] == [], (state, seen["naming"])
        assert Path(seen["picture"]).stat().st_size > 10_000
