# SPDX-License-Identifier: EUPL-1.2
"""Several jobs opening URLs at once, the first time: each reaches the browser."""

from __future__ import annotations

import stat
import threading
import webbrowser
from pathlib import Path

import pytest

from workplace.catalog.launch import open_in_browser


def test_concurrent_first_opens_all_reach_the_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """webbrowser fills its browser list on first use; a thread that read the list while
    another filled it found it empty (False: "no browser"), 249 of 300 times here."""
    log = tmp_path / "opened.log"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{log}"\n', encoding="utf-8")
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("BROWSER", str(browser))
    monkeypatch.setenv("TERM", "xterm")  # console browsers are looked for too, as on a desktop
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    results: list[bool] = []
    rounds, threads = 20, 6
    for round_ in range(rounds):
        monkeypatch.setattr(webbrowser, "_tryorder", None)  # a fresh process, as it were
        monkeypatch.setattr(webbrowser, "_browsers", {})
        barrier = threading.Barrier(threads)

        def open_one(
            n: int, round_: int = round_, barrier: threading.Barrier = barrier
        ) -> None:
            barrier.wait()
            results.append(open_in_browser(f"https://example.org/{round_}/{n}"))

        workers = [threading.Thread(target=open_one, args=(n,)) for n in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    assert results.count(False) == 0, f"{results.count(False)} of {len(results)} opened nothing"
    assert len(log.read_text(encoding="utf-8").split()) == rounds * threads
