# SPDX-License-Identifier: EUPL-1.2
"""GNOME's proxy settings for tests, written with the real ``gsettings`` tool.

GLib's keyfile backend keeps them in ``$XDG_CONFIG_HOME/glib-2.0/settings/keyfile``,
which every test has of its own (tests/conftest.py), so nothing reaches a real desktop.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable, Mapping

import pytest

GSETTINGS = shutil.which("gsettings")
GNOME_ENV = {"XDG_CURRENT_DESKTOP": "GNOME", "GSETTINGS_BACKEND": "keyfile"}

needs_gsettings = pytest.mark.skipif(
    GSETTINGS is None, reason="gsettings is not installed (make setup)"
)


def gsettings_set(
    values: Iterable[tuple[str, str, str]], env: Mapping[str, str] | None = None
) -> None:
    """Set ``(schema, key, value)`` triples; ``env`` defaults to this process's plus GNOME_ENV."""
    assert GSETTINGS is not None
    environ = dict(env) if env is not None else {**os.environ, **GNOME_ENV}
    for schema, key, value in values:
        subprocess.run([GSETTINGS, "set", schema, key, value], env=environ, check=True)
