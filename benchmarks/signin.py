# SPDX-License-Identifier: EUPL-1.2
"""Figure 5: sign-in against the real test identity provider and the real keyring.

``python -m benchmarks.signin`` starts the provider (tests/stack, node), and per repeat:

a. signs in with a fresh :class:`AuthService` (as after a start without a remembered
   session). The in-process browser submits the real login form; its requests
   session notes the moment it sends the redirect to the loopback callback. The
   figure is the time from that moment until ``sign_in`` returns the AuthState:
   callback, code exchange, JWKS, ID-token checks, userinfo, keyring save;
b. restores the session with another fresh AuthService (same keyring entry), as at
   start-up: ``restore()`` (keyring read, cached discovery, refresh, JWKS, rotation
   saved in the keyring);

baseline for both: one bare round trip to the same provider, a POST to its token
endpoint with an invalid code (a new connection, like the first call of a flow).

The Secret Service exists only inside a D-Bus session with an unlocked keyring:
:func:`bench_signin` runs this program under its own ``dbus-run-session`` with a
throw-away ``gnome-keyring-daemon`` (its files in the run's temporary directory), as
scripts/test.sh does. Entries use a unique service name and are deleted at the end.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from benchmarks.loopback import node_missing, use_stack

KEYRING_PASSWORD = "workplace-bench"  # a throw-away keyring of this run
BARE_TRIPS = 3


class _TimedSession(requests.Session):
    """The browser's session: remembers when it sends the request to the callback."""

    def __init__(self) -> None:
        super().__init__()
        self.trust_env = False
        self.callback_prefix = ""
        self.callback_sent: float | None = None

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        if self.callback_prefix and (request.url or "").startswith(self.callback_prefix):
            self.callback_sent = time.perf_counter()
        return super().send(request, **kwargs)


class _Browser:
    """Stands in for the system browser: fills the real sign-in form (fake_browser)."""

    def __init__(self) -> None:
        self.session = _TimedSession()

    def __call__(self, url: str) -> bool:
        from fake_browser import browse  # tests/stack

        redirect = parse_qs(urlsplit(url).query).get("redirect_uri", [""])[0]
        self.session.callback_prefix = redirect
        self.session.callback_sent = None
        browse(url, session=self.session)
        return True


def bare_round_trip(issuer: str) -> float:
    """Milliseconds for one token-endpoint POST with an invalid code, new connection."""
    with requests.Session() as session:
        session.trust_env = False
        start = time.perf_counter()
        response = session.post(
            f"{issuer}/token",
            data={"grant_type": "authorization_code", "code": "invalid",
                  "client_id": "arbeitsplatz", "redirect_uri": "http://127.0.0.1:1/callback",
                  "code_verifier": "x" * 43},
            timeout=10,
        )
        elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 400:
        raise RuntimeError(f"the bare token request answered {response.status_code}")
    return elapsed


def secret_service() -> Any:
    """The real Secret Service backend, or a string saying why it is not there."""
    try:
        import keyring
        from keyring.backends import SecretService

        from workplace.auth.keyring_store import backend_id

        chosen = keyring.get_keyring()
        members = getattr(chosen, "backends", [chosen])
        if not any(backend_id(m) == "keyring.backends.SecretService.Keyring" for m in members):
            return f"keyring chose {backend_id(chosen)}, not the Secret Service"
        backend = SecretService.Keyring()
        probe = f"probe-{uuid.uuid4()}"
        backend.set_password("workplace-bench", probe, "x")
        backend.delete_password("workplace-bench", probe)
        return backend
    except Exception as exc:
        return f"the Secret Service is not usable ({exc!r})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.signin")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)
    use_stack()
    from provider import StackError, TestProvider  # tests/stack

    from workplace.auth import AuthService, AuthStatus, KeyringStore
    from workplace.config.paths import Paths
    from workplace.config.schema import IdentityProvider
    from workplace.net.setup import NetworkSetup

    backend = secret_service()
    if isinstance(backend, str):
        print(json.dumps({"ok": True, "skipped": backend}))
        return 0
    store = KeyringStore(backend, service=f"workplace-bench-{uuid.uuid4()}")
    out: dict[str, Any] = {
        "ok": True, "keyring": store.backend_name,
        "signin_ms": [], "restore_ms": [], "bare_ms": [],
    }
    try:
        provider = TestProvider().start()
    except StackError as exc:
        print(json.dumps({"ok": True, "skipped": f"the test provider cannot start: {exc}"}))
        return 0
    account = ""
    services: list[AuthService] = []
    try:
        config = IdentityProvider(issuer=provider.issuer,
                                  extra_auth_params={"prompt": "consent"})
        account = f"{config.client_id}@{provider.issuer}"
        paths = Paths.from_environment()
        network = NetworkSetup()

        def service(browser: _Browser | None = None) -> AuthService:
            made = AuthService(config, paths, network, store,
                               open_browser=browser or (lambda _url: False))
            services.append(made)
            return made

        bare_round_trip(provider.issuer)  # warm the provider's code paths once
        for _ in range(args.repeats):
            out["bare_ms"].extend(bare_round_trip(provider.issuer) for _ in range(BARE_TRIPS))
            browser = _Browser()
            try:
                state = service(browser).sign_in()
                done = time.perf_counter()
            finally:
                browser.session.close()
            if state.status != AuthStatus.SIGNED_IN or browser.session.callback_sent is None:
                raise RuntimeError(f"sign-in ended {state.status} ({state.reason})")
            out["signin_ms"].append((done - browser.session.callback_sent) * 1000)

            restarted = service()
            start = time.perf_counter()
            state = restarted.restore()
            out["restore_ms"].append((time.perf_counter() - start) * 1000)
            if state.status != AuthStatus.SIGNED_IN or not restarted.access_token():
                raise RuntimeError(f"restore ended {state.status} ({state.reason})")
        out["bare_ms_median"] = statistics.median(out["bare_ms"])
    finally:
        for made in services:
            made.close()
        if account:
            store.delete(account)
        provider.close()
    print(json.dumps(out))
    sys.stdout.flush()
    return 0


def keyring_session_command(module_cmd: list[str], tmp: Path) -> list[str] | str:
    """``module_cmd`` under a private D-Bus session with an unlocked throw-away keyring,
    or the reason why that cannot be had here."""
    missing = [t for t in ("dbus-run-session", "gnome-keyring-daemon") if not shutil.which(t)]
    if missing:
        return f"{', '.join(missing)} not installed (the real keyring is needed)"
    script = (
        'set -euo pipefail\n'
        f'eval "$(printf %s {KEYRING_PASSWORD} | gnome-keyring-daemon --unlock '
        '--components=secrets)"\n'
        'export GNOME_KEYRING_CONTROL\n'
        'exec "$@"\n'
    )
    return ["dbus-run-session", "--", "bash", "-c", script, "bash", *module_cmd]


def bench_signin(repeats: int, tmp: Path, *, quick: bool = False) -> list[Any]:
    from benchmarks.run import Skipped, _env, _figure, spawn_and_measure

    if node_missing():
        raise Skipped("node is not installed (the test provider needs it; run `make setup`)")
    env = _env(tmp)
    # gnome-keyring keeps its files under XDG_DATA_HOME: the run's own directory.
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("GNOME_KEYRING_CONTROL", None)
    cmd = keyring_session_command(
        [sys.executable, "-m", "benchmarks.signin", "--repeats", str(repeats)], tmp)
    if isinstance(cmd, str):
        raise Skipped(cmd)
    data = spawn_and_measure(cmd, env).reported
    if "skipped" in data:
        raise Skipped(str(data["skipped"]))
    notes = {"keyring": data["keyring"], "bare round trips (ms)": [
        round(v, 1) for v in data["bare_ms"]]}
    return [
        _figure(
            "sign-in: callback received -> signed in", "ms",
            data["signin_ms"], data["bare_ms"], "(no target; ratio to one round trip)",
            notes,
        ),
        _figure(
            "sign-in: silent restore at start-up", "ms",
            data["restore_ms"], data["bare_ms"], "(no target; ratio to one round trip)",
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())
