# SPDX-License-Identifier: EUPL-1.2
"""Reading the Linux desktop's proxy settings: KDE's kioslaverc and GNOME's GSettings.

The GNOME cases run the real ``gsettings`` tool against the real schema, with GLib's
keyfile backend in the test's own config directory (the same values GNOME Settings
would write to dconf). No fakes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.desktop import gsettings_set as set_values
from tests.support.desktop import needs_gsettings
from workplace.net.desktop_proxy import (
    DesktopProxy,
    Runner,
    gnome_values,
    read_desktop_proxy,
    read_kde,
)


@pytest.fixture
def gnome_env(tmp_path: Path) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(
        XDG_CURRENT_DESKTOP="ubuntu:GNOME", GSETTINGS_BACKEND="keyfile",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    return env


def gsettings_set(env: dict[str, str], schema: str, key: str, value: str) -> None:
    set_values([(schema, key, value)], env)


def read_in(env: dict[str, str]) -> DesktopProxy | None:
    return read_desktop_proxy(env)  # gsettings runs with this environment


@needs_gsettings
def test_gnome_defaults_mean_no_proxy(gnome_env: dict[str, str]) -> None:
    found = read_in(gnome_env)
    assert found is not None and found.mode == "none" and not found.problem
    assert found.source.startswith("GNOME")


@needs_gsettings
def test_gnome_manual_proxy_with_login_and_ignored_hosts(gnome_env: dict[str, str]) -> None:
    proxy = "org.gnome.system.proxy"
    gsettings_set(gnome_env, proxy, "mode", "manual")
    gsettings_set(gnome_env, f"{proxy}.http", "host", "proxy.behoerde.example")
    gsettings_set(gnome_env, f"{proxy}.http", "port", "3128")
    gsettings_set(gnome_env, f"{proxy}.http", "use-authentication", "true")
    gsettings_set(gnome_env, f"{proxy}.http", "authentication-user", "erika@amt")
    gsettings_set(gnome_env, f"{proxy}.http", "authentication-password", "p:w d")
    gsettings_set(gnome_env, proxy, "ignore-hosts", "['localhost', '*.intern', '10.0.0.0/8']")

    found = read_in(gnome_env)

    assert found is not None and found.mode == "manual"
    assert found.http == "http://erika%40amt:p%3Aw%20d@proxy.behoerde.example:3128"
    assert found.https == found.http  # no https proxy named: GLib uses the http one
    assert found.exclusions == ("localhost", "*.intern", "10.0.0.0/8")

    gsettings_set(gnome_env, f"{proxy}.https", "host", "tls-proxy.example")
    gsettings_set(gnome_env, f"{proxy}.https", "port", "8443")
    found = read_in(gnome_env)
    assert found is not None and found.https == "http://tls-proxy.example:8443"


@needs_gsettings
def test_gnome_automatic_with_and_without_a_pac_address(gnome_env: dict[str, str]) -> None:
    gsettings_set(gnome_env, "org.gnome.system.proxy", "mode", "auto")
    wpad = read_in(gnome_env)
    assert wpad is not None and wpad.mode == "none" and "WPAD" in wpad.problem
    gsettings_set(gnome_env, "org.gnome.system.proxy", "autoconfig-url",
                  "http://pac.intern/proxy.pac")
    pac = read_in(gnome_env)
    assert pac is not None and pac.mode == "pac" and pac.pac_url == "http://pac.intern/proxy.pac"


@needs_gsettings
def test_gnome_socks_only_is_named_as_unsupported(gnome_env: dict[str, str]) -> None:
    gsettings_set(gnome_env, "org.gnome.system.proxy", "mode", "manual")
    gsettings_set(gnome_env, "org.gnome.system.proxy.socks", "host", "socks.example")
    gsettings_set(gnome_env, "org.gnome.system.proxy.socks", "port", "1080")
    found = read_in(gnome_env)
    assert found is not None and found.mode == "none" and "SOCKS" in found.problem


@needs_gsettings
def test_environment_variables_win_over_the_desktop(gnome_env: dict[str, str]) -> None:
    gsettings_set(gnome_env, "org.gnome.system.proxy", "mode", "manual")
    gsettings_set(gnome_env, "org.gnome.system.proxy.http", "host", "proxy.example")
    assert read_in({**gnome_env, "https_proxy": "http://env-proxy:3128"}) is None
    assert read_in({**gnome_env, "HTTP_PROXY": "http://env-proxy:3128"}) is None
    assert read_in(gnome_env) is not None


def test_other_desktops_and_no_desktop_are_not_asked(tmp_path: Path) -> None:
    asked: list[list[str]] = []

    def run(args: list[str]) -> str | None:
        asked.append(args)
        return "org.gnome.system.proxy mode 'manual'\n"

    assert read_desktop_proxy({"XDG_CURRENT_DESKTOP": "XFCE"}, run) is None
    assert read_desktop_proxy({}, run) is None
    assert asked == []
    assert read_desktop_proxy({"XDG_CURRENT_DESKTOP": "GNOME"}, run) is not None
    assert asked == [["gsettings", "list-recursively", "org.gnome.system.proxy"]]


def test_no_gsettings_or_no_schema_means_nothing_to_follow() -> None:
    assert read_desktop_proxy({"XDG_CURRENT_DESKTOP": "GNOME"}, lambda args: None) is None


def test_gvariant_values_as_gsettings_prints_them() -> None:
    values = gnome_values(
        "org.gnome.system.proxy ignore-hosts @as []\n"
        "org.gnome.system.proxy mode 'manual'\n"
        "org.gnome.system.proxy.http authentication-user \"it's\"\n"
        "org.gnome.system.proxy.http use-authentication true\n"
        "org.gnome.system.proxy.http port 3128\n"
        "org.gnome.other.schema key 'ignored'\n"
        "org.gnome.system.proxy broken 'unterminated\n"
    )
    assert values == {
        "ignore-hosts": [], "mode": "manual", "http.authentication-user": "it's",
        "http.use-authentication": True, "http.port": 3128,
    }


def kioslaverc(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "kioslaverc"
    path.write_text("[Proxy Settings]\n" + body, encoding="utf-8")
    return path


def test_kde_manual_proxy_in_both_notations(tmp_path: Path) -> None:
    found = read_kde(kioslaverc(tmp_path, (
        "ProxyType=1\n"
        "httpProxy=http://proxy.behoerde.example 3128\n"
        "httpsProxy=proxy.behoerde.example:3129\n"
        "NoProxyFor=localhost,.intern, 10.0.0.0/8\n"
    )))
    assert found == DesktopProxy(
        source=f"KDE ({tmp_path / 'kioslaverc'})", mode="manual",
        http="http://proxy.behoerde.example:3128", https="http://proxy.behoerde.example:3129",
        exclusions=("localhost", ".intern", "10.0.0.0/8"),
    )


def test_kde_pac_wpad_environment_and_none(tmp_path: Path) -> None:
    pac = read_kde(kioslaverc(tmp_path, (
        "ProxyType=2\nProxy Config Script=http://pac.intern/proxy.pac\n")))
    assert pac is not None and (pac.mode, pac.pac_url) == ("pac", "http://pac.intern/proxy.pac")
    wpad = read_kde(kioslaverc(tmp_path, "ProxyType=3\n"))
    assert wpad is not None and wpad.mode == "none" and "WPAD" in wpad.problem
    assert read_kde(kioslaverc(tmp_path, "ProxyType=4\nhttpProxy=HTTP_PROXY\n")) is None
    none = read_kde(kioslaverc(tmp_path, "ProxyType=0\nhttpProxy=http://unused 1\n"))
    assert none is not None and none.mode == "none"
    assert read_kde(tmp_path / "missing") is None


def test_kde_reversed_exceptions_are_named(tmp_path: Path) -> None:
    found = read_kde(kioslaverc(tmp_path, (
        "ProxyType=1\nhttpProxy=http://proxy 3128\nNoProxyFor=only.this\n"
        "ReversedException=true\n")))
    assert found is not None and found.exclusions == () and "only for the listed" in found.problem


def test_kde_is_read_from_the_config_home(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    env = {"XDG_CURRENT_DESKTOP": "KDE", "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_CONFIG_DIRS": str(tmp_path / "no-system-dir")}
    kioslaverc(tmp_path, "ProxyType=1\nhttpProxy=http://proxy 3128\n")
    found = read_desktop_proxy(env)
    assert found is not None and found.http == "http://proxy:3128"
    (tmp_path / "kioslaverc").write_text("ProxyType=1\n[Proxy Settings\n", encoding="utf-8")
    assert read_desktop_proxy(env) is None  # a broken file is logged, never raised
    assert "cannot read the desktop's proxy settings" in caplog.text
    assert "kioslaverc" in caplog.text


# --------------------------------------------------------------------------- Windows, macOS
# There is no Windows and no macOS here: FakeRegistry is a FAKE winreg, and the scutil
# output below is a FAKE, copied in the format macOS prints.

INTERNET = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings"
INTERNET_POLICY = r"Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings"


def test_windows_automatic_configuration_script_of_the_user() -> None:
    from tests.support.fake_winreg import FakeRegistry

    reg = FakeRegistry()
    assert read_desktop_proxy({}, platform="win32", registry=reg) is None  # nothing set
    reg.set(reg.HKEY_CURRENT_USER, INTERNET, "ProxyEnable", 1, reg.REG_DWORD)
    reg.set(reg.HKEY_CURRENT_USER, INTERNET, "ProxyServer", "proxy:3128", reg.REG_SZ)
    assert read_desktop_proxy({}, platform="win32", registry=reg) is None  # urllib's job
    reg.set(reg.HKEY_CURRENT_USER, INTERNET, "AutoConfigURL", " http://pac.intern/p.pac ",
            reg.REG_SZ)
    found = read_desktop_proxy({}, platform="win32", registry=reg)
    assert found == DesktopProxy(f"Windows (HKCU\\{INTERNET})", "pac",
                                 pac_url="http://pac.intern/p.pac")
    assert read_desktop_proxy({"HTTPS_PROXY": "http://env:1"}, platform="win32",
                              registry=reg) is None  # variables win


def test_windows_per_machine_proxy_settings_by_group_policy() -> None:
    from tests.support.fake_winreg import FakeRegistry

    reg = FakeRegistry()
    reg.set(reg.HKEY_CURRENT_USER, INTERNET, "AutoConfigURL", "http://user/p.pac", reg.REG_SZ)
    reg.set(reg.HKEY_LOCAL_MACHINE, INTERNET, "AutoConfigURL", "http://machine/p.pac",
            reg.REG_SZ)
    reg.set(reg.HKEY_LOCAL_MACHINE, INTERNET_POLICY, "ProxySettingsPerUser", 0, reg.REG_DWORD)
    found = read_desktop_proxy({}, platform="win32", registry=reg)
    assert found is not None and found.pac_url == "http://machine/p.pac"
    assert found.source.startswith("Windows (HKLM")


SCUTIL = """<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
    1 : 169.254/16
  }
  FTPPassive : 1
  HTTPEnable : 1
  HTTPPort : 3128
  HTTPProxy : proxy.example
  ProxyAutoConfigEnable : {enabled}
  ProxyAutoConfigURLString : http://pac.intern/proxy.pac
}
"""


def test_macos_automatic_proxy_configuration() -> None:
    asked: list[list[str]] = []

    def scutil(enabled: str) -> Runner:
        def run(args: list[str]) -> str | None:
            asked.append(args)
            return SCUTIL.replace("{enabled}", enabled)
        return run

    found = read_desktop_proxy({}, scutil("1"), platform="darwin")
    assert found == DesktopProxy("macOS (scutil --proxy)", "pac",
                                 pac_url="http://pac.intern/proxy.pac")
    assert asked == [["scutil", "--proxy"]]
    assert read_desktop_proxy({}, scutil("0"), platform="darwin") is None  # urllib's job
    assert read_desktop_proxy({}, lambda args: None, platform="darwin") is None


def test_kde_system_settings_apply_and_locked_keys_win(tmp_path: Path) -> None:
    """IT rolls out /etc/xdg/kioslaverc (here a directory of XDG_CONFIG_DIRS); the user's
    file overrides it, except where IT marked a key immutable with [$i]."""
    system, user = tmp_path / "etc-xdg", tmp_path / "home-config"
    system.mkdir()
    user.mkdir()
    env = {"XDG_CURRENT_DESKTOP": "KDE", "XDG_CONFIG_HOME": str(user),
           "XDG_CONFIG_DIRS": str(system)}
    kioslaverc(system, "ProxyType[$i]=1\nhttpProxy=http://agency-proxy 3128\n"
                       "NoProxyFor=.intern\n")
    only_system = read_desktop_proxy(env)
    assert only_system is not None and only_system.http == "http://agency-proxy:3128"
    assert only_system.source == f"KDE ({system / 'kioslaverc'})"

    kioslaverc(user, "ProxyType=0\nhttpProxy=http://my-proxy 8080\n")
    merged = read_desktop_proxy(env)
    assert merged is not None and merged.mode == "manual"  # ProxyType is locked by IT
    assert merged.http == "http://my-proxy:8080"  # not locked: the user's value
    assert merged.exclusions == (".intern",)

    kioslaverc(system, "ProxyType=1\nhttpProxy=http://agency-proxy 3128\n")
    assert read_desktop_proxy(env).mode == "none"  # type: ignore[union-attr]  # unlocked

    (system / "kioslaverc").write_text(
        "[Proxy Settings][$i]\nProxyType=1\nhttpProxy=http://agency-proxy 3128\n",
        encoding="utf-8")
    locked = read_desktop_proxy(env)
    assert locked is not None and locked.http == "http://agency-proxy:3128"
