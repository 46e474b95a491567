# SPDX-License-Identifier: EUPL-1.2
"""The effective catalog: the local IT configuration plus the cached remote catalog.

Local services come first and win on an id clash (reported as a warning); remote
services follow within their category. Pure and disk-free, so the first paint can
use it with :meth:`RemoteCatalog.cached`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workplace.catalog.catalog import OTHER_ID, Catalog
from workplace.catalog.snapshot import CatalogSnapshot
from workplace.config.settings import ConfigProblem, Settings

if TYPE_CHECKING:
    from workplace.config.schema import Category, Service


def merge_catalog(
    settings: Settings, snapshot: CatalogSnapshot | None
) -> tuple[Catalog, list[ConfigProblem]]:
    """The merged catalog and the problems of the merge (all warnings)."""
    tenant = settings.tenant
    if snapshot is None:
        return Catalog.from_tenant(tenant), []
    source = snapshot.source.url
    problems: list[ConfigProblem] = []
    categories: list[Category] = list(tenant.categories)
    local_categories = {c.id: c for c in tenant.categories}
    for index, category in enumerate(snapshot.categories):
        mine = local_categories.get(category.id)
        if mine is None:
            categories.append(category)
        elif mine.name != category.name:
            problems.append(
                ConfigProblem(
                    source, None, f"categories[{index}].id",
                    f"category {category.id!r} is also in the local configuration; "
                    "its local name is used", "warning",
                )
            )
    declared = {c.id for c in categories} | {OTHER_ID}
    services: list[Service] = list(tenant.services)
    local_ids = {s.id for s in tenant.services}
    for index, service in enumerate(snapshot.services):
        if service.id in local_ids:
            problems.append(
                ConfigProblem(
                    source, None, f"services[{index}].id",
                    f"service {service.id!r} is also in the local configuration; "
                    "the local one is used", "warning",
                )
            )
            continue
        if service.native_app is not None and service.native_app not in tenant.native_apps:
            problems.append(
                ConfigProblem(
                    source, None, f"services[{index}].native_app",
                    f"native application {service.native_app!r} is not defined in the local "
                    "configuration; the web address is opened instead", "warning",
                )
            )
        if service.category not in declared:
            problems.append(
                ConfigProblem(
                    source, None, f"services[{index}].category",
                    f"category {service.category!r} is declared nowhere; "
                    f"the service is shown under {OTHER_ID!r}", "warning",
                )
            )
        services.append(service)
    return Catalog.build(categories, services), problems


def effective_catalog(settings: Settings, snapshot: CatalogSnapshot | None) -> Catalog:
    """The catalog the window shows: configuration plus the cached remote catalog."""
    return merge_catalog(settings, snapshot)[0]
