# SPDX-License-Identifier: EUPL-1.2
"""``workplace login/status/logout`` as real processes, with a real program as $BROWSER,
and the proof that no token value reaches a log line or a file."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fake_browser import write_launcher
from provider import TestProvider

from tests.support.logfail import errors_in_output

pytestmark = pytest.mark.integration

JWT = re.compile(r"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+")


class Cli:
    def __init__(self, tmp_path: Path, issuer: str) -> None:
        self.tenant = tmp_path / "tenant.toml"
        self.tenant.write_text(
            f'[identity_provider]\nissuer = "{issuer}"\n'
            'extra_auth_params = { prompt = "consent" }\n', encoding="utf-8")
        self.env = {
            **os.environ,
            "BROWSER": str(write_launcher(tmp_path)),
            "FAKE_BROWSER_COOKIES": str(tmp_path / "browser-cookies.txt"),
            "WORKPLACE_CONFIG": str(self.tenant),
        }
        self.env.pop("PYTHON_KEYRING_BACKEND", None)
        self.output = ""

    def __call__(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "workplace", *args], env={**self.env, **env},
            capture_output=True, text=True, timeout=60, check=False,
        )
        self.output += result.stdout + result.stderr
        assert not errors_in_output(result.stderr), result.stderr
        return result


@pytest.fixture
def cli_provider(tmp_path: Path, secret_service: object) -> TestProvider:
    return TestProvider(state_file=tmp_path / "provider" / "state.json",
                        log_file=tmp_path / "provider.log")


def _issued_tokens(state_file: Path) -> set[str]:
    data = json.loads(state_file.read_text(encoding="utf-8"))
    kinds = ("AccessToken:", "RefreshToken:", "AuthorizationCode:", "DeviceCode:")
    return {key.split(":", 1)[1] for key in data if key.startswith(kinds)}


def test_full_session_by_command_line_leaks_no_token(
    tmp_path: Path, cli_provider: TestProvider, isolated_xdg: dict[str, Path],
) -> None:
    (tmp_path / "provider").mkdir()
    with cli_provider:
        cli = Cli(tmp_path, cli_provider.issuer)
        state_file = cli_provider.state_file
        assert state_file is not None
        tokens: set[str] = set()

        login = cli("--debug", "login")
        assert login.returncode == 0, login.stderr
        assert login.stdout.strip() == "Erika Mustermann"
        tokens |= _issued_tokens(state_file)

        status = cli("--debug", "status")
        assert status.returncode == 0
        assert "Signed in as Erika Mustermann" in status.stdout
        assert "; the session holds until 20" in status.stdout  # refresh_expires_in
        assert "SecretService.Keyring" in status.stdout
        tokens |= _issued_tokens(state_file)

        as_json = cli("--log-json", "status", "--json")
        info = json.loads(as_json.stdout)
        assert info["status"] == "signed_in" and info["name"] == "Erika Mustermann"
        assert info["keyring"] == "SecretService.Keyring"
        assert info["session_until"] > time.time() + 13 * 24 * 3600  # 14 days, as told
        tokens |= _issued_tokens(state_file)

        logout = cli("--debug", "logout")
        assert logout.returncode == 0 and "Signed out here." in logout.stdout
        assert "Signed out at your organisation too." in logout.stdout
        after = cli("status")
        assert after.returncode == 1 and "Not signed in" in after.stdout

    assert len(tokens) >= 5
    assert "DEBUG workplace.auth" in cli.output  # the debug log was really on
    leaks = [t for t in tokens if t in cli.output]
    assert leaks == [] and not JWT.search(cli.output)
    for directory in isolated_xdg.values():
        for path in directory.rglob("*"):
            if path.is_file():
                text = path.read_bytes().decode("utf-8", errors="replace")
                assert not [t for t in tokens if t in text], path
                assert not JWT.search(text), path


def test_login_failure_is_one_clear_line(tmp_path: Path, secret_service: object) -> None:
    cli = Cli(tmp_path, "http://127.0.0.1:9")  # nothing listens on the discard port
    result = cli("login")
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("workplace: sign-in failed: The sign-in service cannot be reached")
    assert len([line for line in lines if line.startswith("workplace:")]) == 1


def test_login_with_provider_down_never_runs_the_browser(
    tmp_path: Path, cli_provider: TestProvider,
) -> None:
    (tmp_path / "provider").mkdir()
    visits = tmp_path / "browser-visits.txt"
    with cli_provider:
        cli = Cli(tmp_path, cli_provider.issuer)
        cli.env["FAKE_BROWSER_VISITS"] = str(visits)
        assert cli("login").returncode == 0  # discovery is cached on disk now
        assert cli("logout").returncode == 0
        opened = visits.read_text(encoding="utf-8").splitlines()
        assert "/auth" in opened  # the $BROWSER script does record what it opens

    result = cli("login")  # the provider is stopped

    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith(
        "workplace: sign-in failed: The sign-in service cannot be reached")
    assert visits.read_text(encoding="utf-8").splitlines() == opened


def test_a_discovery_cache_that_cannot_be_written_shows_nothing(
    tmp_path: Path, cli_provider: TestProvider, isolated_xdg: dict[str, Path],
) -> None:
    """A directory where the discovery cache belongs: sign-in works and says nothing
    about the cache, no traceback and no temporary file left (issue 9, item 10)."""
    (tmp_path / "provider").mkdir()
    auth_cache = isolated_xdg["XDG_CACHE_HOME"] / "workplace" / "auth"
    with cli_provider:
        digest = hashlib.sha256(cli_provider.issuer.encode()).hexdigest()[:16]
        (auth_cache / f"discovery-{digest}.json").mkdir(parents=True)
        cli = Cli(tmp_path, cli_provider.issuer)

        login = cli("login")

        assert login.returncode == 0, login.stderr
        assert login.stdout.strip() == "Erika Mustermann"
        assert login.stderr.strip() == "Signing in in your web browser …"
        assert [p.name for p in auth_cache.iterdir()] == [f"discovery-{digest}.json"]
        cli("logout")


def test_login_with_device_code(
    tmp_path: Path, cli_provider: TestProvider,
) -> None:
    (tmp_path / "provider").mkdir()
    with cli_provider:
        cli = Cli(tmp_path, cli_provider.issuer)
        process = subprocess.Popen(
            [sys.executable, "-m", "workplace", "login", "--device"], env=cli.env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            assert process.stdout is not None
            first = process.stdout.readline()
            match = re.search(r"Open (\S+) and enter the code (\S+)", first)
            assert match, first
            # The user enters the code on another device: here, the stand-in browser.
            subprocess.run([cli.env["BROWSER"], match.group(1)], env=cli.env, check=True,
                           timeout=30)
            out, err = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
        assert process.returncode == 0, err
        assert out.strip() == "Erika Mustermann"
        assert cli("status").returncode == 0
        cli("logout")


def test_logout_waits_for_a_browser_that_starts_in_the_background(
    tmp_path: Path, cli_provider: TestProvider,
) -> None:
    """xdg-open returns at once and the browser gets there later: the command must keep
    its loopback page until the provider has ended the session and come back."""
    (tmp_path / "provider").mkdir()
    with cli_provider:
        cli = Cli(tmp_path, cli_provider.issuer)
        assert cli("login").returncode == 0
        state_file = cli_provider.state_file
        assert state_file is not None

        def sessions() -> list[str]:
            return [k for k in json.loads(state_file.read_text()) if k.startswith("Session:")]

        assert sessions()
        slow = tmp_path / "slow-browser"
        slow.write_text(  # like xdg-open: returns at once, the browser comes a moment later
            f'#!/bin/sh\n(sleep 1; exec "{cli.env["BROWSER"]}" "$@") >/dev/null 2>&1 &\n')
        slow.chmod(0o755)

        logout = cli("logout", BROWSER=str(slow))

        assert logout.returncode == 0, logout.stderr
        assert "Finishing the sign-out" in logout.stdout
        assert "Signed out at your organisation too." in logout.stdout
        assert sessions() == []  # the provider's session ended
