# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for the sign-in tests: the real test identity provider (tests/stack), the
real Secret Service keyring, a program standing in for the browser, and a clock."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import Browser, FakeClock, Harness, Recorder, tenant_config
from provider import TestProvider

from workplace.auth import KeyringStore
from workplace.config.paths import Paths


@pytest.fixture
def own_provider(tmp_path: Path) -> Iterator[TestProvider]:
    """A provider of this test alone, with state kept on disk (it may be restarted)."""
    with TestProvider(state_file=tmp_path / "provider-state.json",
                      log_file=tmp_path / "provider.log") as running:
        yield running


def _harness(provider: TestProvider, secret_service: Any) -> Iterator[Harness]:
    store = KeyringStore(secret_service, service=f"workplace-test-{uuid.uuid4()}")
    harness = Harness(
        provider=provider, paths=Paths.from_environment(), browser=Browser(),
        clock=FakeClock(), recorder=Recorder(), keyring=store,
        config=tenant_config(provider.issuer),
    )
    try:
        yield harness
    finally:
        for service in harness.services:
            service.close()
        harness.browser.session.close()
        store.delete(f"arbeitsplatz@{provider.issuer}")


@pytest.fixture
def harness(provider: TestProvider, secret_service: Any) -> Iterator[Harness]:
    yield from _harness(provider, secret_service)


@pytest.fixture
def own_harness(own_provider: TestProvider, secret_service: Any) -> Iterator[Harness]:
    yield from _harness(own_provider, secret_service)
