# SPDX-License-Identifier: EUPL-1.2
"""The real ``workplace`` program in a real X window: it paints its tiles, and we look."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
ACCENT = QColor("#0b5cad")


def _read_events(stream, sink: queue.Queue) -> None:  # type: ignore[no-untyped-def]
    for line in stream:
        try:
            sink.put(json.loads(line))
        except json.JSONDecodeError:
            sink.put({"raw": line.rstrip()})
    sink.put(None)


def _wait_for_event(events: queue.Queue, name: str, timeout: float) -> dict:
    seen = []
    while True:
        try:
            entry = events.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"no {name!r} event within {timeout}s; saw: {seen[-20:]}")
        if entry is None:
            pytest.fail(f"the program exited before {name!r}; output: {seen[-20:]}")
        seen.append(entry)
        if entry.get("event") == name:
            return entry


@pytest.mark.parametrize("language", ["de", "en"])
def test_real_window_shows_tiles(
    xvfb_display: str, screenshot, tmp_path: Path, language: str  # type: ignore[no-untyped-def]
) -> None:
    config = tmp_path / "user-config"
    (config / "workplace").mkdir(parents=True)
    (config / "workplace" / "preferences.toml").write_text(
        f'version = 1\nlanguage = "{language}"\n', encoding="utf-8"
    )
    env = dict(
        os.environ,
        DISPLAY=xvfb_display,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(config),
        LANG="de_DE.UTF-8" if language == "de" else "en_US.UTF-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "workplace", "--log-json"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    events: queue.Queue = queue.Queue()
    reader = threading.Thread(target=_read_events, args=(proc.stderr, events), daemon=True)
    reader.start()
    try:
        painted = _wait_for_event(events, "window.first_paint", timeout=60)
        assert painted["services"] == 10, painted
        shot = screenshot(xvfb_display, f"launcher-{language}.png")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        assert proc.stderr is not None
        proc.stderr.close()
    tracebacks = [e for e in list(events.queue) if e and "Traceback" in str(e.get("raw", ""))]
    assert not tracebacks

    image = QImage(str(shot))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1280, 800)
    colours: set[int] = set()
    lit = 0
    accent_pixels = 0
    step = 4
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixelColor(x, y)
            colours.add(pixel.rgb())
            if pixel.value() > 16:  # Xvfb's background is black
                lit += 1
            if (
                abs(pixel.red() - ACCENT.red()) < 24
                and abs(pixel.green() - ACCENT.green()) < 24
                and abs(pixel.blue() - ACCENT.blue()) < 24
            ):
                accent_pixels += 1
    samples = (image.width() // step) * (image.height() // step)
    assert lit / samples > 0.3, "the window covers too little of the screen"
    assert len(colours) > 50, "the screenshot looks blank"
    assert accent_pixels > 20, "the organisation's accent colour is not visible"
