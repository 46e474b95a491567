# SPDX-License-Identifier: EUPL-1.2
"""Logging set-up: one logger per area (workplace.auth, workplace.net, ...), optional JSON lines."""

from __future__ import annotations

import json
import logging
import sys
import time

_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
}


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key not in entry and not key.startswith("_"):
                entry[key] = value
        return json.dumps(entry, ensure_ascii=False, default=str)


def setup_logging(*, debug: bool = False, json_lines: bool = False) -> None:
    """Configure the ``workplace`` logger tree on stderr. Never logs secrets itself."""
    root = logging.getLogger("workplace")
    root.handlers.clear()
    handler = logging.StreamHandler(sys.stderr)
    if json_lines:
        handler.setFormatter(_JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.WARNING if not json_lines else logging.INFO)
    root.propagate = False
