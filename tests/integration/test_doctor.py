# SPDX-License-Identifier: EUPL-1.2
"""``workplace doctor`` as a process against loopback servers: JSON keys, exit status, plain
words for a broken setup, and no secret in its output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.desktop import GNOME_ENV, gsettings_set, needs_gsettings
from tests.support.logfail import errors_in_output
from tests.support.servers import LoopbackServer, RecordingProxy, Route, closed_port

REPO = Path(__file__).resolve().parents[2]
SECRET = "S3cretProxyPassw0rd"
KEYS = {
    "version", "ok", "problems", "configuration", "network", "profile", "identity_provider",
    "keyring", "catalog", "services", "summary", "start_at_login", "bytes",
}



def _discovery(issuer: str) -> bytes:
    return json.dumps({
        "issuer": issuer,
        "authorization_endpoint": issuer + "/auth",
        "token_endpoint": issuer + "/token",
        "jwks_uri": issuer + "/jwks",
        "code_challenge_methods_supported": ["S256"],
        "id_token_signing_alg_values_supported": ["RS256"],
    }).encode()


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "workplace.toml"
    path.write_text(body, encoding="utf-8")
    return path


def doctor(
    config: Path, *args: str, env: dict[str, str] | None = None, debug: bool = False
) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **(env or {})}
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        if env is None or var not in env:
            environ.pop(var, None)
    done = subprocess.run(
        [sys.executable, "-m", "workplace", *(["--debug"] if debug else []),
         "--config", str(config), "doctor", *args],
        capture_output=True, text=True, timeout=60, cwd=REPO, env=environ, check=False,
    )
    assert not errors_in_output(done.stderr), done.stderr
    return done


def test_all_good_exits_0_with_stable_keys(tmp_path: Path, server: LoopbackServer) -> None:
    server.routes["/mail"] = Route(200, b"<html>")
    server.routes["/intranet"] = Route(204, b"")
    server.routes["/204"] = Route(204, b"")
    config = _config(tmp_path, f"""
[network]
intranet_probe_url = "{server.url('/intranet')}"
captive_portal_check_url = "{server.url('/204')}"
vpn_interfaces = ["no-such-vpn*"]
slow_threshold_ms = 60000  # slowness is not the point: a stall cannot make "mail" slow
probe_budget_seconds = 60

[[services]]
id = "mail"
name = "Mail"
url = "{server.url('/mail')}"
""")
    run = doctor(config, "--json")
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(run.stdout)
    assert set(report) == KEYS
    assert report["ok"] is True and report["problems"] == []
    assert report["profile"]["kind"] == "office"
    assert report["services"] == [{
        "id": "mail", "name": "Mail", "zone": "anywhere", "state": "available",
        "detail": report["services"][0]["detail"], "latency_ms": report["services"][0][
            "latency_ms"], "http_status": 200, "url": server.url("/mail"),
    }]
    assert report["summary"]["text"] == "1 of 1 available"
    assert report["configuration"]["sources"] == [str(config)]
    assert report["network"]["proxy"]["mode"] == "system"
    assert report["bytes"]["received"] > 0
    human = doctor(config)
    assert human.returncode == 0
    assert "Connection: office (intranet reachable)" in human.stdout
    assert "Result: all good." in human.stdout


def test_a_broken_setup_is_explained_and_exits_1(
    tmp_path: Path, server: LoopbackServer
) -> None:
    issuer = server.url("/realms/demo")
    server.routes["/realms/demo/.well-known/openid-configuration"] = Route(
        200, _discovery("https://wrong.example/realms/demo")
    )
    server.routes["/ok"] = Route(200, b"")
    down = f"http://127.0.0.1:{closed_port()}/"
    config = _config(tmp_path, f"""
[identity_provider]
issuer = "{issuer}"

[network]
extra_ca_bundle = "{tmp_path / 'missing-agency-ca.pem'}"
slow_threshold_ms = 60000  # slowness is not the point: a stall cannot make "ok" slow
probe_budget_seconds = 60

[[services]]
id = "ok"
name = "OK"
url = "{server.url('/ok')}"

[[services]]
id = "down"
name = "Down"
url = "{down}"

[[services]]
id = "erp"
name = "ERP"
url = "{server.url('/erp')}"
zone = "intranet"
""")
    run = doctor(config, "--json", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert run.returncode == 1, run.stdout + run.stderr
    report = json.loads(run.stdout)
    areas = {p["area"] for p in report["problems"]}
    assert {"network", "identity_provider", "keyring", "services"} <= areas
    states = {s["id"]: s["state"] for s in report["services"]}
    assert states == {"ok": "available", "down": "unreachable", "erp": "available"}
    idp = report["identity_provider"]
    assert idp["reachable"] is True and "issuer" in idp["detail"]
    assert report["keyring"]["available"] is False
    assert report["network"]["trust"]["extra_ca_loaded"] is False
    human = doctor(config, env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert human.returncode == 1
    assert "down: unreachable: cannot be reached (connection failed)" in human.stdout
    assert "missing-agency-ca.pem" in human.stdout
    assert "Keyring: none" in human.stdout


def test_intranet_zone_off_the_vpn_and_an_unreachable_provider(
    tmp_path: Path, server: LoopbackServer
) -> None:
    server.routes["/204"] = Route(204, b"")
    config = _config(tmp_path, f"""
[identity_provider]
issuer = "http://127.0.0.1:{closed_port()}/realms/demo"

[network]
intranet_probe_url = "http://127.0.0.1:{closed_port()}/intranet"
captive_portal_check_url = "{server.url('/204')}"

[[services]]
id = "erp"
name = "ERP"
url = "{server.url('/erp')}"
zone = "intranet"
""")
    run = doctor(config, "--json")
    assert run.returncode == 1
    report = json.loads(run.stdout)
    assert report["profile"]["kind"] == "home" and report["profile"]["intranet_reachable"] is False
    assert report["services"][0]["state"] == "needs_vpn"
    assert report["identity_provider"]["reachable"] is False
    assert ("GET", "/erp") not in server.seen and ("HEAD", "/erp") not in server.seen


def test_no_secret_in_the_output(tmp_path: Path, server: LoopbackServer) -> None:
    proxy = RecordingProxy()
    try:
        server.routes["/mail"] = Route(200, b"")
        config = _config(tmp_path, f"""
[[services]]
id = "mail"
name = "Mail"
url = "{server.url('/mail')}"
""")
        proxy_url = proxy.url.replace("http://", f"http://helpdesk:{SECRET}@")
        env = {"HTTPS_PROXY": proxy_url, "HTTP_PROXY": proxy_url, "NO_PROXY": "127.0.0.1"}
        outputs: list[str] = []
        for args in (("--json",), ()):
            run = doctor(config, *args, env=env, debug=True)
            outputs += [run.stdout, run.stderr]
            assert run.returncode in (0, 1)
        text = "\n".join(outputs)
        assert SECRET not in text
        assert "helpdesk" not in text
        assert "***@127.0.0.1" in text  # the proxy is shown, masked
        assert all("Authorization" not in line for line in text.splitlines())
    finally:
        proxy.close()


def test_doctor_is_listed_in_the_help() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "workplace", "--help"], capture_output=True, text=True,
        timeout=30, cwd=REPO, check=False,
    )
    assert "doctor" in run.stdout




@needs_gsettings
def test_the_desktop_proxy_is_named_with_its_password_masked(
    tmp_path: Path, server: LoopbackServer
) -> None:
    """Proxy settings made in GNOME Settings (real gsettings, GLib's keyfile backend)."""
    env = GNOME_ENV
    gsettings_set([
        ("org.gnome.system.proxy", "mode", "manual"),
        ("org.gnome.system.proxy.http", "host", "proxy.behoerde.example"),
        ("org.gnome.system.proxy.http", "port", "3128"),
        ("org.gnome.system.proxy.http", "use-authentication", "true"),
        ("org.gnome.system.proxy.http", "authentication-user", "helpdesk"),
        ("org.gnome.system.proxy.http", "authentication-password", SECRET),
        ("org.gnome.system.proxy", "ignore-hosts", "['127.0.0.0/8']"),
    ])
    server.routes["/mail"] = Route(200, b"")
    config = _config(tmp_path, f"""
[network]
slow_threshold_ms = 60000  # slowness is not the point
probe_budget_seconds = 60

[[services]]
id = "mail"
name = "Mail"
url = "{server.url('/mail')}"
""")
    human = doctor(config, env=env)
    report = json.loads(doctor(config, "--json", env=env).stdout)

    assert SECRET not in human.stdout + human.stderr and "helpdesk" not in human.stdout
    assert ("Proxy: system: GNOME (GSettings org.gnome.system.proxy): manual: "
            "http http://***@proxy.behoerde.example:3128") in human.stdout
    desktop = report["network"]["proxy"]["desktop"]
    assert desktop["http"] == "http://***@proxy.behoerde.example:3128"
    assert report["services"][0]["state"] == "available"  # 127.0.0.1 is an ignored host
