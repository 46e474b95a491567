# SPDX-License-Identifier: EUPL-1.2
"""The connection profile (office, home, mobile, offline, captive portal) and its policy.

Pure decisions only: :func:`decide_profile` turns observations into a
:class:`ConnectionProfile`, and :func:`policy_for` turns a profile plus the user's
preferences into a :class:`ProfilePolicy` (intervals, low bandwidth, notifications).
The blocking observation lives in :mod:`workplace.net.detect`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from workplace.config.schema import Preferences


Reachability = Literal["online", "local", "site", "disconnected", "unknown"]
"""What the OS says (Qt's QNetworkInformation.Reachability, lower-cased; ``unknown``
where no backend reports it)."""


class ProfileKind(StrEnum):
    OFFICE = "office"
    HOME = "home"
    MOBILE = "mobile"
    CAPTIVE = "captive"
    OFFLINE = "offline"


class CheckResult(StrEnum):
    """The outcome of one HTTP probe (intranet probe or captive-portal check)."""

    OK = "ok"
    FAILED = "failed"
    CAPTIVE = "captive"
    """Captive-portal check only: the answer was not the expected one."""
    NOT_CONFIGURED = "not_configured"


@dataclass(frozen=True)
class Observations:
    """Everything profile detection looked at. The GUI fills ``reachability``,
    ``metered`` and ``os_captive`` from QNetworkInformation; the rest comes from
    :func:`workplace.net.detect.observe`."""

    reachability: Reachability = "unknown"
    metered: bool = False
    os_captive: bool | None = None
    intranet: CheckResult = CheckResult.NOT_CONFIGURED
    internet: CheckResult = CheckResult.NOT_CONFIGURED
    captive_login_url: str | None = None
    vpn_interfaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConnectionProfile:
    """Where the launcher is. ``detail`` is plain English for doctor, logs and tooltips."""

    kind: ProfileKind
    vpn: bool = False
    """The intranet is reachable from outside the office (VPN up)."""
    metered: bool = False
    intranet_reachable: bool | None = None
    """None: no intranet probe is configured, so the launcher cannot tell."""
    captive_login_url: str | None = None
    """Where the portal redirected to, for display. Open :attr:`captive_open_url`."""
    captive_open_url: str | None = None
    """The URL to hand to the browser (IT's check URL): the portal intercepts it."""
    vpn_interfaces: tuple[str, ...] = ()
    detail: str = ""

    @property
    def online(self) -> bool:
        return self.kind not in (ProfileKind.OFFLINE, ProfileKind.CAPTIVE)

    @property
    def intranet_ok(self) -> bool:
        """Intranet services can be reached: in the office, on the VPN, or unknown."""
        if self.kind in (ProfileKind.OFFLINE, ProfileKind.CAPTIVE):
            return False
        if self.intranet_reachable is None:
            return True  # no probe configured: do not claim what we cannot know
        return self.kind == ProfileKind.OFFICE or self.vpn

    @property
    def label(self) -> str:
        """Short English label: ``home (VPN)``, ``mobile``, ``captive portal``."""
        names = {ProfileKind.CAPTIVE: "captive portal"}
        text = names.get(self.kind, self.kind.value)
        if self.vpn and self.kind in (ProfileKind.HOME, ProfileKind.MOBILE):
            text += " (VPN)"
        return text


UNKNOWN_PROFILE = ConnectionProfile(ProfileKind.HOME, detail="not detected yet")
"""What the GUI assumes before the first detection: online, nothing metered."""


def decide_profile(seen: Observations, *, check_url: str | None = None) -> ConnectionProfile:
    """The profile these observations mean. Order matters and is documented per step."""
    intranet_reachable = (
        None if seen.intranet == CheckResult.NOT_CONFIGURED else seen.intranet == CheckResult.OK
    )
    base = ConnectionProfile(
        ProfileKind.OFFLINE,
        metered=seen.metered,
        intranet_reachable=intranet_reachable,
        vpn_interfaces=seen.vpn_interfaces,
    )
    # 1. The OS says there is no link at all.
    if seen.reachability == "disconnected":
        return replace(base, detail="no network connection")
    # 2. The intranet answers: office, or outside over the VPN (a metered link is never
    #    the office).
    if seen.intranet == CheckResult.OK:
        if seen.metered:
            return replace(
                base, kind=ProfileKind.MOBILE, vpn=True,
                detail="metered link, intranet reachable (VPN)",
            )
        if seen.vpn_interfaces:
            names = ", ".join(seen.vpn_interfaces)
            return replace(
                base, kind=ProfileKind.HOME, vpn=True,
                detail=f"intranet reachable over the VPN ({names})",
            )
        return replace(base, kind=ProfileKind.OFFICE, detail="intranet reachable")
    # 3. A login page stands between us and the internet.
    captive = seen.internet == CheckResult.CAPTIVE or (
        seen.os_captive is True and seen.internet != CheckResult.OK
    )
    if captive:
        return replace(
            base,
            kind=ProfileKind.CAPTIVE,
            captive_login_url=seen.captive_login_url,
            captive_open_url=check_url,
            detail="a login page (captive portal) blocks the internet",
        )
    # 4. No internet: the check failed, or the OS sees only the local network.
    no_internet = seen.internet == CheckResult.FAILED or (
        seen.internet == CheckResult.NOT_CONFIGURED and seen.reachability in ("local", "site")
    )
    if no_internet:
        return replace(base, detail="no internet connection")
    # 5. Internet: mobile when metered, otherwise home (the intranet is not reachable).
    hint = ""
    if seen.vpn_interfaces and intranet_reachable is False:
        names = ", ".join(seen.vpn_interfaces)
        hint = f"; a VPN interface is up ({names}) but the intranet does not answer"
    if seen.metered:
        return replace(base, kind=ProfileKind.MOBILE, detail="metered link" + hint)
    what = "internet, no intranet" if intranet_reachable is False else "internet"
    return replace(base, kind=ProfileKind.HOME, detail=what + hint)


# --------------------------------------------------------------------------- policy


ProbeScope = Literal["all", "health_only", "none"]
LOW_BANDWIDTH_STRETCH = 4
"""Low-bandwidth mode multiplies background intervals by this."""


@dataclass(frozen=True)
class ProfilePolicy:
    """How the launcher behaves on a profile. Intervals are seconds; None means "only on a
    network change or wake-up" (offline, captive portal)."""

    status_interval: int | None
    catalog_interval: int | None
    low_bandwidth: bool
    notifications: bool
    probes: ProbeScope
    download_icons: bool


def low_bandwidth_on(profile: ConnectionProfile, preferences: Preferences) -> bool:
    """``low_bandwidth`` auto means: on while the link is metered."""
    if preferences.low_bandwidth == "on":
        return True
    if preferences.low_bandwidth == "off":
        return False
    return profile.metered


def policy_for(
    profile: ConnectionProfile, preferences: Preferences, catalog_minutes: int = 60
) -> ProfilePolicy:
    """The behaviour for ``profile``; ``catalog_minutes`` is IT's catalog refresh interval."""
    low = low_bandwidth_on(profile, preferences)
    notify = preferences.notifications and (
        preferences.notifications_metered or not profile.metered
    )
    if not profile.online:
        return ProfilePolicy(None, None, low, notify, "none", False)
    minutes = {
        ProfileKind.OFFICE: preferences.status_minutes_office,
        ProfileKind.HOME: preferences.status_minutes_home,
        ProfileKind.MOBILE: preferences.status_minutes_mobile,
    }[profile.kind]
    stretch = LOW_BANDWIDTH_STRETCH if low else 1
    return ProfilePolicy(
        status_interval=minutes * 60 * stretch,
        catalog_interval=catalog_minutes * 60 * stretch,
        low_bandwidth=low,
        notifications=notify,
        probes="health_only" if low else "all",
        download_icons=not low,
    )
