# SPDX-License-Identifier: EUPL-1.2
"""The display language without Qt: the preference, else the system locale (de or en)."""

from __future__ import annotations

import os
from collections.abc import Mapping

_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """``de`` when the locale environment says German first, else ``en``."""
    env = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            first = value.split(":", 1)[0].lower()
            if first in ("c", "posix") or first.startswith(("c.", "posix.")):
                return "en"
            return "de" if first.startswith("de") else "en"
    return "en"


def effective_language(preference: str, environ: Mapping[str, str] | None = None) -> str:
    """``de`` or ``en`` for the ``language`` preference (``system``, ``de`` or ``en``)."""
    if preference in ("de", "en"):
        return preference
    return system_language(environ)
