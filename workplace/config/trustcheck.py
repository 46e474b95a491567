# SPDX-License-Identifier: EUPL-1.2
"""The trusted load of a warm start, in a short-lived child process.

A warm start paints from the start-up snapshot (:mod:`workplace.config.warm`), which
lies in the user's cache and so cannot be trusted. The trusted load reads the IT
sources again with the schema (pydantic), which costs the launcher some 20 MiB for
the rest of its life. Here a child process does that read instead: the same program
(``workplace --confirm-start-snapshot [FILE]``, frozen bundle or ``python -I -m
workplace``) loads the configuration as a cold start does, encodes what it would show
exactly as the snapshot does, and writes that text to its standard output (a pipe):
:mod:`workplace.commands.trustcheck`.

The launcher keeps the records it painted as its trusted settings only when the child
read the IT sources cleanly and its text equals the snapshot's character for character:
then the records are what the trusted load would have built, and a user-edited cache
(a lifted lock, another identity provider) differs and is not kept. Every other
outcome (a change, a problem in a file, a child that cannot start or answers
anything else) means the full load in the launcher, reported as before.

Only tenants without a central catalog and without integrations are confirmed this
way: the central catalog's copy and the integrations' settings are used as models
(checked against the schema's classes) later on.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workplace.config.settings import Settings

log = logging.getLogger("workplace.config")

ARGUMENT = "--confirm-start-snapshot"
"""The first word of the child's command line (not an option people use)."""
TIMEOUT_S = 60.0


def confirmable(settings: Settings) -> bool:
    """Whether the records of ``settings`` may stand for the trusted load (see above)."""
    tenant = settings.tenant
    return not tenant.catalog.configured and not tenant.integrations.enabled()


def command(override: Path | None) -> list[str]:
    """The child's command line: the frozen bundle's executable, or this Python
    isolated (``-I``: no user site, no ``PYTHON*`` variables, not the working folder)."""
    if getattr(sys, "frozen", False):
        head = [sys.executable, ARGUMENT]
    else:
        head = [sys.executable, "-I", "-m", "workplace", ARGUMENT]
    return [*head, str(override)] if override is not None else head


def confirmed(override: Path | None, shown: str) -> bool:
    """Whether a trusted load in a child process shows exactly ``shown`` (blocking)."""
    try:
        done = subprocess.run(  # our own program, no shell
            command(override), stdin=subprocess.DEVNULL, capture_output=True,
            timeout=TIMEOUT_S, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.info("the settings check could not run (%s): reading them here", exc)
        return False
    if done.returncode != 0:
        log.info("the settings check ended with %s: reading them here", done.returncode)
        return False
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
        content = answer["content"] if isinstance(answer, dict) else None
    except (UnicodeDecodeError, ValueError, KeyError):
        log.info("the settings check answered something else: reading them here")
        return False
    if content != shown:
        log.info("the settings changed since the last start: reading them here")
        return False
    return True
