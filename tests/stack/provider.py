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
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

STACK = Path(__file__).resolve().parent
START_SECONDS = 30.0


class StackError(RuntimeError):
    pass


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

    def start(self) -> TestProvider:
        node = shutil.which("node")
        if node is None:
            raise StackError("node is not installed; run `make setup`")
        if not (STACK / "node_modules" / "oidc-provider").is_dir():
            raise StackError("tests/stack/node_modules is missing; run `make setup` (npm ci)")
        args = [node, str(STACK / "provider.mjs"), str(self.port),
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
                    self.stop()
                    raise StackError(f"the provider did not start in time; see {self.log_file}")
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

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

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
