# SPDX-License-Identifier: EUPL-1.2
"""After which catalog refreshes the next start's snapshot is remembered: a 304 rewrites
the cached catalog file the snapshot is keyed on, so it counts too (else every start
after an unchanged refresh was a cold one, with pydantic loaded for the whole session)."""

from __future__ import annotations

from workplace.catalog.remote import RefreshKind, RefreshResult
from workplace.net.errors import NetworkErrorKind
from workplace.ui.gui import remember_after


def result(kind: object, snapshot: object | None) -> RefreshResult:
    return RefreshResult(kind, "", None, snapshot)  # type: ignore[arg-type]


def test_a_new_or_unchanged_catalog_is_remembered_a_failure_is_not() -> None:
    copy = object()
    assert remember_after(result(RefreshKind.UPDATED, copy))
    assert remember_after(result(RefreshKind.NOT_MODIFIED, copy))  # the 304
    assert not remember_after(result(RefreshKind.NOT_MODIFIED, None))
    assert not remember_after(result(RefreshKind.KEY_INVALID, copy))
    assert not remember_after(result(next(iter(NetworkErrorKind)), copy))
