# SPDX-License-Identifier: EUPL-1.2
"""The system's proxy settings where Python's own :func:`urllib.request.getproxies` stops.

- **Linux:** the "system proxy" lives in the desktop: GNOME Settings writes
  ``org.gnome.system.proxy``, KDE's System Settings writes ``kioslaverc``, and neither
  exports ``http_proxy`` to programs started from the menu. Which desktop is asked
  follows ``XDG_CURRENT_DESKTOP``, as libproxy and GLib do: KDE reads kioslaverc; GNOME
  and its relatives read GSettings (through the ``gsettings`` tool, so any backend
  GNOME uses works).
- **Windows:** urllib reads the manual proxy (``ProxyServer``, ``ProxyOverride``) but not
  the automatic configuration script (``AutoConfigURL``), which is how most agencies
  roll out their proxy by group policy. It is read here, from the user's Internet
  Settings or the machine's when ``ProxySettingsPerUser`` is 0.
- **macOS:** likewise urllib reads manual proxies only; the PAC address comes from
  ``scutil --proxy``.

Proxy environment variables, when set, win over all of them: that is what the transport
does with them (:func:`~workplace.net.proxy.environment_proxy`), and what users who set
them expect. Without these settings a launcher behind an agency proxy configured the
usual way would never get out.

Runs a tool, reads a file or the registry: call it from a worker thread, never the GUI
thread.
"""

from __future__ import annotations

import ast
import configparser
import logging
import os
import shutil
import subprocess
import sys
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

log = logging.getLogger("workplace.net")

GNOME_FAMILY = ("GNOME", "UNITY", "BUDGIE", "CINNAMON", "X-CINNAMON", "PANTHEON", "MATE")
GSETTINGS_SECONDS = 10.0
ENV_PROXY_NAMES = ("http_proxy", "https_proxy", "all_proxy")

DesktopMode = Literal["none", "manual", "pac"]


@dataclass(frozen=True)
class DesktopProxy:
    """What the desktop's proxy settings say, in the launcher's own terms."""

    source: str
    """Where it was read, for doctor: ``GNOME (GSettings)`` or ``KDE (…/kioslaverc)``."""
    mode: DesktopMode
    http: str = ""
    https: str = ""
    exclusions: tuple[str, ...] = ()
    pac_url: str = ""
    problem: str = ""
    """A setting the launcher cannot follow (WPAD, SOCKS only, reversed exceptions)."""


Runner = Callable[[list[str]], str | None]
"""Runs a command and returns its stdout, or None when it failed."""


def environment_has_proxy(env: Mapping[str, str]) -> bool:
    """Whether proxy environment variables are set (the transport follows those itself)."""
    return any(env.get(name) or env.get(name.upper()) for name in ENV_PROXY_NAMES)


def read_desktop_proxy(
    env: Mapping[str, str] | None = None, run: Runner | None = None,
    platform: str = sys.platform, registry: WindowsRegistry | None = None,
) -> DesktopProxy | None:
    """The system's proxy settings beyond urllib's; None where there are none to follow."""
    env = os.environ if env is None else env
    if environment_has_proxy(env):
        return None
    runner = run or (lambda args: _run(args, env))
    try:
        if platform == "win32":
            return read_windows(registry)
        if platform == "darwin":
            return read_macos(runner)
        desktops = [d.strip().upper() for d in env.get("XDG_CURRENT_DESKTOP", "").split(":")]
        if "KDE" in desktops:
            return read_kde(kioslaverc_paths(env))
        if any(d in GNOME_FAMILY for d in desktops):
            return read_gnome(runner)
    except Exception as exc:  # a broken setting must not break the network
        log.warning("cannot read the desktop's proxy settings: %s", exc)
    return None


# --------------------------------------------------------------------------- Windows

INTERNET_SETTINGS = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings"
INTERNET_SETTINGS_POLICY = r"Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings"


class WindowsRegistry(Protocol):
    """The part of :mod:`winreg` read here; tests pass a fake."""

    HKEY_LOCAL_MACHINE: int
    HKEY_CURRENT_USER: int

    def OpenKey(self, key: Any, sub_key: str) -> Any: ...
    def QueryValueEx(self, key: Any, name: str) -> tuple[Any, int]: ...


def _query(registry: WindowsRegistry, hive: int, path: str, name: str) -> Any:
    try:
        with registry.OpenKey(hive, path) as key:
            return registry.QueryValueEx(key, name)[0]
    except OSError:
        return None


def read_windows(registry: WindowsRegistry | None = None) -> DesktopProxy | None:
    """The automatic configuration script of Internet Settings (manual: urllib's job)."""
    if registry is None:  # pragma: no cover - Windows only
        import winreg

        registry = typing.cast(WindowsRegistry, winreg)
    hive, label = registry.HKEY_CURRENT_USER, "HKCU"
    per_user = _query(registry, registry.HKEY_LOCAL_MACHINE, INTERNET_SETTINGS_POLICY,
                      "ProxySettingsPerUser")
    if per_user == 0:  # the group policy "make proxy settings per-machine"
        hive, label = registry.HKEY_LOCAL_MACHINE, "HKLM"
    url = _query(registry, hive, INTERNET_SETTINGS, "AutoConfigURL")
    if isinstance(url, str) and url.strip():
        return DesktopProxy(f"Windows ({label}\\{INTERNET_SETTINGS})", "pac",
                            pac_url=url.strip())
    return None


# --------------------------------------------------------------------------- macOS


def read_macos(run: Runner) -> DesktopProxy | None:
    """The PAC address of the current network service (manual proxies: urllib's job)."""
    listing = run(["scutil", "--proxy"])
    if listing is None:
        return None
    values: dict[str, str] = {}
    for line in listing.splitlines():
        name, sep, value = line.strip().partition(" : ")
        if sep and not value.startswith("<"):
            values[name.strip()] = value.strip()
    if values.get("ProxyAutoConfigEnable") == "1":
        url = values.get("ProxyAutoConfigURLString", "")
        if url:
            return DesktopProxy("macOS (scutil --proxy)", "pac", pac_url=url)
    return None


# --------------------------------------------------------------------------- GNOME


def _run(args: list[str], env: Mapping[str, str]) -> str | None:
    if shutil.which(args[0], path=env.get("PATH")) is None:
        return None
    try:
        done = subprocess.run(
            args, capture_output=True, text=True, timeout=GSETTINGS_SECONDS, check=False,
            stdin=subprocess.DEVNULL, env=dict(env),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("%s failed: %s", args[0], exc)
        return None
    return done.stdout if done.returncode == 0 else None


def _gvariant(text: str) -> object:
    """A GVariant in text form, as ``gsettings`` prints it: strings, numbers, lists."""
    text = text.strip()
    if text.startswith("@"):  # typed empty value, e.g. "@as []"
        text = text.split(" ", 1)[1] if " " in text else ""
    if text in ("true", "false"):
        return text == "true"
    return ast.literal_eval(text)


def gnome_values(listing: str) -> dict[str, object]:
    """``gsettings list-recursively`` output -> ``{"http.host": "proxy", "mode": "manual"}``."""
    values: dict[str, object] = {}
    for line in listing.splitlines():
        parts = line.split(" ", 2)
        if len(parts) != 3 or not parts[0].startswith("org.gnome.system.proxy"):
            continue
        schema, key, raw = parts
        child = schema[len("org.gnome.system.proxy"):].lstrip(".")
        try:
            values[f"{child}.{key}" if child else key] = _gvariant(raw)
        except (ValueError, SyntaxError):
            log.debug("skipping the GSettings value %s %s", schema, key)
    return values


def read_gnome(run: Runner) -> DesktopProxy | None:
    listing = run(["gsettings", "list-recursively", "org.gnome.system.proxy"])
    if listing is None:
        return None  # no gsettings, or no GNOME proxy schema: nothing to follow
    return gnome_proxy(gnome_values(listing))


def gnome_proxy(values: Mapping[str, object]) -> DesktopProxy:
    source = "GNOME (GSettings org.gnome.system.proxy)"
    mode = str(values.get("mode", "none"))
    exclusions = tuple(str(v) for v in _list(values.get("ignore-hosts")))
    if mode == "auto":
        url = str(values.get("autoconfig-url", "")).strip()
        if not url:
            return DesktopProxy(source, "none", problem=(
                "the desktop asks for automatic proxy discovery (WPAD), which the launcher "
                "does not do; name the PAC file's address instead; going direct"))
        return DesktopProxy(source, "pac", pac_url=url)
    if mode != "manual":
        return DesktopProxy(source, "none")

    def proxy(kind: str, with_auth: bool) -> str:
        host = str(values.get(f"{kind}.host", "")).strip()
        port = _int(values.get(f"{kind}.port"))
        if not host or not port:
            return ""
        auth = ""
        if with_auth and values.get("http.use-authentication") is True:
            from urllib.parse import quote

            user = str(values.get("http.authentication-user", ""))
            password = str(values.get("http.authentication-password", ""))
            if user:
                auth = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
                auth += "@"
        return f"http://{auth}{_bracket(host)}:{port}"

    http = proxy("http", with_auth=True)
    https = proxy("https", with_auth=False) or http  # GLib does the same
    if not (http or https):
        socks = str(values.get("socks.host", "")).strip()
        problem = ("the desktop names only a SOCKS proxy, which the launcher does not use; "
                   "going direct") if socks else ""
        return DesktopProxy(source, "none", problem=problem)
    return DesktopProxy(source, "manual", http=http or https, https=https, exclusions=exclusions)


# --------------------------------------------------------------------------- KDE


def kioslaverc_path(env: Mapping[str, str]) -> Path:
    config_home = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")) / ".config")
    return Path(config_home).expanduser() / "kioslaverc"


def kioslaverc_paths(env: Mapping[str, str]) -> list[Path]:
    """Where KDE reads kioslaverc, lowest priority first: the system directories of
    ``XDG_CONFIG_DIRS`` (where IT rolls out and locks proxy settings), then the user's."""
    dirs = [d for d in (env.get("XDG_CONFIG_DIRS") or "/etc/xdg").split(":") if d]
    return [Path(d) / "kioslaverc" for d in reversed(dirs)] + [kioslaverc_path(env)]


def _kde_settings(paths: Sequence[Path]) -> tuple[dict[str, str], list[Path]]:
    """The merged ``[Proxy Settings]``: later files win, except over keys a file marks
    immutable (``Key[$i]=…``, or the whole group as ``[Proxy Settings][$i]``)."""
    values: dict[str, str] = {}
    locked: set[str] = set()
    used: list[Path] = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # type: ignore[assignment,method-assign]  # case-sensitive
        parser.read_string(text, source=str(path))
        for section in parser.sections():
            group, group_locked = section, False
            if group.endswith("][$i"):
                group, group_locked = group[:-4], True
            if group != "Proxy Settings":
                continue
            used.append(path)
            for key, value in parser[section].items():
                name, immutable = key, group_locked
                if name.endswith("[$i]"):
                    name, immutable = name[:-4], True
                if name in locked:
                    continue
                values[name] = value
                if immutable:
                    locked.add(name)
    return values, used


def read_kde(paths: Path | Sequence[Path]) -> DesktopProxy | None:
    files = [paths] if isinstance(paths, Path) else list(paths)
    section, used = _kde_settings(files)
    if not used:
        return None
    path = ", ".join(str(p) for p in dict.fromkeys(used))
    source = f"KDE ({path})"
    kind = _int(section.get("ProxyType", "0"))
    if kind == 1:
        http = _kde_proxy(section.get("httpProxy", ""))
        https = _kde_proxy(section.get("httpsProxy", "")) or http
        if not (http or https):
            return DesktopProxy(source, "none")
        exclusions = tuple(e.strip() for e in section.get("NoProxyFor", "").split(",") if e.strip())
        problem = ""
        if section.get("ReversedException", "false").strip().lower() == "true":
            problem = ("the desktop uses the proxy only for the listed hosts, which the "
                       "launcher cannot follow; using the proxy for every host")
            exclusions = ()
        return DesktopProxy(source, "manual", http=http or https, https=https,
                            exclusions=exclusions, problem=problem)
    if kind == 2:
        url = section.get("Proxy Config Script", "").strip()
        if url:
            return DesktopProxy(source, "pac", pac_url=url)
        return DesktopProxy(source, "none", problem="the desktop names no PAC file; going direct")
    if kind == 3:
        return DesktopProxy(source, "none", problem=(
            "the desktop asks for automatic proxy discovery (WPAD), which the launcher "
            "does not do; name the PAC file's address instead; going direct"))
    if kind == 4:
        return None  # "use the environment variables": there are none (checked above)
    return DesktopProxy(source, "none")


def _kde_proxy(value: str) -> str:
    """``http://proxy.example 8080`` or ``proxy.example:8080`` -> ``http://proxy.example:8080``."""
    value = value.strip()
    if not value:
        return ""
    if " " in value:
        host, _, port = value.rpartition(" ")
        value = f"{host.strip()}:{port.strip()}" if port.strip().isdigit() else host.strip()
    if "://" not in value:
        value = f"http://{value}"
    return value


# --------------------------------------------------------------------------- helpers


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _int(value: object) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        return 0


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
