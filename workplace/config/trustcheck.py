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

The central catalog: the child reads the cached copy and checks it exactly as a cold
start does (the pinned key's signature verified again, the schema and the rules of
the manifest or the portal feed). Its answer carries the copy it checked, as plain
data, with the digest of the record it checked (:func:`~workplace.catalog.cache.
content_digest`); the launcher uses that copy only when the content matched, and its
:class:`~workplace.catalog.remote.RemoteCatalog` takes it as already checked for a
record with that digest (a refresh the server answers with "unchanged" then needs no
schema either; any other content is checked here, with the schema, as before). The
integrations work on the records as they are (:mod:`workplace.integrations.kinds`).
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from workplace.config.plain import from_plain

if TYPE_CHECKING:
    from workplace.catalog.remote import RemoteCatalog
    from workplace.catalog.snapshot import CatalogSnapshot, CatalogSource

log = logging.getLogger("workplace.config")

ARGUMENT = "--confirm-start-snapshot"
"""The first word of the child's command line (not an option people use)."""
TIMEOUT_S = 60.0


class Confirmed(NamedTuple):
    """The child's answer when it showed exactly the snapshot's content."""

    catalog: dict[str, Any] | None
    """The central catalog's copy the child checked, plain (:func:`encode_catalog`)."""

    def snapshot(self, source: CatalogSource | None) -> tuple[str, CatalogSnapshot] | None:
        """The checked copy for ``source`` (the trusted settings' catalog) and the digest
        of the record it came from; None when the child had none. Raises ValueError
        when the answer does not hold one as :func:`encode_catalog` writes it."""
        found = self.catalog
        if found is None or source is None:
            return None
        from workplace.catalog.snapshot import CatalogSnapshot

        try:
            return str(found["digest"]), CatalogSnapshot(
                source=source,
                version=int(found["version"]),
                generated=found["generated"],
                fetched_at=float(found["fetched_at"]),
                checked_at=float(found["checked_at"]),
                categories=tuple(found["categories"]),
                services=tuple(found["services"]),
                epoch=int(found["epoch"]),
                signed=bool(found["signed"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"the catalog in the answer is damaged ({exc!r})") from None


def encode_catalog(remote: RemoteCatalog | None,
                   snapshot: CatalogSnapshot | None) -> dict[str, Any] | None:
    """The child's copy of the central catalog as plain data (the schema's models tagged
    with their classes, as in the start-up snapshot), with its record's digest."""
    checked = remote.checked() if remote is not None else None
    if snapshot is None or checked is None or checked[1] is not snapshot or snapshot.problems:
        return None
    from workplace.config.warm import plain

    return {
        "digest": checked[0], "version": snapshot.version, "generated": snapshot.generated,
        "fetched_at": snapshot.fetched_at, "checked_at": snapshot.checked_at,
        "epoch": snapshot.epoch, "signed": snapshot.signed,
        "categories": [plain(c) for c in snapshot.categories],
        "services": [plain(s) for s in snapshot.services],
    }


def command(override: Path | None) -> list[str]:
    """The child's command line: the frozen bundle's executable, or this Python
    isolated (``-I``: no user site, no ``PYTHON*`` variables, not the working folder)."""
    if getattr(sys, "frozen", False):
        head = [sys.executable, ARGUMENT]
    else:
        head = [sys.executable, "-I", "-m", "workplace", ARGUMENT]
    return [*head, str(override)] if override is not None else head


def confirmed(override: Path | None, shown: str) -> Confirmed | None:
    """The answer of a trusted load in a child process that shows exactly ``shown``;
    None when it shows anything else or cannot tell (blocking)."""
    import subprocess  # here: the command line imports this module for ARGUMENT at start

    try:
        done = subprocess.run(  # our own program, no shell
            command(override), stdin=subprocess.DEVNULL, capture_output=True,
            timeout=TIMEOUT_S, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.info("the settings check could not run (%s): reading them here", exc)
        return None
    if done.returncode != 0:
        log.info("the settings check ended with %s: reading them here", done.returncode)
        return None
    try:
        answer = json.loads(done.stdout.decode("utf-8"), object_hook=from_plain)
        content = answer["content"] if isinstance(answer, dict) else None
        catalog = answer.get("catalog") if isinstance(answer, dict) else None
    except (UnicodeDecodeError, ValueError, KeyError):
        log.info("the settings check answered something else: reading them here")
        return None
    if content != shown:
        log.info("the settings changed since the last start: reading them here")
        return None
    return Confirmed(catalog if isinstance(catalog, dict) else None)
