# SPDX-License-Identifier: EUPL-1.2
"""A tiny TOML writer for flat tables of strings, booleans, integers and lists of those.

Enough for the preferences file; anything else is refused rather than written wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _string(text: str) -> str:
    out = ['"']
    for char in text:
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} values to TOML")


def dumps(table: Mapping[str, Any], header: str = "") -> str:
    """TOML text for a flat table; ``header`` lines are written as comments first."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    for key, value in table.items():
        name = key if _BARE_KEY.fullmatch(key) else _string(key)
        lines.append(f"{name} = {_value(value)}")
    return "\n".join(lines) + "\n"
