# SPDX-License-Identifier: EUPL-1.2
"""Test-wide set-up: offscreen Qt, isolated XDG directories, loud failures.

Every test gets its own XDG config/cache/state/data directories, so nothing the
program writes leaks between tests or into the developer's home.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# A logged error fails the test (tests/support/logfail.py, the expect_error fixture).
pytest_plugins = ("tests.support.logfail", "pytester")

# The test identity provider and its helpers (tests/stack) import each other by name.
sys.path.insert(0, str(Path(__file__).resolve().parent / "stack"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt warnings fail tests (qt_log_level_fail in pyproject.toml); keep the font
# database quiet about the minimal fonts of a CI machine.
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")


@pytest.fixture(autouse=True)
def isolated_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point every XDG directory into the test's tmp_path."""
    dirs = {}
    for var, name in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_DIRS", "etc-xdg"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        path = tmp_path / "xdg" / name
        path.mkdir(parents=True)
        if var == "XDG_RUNTIME_DIR":
            path.chmod(0o700)
        monkeypatch.setenv(var, str(path))
        dirs[var] = path
    monkeypatch.delenv("WORKPLACE_CONFIG", raising=False)
    # No desktop: its proxy settings (workplace.net.desktop_proxy) stay out of tests
    # unless a test names one.
    monkeypatch.delenv("XDG_CURRENT_DESKTOP", raising=False)
    # Nor the proxy or keyring of the machine running the tests: tests that want a
    # proxy set it themselves.
    for var in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.upper(), raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    return dirs


@pytest.fixture
def server() -> Any:
    """A scriptable HTTP server on 127.0.0.1 (tests/support/servers.py), closed after the
    test. A module may define its own ``server`` (another kind of server) instead."""
    from tests.support.servers import LoopbackServer

    srv = LoopbackServer()
    yield srv
    srv.close()


@pytest.fixture
def ca(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A throw-away test CA with a server certificate for 127.0.0.1, not trusted yet:
    the variables that would make the OS trust store or requests trust it are cleared."""
    from tests.support.tls import make_test_ca

    for var in ("SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(var, raising=False)
    return make_test_ca(tmp_path / "ca")


@pytest.fixture(scope="session")
def secret_service() -> Any:
    """The real Secret Service backend; fails loudly where it is missing."""
    import keyring
    from keyring.backends import SecretService

    from workplace.auth.keyring_store import backend_id

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
def shared_provider() -> Iterator[Any]:
    """One test identity provider for the whole run (tests/stack/provider.mjs)."""
    from provider import TestProvider

    with TestProvider() as running:
        yield running


@pytest.fixture
def provider(shared_provider: Any) -> Iterator[Any]:
    """The shared provider with every bad-behaviour switch off."""
    if not shared_provider.running:
        shared_provider.start()
    shared_provider.set_behaviour()
    yield shared_provider
    shared_provider.set_behaviour()


@pytest.fixture
def demo(provider: Any, tmp_path: Path) -> Iterator[Any]:
    """The demo organisation's live services (tests/stack/demo_services.py) signing in
    at the test provider, on free ports."""
    from demo_services import DemoServices

    services = DemoServices(tmp_path / "demo", fixed_ports=False, issuer=provider.issuer)
    services.start()
    try:
        yield services
    finally:
        services.close()
