# SPDX-License-Identifier: EUPL-1.2
"""The Windows bundle's window under Wine: offscreen, and with Qt's native ``windows``
platform plugin on an X server (Xvfb), with a screenshot of the real window."""

from __future__ import annotations

import json
from pathlib import Path

from tests.windows.conftest import Running, Wine, grab_screen, log_problems, windows_path

OFFSCREEN = {"QPA_PLATFORM": "offscreen"}


def _selftest(wine: Wine, exe: str, **kwargs: object) -> dict[str, object]:
    run = wine.run([exe, "selftest"], timeout=180, **kwargs)  # type: ignore[arg-type]
    assert run.returncode == 0, run.output
    result: dict[str, object] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def test_selftest_passes_offscreen(clean_user: Wine, windows_bundle: Path) -> None:
    exe = windows_path(windows_bundle / "Arbeitsplatz.exe")
    result = _selftest(clean_user, exe, qt=OFFSCREEN)
    assert result["ok"] is True
    assert result["platform"] == "offscreen"
    assert result["services"] == 10  # the built-in organisation: no IT file, no policy


def test_the_real_window_with_the_windows_plugin(
    clean_user: Wine, windows_bundle: Path, display: str
) -> None:
    wine = clean_user
    exe = windows_path(windows_bundle / "Arbeitsplatz.exe")
    german = {"LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"}
    result = _selftest(wine, exe, env=german)
    assert result["ok"] is True
    assert result["platform"] == "windows"
    assert result["language"] == "de"  # from the Windows user's language, as set by Wine

    with Running(wine, [exe, "--log-json"], env=german) as window:
        state = window.wait_for("auth.state")
        assert state["status"] == "signed_out"
        shot = grab_screen(display, "window-windows-plugin-de.png")
    assert not log_problems(window.output), window.output
    assert shot.stat().st_size > 20_000  # a painted window, not an empty screen


def test_a_non_ascii_host_is_refused_without_pyicu(clean_user: Wine, windows_bundle: Path,
                                                   tmp_path: Path) -> None:
    """PyICU has no Windows wheel: the look-alike check cannot run, so such an address is
    refused by name (never accepted unchecked, never a crash)."""
    config = tmp_path / "idn.toml"
    config.write_text('[[services]]\nid = "mail"\nname = "Mail"\n'
                      'url = "https://m\\u00fcnchen.example/"\n', encoding="utf-8")
    cli = windows_path(windows_bundle / "workplace.exe")
    run = clean_user.run([cli, "config", "check", windows_path(config)], timeout=180)
    assert run.returncode == 1, run.output
    assert "PyICU" in run.output
    assert "Traceback" not in run.output
