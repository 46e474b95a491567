# SPDX-License-Identifier: EUPL-1.2
"""Synthetic tenants of any size, built from the Musterstadt demo organisation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ICONS = ["portal", "mail", "calendar", "chat", "video", "files", "office", "projects", "wiki"]
CATEGORIES = [
    ("communication", "Kommunikation", "Communication"),
    ("productivity", "Dateien und Office", "Files and office"),
    ("organisation", "Organisation und Wissen", "Organisation and knowledge"),
    ("specialist", "Fachverfahren", "Specialist procedures"),
]


def write_tenant(
    path: Path, services: int, *, base_url: str = "https://svc{n}.musterstadt.example/",
    health_url: str | None = None, identity_provider: dict[str, Any] | None = None,
) -> Path:
    """Write a JSON tenant with ``services`` services; returns the path.

    ``health_url`` (a pattern with ``{n}``) gives every service a health URL;
    ``identity_provider`` becomes the tenant's section of that name (sign-in).
    """
    tenant: dict[str, Any] = {
        "organisation": {
            "name": {"de": "Stadtverwaltung Musterstadt", "en": "City of Musterstadt"},
            "short_name": "Musterstadt",
            "logo": "musterstadt",
            "accent_colour": "#0b5cad",
        },
        "categories": [{"id": c, "name": {"de": de, "en": en}} for c, de, en in CATEGORIES],
        "services": [
            {
                "id": f"svc{n:04d}",
                "name": {"de": f"Fachverfahren {n}", "en": f"Procedure {n}"},
                "description": {
                    "de": f"Vorgangsbearbeitung Nummer {n} für das Amt {n % 37}",
                    "en": f"Case handling number {n} for office {n % 37}",
                },
                "category": CATEGORIES[n % len(CATEGORIES)][0],
                "icon": ICONS[n % len(ICONS)],
                "keywords": [f"verfahren{n}", f"amt{n % 37}"],
                "url": base_url.format(n=n),
            }
            for n in range(services)
        ],
    }
    if health_url is not None:
        for n, service in enumerate(tenant["services"]):
            service["health_url"] = health_url.format(n=n)
    if identity_provider is not None:
        tenant["identity_provider"] = identity_provider
    path.write_text(json.dumps(tenant, ensure_ascii=False), encoding="utf-8")
    return path
