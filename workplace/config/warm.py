# SPDX-License-Identifier: EUPL-1.2
"""Warm start: the first paint from what the last clean start knew, as plain data.

Reading and validating the layered configuration (pydantic, the parsers, the line
locators) and the cached central catalog costs more than the rest of the start-up
together. A start whose sources are unchanged (the usual case) reads one JSON
snapshot instead: the validated settings and the effective catalog of the last clean
start, rebuilt as plain records (:mod:`workplace.config.plain`) without importing
pydantic, without validating again and without folding a single search text.

The snapshot is keyed on a fingerprint of every file the loader would read (path,
size, mtime, ctime, inode), the program version, the override file, and the cached
central catalog the catalog came from. Only clean loads (no problem in the
configuration, the central catalog or their merge) are saved, so a broken file is
always reported anew. On platforms with policy stores that cannot be fingerprinted
cheaply (the Windows registry, macOS profiles) the warm path is not used.

Trust: the snapshot lies in the user's cache, and the fingerprint is written *inside*
it, so anyone with the user's rights can make it say anything and still match. It is
therefore used for the window's first paint only. What runs and what is locked comes
from the IT sources themselves: :meth:`workplace.app.Workplace.trusted` reads them in
the first job after the paint, before anything is launched or saved, and replaces
what the snapshot showed, unless a trusted load in a child process shows exactly the
snapshot's content (:mod:`workplace.config.trustcheck`). The command line never reads
the snapshot.

The file holds three lines, each one JSON document::

    {"format": 2, "fingerprint": [...], "depends": ["/…/catalog-manifest-….json"],
     "preference_origins": {...}}
    {"tenant": {...}, "preferences": {...}, "locked": [...], "it_sources": [...],
     "catalog": {...}}
    {"organisation.name.de": ["it", "/etc/xdg/workplace/workplace.toml"], ...}

The second line (the content) is compared as text: the next trusted load encodes its
own result the same way, and equal texts mean the first paint showed exactly the
configuration (then the window swaps its objects without a visible change). The
third (the origin of every other leaf, ten per service) is parsed only when
something asks for one.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from workplace import __version__
from workplace.config.paths import IT_MAIN_NAMES, Paths
from workplace.config.plain import TAG, LazyMapping, Record, from_plain
from workplace.config.settings import Origin, Settings

if TYPE_CHECKING:
    from workplace.catalog.catalog import Catalog
    from workplace.config.schema import Category, Preferences, Service, Tenant

log = logging.getLogger("workplace.config")

FORMAT = 2
SNAPSHOT_NAME = "settings-snapshot.json"


def supported(platform: str = sys.platform) -> bool:
    """Only where every configuration source is a file the fingerprint can see."""
    return platform.startswith("linux")


def snapshot_file(paths: Paths) -> Path:
    return paths.cache_dir / SNAPSHOT_NAME


def stat_entry(path: Path) -> list[Any]:
    """What the fingerprint knows of one file (it is not opened)."""
    try:
        st = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


Fingerprint = list[list[Any]]


def fingerprint(paths: Paths, override: Path | None) -> Fingerprint:
    """What the loader would read, as comparable stat entries (no file is opened)."""
    entries: Fingerprint = [["version", __version__], ["format", FORMAT]]
    if override is not None:
        entries.append(["override", *stat_entry(override.absolute())])
    else:
        for directory in paths.it_config_dirs:
            for name in IT_MAIN_NAMES:
                entries.append(stat_entry(directory / name))
            conf_d = directory / "conf.d"
            entries.append(stat_entry(conf_d))
            try:
                names = sorted(conf_d.iterdir()) if conf_d.is_dir() else []
            except OSError:
                names = []
            entries.extend(stat_entry(entry) for entry in names)
    entries.append(stat_entry(paths.preferences_file))
    return entries


# --------------------------------------------------------------------------- writing


class NotPlain(TypeError):
    """A value the snapshot cannot hold as plain data (then no snapshot is written)."""


def _plain(value: Any) -> Any:
    """``value`` as JSON data; every model becomes an object tagged with its class."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    fields = getattr(type(value), "model_fields", None)
    if fields is not None:  # a schema model (pydantic is loaded: this is the slow path)
        out: dict[str, Any] = {TAG: type(value).__name__}
        for name in fields:
            out[name] = _plain(getattr(value, name))
        return out
    if isinstance(value, Record):  # a confirmed record: its fields, in the model's order
        return {TAG: type(value).__name__, **{k: _plain(v) for k, v in vars(value).items()}}
    if isinstance(value, dict):
        if TAG in value or not all(isinstance(key, str) for key in value):
            raise NotPlain(f"a mapping with the key {TAG!r} or a key that is no text")
        return {TAG: "", **{key: _plain(item) for key, item in value.items()}}
    raise NotPlain(f"{type(value).__name__} values are not kept in the snapshot")


def plain(value: Any) -> Any:
    """``value`` (a schema model, a record or plain data) as the snapshot writes it;
    raises :class:`NotPlain`."""
    return _plain(value)


class Content(NamedTuple):
    """What a snapshot shows, encoded (the trusted load's, to save and to compare)."""

    text: str
    preference_origins: dict[str, list[str]]
    origins: str


def content(settings: Settings, catalog: Catalog) -> Content | None:
    """``settings`` and ``catalog`` encoded for a snapshot; None if they cannot be.

    Blocking CPU work (a job): it walks every model of the configuration."""
    tenant = settings.tenant
    local = {id(service): index for index, service in enumerate(tenant.services)}
    try:
        text = json.dumps(
            {
                "tenant": _plain(tenant),
                "preferences": _plain(settings.preferences),
                "locked": sorted(settings.locked),
                "it_sources": list(settings.it_sources),
                "catalog": {
                    "categories": [_plain(c) for c in catalog.categories],
                    # A service as configured is the tenant's: its index, not a copy.
                    "services": [
                        local[id(s)] if id(s) in local else _plain(s) for s in catalog.services
                    ],
                },
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
    except NotPlain as exc:
        log.info("start-up snapshot not possible: %s", exc)
        return None
    preference_origins: dict[str, list[str]] = {}
    other: dict[str, list[str]] = {}
    for key, origin in settings.origins.items():
        kept = preference_origins if key.startswith("preferences.") else other
        kept[key] = [origin.layer, origin.source]
    return Content(
        text, preference_origins, json.dumps(other, ensure_ascii=False, separators=(",", ":"))
    )


def key(taken: Fingerprint, depends: Iterable[Path]) -> Fingerprint:
    """The fingerprint a snapshot is keyed on: the configuration's, taken before it was
    read, and the cached central catalog's (``depends``)."""
    return [*taken, *(["depends", *stat_entry(path)] for path in depends)]


def save(paths: Paths, keyed: Fingerprint, depends: Sequence[Path], shown: Content) -> bool:
    """Write the snapshot of a clean load; returns whether it was written. Blocking disk.

    ``keyed`` (see :func:`key`) was taken *before* the files were read: a file that
    changed since makes the snapshot stale at once instead of hiding the change.
    """
    if not supported():
        return False
    head = {
        "format": FORMAT,
        "fingerprint": keyed,
        "depends": [str(path) for path in depends],
        "preference_origins": shown.preference_origins,
    }
    lines = (json.dumps(head, ensure_ascii=False), shown.text, shown.origins)
    from workplace.config.atomic import atomic_write_text

    try:
        atomic_write_text(snapshot_file(paths), "\n".join(lines) + "\n")
    except OSError as exc:
        log.info("start-up snapshot not written: %s", exc)
        return False
    return True


# --------------------------------------------------------------------------- reading


class FirstPaint(NamedTuple):
    """What a warm start shows until the trusted load: records, never models."""

    settings: Settings
    catalog: Catalog
    content: str
    """The snapshot's ``content`` text (the trusted load compares its own with it)."""
    keyed: Fingerprint


def load(paths: Paths, override: Path | None) -> FirstPaint | None:
    """The snapshot's settings and catalog if nothing it was made from changed, else None.

    Never raises: a missing, stale or damaged snapshot only costs the slow path. For
    the first paint only (see the module's note on trust): never launch, lock or
    connect anything on what it says."""
    if not supported():
        return None
    try:
        # The third line (every setting's origin, the bulk of a large tenant's snapshot)
        # is decoded only if something asks for an origin the head does not name.
        with snapshot_file(paths).open("rb") as snapshot:
            head_line = snapshot.readline().decode("utf-8")
            text = snapshot.readline().decode("utf-8").removesuffix("\n")
            others = snapshot.read()
        head = json.loads(head_line)
        depends = [Path(p) for p in head["depends"]]
        now = key(fingerprint(paths, override), depends)
        if head.get("format") != FORMAT or head.get("fingerprint") != now:
            return None
        return _first_paint(head, text, others, now)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged snapshot only costs the slow path
        log.info("start-up snapshot ignored: %s", exc)
        return None


def _first_paint(head: dict[str, Any], text: str, others: bytes, keyed: Fingerprint
                 ) -> FirstPaint:
    from workplace.catalog.catalog import Catalog

    shown = json.loads(text, object_hook=from_plain)
    tenant = shown["tenant"]
    services = tenant.services
    catalog = shown["catalog"]
    eager = {k: Origin(*v) for k, v in head["preference_origins"].items()}

    def every_origin() -> dict[str, Origin]:
        lines = others.decode("utf-8").split("\n")
        return {**{k: Origin(*v) for k, v in json.loads(lines[0]).items()}, **eager}

    settings = Settings(
        tenant=cast("Tenant", tenant),
        preferences=cast("Preferences", shown["preferences"]),
        origins=LazyMapping(every_origin, eager),
        locked=frozenset(shown["locked"]),
        problems=(),
        it_sources=tuple(shown["it_sources"]),
    )
    return FirstPaint(
        settings=settings,
        catalog=Catalog(
            categories=tuple(cast("list[Category]", catalog["categories"])),
            services=tuple(
                cast("Service", services[s] if isinstance(s, int) else s)
                for s in catalog["services"]
            ),
        ),
        content=text,
        keyed=keyed,
    )
