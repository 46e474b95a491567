# SPDX-License-Identifier: EUPL-1.2
"""Settings IT sets through the operating system: Windows registry policy and macOS profiles.

Every setting IT can preset is derived from the schema (:func:`policy_settings`), so a
new field is covered automatically, or fails loudly (:class:`UnsupportedField`) until it
is given a kind here or an entry in :data:`NOT_A_POLICY`.

Where they are read from:

- Windows: ``HKLM`` then ``HKCU`` ``\\Software\\Policies\\Arbeitsplatz\\Workplace``.
  A value there is *mandatory*: it is set and, for a user preference, locked. The
  ``Recommended`` subkey holds preferences that are preset but the user may change.
- macOS: the managed preferences of the domain ``de.arbeitsplatz.Workplace``, installed
  by a configuration profile into ``/Library/Managed Preferences`` (computer, then
  user). Keys are mandatory; a ``Recommended`` dictionary holds changeable presets.

Each source becomes one :class:`PolicyLayer`: a plain dict in the shape of an IT file
(``{"organisation": {...}, "preferences": {...}}``), the preference keys it locks and
its name, which becomes the origin shown by ``workplace config show --origin``.
Values are checked for their registry/plist type here and for their meaning by the
schema when the loader validates the merged IT layer.
"""

from __future__ import annotations

import dataclasses
import plistlib
import re
import sys
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel

from workplace.config.schema import LocalizedText, Preferences, Tenant

REGISTRY_KEY = r"Software\Policies\Arbeitsplatz\Workplace"
RECOMMENDED = "Recommended"
MACOS_DOMAIN = "de.arbeitsplatz.Workplace"
MACOS_MANAGED_DIR = Path("/Library/Managed Preferences")

Kind = Literal["text", "boolean", "decimal", "enum", "list", "map"]

NOT_A_POLICY: Mapping[str, str] = {
    "categories": "structured list; set it in the organisation file (workplace.toml)",
    "services": "structured list; set it in the organisation file (workplace.toml)",
    "native_apps": "local commands; set them in the organisation file (workplace.toml)",
    "policy.locked": "implied: a preference set as a policy is locked",
    "preferences": "each preference is its own policy",
    "preferences.version": "format version of the user's file, not a setting",
}
"""Schema paths that deliberately have no policy, with the reason shown in the docs."""


class UnsupportedField(TypeError):
    """A schema field whose type has no policy kind and no entry in NOT_A_POLICY."""


@dataclass(frozen=True)
class PolicySetting:
    """One setting IT can set by policy, derived from one schema field."""

    name: str
    """Registry value / plist key, e.g. ``IdentityProviderIssuer``."""
    path: tuple[str, ...]
    """Where it goes in an IT file, e.g. ``("identity_provider", "issuer")``."""
    kind: Kind
    description_en: str
    description_de: str
    default: Any = None
    choices: tuple[str, ...] = ()
    preference: bool = False
    """A user preference: lockable, and also offered as a changeable preset."""

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


def _camel(parts: tuple[str, ...]) -> str:
    return "".join(word.capitalize() for part in parts for word in part.split("_"))


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``Annotated`` and ``| None``; and whether None was allowed."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = True
            if len(args) != 1:
                return annotation, optional
            annotation = args[0]
        else:
            return annotation, optional


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _scalar_kind(annotation: Any) -> tuple[Kind, tuple[str, ...]] | None:
    if annotation is bool:
        return "boolean", ()
    if annotation is int:
        return "decimal", ()
    if annotation is str:
        return "text", ()
    if typing.get_origin(annotation) is Literal:
        return "enum", tuple(str(a) for a in typing.get_args(annotation))
    return None


def _kind(annotation: Any) -> tuple[Kind, tuple[str, ...]] | None:
    scalar = _scalar_kind(annotation)
    if scalar is not None:
        return scalar
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is list and len(args) == 1 and _unwrap(args[0])[0] is str:
        return "list", ()
    if origin is dict and [_unwrap(a)[0] for a in args] == [str, str]:
        return "map", ()
    return None


def _lookup(data: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = data
    for part in path:
        node = node.get(part) if isinstance(node, Mapping) else None
    return node


def _walk(
    model: type[BaseModel],
    prefix: tuple[str, ...],
    preference: bool,
    parent: tuple[str, str] = ("", ""),
) -> Iterator[PolicySetting]:
    for key, info in model.model_fields.items():
        path = (*prefix, key)
        dotted = ".".join(path)
        if dotted in NOT_A_POLICY:
            continue
        annotation, _optional = _unwrap(info.annotation)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        en, de = info.description or "", str(extra.get("x-description-de", ""))
        if _is_model(annotation):
            yield from _walk(annotation, path, preference, (en, de))
            continue
        found = _kind(annotation)
        if found is None:
            raise UnsupportedField(
                f"{dotted}: no policy kind for {info.annotation!r}; give it one in "
                "workplace/config/platform_policy.py or list it in NOT_A_POLICY with a reason"
            )
        if model is LocalizedText:  # "German text." alone says too little
            en, de = f"{parent[0]} {en}", f"{parent[1]} {de}"
        name_parts = path[1:] if preference else path
        yield PolicySetting(
            name=_camel(name_parts),
            path=path,
            kind=found[0],
            description_en=en,
            description_de=de,
            choices=found[1],
            preference=preference,
        )


def policy_settings() -> tuple[PolicySetting, ...]:
    """Every setting IT can set by policy: the tenant's sections, then the preferences."""
    found: list[PolicySetting] = []
    for key, info in Tenant.model_fields.items():
        if key in NOT_A_POLICY:
            continue
        annotation, _optional = _unwrap(info.annotation)
        if not _is_model(annotation):
            raise UnsupportedField(
                f"{key}: top-level tenant field without policy support; "
                "list it in NOT_A_POLICY with a reason"
            )
        found.extend(_walk(annotation, (key,), preference=False))
    found.extend(_walk(Preferences, ("preferences",), preference=True))
    # The effective default of a nested field is its parent's default, not its own.
    defaults = {**Tenant().model_dump(mode="json"), "preferences": Preferences().model_dump()}
    found = [dataclasses.replace(s, default=_lookup(defaults, s.path)) for s in found]
    names = [s.name for s in found]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise UnsupportedField(f"policy names clash: {', '.join(duplicates)}")
    return tuple(found)


# --------------------------------------------------------------------------- the result


@dataclass(frozen=True)
class PolicyLayer:
    """What one policy source sets, in the shape of an IT configuration file."""

    source: str
    """Shown as the origin, e.g. ``HKLM\\Software\\Policies\\Arbeitsplatz\\Workplace``."""
    mandatory: bool
    """Mandatory values win over files and lock preferences; recommended ones only preset."""
    data: dict[str, Any] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    """Preference keys (``language``, ...) this source locks."""
    problems: tuple[str, ...] = ()
    """Values that were ignored, each as ``name: reason``."""

    def __bool__(self) -> bool:
        return bool(self.data or self.problems)


class _Builder:
    def __init__(self, source: str, mandatory: bool) -> None:
        self.source = source
        self.mandatory = mandatory
        self.data: dict[str, Any] = {}
        self.locked: set[str] = set()
        self.problems: list[str] = []
        self.settings = {s.name.lower(): s for s in policy_settings()}

    def setting(self, name: str) -> PolicySetting | None:
        found = self.settings.get(name.lower())
        if found is None:
            self.problems.append(f"{name}: unknown policy, ignored")
            return None
        if not self.mandatory and not found.preference:
            self.problems.append(
                f"{name}: only preferences can be recommended; set it as a policy, ignored"
            )
            return None
        return found

    def set(self, setting: PolicySetting, value: Any) -> None:
        node = self.data
        for part in setting.path[:-1]:
            node = node.setdefault(part, {})
        node[setting.path[-1]] = value
        if setting.preference and self.mandatory:
            self.locked.add(setting.path[-1])

    def wrong(self, name: str, expected: str) -> None:
        self.problems.append(f"{name}: expected {expected}, ignored")

    def layer(self) -> PolicyLayer:
        return PolicyLayer(
            self.source, self.mandatory, self.data, frozenset(self.locked), tuple(self.problems)
        )


# --------------------------------------------------------------------------- Windows


class RegistryKey(Protocol):
    def __enter__(self) -> RegistryKey: ...
    def __exit__(self, *exc: object) -> None: ...


class Registry(Protocol):
    """The part of :mod:`winreg` the reader uses; tests pass a fake."""

    HKEY_LOCAL_MACHINE: int
    HKEY_CURRENT_USER: int
    REG_SZ: int
    REG_EXPAND_SZ: int
    REG_MULTI_SZ: int
    REG_DWORD: int
    REG_QWORD: int

    def OpenKey(self, key: Any, sub_key: str) -> RegistryKey: ...
    def EnumValue(self, key: Any, index: int) -> tuple[str, Any, int]: ...
    def EnumKey(self, key: Any, index: int) -> str: ...


def _values(registry: Registry, key: Any) -> Iterator[tuple[str, Any, int]]:
    index = 0
    while True:
        try:
            yield registry.EnumValue(key, index)
        except OSError:
            return
        index += 1


def _subkeys(registry: Registry, key: Any) -> Iterator[str]:
    index = 0
    while True:
        try:
            yield registry.EnumKey(key, index)
        except OSError:
            return
        index += 1


def _numbered(name: str) -> tuple[int, str]:
    return (int(name), name) if name.isdigit() else (sys.maxsize, name)


def _registry_scalar(reg: Registry, b: _Builder, s: PolicySetting, data: Any, kind: int) -> None:
    strings = (reg.REG_SZ, reg.REG_EXPAND_SZ)
    numbers = (reg.REG_DWORD, reg.REG_QWORD)
    if s.kind in ("text", "enum"):
        if kind in strings:
            b.set(s, str(data))
        else:
            b.wrong(s.name, "a string (REG_SZ)")
    elif s.kind == "boolean":
        if kind in numbers and data in (0, 1):
            b.set(s, bool(data))
        else:
            b.wrong(s.name, "0 or 1 (REG_DWORD)")
    elif s.kind == "decimal":
        if kind in numbers:
            b.set(s, int(data))
        else:
            b.wrong(s.name, "a number (REG_DWORD)")
    elif s.kind == "list":
        if kind == reg.REG_MULTI_SZ:
            b.set(s, [str(v) for v in data if str(v)])
        else:
            b.wrong(s.name, f"a subkey {s.name} with values 1, 2, ... or REG_MULTI_SZ")
    else:
        b.wrong(s.name, f"a subkey {s.name} with one REG_SZ value per entry")


def _registry_container(reg: Registry, b: _Builder, s: PolicySetting, key: Any) -> None:
    entries = [(n, d, k) for n, d, k in _values(reg, key)]
    if any(k not in (reg.REG_SZ, reg.REG_EXPAND_SZ) for _n, _d, k in entries):
        b.wrong(s.name, "REG_SZ values in the subkey")
        return
    if s.kind == "list":
        b.set(s, [str(d) for _n, d, _k in sorted(entries, key=lambda e: _numbered(e[0])) if d])
    else:
        b.set(s, {n: str(d) for n, d, _k in entries})


def _read_registry_key(
    registry: Registry, hive: Any, path: str, source: str, mandatory: bool
) -> PolicyLayer:
    builder = _Builder(source, mandatory)
    try:
        key_cm = registry.OpenKey(hive, path)
    except OSError:
        return builder.layer()
    with key_cm as key:
        for name, data, kind in _values(registry, key):
            if not name:
                continue  # the key's (Default) value
            setting = builder.setting(name)
            if setting is not None:
                _registry_scalar(registry, builder, setting, data, kind)
        for sub in _subkeys(registry, key):
            if mandatory and sub.lower() == RECOMMENDED.lower():
                continue
            setting = builder.setting(sub)
            if setting is None:
                continue
            if setting.kind not in ("list", "map"):
                builder.wrong(sub, "a value, not a subkey")
                continue
            with registry.OpenKey(key, sub) as child:
                _registry_container(registry, builder, setting, child)
    return builder.layer()


def read_windows_policies(registry: Registry | None = None) -> list[PolicyLayer]:
    """Registry policy layers, lowest priority first; empty ones are left out.

    The order follows Chromium's: user recommended, machine recommended, user mandatory,
    machine mandatory, so a machine policy wins over a user policy.
    """
    if registry is None:  # pragma: no cover - Windows only
        import winreg

        registry = typing.cast(Registry, winreg)
    hives = (("HKCU", registry.HKEY_CURRENT_USER), ("HKLM", registry.HKEY_LOCAL_MACHINE))
    layers: list[PolicyLayer] = []
    for mandatory in (False, True):
        for label, hive in hives:
            path = REGISTRY_KEY if mandatory else f"{REGISTRY_KEY}\\{RECOMMENDED}"
            layer = _read_registry_key(registry, hive, path, f"{label}\\{path}", mandatory)
            if layer:
                layers.append(layer)
    return layers


# --------------------------------------------------------------------------- macOS


def _plist_ok(kind: Kind, value: Any) -> bool:
    if kind in ("text", "enum"):
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "decimal":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


_PLIST_TYPES: Mapping[Kind, str] = {
    "text": "<string>",
    "enum": "<string>",
    "boolean": "<true/> or <false/>",
    "decimal": "<integer>",
    "list": "<array> of <string>",
    "map": "<dict> of <string>",
}


def _plist_value(b: _Builder, s: PolicySetting, value: Any) -> None:
    if not _plist_ok(s.kind, value):
        b.wrong(s.name, _PLIST_TYPES[s.kind])
    elif s.kind == "list":
        b.set(s, list(value))
    elif s.kind == "map":
        b.set(s, {str(k): v for k, v in value.items()})
    else:
        b.set(s, value)


_PROFILE_KEYS = re.compile(r"^(Payload\w*|PayloadContent)$")


def _read_plist(path: Path) -> tuple[PolicyLayer, PolicyLayer]:
    source = str(path)
    mandatory = _Builder(source, True)
    recommended = _Builder(f"{source} ({RECOMMENDED})", False)
    try:
        with path.open("rb") as handle:
            document = plistlib.load(handle)
    except FileNotFoundError:
        return mandatory.layer(), recommended.layer()
    except (OSError, plistlib.InvalidFileException, ValueError) as exc:
        mandatory.problems.append(f"cannot read: {exc}")
        return mandatory.layer(), recommended.layer()
    if not isinstance(document, dict):
        mandatory.problems.append("not a dictionary, ignored")
        return mandatory.layer(), recommended.layer()
    for key, value in document.items():
        if key == RECOMMENDED:
            if not isinstance(value, dict):
                mandatory.wrong(key, "<dict>")
                continue
            for sub_key, sub_value in value.items():
                setting = recommended.setting(sub_key)
                if setting is not None:
                    _plist_value(recommended, setting, sub_value)
            continue
        if _PROFILE_KEYS.match(key):
            continue  # profile bookkeeping copied into the managed preferences
        setting = mandatory.setting(key)
        if setting is not None:
            _plist_value(mandatory, setting, value)
    return mandatory.layer(), recommended.layer()


def read_macos_policies(
    managed_dir: Path = MACOS_MANAGED_DIR, user: str | None = None
) -> list[PolicyLayer]:
    """Managed preference layers, lowest priority first; empty ones are left out.

    ``/Library/Managed Preferences/<user>/<domain>.plist`` (user profiles) ranks below
    ``/Library/Managed Preferences/<domain>.plist`` (device profiles).
    """
    if user is None:
        import getpass

        user = getpass.getuser()
    files = [managed_dir / user / f"{MACOS_DOMAIN}.plist", managed_dir / f"{MACOS_DOMAIN}.plist"]
    read = [_read_plist(path) for path in files]
    ordered = [rec for _m, rec in read] + [man for man, _r in read]
    return [layer for layer in ordered if layer]


def read_layers() -> list[PolicyLayer]:
    """The policy layers of this operating system, lowest priority first (none on Linux)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return read_windows_policies()
    if sys.platform == "darwin":  # pragma: no cover - macOS only
        return read_macos_policies()
    return []
