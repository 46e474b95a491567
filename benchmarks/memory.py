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
                           "baseline": [], "launcher": []}
    account = ""
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
            browser = Browser()
            network = NetworkSetup()
            service = AuthService(config, Paths.from_environment(), network, store,
                                  open_browser=browser)
            try:
                state = service.sign_in()
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

            if args.warm:  # the file cache, and the launcher's warm configuration
                spawn_and_measure(baseline_cmd, env)
                launcher()
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
            out["probe_hits"] = health.hits.count
    except Exception as exc:  # one JSON line: the runner reports it as an error
        out = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    finally:
        if account:
            store.delete(account)
        provider.close()
    print(json.dumps(out))
    sys.stdout.flush()
    return 0 if out["ok"] else 1


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
              "--tmp", str(tmp)]
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
    return [
        _figure(
            f"peak RSS signed in, probes done ({SERVICES} services)", "MiB",
            [r["peak_rss_mib"] for r in runs],
            [b["peak_rss_mib"] for b in data["baseline"]],
            "ratio <= 1.6", notes,
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())
