# SPDX-License-Identifier: EUPL-1.2
"""``make run``: the demo organisation Musterstadt on this machine, then the launcher.

Starts the test identity provider, the demo services and the central catalog
(demo_services.py: one server per service, the manifest build/demo/catalog/manifest.json),
writes a tenant file pointing at them into build/demo/, runs the launcher with it and
stops everything when the launcher exits. The provider keeps its grants and signing
key in build/demo/, so a remembered sign-in survives the next ``make run`` (on the same
port).

Every demo service signs its visitors in through the same provider (a browser that
signed in to the launcher sees "Angemeldet als Erika Mustermann" at once), and the mail
and calendar services answer the OX App Suite API (a stand-in), so the E-Mail tile
shows the unread count and the next meeting appears.

Chat, files and portal are on too (demo_integrations.py): the real Synapse where it
is installed (``make synapse``), else a Matrix stand-in (``DEMO_CHAT=standin make run``
takes the stand-in anyway); the Nextcloud and Nubus portal stand-ins.

While it runs, ``tests/stack/democtl.py mail`` delivers a new mail (the badge rises, a
notification comes), ``democtl.py meeting`` adds a meeting starting in 3 minutes (its
reminder comes with "Teilnehmen"), ``democtl.py chat`` / ``mention`` / ``file`` /
``announce`` post a chat message, mention Erika, add a file notification, announce
maintenance on the portal, ``democtl.py stop mail`` stops one service (its tile turns
"unreachable" at the next status round, F5 checks at once), editing the manifest
changes the catalog (F5), and ``DEMO_CATALOG=off make run`` starts without the manifest
server: the launcher then shows its cached copy of the catalog.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tomllib
from pathlib import Path
from types import FrameType

STACK = Path(__file__).resolve().parent
ROOT = STACK.parents[1]
sys.path.insert(0, str(STACK))

from demo_services import DemoServices  # noqa: E402
from provider import StackError, TestProvider  # noqa: E402

DEMO_PORT = 47613
DEMO_USER, DEMO_PASSWORD = "demo", "demo"  # the published demo login


def demo_tenant(issuer: str) -> dict[str, object]:
    """The built-in Musterstadt tenant with sign-in and services on the test provider
    alone (its /demo/<id> pages): one process, for the benchmarks."""
    builtin = ROOT / "resources" / "tenants" / "musterstadt.toml"
    tenant = tomllib.loads(builtin.read_text(encoding="utf-8"))
    tenant["identity_provider"] = {
        **tenant.get("identity_provider", {}),
        "issuer": issuer,
        # oidc-provider issues a refresh token only with prompt=consent (a tenant setting).
        "extra_auth_params": {"prompt": "consent"},
    }
    for service in tenant.get("services", []):
        service["url"] = f"{issuer}/demo/{service['id']}"
        service["health_url"] = f"{issuer}/demo/{service['id']}/health"
        service.pop("low_bandwidth_url", None)
    return tenant


def _start(out: Path) -> TestProvider:
    port = int(os.environ.get("DEMO_PORT", DEMO_PORT))
    options = {"state_file": out / "provider-state.json", "key_file": out / "provider-key.json",
               "log_file": out / "provider.log"}
    try:
        return TestProvider(port=port, **options).start()  # type: ignore[arg-type]
    except StackError:
        print(f"demo: port {port} is busy, using a free one (sign-in is not remembered "
              "across runs then)", file=sys.stderr)
        return TestProvider(port=0, **options).start()  # type: ignore[arg-type]


def main(argv: list[str]) -> int:
    out = ROOT / "build" / "demo"
    out.mkdir(parents=True, exist_ok=True)

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    provider = _start(out)
    services = DemoServices(out, catalog=os.environ.get("DEMO_CATALOG", "on") != "off",
                            issuer=provider.issuer, chat_and_files=True,
                            real_synapse=False if os.environ.get("DEMO_CHAT") == "standin"
                            else None)
    try:
        services.start()
        tenant_file = out / "tenant.json"
        tenant_file.write_text(json.dumps(services.tenant(provider.issuer), indent=2,
                                          ensure_ascii=False), encoding="utf-8")
        print(f"Demo-Organisation Musterstadt: Anmeldung unter {provider.issuer}")
        print(f"  Benutzer / user: {DEMO_USER}   Passwort / password: {DEMO_PASSWORD}")
        print(f"  (Erika Mustermann; tenant file {tenant_file.relative_to(ROOT)})")
        print(f"  Katalog / catalog: {services.manifest_file.relative_to(ROOT)} "
              f"{'' if services.catalog_running else '(Server aus / server off)'}")
        print("  Dienst anhalten / stop a service: .venv/bin/python tests/stack/democtl.py "
              "stop mail")
        print("  Neue E-Mail / new mail: .venv/bin/python tests/stack/democtl.py mail")
        print("  Termin in 3 Minuten / meeting in 3 minutes: "
              ".venv/bin/python tests/stack/democtl.py meeting")
        if services.more is not None:
            chat = services.more.chat
            print(f"  Chat: {chat.kind} ({chat.url})"
                  + ("" if chat.real else " – echtes Synapse / real Synapse: make synapse"))
            print("  Chat-Nachricht / chat message: .venv/bin/python tests/stack/democtl.py "
                  "chat; Erwähnung / mention: … democtl.py mention")
            print("  Dateibenachrichtigung / file notification: … democtl.py file; "
                  "Portal-Ankündigung / portal announcement: … democtl.py announce")
        sys.stdout.flush()
        launcher = ROOT / ".venv" / "bin" / "workplace"
        env = {**os.environ, "WORKPLACE_CONFIG": str(tenant_file)}
        try:
            return subprocess.call([str(launcher), "--config", str(tenant_file), *argv],
                                   env=env)
        except KeyboardInterrupt:
            return 130
    finally:
        services.close()
        provider.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
