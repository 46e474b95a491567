# SPDX-License-Identifier: EUPL-1.2
"""A start of the window removes what writes killed half-way left behind (issue 9, item 10)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tests.gui.conftest import GuiFactory


def test_the_start_removes_leftover_temporary_files(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path]
) -> None:
    config = isolated_xdg["XDG_CONFIG_HOME"] / "workplace"
    config.mkdir(parents=True)
    leftovers = []
    for name in (".preferences.toml.b1tcrcdq.tmp", ".preferences.toml.q8w7e6r5.tmp"):
        path = config / name
        path.write_text('version = 1\ntheme = "da', encoding="utf-8")
        old = path.stat().st_mtime - 3600
        os.utime(path, (old, old))
        leftovers.append(path)
    make_gui()
    qtbot.waitUntil(lambda: not any(p.exists() for p in leftovers))
