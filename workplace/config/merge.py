# SPDX-License-Identifier: EUPL-1.2
"""Deep-merging IT files into one raw layer that remembers which file set which key.

Tables merge, lists and values replace. For every key path the owning file (and its
line locator) is kept, so problems and origins can name the right file and line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workplace.config.locate import Locations, PathPart


@dataclass(frozen=True)
class Owner:
    source: str
    locations: Locations | None
    leaf: bool


@dataclass
class Merged:
    """Raw IT data merged from several files, remembering which file set which key."""

    data: dict[str, Any] = field(default_factory=dict)
    owners: dict[tuple[PathPart, ...], Owner] = field(default_factory=dict)
    fallback_source: str = ""

    def add(self, source: str, data: Mapping[str, Any], locations: Locations | None) -> None:
        self._merge(self.data, data, (), source, locations)
        self.fallback_source = source

    def _merge(
        self,
        base: dict[str, Any],
        new: Mapping[str, Any],
        prefix: tuple[PathPart, ...],
        source: str,
        locations: Locations | None,
    ) -> None:
        for key, value in new.items():
            path = (*prefix, key)
            if isinstance(value, Mapping) and isinstance(base.get(key), dict):
                self.owners.setdefault(path, Owner(source, locations, False))
                self._merge(base[key], value, path, source, locations)
                continue
            base[key] = _copy_tables(value)
            self._forget(path)
            self._own(value, path, source, locations)

    def _forget(self, path: tuple[PathPart, ...]) -> None:
        size = len(path)
        for key in [k for k in self.owners if k[:size] == path]:
            del self.owners[key]

    def _own(
        self, value: Any, path: tuple[PathPart, ...], source: str, locations: Locations | None
    ) -> None:
        leaf = not isinstance(value, Mapping | list)
        self.owners[path] = Owner(source, locations, leaf)
        if isinstance(value, Mapping):
            for key, child in value.items():
                self._own(child, (*path, key), source, locations)
        elif isinstance(value, list):
            for index, child in enumerate(value):
                self._own(child, (*path, index), source, locations)

    def owner(self, parts: Sequence[PathPart], *, leaves_only: bool = False) -> Owner | None:
        key = tuple(parts)
        exact = self.owners.get(key)
        if exact is not None:
            return exact
        for end in range(len(key) - 1, 0, -1):
            found = self.owners.get(key[:end])
            if found is not None and (found.leaf or not leaves_only):
                return found
        return None

    def where(self, parts: Sequence[PathPart]) -> tuple[str, int | None]:
        found = self.owner(parts)
        if found is None:
            return self.fallback_source, None
        line = found.locations.line_for(parts) if found.locations is not None else None
        return found.source, line


def _copy_tables(value: Any) -> Any:
    """Copy nested tables, which later files merge into; lists are replaced, never merged."""
    if isinstance(value, Mapping):
        return {key: _copy_tables(child) for key, child in value.items()}
    return value
