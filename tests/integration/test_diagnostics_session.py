# SPDX-License-Identifier: EUPL-1.2
""""Copy diagnostics" describes the running session, not a new one (issue 10 §1).

The window's report must show the network setup it really uses (the PAC file it
already fetched, the proxy that failed), the connection profile it detected (metered),
its own byte count and the statuses it already knows, without probing again.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.servers import LoopbackServer, Route, closed_port
from workplace.app import Workplace
from workplace.diagnostics import render
from workplace.net.profile import policy_for


def test_the_report_is_about_the_running_session(
    tmp_path: Path, server: LoopbackServer, isolated_xdg: dict[str, Path]
) -> None:
    dead = f"127.0.0.1:{closed_port()}"
    server.routes["/proxy.pac"] = Route(body=(
        "function FindProxyForURL(url, host) {\n"
        f'  if (host == "localhost") return "PROXY {dead}; DIRECT";\n'
        '  return "DIRECT";\n'
        "}\n"
    ).encode())
    server.routes["/mail"] = Route(200, b"<html>")
    server.routes["/intranet"] = Route(204, b"")
    server.routes["/204"] = Route(204, b"")
    config = tmp_path / "workplace.toml"
    config.write_text(f"""
[network]
intranet_probe_url = "{server.url('/intranet')}"
captive_portal_check_url = "{server.url('/204')}"
vpn_interfaces = ["no-such-vpn*"]

[[services]]
id = "mail"
name = "Mail"
url = "{server.url('/mail', host='localhost')}"
health_url = "{server.url('/mail', host='localhost')}"
""", encoding="utf-8")
    preferences = isolated_xdg["XDG_CONFIG_HOME"] / "workplace" / "preferences.toml"
    preferences.parent.mkdir(parents=True)
    preferences.write_text(
        f'version = 1\nproxy_mode = "pac"\nproxy_pac_url = "{server.url("/proxy.pac")}"\n',
        encoding="utf-8",
    )
    workplace = Workplace.build(config)
    try:
        # What the window's status controller does: detect (the OS says metered), probe.
        profile = workplace.detect_profile("online", metered=True)
        policy = policy_for(profile, workplace.settings.preferences)
        statuses = workplace.probe(tuple(workplace.catalog.services), profile, policy)
        seen = list(server.seen)
        assert ("GET", "/proxy.pac") in seen

        report = workplace.diagnostics()

        assert server.seen == seen  # nothing fetched or probed again
        assert report["profile"]["metered"] is True
        assert report["network"]["proxy"]["loaded"] is True
        assert report["network"]["proxy"].get("unreachable") == [f"http://{dead}"]
        counter = workplace.network().counter
        assert report["bytes"] == {"sent": counter.sent, "received": counter.received}
        assert report["bytes"]["received"] > 0
        assert [(s["id"], s["state"]) for s in report["services"]] == [
            ("mail", statuses["mail"].state.value)
        ]
        assert f"not reachable just now: http://{dead}" in "\n".join(render(report))
    finally:
        workplace.close()


def test_services_not_checked_yet_are_said_so_and_not_probed(
    tmp_path: Path, server: LoopbackServer
) -> None:
    server.routes["/intranet"] = Route(204, b"")
    server.routes["/204"] = Route(204, b"")
    config = tmp_path / "workplace.toml"
    config.write_text(f"""
[network]
intranet_probe_url = "{server.url('/intranet')}"
captive_portal_check_url = "{server.url('/204')}"

[[services]]
id = "mail"
name = "Mail"
url = "{server.url('/mail')}"
""", encoding="utf-8")
    workplace = Workplace.build(config)
    try:
        workplace.detect_profile("online", metered=False)
        report = workplace.diagnostics()
        assert ("GET", "/mail") not in server.seen
        assert report["services"][0]["state"] == "not_checked"
        assert report["services"][0]["detail"] == "not checked yet in this session"
    finally:
        workplace.close()
