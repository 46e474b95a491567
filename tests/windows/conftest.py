# SPDX-License-Identifier: EUPL-1.2
"""The Windows build under Wine: the real ``winreg``, Credential Manager backend, Qt
``windows`` platform plugin, PyInstaller bundle and ``msiexec``.

The prepared prefix and the bundle come from ``packaging/windows/winbuild.py``, cached under
``build/windows/`` (keyed on their inputs), so only the first run on a machine builds
them. Tests never change that prefix: each module that needs one works on a copy, with
a persistent wineserver for the module's lifetime.

What is missing fails with the apt-get line that installs it, never a skip
(scripts/bootstrap.sh installs all of it).
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest

from tests.support.xvfb import xvfb

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
BUILD = [sys.executable, str(WINDOWS / "winbuild.py")]
SCREENSHOTS = ROOT / "build" / "screenshots" / "windows"
POLICY_KEY = r"Software\Policies\Arbeitsplatz\Workplace"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"

sys.path.insert(0, str(WINDOWS))
from wine import (  # noqa: E402
    Wine,
    WineMissing,
    clone_prefix,
    find_tool,
    windows_path,
    wine_program,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The first run on a machine builds the prefix and the bundle (minutes)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.timeout(1500))

__all__ = ["POLICY_KEY", "ROOT", "RUN_KEY", "SCREENSHOTS", "Wine", "find_tool", "windows_path"]


def build_windows(*args: str, timeout: float = 1500) -> Path:
    """Run the Windows build script; its last output line is the path it produced."""
    try:
        wine_program()
    except WineMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    run = subprocess.run([*BUILD, *args], capture_output=True, text=True, timeout=timeout,
                         cwd=ROOT, check=False)
    if run.returncode != 0:
        pytest.fail(f"packaging/windows/winbuild.py {' '.join(args)} failed:\n"
                    f"{run.stdout}\n{run.stderr}", pytrace=False)
    return Path(run.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def windows_bundle() -> Path:
    """The one-folder bundle (Arbeitsplatz.exe, workplace.exe), built under Wine."""
    return build_windows("bundle")


@pytest.fixture(scope="session")
def windows_prefix(windows_bundle: Path) -> Path:
    """The prepared prefix (read-only for tests: copy it with :func:`wine_copy`)."""
    return build_windows("prefix")


@pytest.fixture(scope="session")
def windows_msi(windows_bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The MSI of the package's version, as ``make windows`` builds it."""
    return build_windows("msi", "--out", str(tmp_path_factory.mktemp("msi")))


def wine_copy(template: Path, target: Path, display: str, bundle: Path) -> Iterator[Wine]:
    """A private copy of the prefix with a wineserver that lives until the copy goes.

    Its session is started on ``display``: a program with the ``windows`` platform
    plugin hangs now and then at its start when Wine's desktop process was started
    without a display (every program here gets the display; offscreen ones ignore it).
    """
    clone_prefix(template, target)
    wine = Wine(target, display)
    # The sources as the bundle has them (workplace/ with workplace/resources/).
    wine.sys_path = [bundle.parents[1] / "stage"]
    server = Path(wine.wine).with_name("wineserver")
    subprocess.run([str(server) if server.exists() else "wineserver", "-p"],
                   env=wine.environment(), check=True, timeout=60)
    wine.boot()
    try:
        yield wine
    finally:
        wine.kill()
        shutil.rmtree(target, ignore_errors=True)


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    """One X server (Xvfb) for every Windows program of the session."""
    with xvfb() as number:
        yield number


@pytest.fixture(scope="session")
def wine(windows_prefix: Path, windows_bundle: Path, display: str,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    """One copy for the tests of the code paths (each cleans up with ``clean_user``);
    the MSI tests have their own."""
    yield from wine_copy(windows_prefix, tmp_path_factory.mktemp("wine") / "prefix", display,
                         windows_bundle)


def user_dirs(wine: Wine) -> list[Path]:
    """The Wine user's launcher folders (platformdirs asks Windows, not the environment)."""
    users = wine.drive_c / "users"
    return [users / user / "AppData" / where / "workplace"
            for user in os.listdir(users) if user != "Public"
            for where in ("Local", "Roaming")]


@pytest.fixture
def clean_user(wine: Wine) -> Iterator[Wine]:
    """No preferences, caches or policies left from another test, before and after."""

    def clean() -> None:
        for path in user_dirs(wine):
            shutil.rmtree(path, ignore_errors=True)
        for hive in ("HKLM", "HKCU"):
            wine.reg_delete(rf"{hive}\Software\Policies\Arbeitsplatz")

    clean()
    yield wine
    clean()


def source_python(wine: Wine, code: str, *args: str, **kwargs: Any) -> Any:
    """Run ``code`` with the prefix's Windows Python on the launcher's sources (as staged
    for the bundle); the last line of its output is JSON, which is returned."""
    result = wine.python(code, *args, **kwargs)
    assert result.returncode == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


def grab_screen(display: str, name: str) -> Path:
    """A PNG of the whole X screen, taken by a Linux Qt process."""
    target = SCREENSHOTS / name
    target.parent.mkdir(parents=True, exist_ok=True)
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(sys.argv[:1])\n"
        "sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1], 'PNG') else 1)\n"
    )
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    subprocess.run([sys.executable, "-c", code, str(target)], env=env, check=True, timeout=60)
    return target


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    """Wait for a condition another process makes true (like ``qtbot.waitUntil``)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout:.0f} s")
        time.sleep(0.1)


def json_lines(text: str) -> list[dict[str, Any]]:
    entries = []
    for line in text.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict):
            entries.append(entry)
    return entries


def log_problems(text: str) -> list[str]:
    """ERROR entries of a ``--log-json`` log and raw tracebacks."""
    problems = [json.dumps(e) for e in json_lines(text) if e.get("level") in ("ERROR", "CRITICAL")]
    return problems + [line for line in text.splitlines() if "Traceback" in line]


class Running:
    """A Windows program started under Wine; its ``--log-json`` lines, read as they come.

    Use it as a context manager: the program is ended (``taskkill``) when the block is,
    and :attr:`output` then holds everything it printed. The pipe is read without
    blocking: a program it starts (a browser) inherits it and may keep it open.
    """

    def __init__(self, wine: Wine, args: list[str], **kwargs: Any) -> None:
        self.wine = wine
        self.image = PureWindowsPath(args[0]).name
        self.output = ""
        self.lines: list[str] = []
        self._pending = b""
        self._eof = False
        self.proc = wine.start(args, **kwargs)
        assert self.proc.stdout is not None
        self._fd = self.proc.stdout.fileno()
        os.set_blocking(self._fd, False)

    def _read(self, timeout: float) -> list[str] | None:
        """Complete lines that arrive within ``timeout``; None if nothing came."""
        if self._eof:
            return None
        ready, _, _ = select.select([self._fd], [], [], timeout)
        if not ready:
            return None
        try:
            data = os.read(self._fd, 65536)
        except BlockingIOError:
            return None
        if not data:
            self._eof = True
            data = b"\n"
        *lines, self._pending = (self._pending + data).split(b"\n")
        text = [line.decode("utf-8", errors="replace") + "\n" for line in lines]
        self.lines.extend(text)
        return text

    def wait_for(self, event: str, timeout: float = 120) -> dict[str, Any]:
        """The next log entry whose ``event`` is ``event``; fails on exit or timeout."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(f"no {event!r} within {timeout:.0f} s:\n" + "".join(self.lines[-30:]))
            for line in self._read(min(left, 1.0)) or []:
                for entry in json_lines(line):
                    if entry.get("event") == event:
                        return entry
            if self._eof or (self.proc.poll() is not None and self._read(0) is None):
                pytest.fail(f"the program ended before {event!r}:\n" + "".join(self.lines[-30:]))

    def __enter__(self) -> Running:
        return self

    def __exit__(self, *exc: object) -> None:
        self.output = self.stop()

    def stop(self) -> str:
        """End the program (taskkill, as an admin would) and return its whole output."""
        if self.proc.poll() is None:
            self.wine.run(["taskkill", "/f", "/im", self.image], timeout=60)
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        while self._read(0) is not None:
            pass
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        return "".join(self.lines) + self._pending.decode("utf-8", errors="replace")
