# SPDX-License-Identifier: EUPL-1.2
"""Layered configuration: schema defaults, then IT files, then user preferences, policy on top.

:func:`load_settings` never raises. A broken IT file makes the launcher run on the
last good IT configuration (cached as JSON) or on the defaults, and every problem is
reported with its file, line and key path.

The last good copy lies in the user's cache, so anyone with the user's rights can
edit it. It is used for what is harmless only: the organisation's look and texts,
the categories and the services with their web addresses. What could start a
program, lift a lock or redirect trust never comes from it: no native applications
(a service's ``native_app`` is dropped), no identity provider, no central catalog,
IT's network settings, link targets and proxy presets at their defaults, and no
preference can be changed while IT's own file is broken (see :func:`_harmless`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from workplace.config.atomic import atomic_write_text
from workplace.config.locate import PathPart, format_path
from workplace.config.merge import Merged, Owner
from workplace.config.paths import IT_MAIN_NAMES, Paths
from workplace.config.platform_policy import PolicyLayer
from workplace.config.platform_policy import read_layers as read_policy_layers
from workplace.config.preferences import read_user_file
from workplace.config.schema import PREFERENCE_KEYS, Preferences, Tenant
from workplace.config.settings import (
    BUILT_IN,
    DEFAULT_ORIGIN,
    ConfigProblem,
    Origin,
    Settings,
)
from workplace.config.sources import ParsedFile, parse_text, read_config_file
from workplace.config.validate import (
    Entry,
    validate_preferences,
    validate_tenant,
    validate_tenant_leaving_out,
)

log = logging.getLogger("workplace.config")

PROXY_KEYS = frozenset(
    {"proxy_mode", "proxy_pac_url", "proxy_http", "proxy_https", "proxy_exclusions"}
)
"""Preferences that decide where the traffic goes: never from a user-writable copy."""
UNTRUSTED_SECTIONS = ("native_apps", "identity_provider", "catalog", "network", "links")
"""Sections of the IT layer a user-writable copy must not supply (see :func:`_harmless`)."""
FROZEN_REASON = {
    "de": "Die Konfigurationsdatei Ihrer IT ist fehlerhaft. Bis die IT sie repariert hat, "
    "lassen sich hier keine Einstellungen ändern; Anmeldung, eigene Programme und der "
    "zentrale Katalog sind so lange aus.",
    "en": "Your IT department's configuration file has errors. Until IT repairs it, no "
    "settings can be changed here; sign-in, local applications and the central catalog "
    "are off until then.",
}
BUILTIN_TENANT = "tenants/musterstadt.toml"
BUILTIN_SOURCE = f"{BUILT_IN}:{BUILTIN_TENANT}"
LAST_GOOD_VERSION = 2


# --------------------------------------------------------------------------- merged IT layer


def it_files(paths: Paths) -> tuple[list[Path], list[ConfigProblem]]:
    """The system IT files, lowest priority first, and warnings about ignored ones."""
    files: list[Path] = []
    problems: list[ConfigProblem] = []
    for directory in reversed(paths.it_config_dirs):
        mains = [directory / name for name in IT_MAIN_NAMES if (directory / name).is_file()]
        if len(mains) > 1:
            problems.append(
                ConfigProblem(
                    str(mains[1]), None, "", f"ignored because {mains[0].name} exists", "warning"
                )
            )
        files.extend(mains[:1])
        conf_d = directory / "conf.d"
        try:
            entries = sorted(conf_d.iterdir()) if conf_d.is_dir() else []
        except OSError as exc:
            problems.append(ConfigProblem(str(conf_d), None, "", f"cannot list: {exc}"))
            entries = []
        files.extend(
            entry
            for entry in entries
            if entry.suffix.lower() in (".toml", ".json") and not entry.name.startswith(".")
        )
    return files, problems


def _builtin_text() -> str:
    return (resources.files("workplace.resources") / BUILTIN_TENANT).read_text(encoding="utf-8")


@dataclass(frozen=True)
class _ItLayer:
    tenant: Tenant
    merged: Merged
    sources: tuple[str, ...]
    layer: str
    problems: list[ConfigProblem]
    frozen: bool = False
    """Running on the user-writable last good copy: nothing may be changed (fail closed)."""


def _load_it_layer(
    paths: Paths, override: Path | None, policies: Sequence[PolicyLayer]
) -> _ItLayer:
    problems: list[ConfigProblem] = []
    if override is not None:
        files = [override]
        cache_key = f"override:{override.absolute()}"
    else:
        files, problems = it_files(paths)
        cache_key = "system:" + os.pathsep.join(str(d) for d in paths.it_config_dirs)
        if not files and not policies:
            return _builtin_layer(problems)

    merged = Merged(fallback_source=str(files[-1]) if files else policies[-1].source)
    broken = False
    for path in files:
        parsed = read_config_file(path)
        if isinstance(parsed, list):
            problems.extend(parsed)
            broken = True
            continue
        problems.extend(parsed.problems)
        merged.add(parsed.path, parsed.data, parsed.locations)
    for policy in policies:  # OS policy (registry, profiles) wins over files
        merged.add(policy.source, policy.data, None)
    tenant: Tenant | None = None
    left_out: list[Entry] = []
    if not broken:
        tenant, found, left_out = validate_tenant_leaving_out(merged.data, merged.where)
        problems.extend(found)
    sources = (*(str(p) for p in files), *(p.source for p in policies))
    if tenant is not None:
        if not left_out:  # only a complete configuration becomes the last good one
            _save_last_good(paths, cache_key, merged)
        else:
            log.warning("IT configuration: %d entries with errors left out", len(left_out))
        return _ItLayer(tenant, merged, sources, "it", problems)
    return _fallback(paths, cache_key, problems)


def _builtin_layer(problems: list[ConfigProblem]) -> _ItLayer:
    parsed = parse_text(_builtin_text(), BUILTIN_SOURCE, ".toml")
    merged = Merged(fallback_source=BUILTIN_SOURCE)
    if isinstance(parsed, ParsedFile):
        merged.add(BUILTIN_SOURCE, parsed.data, parsed.locations)
        tenant, found = validate_tenant(merged.data, merged.where)
        if tenant is not None:
            return _ItLayer(tenant, merged, (BUILTIN_SOURCE,), "default", problems)
        problems.extend(found)  # pragma: no cover - the shipped tenant is tested
    return _ItLayer(Tenant(), Merged(), (), "default", problems)  # pragma: no cover


def _cache_file(paths: Paths, key: str) -> Path:
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return paths.cache_dir / f"last-good-it-{digest}.json"


def _save_last_good(paths: Paths, key: str, merged: Merged) -> None:
    document = {
        "version": LAST_GOOD_VERSION,
        "key": key,
        "data": merged.data,
        "owners": [[list(path), o.source, o.leaf] for path, o in merged.owners.items()],
    }
    cache = _cache_file(paths, key)
    try:
        text = json.dumps(document, ensure_ascii=False, sort_keys=True, default=str)
        old = cache.read_text(encoding="utf-8") if cache.exists() else None
        if old != text:
            atomic_write_text(cache, text)
    except (OSError, ValueError) as exc:
        log.warning("cannot cache the last good IT configuration in %s: %s", cache, exc)


def _fallback(paths: Paths, key: str, problems: list[ConfigProblem]) -> _ItLayer:
    cache = _cache_file(paths, key)
    try:
        document = json.loads(cache.read_text(encoding="utf-8"))
        if document.get("version") != LAST_GOOD_VERSION or document.get("key") != key:
            raise ValueError("stale cache")
        data = _harmless(document["data"])
        tenant = Tenant.model_validate(data)
        merged = Merged(data=data, fallback_source=str(cache))
        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(cache.stat().st_mtime))
        for path, source, leaf in document["owners"]:
            if path and path[0] in UNTRUSTED_SECTIONS:
                continue
            merged.owners[tuple(path)] = Owner(
                f"{source} (last good copy of {stamp})", None, bool(leaf)
            )
    except FileNotFoundError:
        problems.append(
            ConfigProblem(
                "IT configuration",
                None,
                "",
                "has errors and no earlier good copy exists; running with the defaults",
            )
        )
        return _ItLayer(Tenant(), Merged(), (), "default", problems)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring the cached IT configuration %s: %s", cache, exc)
        problems.append(
            ConfigProblem("IT configuration", None, "", "has errors; running with the defaults")
        )
        return _ItLayer(Tenant(), Merged(), (), "default", problems)
    problems.append(
        ConfigProblem(
            "IT configuration",
            None,
            "",
            f"has errors; running on the last good configuration, saved {stamp}, with its "
            "web services only: sign-in, local applications, the central catalog and IT's "
            "network settings are off, and no setting can be changed until IT repairs the file",
        )
    )
    sources = tuple(sorted({o.source for o in merged.owners.values()}))
    return _ItLayer(tenant, merged, sources, "it", problems, frozen=True)


def _harmless(data: Any) -> dict[str, Any]:
    """What a user-writable copy of the IT layer may supply (fail closed on the rest).

    Kept: the organisation, the categories, the services' web targets, preference
    presets other than the proxy, and the copy's locks (a lock only restricts). Left
    out: native applications (and every service's reference to one), the identity
    provider, the central catalog and its pinned key, the network settings (extra CA,
    probes), where links go (a mail program, a compose view) and the proxy presets.
    The lock reason says why nothing can be changed.
    """
    if not isinstance(data, dict):
        raise ValueError("the cached IT configuration is not a table")
    kept = {key: value for key, value in data.items() if key not in UNTRUSTED_SECTIONS}
    services = kept.get("services")
    if isinstance(services, list):
        kept["services"] = [
            {k: v for k, v in service.items() if k != "native_app"}
            if isinstance(service, dict) else service
            for service in services
        ]
    presets = kept.get("preferences")
    if isinstance(presets, dict):
        kept["preferences"] = {k: v for k, v in presets.items() if k not in PROXY_KEYS}
    policy = kept.get("policy")
    policy = dict(policy) if isinstance(policy, dict) else {}
    policy["reason"] = dict(FROZEN_REASON)
    kept["policy"] = policy
    return kept


# --------------------------------------------------------------------------- all layers


def _leaves(value: Any, path: tuple[PathPart, ...]) -> list[tuple[PathPart, ...]]:
    if isinstance(value, dict) and value:
        return [leaf for key, child in value.items() for leaf in _leaves(child, (*path, key))]
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [leaf for i, child in enumerate(value) for leaf in _leaves(child, (*path, i))]
    return [path]


def _policy_problems(policies: Sequence[PolicyLayer]) -> list[ConfigProblem]:
    found = []
    for policy in policies:
        for text in policy.problems:
            name, _, reason = text.partition(": ")
            found.append(ConfigProblem(policy.source, None, name, reason or text, "warning"))
    return found


def _policy_locks(policies: Sequence[PolicyLayer]) -> dict[str, tuple[str, Any]]:
    """Preference key -> (source, value or _UNSET) for every key a mandatory policy locks."""
    locks: dict[str, tuple[str, Any]] = {}
    for policy in policies:
        if not policy.mandatory:
            continue
        presets = policy.data.get("preferences")
        presets = presets if isinstance(presets, Mapping) else {}
        bad = {str(parts[0]) for parts, _ in validate_preferences(presets)}
        for key in policy.locked:
            value = presets[key] if key in presets and key not in bad else _UNSET
            locks[key] = (policy.source, value)
    return locks


_UNSET = object()


def _build(paths: Paths, override: Path | None, policies: Sequence[PolicyLayer]) -> Settings:
    it = _load_it_layer(paths, override, policies)
    problems = _policy_problems(policies) + list(it.problems)
    origins: dict[str, Origin] = {}
    dump = it.tenant.model_dump(mode="json", exclude={"preferences"})
    for parts in _leaves(dump, ()):
        owner = it.merged.owner(parts, leaves_only=True)
        origins[format_path(parts)] = (
            Origin(it.layer, owner.source) if owner is not None else DEFAULT_ORIGIN
        )

    lock_owner = it.merged.owner(("policy", "locked"))
    lock_origins = {
        key: Origin("policy", lock_owner.source if lock_owner else BUILT_IN)
        for key in it.tenant.policy.locked
    }
    os_locks = _policy_locks(policies)
    for key, (source, _value) in os_locks.items():
        lock_origins[key] = Origin("policy", source)
    locked = frozenset(lock_origins)

    values: dict[str, Any] = {}
    pref_origins: dict[str, Origin] = {key: DEFAULT_ORIGIN for key in PREFERENCE_KEYS}
    for key, value in it.tenant.preferences.items():
        values[key] = value
        owner = it.merged.owner(("preferences", key))
        pref_origins[key] = Origin(it.layer, owner.source if owner else BUILT_IN)
    user = read_user_file(paths.preferences_file)
    problems.extend(user.problems)
    for key, value in user.values.items():
        if key in locked or (it.frozen and key in PROXY_KEYS):
            continue
        values[key] = value
        pref_origins[key] = Origin("user", str(paths.preferences_file))
    for key, (_source, value) in os_locks.items():
        if value is not _UNSET:  # also when the IT files fell back to the last good copy
            values[key] = value
    for key in locked:
        pref_origins[key] = lock_origins[key]
    if it.frozen:  # IT's own locks are unknown while its file is broken: fail closed
        locked = frozenset(PREFERENCE_KEYS)
    try:
        preferences = Preferences.model_validate(values)
    except ValueError as exc:  # pragma: no cover - every key was validated on its own
        log.warning("preferences rejected as a whole: %s", exc)
        preferences = Preferences()
        pref_origins = {key: DEFAULT_ORIGIN for key in PREFERENCE_KEYS}
    for key, origin in pref_origins.items():
        origins[f"preferences.{key}"] = origin
    return Settings(
        tenant=it.tenant,
        preferences=preferences,
        origins=origins,
        locked=locked,
        problems=tuple(problems),
        it_sources=it.sources,
    )


def load_settings(
    paths: Paths,
    override: Path | None = None,
    *,
    policy_layers: Sequence[PolicyLayer] | None = None,
) -> Settings:
    """The effective settings. Never raises: problems are in ``Settings.problems``.

    ``policy_layers`` are the operating system's policies (Windows registry, macOS
    profiles), lowest priority first; None reads them (there are none on Linux).
    """
    try:
        policies = read_policy_layers() if policy_layers is None else list(policy_layers)
        return _build(paths, override, policies)
    except Exception as exc:  # the launcher must start whatever happens
        log.exception("configuration could not be loaded")
        return Settings(
            problems=(ConfigProblem("configuration", None, "", f"internal error: {exc}"),)
        )


# --------------------------------------------------------------------------- one file


@dataclass(frozen=True)
class FileReport:
    """What ``workplace config check`` tells about one IT file."""

    problems: list[ConfigProblem]
    empty: bool = False
    tenant: Tenant | None = None

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def inspect_file(path: Path) -> FileReport:
    """Validate one IT configuration file on its own, as if it were the whole IT layer."""
    parsed = read_config_file(path)
    if isinstance(parsed, list):
        return FileReport(parsed)
    merged = Merged(fallback_source=parsed.path)
    merged.add(parsed.path, parsed.data, parsed.locations)
    # As the launcher would read it: broken entries are left out (and say so), and the
    # rest is checked further, so warnings show next to the errors.
    tenant, problems, left_out = validate_tenant_leaving_out(parsed.data, merged.where)
    return FileReport(parsed.problems + problems, parsed.empty, None if left_out else tenant)


def check_file(path: Path) -> list[ConfigProblem]:
    """Every problem in one IT configuration file (errors and warnings); empty if it is fine."""
    return inspect_file(path).problems
