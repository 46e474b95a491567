# SPDX-License-Identifier: EUPL-1.2
"""Figure 2: peak RSS of the launcher signed in, its session restored from the real
keyring, and one round of health probes done.

``python -m benchmarks.memory`` runs inside its own D-Bus session with a throw-away
``gnome-keyring-daemon`` (see :func:`benchmarks.signin.keyring_session_command`), so it
and the launchers it starts share one unlocked Secret Service. It

1. starts the real test identity provider (tests/stack, node) and a loopback HTTP
   server that answers every health probe with 200 "ok";
2. writes a tenant of 40 services whose ``health_url`` point at that server, with an
   ``identity_provider`` of the test provider (``prompt=consent``: it then issues a
   refresh token);
3. signs in once with :class:`AuthService` and the in-process browser (the real login
   form), under the keyring service and account name the launcher uses, so the
   launcher finds a remembered session;
4. per repeat, interleaved: the bare program (``benchmarks.baseline_window``) and
   ``workplace --config TENANT selftest --ready``, which paints, restores the session
   (keyring read, refresh, rotation saved back), detects the profile, probes the 40
   services and exits. Both are reaped with ``wait4``: ``ru_maxrss`` is the figure.
   The launcher also reports its own VmHWM and the time until ready (notes).

It prints one JSON line. Every launcher run must end signed in with 40 probed
services; anything else is an error, not a measurement.

With ``--integrations`` each repeat runs a third program: the launcher on the same 40
services with every integration on (mail and calendar on the OX API stand-in, chat on
the REAL Synapse, files and portal on the Nextcloud and Nubus stand-ins:
tests/stack/demo_integrations.py), measured the same way once every integration has
its first reading (benchmarks/ready_integrations.py). The chat's Matrix token is got
once beforehand (single sign-on in the in-process browser) and kept in the keyring
where the launcher finds it, as after a first run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path
from typing import Any

from benchmarks.loopback import HttpFixture, Route, node_missing, use_stack
from benchmarks.tenants import write_tenant

SERVICES = 40


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.memory")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--tmp", type=Path, required=True)
    parser.add_argument("--warm", action="store_true", help="one unmeasured run of each first")
    parser.add_argument("--integrations", action="store_true",
                        help="also the launcher with every integration on")
    args = parser.parse_args(argv)
    use_stack()
    from harness import Browser  # tests/stack
    from provider import StackError, TestProvider  # tests/stack

    from benchmarks.run import spawn_and_measure
    from benchmarks.signin import secret_service
    from workplace.auth import AuthService, AuthStatus, KeyringStore
    from workplace.auth.keyring_store import SERVICE
    from workplace.config.paths import Paths
    from workplace.config.schema import Tenant
    from workplace.net.setup import NetworkSetup

    backend = secret_service()
    if isinstance(backend, str):
        print(json.dumps({"ok": True, "skipped": backend}))
        return 0
    store = KeyringStore(backend, service=SERVICE)  # where the launcher looks
    try:
        provider = TestProvider().start()
    except StackError as exc:
        print(json.dumps({"ok": True, "skipped": f"the test provider cannot start: {exc}"}))
        return 0
    env = dict(os.environ)
    out: dict[str, Any] = {"ok": True, "keyring": store.backend_name,
                           "baseline": [], "launcher": [], "integrations": []}
    account = ""
    more: Any = None
    ox: Any = None
    chat_tokens: Any = None
    try:
        with HttpFixture({"/health/": Route(200, b"ok")}) as health:
            idp = {"issuer": provider.issuer, "extra_auth_params": {"prompt": "consent"}}
            tenant = write_tenant(
                args.tmp / f"tenant-{SERVICES}-signed-in.json", SERVICES,
                health_url=health.url("/health/{n}"), identity_provider=idp,
            )
            config = Tenant.model_validate(
                json.loads(tenant.read_text(encoding="utf-8"))).identity_provider
            account = f"{config.client_id}@{provider.issuer}"
            with_all: Path | None = None
            if args.integrations:
                from demo_integrations import DemoIntegrations  # tests/stack
                from ox_standin import OxStandIn  # tests/stack

                from benchmarks.idle import integration_settings

                ox = OxStandIn(provider.issuer).start()
                ox.set_unread(3)
                more = DemoIntegrations(provider.issuer, real_synapse=True).start()
                data = json.loads(tenant.read_text(encoding="utf-8"))
                data["integrations"] = {**integration_settings(ox.api_url),
                                        **more.settings({"enabled": True})}
                data["identity_provider"]["scopes"] = [
                    "openid", "profile", "email", "offline_access", "read_mail",
                    "read_calendar", "matrix", "nextcloud", "portal"]
                with_all = args.tmp / f"tenant-{SERVICES}-integrations.json"
                with_all.write_text(json.dumps(data), encoding="utf-8")
                config = Tenant.model_validate(data).identity_provider
            browser = Browser()
            network = NetworkSetup()
            service = AuthService(config, Paths.from_environment(), network, store,
                                  open_browser=browser)
            try:
                state = service.sign_in()
                if with_all is not None:
                    chat_tokens = _chat_signed_in(with_all, service, network, store,
                                                  provider.issuer, browser)
            finally:
                service.close()
                network.close()
                browser.session.close()
            if state.status != AuthStatus.SIGNED_IN or not store.load(account):
                raise RuntimeError(f"the sign-in before the runs ended {state.status} "
                                   f"({state.reason})")
            baseline_cmd = [sys.executable, "-m", "benchmarks.baseline_window"]
            launcher_cmd = [sys.executable, "-m", "workplace", "--config", str(tenant),
                            "selftest", "--ready"]

            def launcher() -> Any:
                sample = spawn_and_measure(launcher_cmd, env)
                got = sample.reported
                if not got.get("signed_in") or got.get("probed") != SERVICES:
                    raise RuntimeError(f"the launcher was not ready as measured: {got}")
                return sample

            all_cmd = [sys.executable, "-m", "benchmarks.ready_integrations", "--config",
                       str(with_all)]
            # A cache of its own: both launchers keep their start-up snapshot (keyed on the
            # configuration file), so each measured run is the warm start it claims to be.
            env_all = {**env, "XDG_CACHE_HOME": str(args.tmp / "cache-integrations")}

            def launcher_all() -> Any:
                sample = spawn_and_measure(all_cmd, env_all)
                got = sample.reported
                read = got.get("integrations") or {}
                if not got.get("signed_in") or got.get("probed") != SERVICES or \
                        set(read) != {"mail", "calendar", "chat", "files", "portal"} or \
                        set(read.values()) != {"ok"}:
                    raise RuntimeError(f"the launcher with integrations was not ready: {got}")
                return sample

            if args.warm:  # the file cache, and the launcher's warm configuration
                spawn_and_measure(baseline_cmd, env)
                launcher()
                if with_all is not None:
                    launcher_all()
            for _ in range(args.repeats):  # interleaved, so drift hits both alike
                base = spawn_and_measure(baseline_cmd, env)
                app = launcher()
                out["baseline"].append({"peak_rss_mib": base.peak_rss_mib})
                out["launcher"].append({
                    "peak_rss_mib": app.peak_rss_mib,
                    "vmhwm_mib": app.reported.get("peak_rss_mib"),
                    "t_first_paint_ms": app.reported.get("t_first_paint_ms"),
                    "t_ready_ms": app.reported.get("t_ready_ms"),
                    "probed": app.reported.get("probed"),
                    "resident_mib": app.reported.get("resident_mib"),
                    "libraries": app.reported.get("libraries"),
                })
                if with_all is not None:
                    full = launcher_all()
                    out["integrations"].append({
                        "peak_rss_mib": full.peak_rss_mib,
                        "vmhwm_mib": full.reported.get("peak_rss_mib"),
                        "t_ready_ms": full.reported.get("t_ready_ms"),
                        "libraries": full.reported.get("libraries"),
                    })
            out["probe_hits"] = health.hits.count
    except Exception as exc:  # one JSON line: the runner reports it as an error
        out = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    finally:
        if account:
            store.delete(account)
        if chat_tokens is not None:
            chat_tokens.forget("chat")
        if more is not None:
            more.close()
        if ox is not None:
            ox.close()
        provider.close()
    print(json.dumps(out))
    sys.stdout.flush()
    return 0 if out["ok"] else 1


def _chat_signed_in(tenant: Path, auth: Any, network: Any, store: Any, issuer: str,
                    browser: Any) -> Any:
    """The chat's Matrix token, got once by single sign-on in ``browser`` and kept in the
    keyring where the launcher looks (as after its first run); the ServiceTokens."""
    from workplace.auth.service_tokens import ServiceTokens
    from workplace.config.schema import Tenant
    from workplace.integrations.runner import Context, Integrations

    settings = Tenant.model_validate(json.loads(tenant.read_text(encoding="utf-8")))
    tokens = ServiceTokens(store, issuer)
    context = Context(session=network.session, trust=network.trust,
                      services=lambda: settings.services, reminder_minutes=lambda: 5,
                      open_browser=browser)
    reading = Integrations(settings.integrations, auth, context, None, tokens).check("chat")
    if reading.availability.value != "ok":
        raise RuntimeError(f"the chat sign-in before the runs: {reading.detail}")
    return tokens


def bench_memory(repeats: int, tmp: Path, *, quick: bool = False) -> list[Any]:
    from benchmarks.run import Skipped, _env, _figure, spawn_and_measure
    from benchmarks.signin import keyring_session_command

    if node_missing():
        raise Skipped("node is not installed (the test provider needs it; run `make setup`)")
    env = _env(tmp)
    # gnome-keyring keeps its files under XDG_DATA_HOME: the run's own directory.
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("GNOME_KEYRING_CONTROL", None)
    module = [sys.executable, "-m", "benchmarks.memory", "--repeats", str(repeats),
              "--tmp", str(tmp), "--integrations"]
    cmd = keyring_session_command(module if quick else [*module, "--warm"], tmp)
    if isinstance(cmd, str):
        raise Skipped(cmd)
    data = spawn_and_measure(cmd, env).reported
    if "skipped" in data:
        raise Skipped(str(data["skipped"]))
    runs = data["launcher"]

    def median_of(key: str) -> float | None:
        values = [r[key] for r in runs if isinstance(r.get(key), int | float)]
        return round(statistics.median(values), 1) if values else None

    notes = {
        "keyring": data["keyring"],
        "launcher VmHWM, self-reported (MiB)": [r["vmhwm_mib"] for r in runs],
        "launcher first paint / ready (ms, median)":
            f"{median_of('t_first_paint_ms')} / {median_of('t_ready_ms')}",
        "services probed per run": [r["probed"] for r in runs],
        "libraries loaded when ready": runs[-1].get("libraries"),
        "resident when ready (MiB, last run, /proc/self/smaps)": runs[-1].get("resident_mib"),
    }
    figures = [
        _figure(
            f"peak RSS signed in, probes done ({SERVICES} services)", "MiB",
            [r["peak_rss_mib"] for r in runs],
            [b["peak_rss_mib"] for b in data["baseline"]],
            "ratio <= 1.6", notes,
        ),
    ]
    full = data.get("integrations") or []
    if full:
        figures.append(_figure(
            f"peak RSS signed in, every integration read ({SERVICES} services; mail, "
            "calendar, chat, files, portal)", "MiB", [r["peak_rss_mib"] for r in full],
            [r["peak_rss_mib"] for r in runs], "ratio <= 1.10 (vs. without integrations)",
            {"launcher VmHWM, self-reported (MiB)": [r["vmhwm_mib"] for r in full],
             "ready (ms, each run)": [r["t_ready_ms"] for r in full],
             "libraries loaded when ready": full[-1].get("libraries")}))
    return figures


if __name__ == "__main__":
    sys.exit(main())
