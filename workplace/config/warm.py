# SPDX-License-Identifier: EUPL-1.2
"""Warm start: reuse the last cleanly loaded Settings while none of its sources changed.

Reading and validating the layered configuration costs more than the rest of the
start-up together (parsers, validators, line locators). A start whose sources are
unchanged (the usual case) reads one JSON snapshot instead and rebuilds the same
immutable models without validating them again: the snapshot holds only values that
passed validation when it was written.

The snapshot is keyed on a fingerprint of every file the loader would read (path,
size, mtime, ctime, inode), the program version and the override file. Only clean
loads (no problems at all) are saved, so a broken file is always reported anew. On
platforms with policy stores that cannot be fingerprinted cheaply (the Windows
registry, macOS profiles) the warm path is not used.

Trust: the snapshot lies in the user's cache, and the fingerprint is written *inside*
it, so anyone with the user's rights can make it say anything and still match. It is
therefore used for the window's first paint only. What runs and what is locked comes
from the IT sources themselves: :meth:`workplace.app.Workplace.trusted` reads them in
the first job after the paint, before anything is launched or saved, and replaces
what the snapshot showed. The command line never reads the snapshot.
"""

from __future__ import annotations

import json
import logging
import sys
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from workplace import __version__
from workplace.config.atomic import atomic_write_text
from workplace.config.paths import IT_MAIN_NAMES, Paths
from workplace.config.schema import Preferences, Tenant
from workplace.config.settings import Origin, Settings

log = logging.getLogger("workplace.config")

FORMAT = 1
SNAPSHOT_NAME = "settings-snapshot.json"


def supported(platform: str = sys.platform) -> bool:
    """Only where every configuration source is a file the fingerprint can see."""
    return platform.startswith("linux")


def snapshot_file(paths: Paths) -> Path:
    return paths.cache_dir / SNAPSHOT_NAME


def _stat(path: Path) -> list[Any]:
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
        entries.append(["override", *_stat(override.absolute())])
    else:
        for directory in paths.it_config_dirs:
            for name in IT_MAIN_NAMES:
                entries.append(_stat(directory / name))
            conf_d = directory / "conf.d"
            entries.append(_stat(conf_d))
            try:
                names = sorted(conf_d.iterdir()) if conf_d.is_dir() else []
            except OSError:
                names = []
            entries.extend(_stat(entry) for entry in names)
    entries.append(_stat(paths.preferences_file))
    return entries


def same(a: Settings, b: Settings) -> bool:
    """Whether ``a`` and ``b`` agree in everything a snapshot holds."""
    return (
        a.tenant == b.tenant
        and a.preferences == b.preferences
        and dict(a.origins) == dict(b.origins)
        and a.locked == b.locked
        and a.it_sources == b.it_sources
        and a.problems == b.problems
    )


def save(paths: Paths, taken: Fingerprint, settings: Settings) -> bool:
    """Write the snapshot of a clean load; returns whether it was written. Blocking disk.

    ``taken`` is the fingerprint taken *before* ``settings`` were read: a file that
    changed since then makes the snapshot stale at once instead of hiding the change.
    """
    if not supported() or settings.problems:
        return False
    document = {
        "fingerprint": taken,
        "tenant": settings.tenant.model_dump(mode="json"),
        "preferences": settings.preferences.model_dump(mode="json"),
        "origins": {key: [o.layer, o.source] for key, o in settings.origins.items()},
        "locked": sorted(settings.locked),
        "it_sources": list(settings.it_sources),
    }
    try:
        atomic_write_text(snapshot_file(paths), json.dumps(document, ensure_ascii=False))
    except OSError as exc:
        log.info("start-up snapshot not written: %s", exc)
        return False
    return True


def load(paths: Paths, now: Fingerprint) -> Settings | None:
    """The snapshot's Settings if its fingerprint is ``now``, else None. Never raises.

    For the first paint only (see the module's note on trust): never launch, lock or
    connect anything on what it says."""
    if not supported():
        return None
    try:
        document = json.loads(snapshot_file(paths).read_text(encoding="utf-8"))
        if document.get("fingerprint") != now:
            return None
        return Settings(
            tenant=construct(Tenant, document["tenant"]),
            preferences=construct(Preferences, document["preferences"]),
            origins={key: Origin(*value) for key, value in document["origins"].items()},
            locked=frozenset(document["locked"]),
            problems=(),
            it_sources=tuple(document["it_sources"]),
        )
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged snapshot only costs the slow path
        log.info("start-up snapshot ignored: %s", exc)
        return None


# --------------------------------------------------------------------------- rebuilding models

_Model = typing.TypeVar("_Model", bound=BaseModel)


def construct(model: type[_Model], data: Any) -> _Model:
    """``model`` built from its own ``model_dump(mode="json")`` without validating again."""
    if not isinstance(data, dict):
        raise TypeError(f"{model.__name__}: expected an object, got {type(data).__name__}")
    values = {
        name: _value(info.annotation, data[name])
        for name, info in model.model_fields.items()
        if name in data
    }
    unknown = set(data) - set(model.model_fields)
    if unknown:
        raise TypeError(f"{model.__name__}: unknown fields {sorted(unknown)}")
    return model.model_construct(**values)


def _value(annotation: Any, value: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _value(typing.get_args(annotation)[0], value)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return construct(annotation, value)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        models = [
            a
            for a in typing.get_args(annotation)
            if isinstance(a, type) and issubclass(a, BaseModel)
        ]
        return construct(models[0], value) if models and isinstance(value, dict) else value
    if origin is list and isinstance(value, list):
        (item,) = typing.get_args(annotation) or (Any,)
        return [_value(item, v) for v in value]
    if origin is dict and isinstance(value, dict):
        args = typing.get_args(annotation)
        item = args[1] if len(args) == 2 else Any
        return {k: _value(item, v) for k, v in value.items()}
    if origin is tuple and isinstance(value, list):
        return tuple(value)
    return value
