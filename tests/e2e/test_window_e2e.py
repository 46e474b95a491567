# SPDX-License-Identifier: EUPL-1.2
"""The real ``workplace`` program in a real X window: it paints its tiles, and we look."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tests.e2e.conftest import SCREENSHOTS, grab_screen, run_launcher
from workplace.ui.gui import LOADED_AFTER_FIRST_PAINT

pytestmark = pytest.mark.e2e

ACCENT = QColor("#0b5cad")


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
    with run_launcher(env) as launcher:
        painted = launcher.wait_for("window.first_paint")
        assert painted["services"] == 10, painted
        # HTTP, sign-in and keyring load after the first paint, never before it; the
        # first start validates its files (pydantic, which imports datetime) before it.
        assert not painted["warm_start"], painted
        assert painted["early_imports"] == ["pydantic", "datetime"], painted
        # The paint is logged when Qt has drawn; the X server may show it a moment
        # later: look again until the picture shows the window (or fail as below).
        for _ in range(30):
            shot = screenshot(xvfb_display, f"launcher-{language}.png")
            if _window_problem(QImage(str(shot))) is None:
                break
        # The window's icon, drawn when X11 asked for it (ui/icons.app_icon).
        assert _window_icon_sizes(xvfb_display, launcher.proc.pid) == [16, 32, 64, 128]
    assert not launcher.tracebacks

    image = QImage(str(shot))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1280, 800)
    problem = _window_problem(image)
    assert problem is None, f"{problem} ({shot})"


def _window_problem(image: QImage) -> str | None:
    """What shows that ``image`` (the screen) lacks the launcher's window, or None."""
    if image.isNull():
        return "no picture"
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
    if lit / samples <= 0.3:
        return "the window covers too little of the screen"
    if len(colours) <= 50:
        return "the screenshot looks blank"
    if accent_pixels <= 20:
        return "the organisation's accent colour is not visible"
    return None


def test_a_warm_start_paints_before_any_heavy_library_is_loaded(
    xvfb_display: str, tmp_path: Path
) -> None:
    """Issue 15: the real window, started a second time with nothing changed, paints
    from the start-up snapshot; validation, HTTP, sign-in, JOSE, the keyring and Qt's
    network module (the single instance's socket) all load after that paint."""
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb", LANG="de_DE.UTF-8")
    with run_launcher(env) as launcher:
        painted = launcher.wait_for("window.first_paint")
        assert not painted["warm_start"], painted
        launcher.wait_for("config.snapshot_saved")
    with run_launcher(env) as launcher:
        painted = launcher.wait_for("window.first_paint")
        assert painted["warm_start"] and painted["services"] == 10, painted
        assert painted["early_imports"] == [], painted
        # The trusted load follows the paint and shows the same: no visible change.
        launcher.wait_for("auth.state")
    assert not any(e.get("event") == "config.snapshot_replaced" for e in launcher.seen)
    assert set(LOADED_AFTER_FIRST_PAINT) >= {
        "pydantic", "requests", "urllib3", "authlib", "joserfc", "cryptography",
        "keyring", "secretstorage", "PySide6.QtNetwork",
    }


def test_status_tiles_under_xvfb(xvfb_display: str, tmp_path: Path) -> None:
    """The demo services of ``make run`` with one stopped: after the first status round
    the real window shows it unreachable (red) and the others available (green)."""
    from tests.stack.demo_services import DemoServices
    from workplace.ui.statustext import AVAILABLE, UNREACHABLE, status_colour
    from workplace.ui.theme import make_theme

    demo = DemoServices(tmp_path / "demo", fixed_ports=False).start()
    demo.control("mail", "stop")
    tenant = tmp_path / "tenant.json"
    settings = demo.tenant()
    # Slowness is not the point: a stall cannot turn "available" into "slow" here.
    settings["network"] = {**settings.get("network", {}), "slow_threshold_ms": 60_000,
                           "probe_budget_seconds": 60}
    tenant.write_text(json.dumps(settings), encoding="utf-8")
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"),
               LANG="en_US.UTF-8")
    light = make_theme("#0b5cad", dark=False, high_contrast=False)
    red, green = (status_colour(light, s) for s in (UNREACHABLE, AVAILABLE))
    try:
        with run_launcher(env, "--config", str(tenant)) as launcher:
            done = launcher.wait_for("status.round")
            while done["states"].get("available", 0) < len(demo.services) - 1:
                done = launcher.wait_for("status.round")  # the catalog came
            assert done["states"] == {"available": 9, "unreachable": 1}, done
            # The repaint follows the round: look again until it is on screen (or fail).
            shot = SCREENSHOTS / "status-en.png"
            for _ in range(30):
                image = QImage(str(grab_screen(xvfb_display, shot)))
                if _coloured(image, red) > 20 and _coloured(image, green) > 100:
                    break
            else:
                pytest.fail(f"no red and green status marks on {shot}")
    finally:
        demo.close()


def _window_icon_sizes(display: str, pid: int) -> list[int]:
    """The sizes in the _NET_WM_ICON of ``pid``'s window, each checked to be drawn."""
    def run(*args: str) -> str:
        done = subprocess.run(args, env=dict(os.environ, DISPLAY=display), capture_output=True,
                              text=True, timeout=30, check=True)
        return done.stdout

    window = run("xdotool", "search", "--sync", "--onlyvisible", "--pid", str(pid)).split()[0]
    described = run("xprop", "-id", window, "_NET_WM_ICON")
    sizes = [int(w) for w, h in re.findall(r"Icon \((\d+) x (\d+)\)", described) if w == h]
    raw = run("xprop", "-notype", "-id", window, "32c", "_NET_WM_ICON").split("=", 1)[1]
    pixels = [int(v) for v in raw.replace(",", " ").split()]
    at = 0
    for size in sizes:  # width, height, then ARGB pixels: some of each not transparent
        assert pixels[at:at + 2] == [size, size], pixels[at:at + 2]
        drawn = pixels[at + 2:at + 2 + size * size]
        assert sum(1 for p in drawn if p >> 24) > size * size // 4, f"{size} px is empty"
        at += 2 + size * size
    return sizes


def _coloured(image: QImage, colour: QColor) -> int:
    """How many pixels (every second one) are about ``colour``."""
    return sum(
        1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
        if abs(image.pixelColor(x, y).red() - colour.red()) < 20
        and abs(image.pixelColor(x, y).green() - colour.green()) < 20
        and abs(image.pixelColor(x, y).blue() - colour.blue()) < 20
    )
