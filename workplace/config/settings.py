# SPDX-License-Identifier: EUPL-1.2
"""The one immutable result of reading the configuration: values, their origins and problems."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, NamedTuple

from workplace.config.plain import LazyMapping, field_names

if TYPE_CHECKING:  # pydantic is imported by the first Settings that needs a default
    from workplace.config.schema import Preferences, Tenant

Layer = Literal["default", "it", "user", "policy"]
Severity = Literal["error", "warning"]

BUILT_IN = "built-in"
"""The ``source`` of values that come from the program itself."""


class Origin(NamedTuple):
    """Where an effective value came from: the layer and the file (or ``built-in``)."""

    layer: str
    source: str

    def __str__(self) -> str:
        return f"{self.layer}: {self.source}"


DEFAULT_ORIGIN = Origin("default", BUILT_IN)


class ConfigProblem(NamedTuple):
    """One problem in a configuration file, printed as ``file:line: key.path: message``.

    ``severity`` is ``error`` (the file is not used, the last good configuration is) or
    ``warning`` (the file is used, something in it is probably not what IT meant).
    """

    file: str
    line: int | None
    path: str
    message: str
    severity: str = "error"
    message_de: str = ""
    """The message in German, where its source says it in both languages."""

    def __str__(self) -> str:
        return self.text("en")

    def text(self, language: str) -> str:
        """The line in ``language`` ("de" or "en"); English where no German is known."""
        german = language == "de" and bool(self.message_de)
        message = self.message_de if german else self.message
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.path:
            parts.append(self.path)
        if self.severity == "warning":
            message = f"{'Warnung' if german else 'warning'}: {message}"
        parts.append(message)
        return ": ".join(parts)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def _default_tenant() -> Tenant:
    from workplace.config.schema import Tenant

    return Tenant()


def _default_preferences() -> Preferences:
    from workplace.config.schema import Preferences

    return Preferences()


@dataclass(frozen=True)
class Settings:
    """The effective configuration. Build it with :func:`workplace.config.loader.load_settings`.

    ``origins`` maps every effective leaf (``organisation.name.de``, ``services[3].url``,
    ``preferences.language``) to its :class:`Origin`. ``locked`` holds preference keys
    (``language``, ``theme``, ...) that IT locked.
    """

    tenant: Tenant = field(default_factory=_default_tenant)
    preferences: Preferences = field(default_factory=_default_preferences)
    origins: Mapping[str, Origin] = field(default_factory=lambda: MappingProxyType({}))
    locked: frozenset[str] = frozenset()
    problems: tuple[ConfigProblem, ...] = ()
    it_sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.origins, MappingProxyType | LazyMapping):
            object.__setattr__(self, "origins", MappingProxyType(dict(self.origins)))

    def _pref_key(self, key: str) -> str:
        """``language`` and ``preferences.language`` name the same preference."""
        return f"preferences.{key}" if key in field_names(self.preferences) else key

    def origin(self, key: str) -> Origin:
        """The origin of ``key``; a parent or child key answers for keys that are not leaves."""
        key = self._pref_key(key)
        found = self.origins.get(key)
        if found is not None:
            return found
        parent = key
        while True:
            cut = max(parent.rfind("."), parent.rfind("["))
            if cut <= 0:
                break
            parent = parent[:cut]
            found = self.origins.get(parent)
            if found is not None:
                return found
        for child, origin in self.origins.items():
            if child.startswith((key + ".", key + "[")):
                return origin
        return DEFAULT_ORIGIN

    def is_locked(self, key: str) -> bool:
        """True if IT locked the preference ``key`` (``language`` or ``preferences.language``)."""
        return key.removeprefix("preferences.") in self.locked

    @property
    def errors(self) -> tuple[ConfigProblem, ...]:
        return tuple(p for p in self.problems if p.is_error)
