# SPDX-License-Identifier: EUPL-1.2
"""Start and stop the test identity provider (provider.mjs) as a subprocess.

Used by the integration tests' fixtures and by ``make run``. Waits for the ready
line on stdout, never for a fixed time.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

STACK = Path(__file__).resolve().parent
START_SECONDS = 30.0
START_ATTEMPTS = 2
REPORT_SECONDS = 10.0


LOCAL_NODE = STACK.parents[1] / ".tools" / "node" / "node_modules" / ".bin" / "node"
"""Node.js 20 from the npm registry, where the system's is older (scripts/bootstrap.sh)."""


def node_program() -> str | None:
    """The Node.js to run the provider with: the repository's own if bootstrap put one
    there (the system's was too old), else the one on PATH."""
    if LOCAL_NODE.exists():
        return str(LOCAL_NODE)
    return shutil.which("node")


class StackError(RuntimeError):
    pass


class _Stalled(Exception):
    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report


class TestProvider:
    """One provider process on 127.0.0.1. ``issuer`` and ``port`` are set once started."""

    __test__ = False  # not a pytest test class

    def __init__(
        self, *, port: int = 0, state_file: Path | None = None, key_file: Path | None = None,
        access_ttl: int = 300, behaviour: dict[str, Any] | None = None,
        log_file: Path | None = None,
    ) -> None:
        self.port = port
        self.state_file = state_file
        self.key_file = key_file
        self.access_ttl = access_ttl
        self.behaviour = behaviour or {}
        self._own_log = log_file is None
        self.log_file = log_file or Path(tempfile.mkstemp(prefix="provider-", suffix=".log")[1])
        self.issuer = ""
        self.kid = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._report_file = self.log_file.with_name(self.log_file.name + ".report.json")

    def start(self) -> TestProvider:
        """Start the provider; a start that stalls is diagnosed, logged and tried once more.

        A stalled start was seen once in CI: node printed its first stderr line and then
        nothing for 30 s, and the cause could not be reproduced (a paused VM is the likely
        one). The provider is test infrastructure, not the system under test, so a second
        attempt is honest; the stall itself is kept in the log with node's own report.
        """
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                return self._start_once()
            except _Stalled as stall:
                self._note(f"start attempt {attempt} stalled after {START_SECONDS:.0f} s; "
                           f"node's report: {stall.report or 'none written'}")
                if attempt == START_ATTEMPTS:
                    log = self.log_file.read_text(errors="replace")[-2000:]
                    raise StackError(
                        f"the provider did not start in time ({attempt} attempts); "
                        f"see {self.log_file}:\n{log}") from None
        raise AssertionError("unreachable")

    def _note(self, line: str) -> None:
        with open(self.log_file, "a", encoding="utf-8") as log:
            log.write(f"[provider.py] {line}\n")
        print(f"provider.py: {line} (log: {self.log_file})", file=sys.stderr)

    def _start_once(self) -> TestProvider:
        node = node_program()
        if node is None:
            raise StackError("node is not installed; run `make setup`")
        if not (STACK / "node_modules" / "oidc-provider").is_dir():
            raise StackError("tests/stack/node_modules is missing; run `make setup` (npm ci)")
        self._report_file.unlink(missing_ok=True)
        args = [node, "--report-on-signal", "--report-signal=SIGUSR2",
                f"--report-directory={self._report_file.parent}",
                f"--report-filename={self._report_file.name}",
                str(STACK / "provider.mjs"), str(self.port),
                "--access-ttl", str(self.access_ttl)]
        if self.state_file:
            args += ["--state", str(self.state_file)]
        if self.key_file:
            args += ["--key-file", str(self.key_file)]
        if self.behaviour:
            args += ["--behaviour", json.dumps(self.behaviour)]
        env = {k: v for k, v in os.environ.items() if k != "STACK_BEHAVIOUR"}
        with open(self.log_file, "ab") as log:
            self._process = subprocess.Popen(
                args, stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL,
                cwd=STACK, env=env,
            )
        ready = self._read_ready_line()
        self.port, self.issuer, self.kid = ready["port"], ready["issuer"], ready["kid"]
        return self

    def _read_ready_line(self) -> dict[str, Any]:
        assert self._process and self._process.stdout
        deadline = time.monotonic() + START_SECONDS
        buffer = b""
        with selectors.DefaultSelector() as selector:
            selector.register(self._process.stdout, selectors.EVENT_READ)
            while b"\n" not in buffer:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    report = self._node_report()
                    self.stop()
                    raise _Stalled(report)
                chunk = os.read(self._process.stdout.fileno(), 4096)
                if not chunk:
                    self.stop()
                    log = self.log_file.read_text(errors="replace")[-2000:]
                    raise StackError(f"the provider exited at start:\n{log}")
                buffer += chunk
        data = json.loads(buffer.split(b"\n", 1)[0])
        if not data.get("ready"):
            raise StackError(f"unexpected first line from the provider: {data}")
        return dict(data)

    def _node_report(self) -> str:
        """Ask the stalled node for its diagnostic report (JS and native stacks)."""
        if self._process is None or self._process.poll() is not None:
            return ""
        self._process.send_signal(signal.SIGUSR2)
        deadline = time.monotonic() + REPORT_SECONDS
        while time.monotonic() < deadline:
            if self._report_file.exists():
                try:
                    data = json.loads(self._report_file.read_text())
                except ValueError:
                    pass  # still being written
                else:
                    js = data.get("javascriptStack", {})
                    stack = " | ".join(js.get("stack", [])[:12])
                    return f"{self._report_file}: {js.get('message', '')} {stack}"
            try:
                self._process.wait(0.1)  # wait on the process, not a sleep
                return ""
            except subprocess.TimeoutExpired:
                continue
        return ""

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        if process.stdout:
            process.stdout.close()

    def restart(self) -> TestProvider:
        """Stop and start again on the same port (same issuer); a new key unless key_file."""
        self.stop()
        return self.start()

    def close(self) -> None:
        self.stop()
        if self._own_log:
            self.log_file.unlink(missing_ok=True)
            self._report_file.unlink(missing_ok=True)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def revoke(self, refresh_token: str) -> None:
        """Revoke a refresh token at the provider (RFC 7009), as an administrator would."""
        with requests.Session() as session:
            session.trust_env = False
            session.post(f"{self.issuer}/token/revocation", timeout=10, data={
                "token": refresh_token, "token_type_hint": "refresh_token",
                "client_id": "arbeitsplatz"}).raise_for_status()

    def set_behaviour(self, **switches: Any) -> None:
        """Replace the bad-behaviour switches (see tamper.mjs); no arguments resets them."""
        with requests.Session() as session:
            session.trust_env = False
            response = session.post(f"{self.issuer}/__admin/behaviour",
                                    data=json.dumps(switches), timeout=10)
            response.raise_for_status()
        self.behaviour = dict(switches)

    def __enter__(self) -> TestProvider:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":
    import sys

    with TestProvider(port=int(sys.argv[1]) if len(sys.argv) > 1 else 0) as running:
        print(json.dumps({"issuer": running.issuer, "log": str(running.log_file)}), flush=True)
        try:
            assert running._process is not None
            running._process.wait()
        except KeyboardInterrupt:
            pass
