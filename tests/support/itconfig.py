# SPDX-License-Identifier: EUPL-1.2
"""IT's configuration file, where the launcher looks for it first (the system's XDG
config dirs of :func:`tests.conftest.isolated_xdg`)."""

from __future__ import annotations

from pathlib import Path


def write_it_config(xdg: dict[str, Path], text: str) -> Path:
    """Write ``text`` as IT's ``workplace.toml``; its path."""
    folder = xdg["XDG_CONFIG_DIRS"] / "workplace"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "workplace.toml"
    path.write_text(text, encoding="utf-8")
    return path
