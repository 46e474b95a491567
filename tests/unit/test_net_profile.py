# SPDX-License-Identifier: EUPL-1.2
"""Pure network decisions: profile, per-profile policy, launch/VPN decisions, proxy rules."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest
import urllib3.exceptions
from pydantic import ValidationError

from workplace.config.schema import NetworkSettings, Preferences, Service
from workplace.net.classify import classify
from workplace.net.detect import _login_url, vpn_interfaces
from workplace.net.errors import NetworkErrorKind
from workplace.net.profile import (
    CheckResult,
    ConnectionProfile,
    Observations,
    ProfileKind,
    decide_profile,
    policy_for,
)
from workplace.net.proxy import Exclusions, ProxyPolicy, mask_credentials
from workplace.net.setup import proxy_policy
from workplace.status.decide import needs_vpn_warning, probe_target
from workplace.status.model import ServiceState, ServiceStatus, summarize

OK, FAILED, CAPTIVE, NONE = (
    CheckResult.OK, CheckResult.FAILED, CheckResult.CAPTIVE, CheckResult.NOT_CONFIGURED
)

# (observations, expected kind, expected vpn)
PROFILE_TABLE = [
    (Observations(reachability="disconnected", intranet=OK), ProfileKind.OFFLINE, False),
    (Observations(intranet=OK), ProfileKind.OFFICE, False),
    (Observations(intranet=OK, vpn_interfaces=("tun0",)), ProfileKind.HOME, True),
    (Observations(intranet=OK, metered=True), ProfileKind.MOBILE, True),
    (Observations(intranet=FAILED, internet=OK), ProfileKind.HOME, False),
    (Observations(intranet=FAILED, internet=OK, metered=True), ProfileKind.MOBILE, False),
    (Observations(intranet=FAILED, internet=CAPTIVE), ProfileKind.CAPTIVE, False),
    (Observations(os_captive=True), ProfileKind.CAPTIVE, False),
    (Observations(os_captive=True, internet=OK), ProfileKind.HOME, False),
    (Observations(intranet=FAILED, internet=FAILED), ProfileKind.OFFLINE, False),
    (Observations(reachability="local"), ProfileKind.OFFLINE, False),
    (Observations(reachability="online"), ProfileKind.HOME, False),
    (Observations(), ProfileKind.HOME, False),
    (Observations(metered=True), ProfileKind.MOBILE, False),
    (Observations(intranet=FAILED, internet=OK, vpn_interfaces=("wg0",)), ProfileKind.HOME, False),
]


@pytest.mark.parametrize(("seen", "kind", "vpn"), PROFILE_TABLE)
def test_profile_decision_table(seen: Observations, kind: ProfileKind, vpn: bool) -> None:
    profile = decide_profile(seen, check_url="http://check.example.org/204")
    assert (profile.kind, profile.vpn) == (kind, vpn)
    assert profile.detail


def test_captive_profile_offers_the_check_url_and_shows_the_login_page() -> None:
    seen = Observations(internet=CAPTIVE, captive_login_url="http://portal.example/login")
    profile = decide_profile(seen, check_url="http://check.example.org/204")
    assert profile.captive_open_url == "http://check.example.org/204"
    assert profile.captive_login_url == "http://portal.example/login"
    assert not profile.online and not profile.intranet_ok


def test_vpn_up_but_intranet_silent_is_explained() -> None:
    profile = decide_profile(Observations(intranet=FAILED, internet=OK, vpn_interfaces=("tun0",)))
    assert "tun0" in profile.detail and "intranet does not answer" in profile.detail


@pytest.mark.parametrize(
    ("profile", "ok"),
    [
        (ConnectionProfile(ProfileKind.OFFICE, intranet_reachable=True), True),
        (ConnectionProfile(ProfileKind.HOME, vpn=True, intranet_reachable=True), True),
        (ConnectionProfile(ProfileKind.HOME, intranet_reachable=False), False),
        (ConnectionProfile(ProfileKind.HOME, intranet_reachable=None), True),
        (ConnectionProfile(ProfileKind.MOBILE, vpn=True, intranet_reachable=True), True),
        (ConnectionProfile(ProfileKind.OFFLINE), False),
        (ConnectionProfile(ProfileKind.CAPTIVE), False),
    ],
)
def test_intranet_warning(profile: ConnectionProfile, ok: bool) -> None:
    intranet = Service(id="erp", name="ERP", url="https://erp.example.org/", zone="intranet")
    anywhere = Service(id="mail", name="Mail", url="https://mail.example.org/")
    assert needs_vpn_warning(intranet, profile) is (not ok)
    assert needs_vpn_warning(anywhere, profile) is False


def test_policy_per_profile() -> None:
    prefs = Preferences(status_minutes_office=2, status_minutes_home=7, status_minutes_mobile=20)
    office = policy_for(ConnectionProfile(ProfileKind.OFFICE), prefs, catalog_minutes=60)
    assert (office.status_interval, office.catalog_interval) == (120, 3600)
    assert office.probes == "all" and office.download_icons and office.notifications
    home = policy_for(ConnectionProfile(ProfileKind.HOME), prefs)
    assert home.status_interval == 7 * 60
    mobile = policy_for(ConnectionProfile(ProfileKind.MOBILE, metered=True), prefs, 60)
    assert mobile.low_bandwidth and mobile.probes == "health_only"
    assert mobile.status_interval == 20 * 60 * 4 and mobile.catalog_interval == 60 * 60 * 4
    assert not mobile.notifications and not mobile.download_icons
    for kind in (ProfileKind.OFFLINE, ProfileKind.CAPTIVE):
        idle = policy_for(ConnectionProfile(kind), prefs)
        assert idle.status_interval is None and idle.catalog_interval is None
        assert idle.probes == "none"


@pytest.mark.parametrize(
    ("setting", "metered", "low"),
    [("auto", True, True), ("auto", False, False), ("on", False, True), ("off", True, False)],
)
def test_low_bandwidth_setting(setting: str, metered: bool, low: bool) -> None:
    prefs = Preferences.model_validate({"low_bandwidth": setting})
    kind = ProfileKind.MOBILE if metered else ProfileKind.HOME
    assert policy_for(ConnectionProfile(kind, metered=metered), prefs).low_bandwidth is low


def test_notifications_on_metered_links_are_a_separate_choice() -> None:
    metered = ConnectionProfile(ProfileKind.MOBILE, metered=True)
    assert not policy_for(metered, Preferences()).notifications
    assert policy_for(metered, Preferences(notifications_metered=True)).notifications
    assert not policy_for(
        ConnectionProfile(ProfileKind.HOME), Preferences(notifications=False)
    ).notifications


def test_probe_target() -> None:
    video = Service(
        id="video", name="Video", url="https://meet.example.org/",
        low_bandwidth_url="https://meet.example.org/audio", health_url="https://meet.example.org/h",
    )
    plain = Service(id="wiki", name="Wiki", url="https://wiki.example.org/")
    assert probe_target(video, "all") == ("https://meet.example.org/h", True)
    assert probe_target(plain, "all") == ("https://wiki.example.org/", False)
    assert probe_target(plain, "health_only") is None
    assert probe_target(video, "none") is None


def test_summary_for_the_tray() -> None:
    states = [ServiceState.AVAILABLE] * 6 + [
        ServiceState.SLOW, ServiceState.SIGN_IN_REQUIRED, ServiceState.UNREACHABLE,
        ServiceState.TLS_PROBLEM, ServiceState.NOT_CHECKED,
    ]
    statuses = MappingProxyType(
        {f"s{i}": ServiceStatus(f"s{i}", state) for i, state in enumerate(states)}
    )
    summary = summarize(statuses)
    assert summary.text == "8 of 10 available (1 not checked)"
    assert not summary.all_available
    assert summarize(MappingProxyType({})).text == "no service checked"


# --------------------------------------------------------------------------- proxy rules


@pytest.mark.parametrize(
    ("entries", "url", "hit"),
    [
        (["example.org"], "https://example.org/", True),
        (["example.org"], "https://a.b.example.org/", True),
        (["example.org"], "https://badexample.org/", False),
        ([".example.org"], "https://example.org/", True),
        (["*.example.org"], "https://x.example.org/", True),
        (["*.example.org"], "https://xexample.org/", False),
        (["10.0.0.0/8"], "http://10.1.2.3/", True),
        (["10.0.0.0/8"], "http://11.1.2.3/", False),
        (["10.0.0.0/8"], "http://ten.example/", False),
        (["::1"], "http://[::1]:8080/", True),
        (["intranet:8443"], "https://intranet:8443/", True),
        (["intranet:8443"], "https://intranet/", False),
        (["<local>"], "http://intranet/", True),
        (["<local>"], "http://intranet.example/", False),
        (["*"], "https://anything.example/", True),
        ([], "https://anything.example/", False),
        (["EXAMPLE.org"], "https://Mail.Example.ORG/", True),
    ],
)
def test_exclusions(entries: list[str], url: str, hit: bool) -> None:
    assert Exclusions(tuple(entries)).matches(url) is hit


def test_manual_proxy_choice() -> None:
    policy = ProxyPolicy.manual("http://proxy:3128", exclusions=["intern.example"])
    assert policy.proxies_for("https://mail.example.org/") == {"https": "http://proxy:3128"}
    assert policy.proxies_for("http://mail.example.org/") == {"http": "http://proxy:3128"}
    assert policy.proxies_for("https://wiki.intern.example/") == {}
    assert ProxyPolicy("none").proxies_for("https://x.example/") == {}
    assert ProxyPolicy("system").proxies_for("https://x.example/") is None
    assert not ProxyPolicy("manual").trust_env and ProxyPolicy("system").trust_env


def test_preferences_make_the_proxy_policy() -> None:
    policy, problem = proxy_policy(Preferences(proxy_mode="manual", proxy_https="proxy:8080"))
    assert (policy.mode, policy.http, policy.https, problem) == (
        "manual", "http://proxy:8080", "http://proxy:8080", ""
    )
    assert policy.exclusions.matches("http://127.0.0.1:80/")
    policy, problem = proxy_policy(Preferences(proxy_mode="pac"))
    assert policy.mode == "system" and "proxy_pac_url" in problem
    policy, problem = proxy_policy(Preferences(proxy_mode="manual"))
    assert policy.mode == "system" and problem


def test_credentials_are_masked() -> None:
    assert mask_credentials("http://user:S3cret@proxy:3128") == "http://***@proxy:3128"
    assert mask_credentials("http://proxy:3128") == "http://proxy:3128"
    described = ProxyPolicy.manual("http://u:S3cret@proxy:3128").describe()
    assert "S3cret" not in repr(described)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("http://user:pw@proxy:3128", "credentials"),
        ("http://proxy", "port"),
        ("ftp://proxy:21", "http://host:port"),
        ("http://proxy:3128/path", "no path"),
    ],
)
def test_proxy_addresses_are_checked(value: str, error: str) -> None:
    with pytest.raises(ValidationError, match=error):
        Preferences(proxy_http=value)


def test_network_settings_are_checked() -> None:
    settings = NetworkSettings(captive_portal_check_url="http://Check.Example.org/gen_204")
    assert settings.captive_portal_check_url == "http://check.example.org/gen_204"
    with pytest.raises(ValidationError):
        NetworkSettings(captive_portal_check_url="file:///etc/passwd")
    with pytest.raises(ValidationError):
        NetworkSettings(intranet_probe_url="http://intranet.example.org/")  # https only
    with pytest.raises(ValidationError, match="absolute"):
        NetworkSettings(extra_ca_bundle="certs/agency.pem")


def test_login_url_from_a_portal_redirect() -> None:
    base = "http://check.example.org/204"
    assert _login_url(base, "/login?x=1") == "http://check.example.org/login?x=1"
    assert _login_url(base, "javascript:alert(1)") is None
    assert _login_url(base, "http://user@evil.example/") is None
    assert _login_url(base, None) is None


def test_vpn_interfaces_from_sys_class_net(tmp_path: Path) -> None:
    for name, state in (("eth0", "up"), ("tun0", "unknown"), ("wg1", "down"), ("lo", "unknown")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "operstate").write_text(state + "\n")
    patterns = NetworkSettings().vpn_interfaces
    assert vpn_interfaces(patterns, sys_class_net=tmp_path) == ("tun0",)
    assert vpn_interfaces(patterns, ["ppp0", "Ethernet"], sys_class_net=tmp_path) == ("ppp0",)


def test_refused_connection_is_unreachable_not_timeout() -> None:
    inner = urllib3.exceptions.NewConnectionError(None, "refused")  # type: ignore[arg-type]
    wrapped = urllib3.exceptions.MaxRetryError(None, "/", inner)  # type: ignore[arg-type]
    error = classify(wrapped, "http://127.0.0.1:9/?token=x")
    assert error.kind == NetworkErrorKind.UNREACHABLE
    assert error.url == "http://127.0.0.1:9/"
