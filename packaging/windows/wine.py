# SPDX-License-Identifier: EUPL-1.2
"""Runs Windows programs under Debian's Wine the one way that works for this project.

Used by the Windows build (``packaging/windows/winbuild.py``) and the tests under Wine
(``tests/windows/``). Each trap of ``windows-under-wine`` has its fix here, once:

- Windows Python dies at start (``init_sys_streams``) when its output is a regular
  file: every run reads the output through pipes.
- Wine drops every ``QT_*`` variable: ``qt={"QPA_PLATFORM": "offscreen"}`` is passed as
  ``WINEQT_QPA_PLATFORM``, which Wine hands on as ``QT_QPA_PLATFORM``.
- A crash can hang for minutes in winedbg: every run has a timeout, after which the
  prefix's wineserver is killed (that ends every process of the prefix).
- ``PIP_FIND_LINKS``/``PIP_CERT`` of this machine would leak into the Windows pip.
"""

from __future__ import annotations

import os
import selectors
import shutil
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

WINE_CANDIDATES = ("/usr/lib/wine/wine64", "wine64", "wine")
"""Debian puts wine64 outside PATH (the ``wine`` wrapper package is not needed)."""

APT_PACKAGES = "wine64 wixl msitools gcc-mingw-w64-x86-64-win32"
LEAKY = ("PIP_FIND_LINKS", "PIP_CERT", "PIP_INDEX_URL", "PYTHONPATH", "PYTHONHOME",
         "WORKPLACE_CONFIG", "BROWSER", "DISPLAY", "WAYLAND_DISPLAY")


class WineMissing(RuntimeError):
    """A tool of the Windows build is not installed; the message says how to get it."""


def find_tool(name: str, candidates: Sequence[str] = ()) -> str:
    for candidate in (*candidates, name):
        found = candidate if os.path.isabs(candidate) and os.access(candidate, os.X_OK) \
            else shutil.which(candidate)
        if found:
            return found
    raise WineMissing(
        f"{name} is missing: apt-get install {APT_PACKAGES} (scripts/bootstrap.sh does it)"
    )


def wine_program() -> str:
    return find_tool("wine64", WINE_CANDIDATES)


def wineserver_program() -> str:
    wine = Path(wine_program())
    beside = wine.with_name("wineserver")
    return str(beside) if beside.exists() else find_tool("wineserver")


def wine_version() -> str:
    run = subprocess.run([wine_program(), "--version"], capture_output=True, text=True,
                         timeout=60, check=False)
    return run.stdout.strip()


def windows_path(path: Path | str) -> str:
    """``/work/x`` -> ``Z:\\work\\x`` (Wine maps the Linux root to drive Z:)."""
    return "Z:" + str(PureWindowsPath(Path(path).resolve()))


SHARED_SUFFIXES = frozenset({".dll", ".exe", ".sys", ".drv", ".ocx", ".acm", ".cpl", ".tlb",
                             ".ax", ".ds", ".manifest"})
SHARED_DIRS = ("drive_c/windows/system32/", "drive_c/windows/winsxs/")
SHARED_TREES = ("drive_c/py311/",)


def clone_prefix(template: Path, target: Path) -> None:
    """A prefix to change freely, made from ``template`` in seconds.

    The program files of Windows and the Windows Python (900 MB) are hard links: Wine
    replaces them only when it updates a prefix to another Wine version, which a prefix
    keyed on its Wine version never sees, and the Windows Python runs with ``-B``.
    Everything else (the registry, the profiles, ProgramData, Program Files) is copied.
    """
    for dirpath, dirnames, filenames in os.walk(template):
        here = Path(dirpath)
        rel = here.relative_to(template)
        (target / rel).mkdir(parents=True, exist_ok=True)
        where = f"{rel.as_posix()}/"
        tree = where.startswith(SHARED_TREES)
        binaries = where.startswith(SHARED_DIRS)
        for name in [*filenames, *(d for d in dirnames if (here / d).is_symlink())]:
            source, dest = here / name, target / rel / name
            if source.is_symlink():
                dest.symlink_to(os.readlink(source))
            elif tree or (binaries and source.suffix.lower() in SHARED_SUFFIXES):
                os.link(source, dest)
            else:
                shutil.copy2(source, dest)
        dirnames[:] = [d for d in dirnames if not (here / d).is_symlink()]


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class WineTimeout(RuntimeError):
    pass


class Wine:
    """One Wine prefix: run programs in it, read and write its registry, stop it."""

    def __init__(self, prefix: Path, display: str | None = None) -> None:
        self.prefix = Path(prefix)
        self.display = display
        """The X display of every program run here (Wine's desktop process is started
        once per session, on the display of the first program: boot with it)."""
        self.sys_path: list[Path] = []
        """Put in front of ``sys.path`` by :meth:`python` (e.g. a staged source tree)."""
        self.wine = wine_program()

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    def environment(self, qt: Mapping[str, str] | None = None,
                    extra: Mapping[str, str] | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k not in LEAKY and not k.startswith(("QT_", "WINE"))}
        if self.display:
            env["DISPLAY"] = self.display
        env.update(WINEPREFIX=str(self.prefix), WINEDEBUG="-all",
                   # No dialogs offering to install Mono or Gecko. And no network list
                   # manager for Qt: with Wine's netprofm its backend never returns from
                   # loading, in the GUI thread (the launcher then works without the
                   # OS's network events, as where none exist).
                   WINEDLLOVERRIDES="mscoree,mshtml=;qnetworklistmanager=d")
        for name, value in (qt or {}).items():
            env[f"WINEQT_{name}"] = value
        env.update(extra or {})
        return env

    def run(self, args: Sequence[str], *, timeout: float = 120, check: bool = False,
            qt: Mapping[str, str] | None = None, env: Mapping[str, str] | None = None,
            cwd: Path | None = None) -> Result:
        """Run ``wine64 ARGS`` with pipes for its output; kill the prefix on timeout.

        Waits for the program, not for the end of its output: Wine's own background
        processes (services.exe, explorer.exe), started by the first program of a
        session, inherit its pipes and may hold them open for the session's lifetime.
        """
        proc = subprocess.Popen(
            [self.wine, *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=self.environment(qt, env), cwd=cwd,
        )
        try:
            out, err = _collect(proc, timeout)
        except subprocess.TimeoutExpired as exc:
            self.kill()
            proc.kill()
            proc.wait()
            raise WineTimeout(
                f"wine {' '.join(args)} did not finish within {timeout:.0f} s\n"
                + str(exc.output or "")) from None
        result = Result(proc.returncode, out, err)
        if check and result.returncode != 0:
            raise RuntimeError(
                f"wine {' '.join(args)}: exit {result.returncode}\n{result.output}")
        return result

    def boot(self) -> None:
        """Start the prefix's background processes with no pipes to inherit."""
        subprocess.run([self.wine, "wineboot"], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=self.environment(), timeout=300, check=False)

    def start(self, args: Sequence[str], *, qt: Mapping[str, str] | None = None,
              env: Mapping[str, str] | None = None) -> subprocess.Popen[bytes]:
        """Start a program and return at once (output through one pipe, merged).

        Read it without blocking (the pipe may outlive the program, see :meth:`run`).
        """
        return subprocess.Popen(
            [self.wine, *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, env=self.environment(qt, env),
        )

    def python(self, code: str, *args: str, sys_path: Sequence[Path] = (),
               timeout: float = 120, qt: Mapping[str, str] | None = None,
               env: Mapping[str, str] | None = None) -> Result:
        """Run ``code`` with the prefix's Windows Python (``C:\\py311``).

        The embeddable Python ignores PYTHONPATH (its ``._pth`` file decides), so
        ``sys_path`` entries are put in front by the code itself; ``-B`` keeps
        Windows bytecode out of the source tree.
        """
        head = "".join(f"import sys; sys.path.insert(0, {windows_path(p)!r})\n"
                       for p in reversed([*sys_path, *self.sys_path]))
        return self.run([r"C:\py311\python.exe", "-B", "-c", head + code, *args],
                        timeout=timeout, qt=qt, env=env)

    # ----------------------------------------------------------------- registry

    def reg(self, *args: str, check: bool = True) -> Result:
        return self.run(["reg", *args], timeout=60, check=check)

    def reg_add(self, key: str, name: str, kind: str, data: str) -> None:
        self.reg("add", key, "/v", name, "/t", kind, "/d", data, "/f")

    def reg_delete(self, key: str, name: str | None = None) -> None:
        """Delete a value, or the whole key; a missing one is fine."""
        if name is None:
            self.reg("delete", key, "/f", check=False)
        else:
            self.reg("delete", key, "/v", name, "/f", check=False)

    def reg_query(self, key: str) -> dict[str, tuple[str, str]] | None:
        """The values of one key as ``{name: (type, data)}``, None if there is no key."""
        result = self.reg("query", key, check=False)
        if result.returncode != 0:
            return None
        values: dict[str, tuple[str, str]] = {}
        for line in result.stdout.splitlines():
            parts = line.strip().split("    ")
            if len(parts) >= 2 and parts[1].startswith("REG_"):
                values[parts[0]] = (parts[1], "    ".join(parts[2:]))
        return values

    # ----------------------------------------------------------------- lifetime

    def kill(self) -> None:
        """End every process of this prefix (``wineserver -k``)."""
        subprocess.run([wineserver_program(), "-k"], env=self.environment(),
                       capture_output=True, timeout=60, check=False)

    def wait(self, timeout: float = 120) -> None:
        """Wait until the prefix's wineserver has written the registry and ended."""
        try:
            subprocess.run([wineserver_program(), "-w"], env=self.environment(),
                           capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            self.kill()


def _collect(proc: subprocess.Popen[bytes], timeout: float) -> tuple[str, str]:
    """Read stdout and stderr while the program runs, until it has ended.

    Does not wait for the end of the output (see :meth:`Wine.run`): once the program has
    ended, what is in the pipes is read and they are closed.
    """
    assert proc.stdout is not None and proc.stderr is not None
    out_fd, err_fd = proc.stdout.fileno(), proc.stderr.fileno()
    chunks: dict[int, list[bytes]] = {out_fd: [], err_fd: []}
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        for pipe in (proc.stdout, proc.stderr):
            os.set_blocking(pipe.fileno(), False)
            selector.register(pipe.fileno(), selectors.EVENT_READ)
        try:
            while selector.get_map():
                ended = proc.poll() is not None
                events = selector.select(timeout=0 if ended else 0.2)
                if ended and not events:
                    break
                for key, _mask in events:
                    fd = int(key.fd)
                    try:
                        data = os.read(fd, 65536)
                    except BlockingIOError:
                        continue
                    if data:
                        chunks[fd].append(data)
                    else:
                        selector.unregister(fd)
                if not ended and time.monotonic() > deadline:
                    text = b"".join(b"".join(c) for c in chunks.values())
                    raise subprocess.TimeoutExpired(proc.args, timeout, output=_text(text))
            proc.wait()
        finally:
            proc.stdout.close()
            proc.stderr.close()
    return _text(b"".join(chunks[out_fd])), _text(b"".join(chunks[err_fd]))


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")
