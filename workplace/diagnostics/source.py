# SPDX-License-Identifier: EUPL-1.2
"""Where the catalog came from and how old the central copy is (``services``, ``doctor``)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from workplace.config.settings import Settings

if TYPE_CHECKING:
    from workplace.catalog.remote import RefreshResult, RemoteCatalog
    from workplace.catalog.snapshot import CatalogSnapshot


def describe_source(
    settings: Settings,
    remote: RemoteCatalog | None,
    snapshot: CatalogSnapshot | None,
    refreshed: RefreshResult | None,
    now: float | None = None,
) -> dict[str, Any]:
    """Where the catalog came from and how old it is, as a JSON-ready dict."""
    now = time.time() if now is None else now
    config = {"sources": list(settings.it_sources)}
    out: dict[str, Any] = {"configuration": config, "central": None}
    if remote is None or remote.source is None:
        return out
    central: dict[str, Any] = {
        "kind": remote.source.kind.value,
        "url": remote.source.url,
        "signed": remote.source.signed,
        "cached": snapshot is not None,
    }
    if snapshot is not None:
        central.update(
            version=snapshot.version,
            epoch=snapshot.epoch,
            generated=snapshot.generated,
            services=len(snapshot.services),
            fetched_at=_iso(snapshot.fetched_at),
            checked_at=_iso(snapshot.checked_at),
            age_seconds=round(snapshot.age(now)),
        )
    else:
        rejected = remote.rejected()
        if rejected:
            central["rejected"] = rejected
    if refreshed is not None:
        central["refresh"] = {"result": refreshed.kind.value, "detail": refreshed.detail}
    else:
        failure = remote.last_failure()
        if failure is not None:
            central["last_failure"] = {
                "at": _iso(failure.at), "result": failure.kind, "detail": failure.detail
            }
    out["central"] = central
    return out


def source_lines(source: dict[str, Any]) -> list[str]:
    """The plain-text form of :func:`describe_source`."""
    sources = source["configuration"]["sources"]
    lines = [f"Configuration: {', '.join(sources) if sources else 'built-in defaults'}"]
    central = source["central"]
    if central is None:
        lines.append("Central catalog: not configured")
        return lines
    what = "manifest" if central["kind"] == "manifest" else "Univention portal"
    signed = ", signed" if central["signed"] else ""
    lines.append(f"Central catalog: {what} {central['url']}{signed}")
    if central["cached"]:
        lines.append(
            f"  version {central['version']}"
            + (f" (epoch {central['epoch']})" if central.get("epoch") else "")
            + f", {central['services']} services, "
            f"confirmed {_age(central['age_seconds'])} ago ({central['checked_at']}), "
            f"downloaded {central['fetched_at']}"
            + (f", generated {central['generated']}" if central.get("generated") else "")
        )
    elif central.get("rejected"):
        lines.append(
            f"  a copy exists but was rejected ({central['rejected']}): "
            "the catalog shows the configured services only"
        )
    else:
        lines.append("  no copy yet: the catalog shows the configured services only")
    refresh = central.get("refresh")
    if refresh is not None:
        lines.append(f"  refresh: {refresh['result']}: {refresh['detail']}")
    failure = central.get("last_failure")
    if failure is not None:
        lines.append(
            f"  last refresh failed at {failure['at']} ({failure['result']}): {failure['detail']}"
        )
    return lines


def _iso(stamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(stamp))


def _age(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} s"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min"
    if seconds < 36 * 3600:
        return f"{round(seconds / 3600)} h"
    return f"{round(seconds / 86400)} days"
