# SPDX-License-Identifier: EUPL-1.2
"""Where the launcher reads and writes files, resolved through platformdirs.

The ``XDG_*`` variables isolate a test run completely on Linux.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import platformdirs

APP_DIR = "workplace"
ENV_CONFIG = "WORKPLACE_CONFIG"
IT_MAIN_NAMES = ("workplace.toml", "workplace.json")
"""The main IT file in each configuration directory; the first that exists wins."""


class Paths(NamedTuple):
    """All directories the launcher uses; build one with :meth:`from_environment`."""

    it_config_dirs: tuple[Path, ...]
    """IT configuration directories, highest priority first (e.g. /etc/xdg/workplace)."""
    user_config_dir: Path
    cache_dir: Path
    state_dir: Path
    data_dir: Path

    @classmethod
    def from_environment(cls) -> Paths:
        site = platformdirs.site_config_dir(APP_DIR, appauthor=False, multipath=True)
        return cls(
            it_config_dirs=tuple(Path(p) for p in site.split(os.pathsep) if p),
            user_config_dir=Path(platformdirs.user_config_dir(APP_DIR, appauthor=False)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_DIR, appauthor=False)),
            state_dir=Path(platformdirs.user_state_dir(APP_DIR, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_DIR, appauthor=False)),
        )

    @property
    def preferences_file(self) -> Path:
        return self.user_config_dir / "preferences.toml"


def resolve_override(
    cli_value: str | None, environ: Mapping[str, str] | None = None
) -> Path | None:
    """The IT file that replaces the system files: ``--config``, else ``$WORKPLACE_CONFIG``."""
    env = os.environ if environ is None else environ
    value = cli_value or env.get(ENV_CONFIG) or None
    return Path(value).expanduser() if value else None
