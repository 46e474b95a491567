# SPDX-License-Identifier: EUPL-1.2
"""The effective catalog: services grouped by category, looked up by id and searched."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, cast

from workplace.catalog.search import SearchIndex
from workplace.config.plain import Record

if TYPE_CHECKING:  # a warm start's first paint shows a catalog without pydantic
    from workplace.config.schema import Category, Service, Tenant
    from workplace.config.settings import Settings

OTHER_ID = "other"
"""The category of services whose own category is declared nowhere."""


@cache
def other_category(plain: bool = False) -> Category:
    """The category ``other`` ("Weitere"), built on use: a schema model, or with
    ``plain`` a record (:mod:`workplace.config.plain`) for a catalog of records, which
    then needs no schema."""
    if plain:
        from workplace.config.plain import record_class

        name = record_class("LocalizedText")({"de": "Weitere", "en": "Other"})
        return cast("Category", record_class("Category")({"id": OTHER_ID, "name": name}))
    from workplace.config.schema import Category, LocalizedText

    # Built without validation: a constant, and validating it here would build the
    # deferred validators (see Strict in workplace/config/schema.py).
    return Category.model_construct(
        id=OTHER_ID, name=LocalizedText.model_construct(de="Weitere", en="Other")
    )


@dataclass(frozen=True)
class Catalog:
    """Categories in declared order (then ``other``) and services in configured order.

    A service whose category is not declared is listed under ``other``; of two services
    with the same id only the first is kept (the loader reports both cases).
    """

    categories: tuple[Category, ...]
    services: tuple[Service, ...]
    _by_id: dict[str, Service] = field(init=False, repr=False, compare=False)
    _index: SearchIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {s.id: s for s in self.services})
        object.__setattr__(self, "_index", SearchIndex(self.services))

    @classmethod
    def from_settings(cls, settings: Settings) -> Catalog:
        return cls.from_tenant(settings.tenant)

    @classmethod
    def from_tenant(cls, tenant: Tenant) -> Catalog:
        return cls.build(tenant.categories, tenant.services)

    @classmethod
    def build(cls, categories: Iterable[Category], services: Iterable[Service]) -> Catalog:
        declared: dict[str, Category] = {}
        for category in categories:
            declared.setdefault(category.id, category)
        kept: list[Service] = []
        seen: set[str] = set()
        for service in services:
            if service.id in seen:
                continue
            seen.add(service.id)
            if service.category not in declared and service.category != OTHER_ID:
                service = service.model_copy(update={"category": OTHER_ID})
            kept.append(service)
        ordered = list(declared.values())
        others = [s for s in kept if s.category == OTHER_ID]
        if OTHER_ID not in declared and others:
            ordered.append(other_category(isinstance(others[0], Record)))
        order = {c.id: i for i, c in enumerate(ordered)}
        kept.sort(key=lambda s: order[s.category])  # stable: configured order within a group
        return cls(tuple(ordered), tuple(kept))

    def get(self, service_id: str) -> Service | None:
        return self._by_id.get(service_id)

    def __contains__(self, service_id: object) -> bool:
        return service_id in self._by_id

    def __len__(self) -> int:
        return len(self.services)

    def in_category(self, category_id: str) -> list[Service]:
        return [s for s in self.services if s.category == category_id]

    def groups(self) -> list[tuple[Category, list[Service]]]:
        """Non-empty categories with their services, in display order."""
        out = []
        for category in self.categories:
            members = self.in_category(category.id)
            if members:
                out.append((category, members))
        return out

    def pick(self, service_ids: Iterable[str]) -> list[Service]:
        """The services for ``service_ids`` in that order, skipping unknown ids (favourites)."""
        return [self._by_id[i] for i in service_ids if i in self._by_id]

    def search(self, query: str, language: str = "de") -> list[Service]:
        """Services matching every word of ``query`` in either language, best first."""
        return self._index.search(query, language)

    def fold_search_texts(self) -> None:
        """Fold the texts a search compares, ahead of the first search (a job)."""
        self._index.fold()

    def prepare_search(self) -> None:
        """Build what a search with a typo needs, ahead of it (it takes a moment)."""
        self._index.prepare()

    def close_matches(self, text: str, limit: int = 5) -> list[Service]:
        """Services whose id is close to ``text`` or that a search for it finds."""
        import difflib

        ids = difflib.get_close_matches(text.lower(), list(self._by_id), n=limit, cutoff=0.5)
        found = [self._by_id[i] for i in ids]
        for service in self.search(text):
            if service not in found:
                found.append(service)
        return found[:limit]
