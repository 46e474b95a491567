# SPDX-License-Identifier: EUPL-1.2
"""``workplace selftest --ready``: the real program, a remembered session in the real
keyring and the real test provider; it restores the sign-in, probes every service and
reports both in its one JSON line (what the memory benchmark measures)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from harness import Browser
from provider import TestProvider

from workplace.auth import AuthService, AuthStatus, KeyringStore
from workplace.auth.keyring_store import SERVICE
from workplace.config.paths import Paths
from workplace.config.schema import Tenant
from workplace.net.setup import NetworkSetup

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SERVICES = 6


def tenant(issuer: str) -> dict[str, Any]:
    return {
        "organisation": {"name": {"de": "Musterstadt", "en": "Musterstadt"}},
        "identity_provider": {"issuer": issuer, "extra_auth_params": {"prompt": "consent"}},
        "services": [
            {
                "id": f"svc{n}",
                "name": f"Service {n}",
                "url": f"{issuer}/demo/svc{n}",
                "health_url": f"{issuer}/demo/svc{n}/health",
            }
            for n in range(SERVICES)
        ],
    }


def selftest(config: Path, *args: str) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "workplace", "--config", str(config), "selftest", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=90,
    )
    lines = done.stdout.splitlines()
    assert len(lines) == 1, (done.stdout, done.stderr)
    report: dict[str, Any] = json.loads(lines[0])
    assert done.returncode == (0 if report["ok"] else 1), done.stderr
    return report


def test_ready_restores_the_session_and_probes_every_service(
    provider: TestProvider, secret_service: Any, tmp_path: Path
) -> None:
    data = tenant(provider.issuer)
    config = tmp_path / "tenant.json"
    config.write_text(json.dumps(data), encoding="utf-8")
    idp = Tenant.model_validate(data).identity_provider
    account = f"{idp.client_id}@{provider.issuer}"
    store = KeyringStore(secret_service, service=SERVICE)  # where the launcher looks
    browser = Browser()
    network = NetworkSetup()
    service = AuthService(idp, Paths.from_environment(), network, store, open_browser=browser)
    try:
        state = service.sign_in()
        assert state.status == AuthStatus.SIGNED_IN, state.reason
        service.close()
        assert store.load(account)  # the remembered session

        report = selftest(config, "--ready", "--timeout", "60")
        assert report["ok"] is True, report
        assert report["signed_in"] is True
        assert report["account"] == "signed_in"
        assert report["probed"] == SERVICES
        assert report["t_ready_ms"] >= report["t_first_paint_ms"] > 0
        if Path("/proc/self/status").exists():
            assert report["peak_rss_mib"] > 0

        # The next start is warm: its trusted load of the (unchanged) configuration runs
        # in a child process, and neither the schema nor keyring enter the launcher; nor
        # does requests (with its charset detection and IDNA tables): the program's HTTP
        # runs on urllib3 alone, and only a PAC file (pypac) brings requests in.
        warm = selftest(config, "--ready", "--timeout", "60")
        assert warm["ok"] is True and warm["warm_start"] is True, warm
        assert warm["signed_in"] is True and warm["probed"] == SERVICES
        assert "urllib3" in warm["libraries"], warm["libraries"]
        assert not {"pydantic", "keyring", "requests", "charset_normalizer", "idna"} & set(
            warm["libraries"]), warm["libraries"]

        plain = selftest(config)  # without --ready: no sign-in, no probes, no new fields
        assert plain["ok"] is True
        assert not {"signed_in", "probed", "t_ready_ms", "peak_rss_mib"} & plain.keys()
    finally:
        service.close()
        network.close()
        browser.session.close()
        store.delete(account)


def test_ready_without_a_remembered_session_is_signed_out(
    provider: TestProvider, secret_service: Any, tmp_path: Path
) -> None:
    data = tenant(provider.issuer)
    config = tmp_path / "tenant.json"
    config.write_text(json.dumps(data), encoding="utf-8")
    report = selftest(config, "--ready", "--timeout", "60")
    assert report["ok"] is True, report
    assert report["signed_in"] is False
    assert report["account"] == "signed_out"
    assert report["probed"] == SERVICES
