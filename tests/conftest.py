# SPDX-License-Identifier: EUPL-1.2
"""Test-wide set-up: offscreen Qt, isolated XDG directories, loud failures.

Every test gets its own XDG config/cache/state/data directories, so nothing the
program writes leaks between tests or into the developer's home.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

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
