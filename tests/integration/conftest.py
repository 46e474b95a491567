# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for the sign-in tests: the real test identity provider (tests/stack), the
real Secret Service keyring, a program standing in for the browser, and a clock."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

STACK = Path(__file__).resolve().parents[1] / "stack"
sys.path.insert(0, str(STACK))

from harness import Browser, FakeClock, Harness, Recorder, tenant_config  # noqa: E402
from provider import TestProvider  # noqa: E402

from workplace.auth import KeyringStore  # noqa: E402
from workplace.auth.keyring_store import backend_id  # noqa: E402
from workplace.config.paths import Paths  # noqa: E402


@pytest.fixture(scope="session")
def secret_service() -> Any:
    """The real Secret Service backend; fails loudly where it is missing."""
    import keyring
    from keyring.backends import SecretService

    chosen = keyring.get_keyring()
    if backend_id(chosen) != "keyring.backends.SecretService.Keyring":
        pytest.fail(
            f"the real Secret Service keyring is needed, keyring chose {backend_id(chosen)}; "
            "run the tests through scripts/test.sh (make test), which starts gnome-keyring "
            "in a private D-Bus session", pytrace=False)
    backend = SecretService.Keyring()
    probe = f"probe-{uuid.uuid4()}"
    try:
        backend.set_password("workplace-tests", probe, "x")
        backend.delete_password("workplace-tests", probe)
    except Exception as exc:
        pytest.fail(f"gnome-keyring is not usable ({exc!r}); run scripts/test.sh",
                    pytrace=False)
    return backend


@pytest.fixture(scope="session")
def shared_provider() -> Iterator[TestProvider]:
    with TestProvider() as running:
        yield running


@pytest.fixture
def provider(shared_provider: TestProvider) -> Iterator[TestProvider]:
    """The shared provider with every bad-behaviour switch off."""
    if not shared_provider.running:
        shared_provider.start()
    shared_provider.set_behaviour()
    yield shared_provider
    shared_provider.set_behaviour()


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
