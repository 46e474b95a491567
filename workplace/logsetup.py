# SPDX-License-Identifier: EUPL-1.2
"""Logging set-up: one logger per area (workplace.auth, workplace.net, ...), optional JSON lines.

Tokens never reach a log record by construction (their types hide them in ``repr``
and error messages; proxy URLs are masked where they are logged). As a second line
of defence, everything written (message, traceback, extra fields) passes
:func:`redact`, which masks what looks like a credential: a password in a URL, a
secret query parameter, a bearer token or a JWT. A traceback is kept in both forms,
the text lines and the JSON entry's ``traceback`` field, so the helpdesk and the
tests see where an error came from.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from typing import Any

_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
}

_SENSITIVE_NAMES = (
    "code|access_token|refresh_token|id_token|token|client_secret|password|passwd|"
    "device_code|user_code|code_verifier|state|logout_hint|id_token_hint|secret"
)
_REDACTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    # https://user:password@host -> https://***@host
    (re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/\s@'\"]+@"), r"\g<scheme>***@"),
    # ?code=...&state=... (also in form bodies): the value goes, the name stays
    (re.compile(rf"(?P<name>\b(?:{_SENSITIVE_NAMES})=)[^&\s'\"]+", re.IGNORECASE), r"\g<name>***"),
    # Authorization: Bearer abc / Basic abc
    (re.compile(r"(?P<name>\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]+"), r"\g<name>***"),
    # a JWT (header.payload.signature, base64url): an ID or access token
    (re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"), "<jwt>"),
)


def redact(text: str) -> str:
    """``text`` with what looks like a credential replaced by ``***``."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class _TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        if record.exc_info:
            entry["traceback"] = redact(self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = redact(self.formatStack(record.stack_info))
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key not in entry and not key.startswith("_"):
                entry[key] = _redact_value(value)
        return json.dumps(entry, ensure_ascii=False, default=lambda v: redact(str(v)))


def _redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: _redact_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_redact_value(v) for v in value]
    return value


def setup_logging(*, debug: bool = False, json_lines: bool = False) -> None:
    """Configure the ``workplace`` logger tree on stderr. Never logs secrets itself."""
    root = logging.getLogger("workplace")
    root.handlers.clear()
    handler = logging.StreamHandler(sys.stderr)
    if json_lines:
        handler.setFormatter(_JsonFormatter())
    else:
        handler.setFormatter(_TextFormatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.WARNING if not json_lines else logging.INFO)
    root.propagate = False
