# SPDX-License-Identifier: EUPL-1.2
"""UI state kept apart from preferences: recently launched services and window geometry.

Stored as JSON in the state directory and written atomically. State is not precious:
an unreadable file is logged and started afresh.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from pathlib import Path
from typing import Any

from workplace.config.atomic import atomic_write_text, read_regular_bytes
from workplace.config.paths import Paths

log = logging.getLogger("workplace.config")

MAX_RECENT = 8
MAX_STATE_BYTES = 1024 * 1024
STATE_VERSION = 1


class StateStore:
    """Recently launched services (newest first) and the window geometry."""

    def __init__(self, paths: Paths) -> None:
        self._path = paths.state_dir / "state.json"
        self._data = self._read()

    @property
    def path(self) -> Path:
        return self._path

    def _read(self) -> dict[str, Any]:
        try:
            # Not through a link: what it points to is not the launcher's state.
            data = json.loads(read_regular_bytes(self._path, MAX_STATE_BYTES))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable UI state %s: %s", self._path, exc)
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self) -> None:
        self._data["version"] = STATE_VERSION
        try:
            atomic_write_text(self._path, json.dumps(self._data, indent=1, sort_keys=True))
        except OSError as exc:
            log.warning("cannot save UI state to %s: %s", self._path, exc)

    @property
    def recent(self) -> list[str]:
        """Ids of recently launched services, newest first, at most eight."""
        value = self._data.get("recent")
        if not isinstance(value, list):
            return []
        return [v for v in value if isinstance(v, str)][:MAX_RECENT]

    def record_launch(self, service_id: str) -> None:
        recent = [service_id, *(r for r in self.recent if r != service_id)]
        self._data["recent"] = recent[:MAX_RECENT]
        self._write()

    @property
    def window_geometry(self) -> bytes | None:
        value = self._data.get("window_geometry")
        if not isinstance(value, str):
            return None
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return None

    @window_geometry.setter
    def window_geometry(self, value: bytes | None) -> None:
        if value is None:
            self._data.pop("window_geometry", None)
        else:
            self._data["window_geometry"] = base64.b64encode(bytes(value)).decode("ascii")
        self._write()
