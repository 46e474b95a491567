# SPDX-License-Identifier: EUPL-1.2
"""Validated configuration as plain data: what a warm start's first paint reads.

The schema (:mod:`workplace.config.schema`) is pydantic, and importing pydantic and
building the schema classes costs more than the rest of the first paint. A warm start
(:mod:`workplace.config.warm`) therefore rebuilds the values that passed validation at
the last clean start as :class:`Record` objects: one class per schema class, with the
same name, the same fields (as attributes) and the same few methods (the mixins
below, which the schema classes inherit too), but read-only and without pydantic.

Records are what the first paint shows. :meth:`workplace.app.Workplace.trusted` then
reads the IT sources themselves, in a child process where it can
(:mod:`workplace.config.trustcheck`): only when that trusted load shows exactly these
records do they stay, as the trusted settings, and pydantic never enters the launcher.
Otherwise the window adopts the pydantic models. A record has pydantic's ``model_copy``
(unvalidated, as pydantic's) but none of its other methods (``model_dump``, ...): code
that needs one (saving preferences) works on the models (``Workplace._models``).

This module imports nothing heavy; keep it that way (the schema imports it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workplace.config.schema import IntegrationBase, NativeCommand


# --------------------------------------------------------------------------- shared methods
# The schema classes inherit these, so a record and a model answer alike.


class LocalizedTextMethods:
    """A text in German and English (``de``, ``en``)."""

    if TYPE_CHECKING:  # the fields (pydantic must not see them here)
        de: str
        en: str

    def get(self, language: str) -> str:
        """The text in ``language`` (``de`` or ``en``), falling back to the other one."""
        if language.startswith("de"):
            return self.de or self.en
        return self.en or self.de

    def __bool__(self) -> bool:
        return bool(self.de or self.en)


class NativeAppMethods:
    if TYPE_CHECKING:
        linux: NativeCommand | None
        windows: NativeCommand | None
        macos: NativeCommand | None

    def command_for(self, platform: str) -> NativeCommand | None:
        """The command for a ``sys.platform`` value, or None if none is configured."""
        if platform.startswith("win"):
            return self.windows
        if platform == "darwin":
            return self.macos
        return self.linux


class RemoteCatalogMethods:
    if TYPE_CHECKING:
        manifest_url: str | None
        univention_portal_url: str | None

    @property
    def configured(self) -> bool:
        """True if IT named a central catalog (a manifest or a Univention portal)."""
        return bool(self.manifest_url or self.univention_portal_url)


class IntegrationsMethods:
    def enabled(self) -> dict[str, IntegrationBase]:
        """The integrations switched on, by name."""
        found: dict[str, IntegrationBase] = {}
        for name in field_names(self):
            section = getattr(self, name)
            if isinstance(getattr(section, "enabled", None), bool) and section.enabled:
                found[name] = section
        return found


METHODS: dict[str, type] = {
    "LocalizedText": LocalizedTextMethods,
    "NativeApp": NativeAppMethods,
    "RemoteCatalogSettings": RemoteCatalogMethods,
    "Integrations": IntegrationsMethods,
}
"""Schema class name -> the methods its records have (the schema class inherits them)."""


# --------------------------------------------------------------------------- records


class Record:
    """The fields of one validated model as read-only attributes.

    Equal to another record of the same class with the same values; never equal to a
    pydantic model (compare what both would save instead: ``warm.document``).
    """

    def __init__(self, values: dict[str, Any]) -> None:
        object.__setattr__(self, "__dict__", values)

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Record:
        """A copy with some fields replaced, as pydantic's ``model_copy`` (which does
        not validate ``update`` either: only the program's own values go there)."""
        return type(self)({**self.__dict__, **(update or {})})

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:  # like a frozen pydantic model: fails on list values
        return hash((type(self).__name__, *self.__dict__.values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({fields})"


_classes: dict[str, type[Record]] = {}


def record_class(name: str) -> type[Record]:
    """The record class standing in for the schema class ``name`` (made once)."""
    found = _classes.get(name)
    if found is None:
        if not name.isidentifier():
            raise ValueError(f"not a class name: {name!r}")
        mixin = METHODS.get(name)
        bases: tuple[type, ...] = (mixin, Record) if mixin is not None else (Record,)
        found = _classes[name] = type(name, bases, {"__module__": __name__})
    return found


TAG = "$"
"""The key naming the schema class of an object in a plain document; ``""`` marks a
plain mapping (a ``dict`` field), which therefore may not have a key ``$`` itself."""


def from_plain(value: dict[str, Any]) -> Any:
    """A ``json.loads`` object hook: tagged objects become records, plain maps dicts."""
    name = value.pop(TAG, None)
    if not name:
        return value
    return record_class(name)(value)


def field_names(model: object) -> Iterable[str]:
    """The field names of a schema model or of its record."""
    fields = getattr(type(model), "model_fields", None)
    return fields if fields is not None else vars(model)


class LazyMapping(Mapping[str, Any]):
    """A read-only mapping built on first use, but for the ``eager`` part it starts with
    (the origins of 10,000 leaves cost nothing at the first paint; the preferences',
    which the window reads, are there at once)."""

    def __init__(
        self, build: Callable[[], Mapping[str, Any]], eager: Mapping[str, Any] | None = None
    ) -> None:
        self._build = build
        self._eager = dict(eager or {})
        self._built: dict[str, Any] | None = None

    def _values(self) -> dict[str, Any]:
        if self._built is None:
            self._built = dict(self._build())
        return self._built

    def __getitem__(self, key: str) -> Any:
        if key in self._eager:
            return self._eager[key]
        return self._values()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values())

    def __len__(self) -> int:
        return len(self._values())
