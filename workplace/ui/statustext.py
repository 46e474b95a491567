# SPDX-License-Identifier: EUPL-1.2
"""What the window says about the connection profile, service states and catalog refreshes.

Keys are the core's string enum values (``ProfileKind``, ``ServiceState``,
``RefreshKind``), so this module imports nothing from ``net``/``status``/``catalog``
at import time and costs nothing before the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QColor

from workplace.ui.theme import Theme

if TYPE_CHECKING:
    from workplace.net.profile import ConnectionProfile
    from workplace.status.model import ServiceStatus

# Service states (values of workplace.status.model.ServiceState).
AVAILABLE, SLOW, UNREACHABLE = "available", "slow", "unreachable"
NEEDS_VPN, TLS_PROBLEM, SIGN_IN = "needs_vpn", "tls_problem", "sign_in_required"
NOT_CHECKED, OFFLINE = "not_checked", "offline"
"""``offline`` is the window's own: not checked because there is no connection."""
USABLE = frozenset({AVAILABLE, SLOW, SIGN_IN})


def status_colour(theme: Theme, state: str, *, text: bool = False) -> QColor:
    """The mark's colour of ``state`` (a theme token, 4.5:1 on the tile, also as text);
    high contrast keeps to the text colour (shape and words differ). ``text`` is kept
    for callers: the words use the same colour as the mark."""
    del text
    colours = {
        AVAILABLE: theme.status_available,
        SLOW: theme.status_slow,
        UNREACHABLE: theme.status_unreachable,
        TLS_PROBLEM: theme.status_tls,
        SIGN_IN: theme.accent,
    }
    return QColor(colours.get(state, theme.status_neutral))


def status_icon(state: str) -> str | None:
    """A bundled icon for states a dot cannot say; None means a dot (or nothing)."""
    return {TLS_PROBLEM: "warning", NEEDS_VPN: "lock", SIGN_IN: "user",
            OFFLINE: "offline"}.get(state)


def format_time(epoch: float, language: str) -> str:
    locale = QLocale(QLocale.Language.German if language == "de" else QLocale.Language.English)
    from PySide6.QtCore import QDateTime  # built on use: not before the first paint

    moment = QDateTime.fromSecsSinceEpoch(int(epoch))
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


class StatusTexts(QObject):
    """The translation context of these texts (Qt Linguist needs a class)."""

    # -- connection profile ---------------------------------------------------

    def profile_label(self, profile: ConnectionProfile | None) -> str:
        """The header chip: "Büro", "Homeoffice · VPN", "Unterwegs · getaktet", "Offline"."""
        if profile is None:
            return self.tr("Checking connection…")
        kind = profile.kind.value
        if kind == "captive":
            return self.tr("Wi-Fi login needed")
        if kind == "offline":
            return self.tr("Offline")
        parts = [{"office": self.tr("Office"), "home": self.tr("Home office"),
                  "mobile": self.tr("On the move")}.get(kind, kind)]
        if profile.vpn and kind != "office":
            parts.append(self.tr("VPN"))
        if profile.metered:
            parts.append(self.tr("metered"))
        return " · ".join(parts)

    def profile_explanation(self, profile: ConnectionProfile | None) -> str:
        """One or two sentences for the chip's tooltip and accessible description."""
        if profile is None:
            return self.tr("The launcher is finding out how this computer is connected.")
        kind = profile.kind.value
        if kind == "office":
            return self.tr("Connected to the agency network. All services can be reached.")
        if kind == "captive":
            return self.tr(
                "A login page (for example in a hotel or on a train) blocks the internet. "
                "Open it, accept the terms, and the launcher checks again."
            )
        if kind == "offline":
            return self.tr(
                "There is no network connection. The services are shown, but they cannot "
                "be checked or opened until the connection is back."
            )
        if profile.vpn:
            text = self.tr("Connected over the VPN: intranet services can be reached.")
        elif profile.intranet_reachable is False:
            text = self.tr(
                "Internet without VPN: services marked “intranet or VPN only” cannot be reached."
            )
        else:
            text = self.tr("Connected to the internet.")
        if profile.metered:
            text += " " + self.tr(
                "The connection is metered: the launcher checks less often to save data."
            )
        return text

    def saving_mode(self) -> tuple[str, str]:
        return (
            self.tr("Data saver"),
            self.tr(
                "Data saver is on: background checks run less often, only services with a "
                "status address are checked, and services open their low-bandwidth version "
                "where there is one."
            ),
        )

    # -- service states -------------------------------------------------------

    def state_text(self, state: str) -> str:
        """A short word for the tile's accessible description: "Status: available"."""
        return {
            AVAILABLE: self.tr("available"),
            SLOW: self.tr("slow"),
            UNREACHABLE: self.tr("unreachable"),
            NEEDS_VPN: self.tr("intranet or VPN only"),
            TLS_PROBLEM: self.tr("certificate problem"),
            SIGN_IN: self.tr("sign-in required"),
            NOT_CHECKED: self.tr("not checked"),
            OFFLINE: self.tr("offline"),
        }.get(state, state)

    def state_label(self, state: str) -> str:
        """The words under a tile's description: "Erreichbar", "Nicht erreichbar"; empty
        before a check, and offline (one banner says it, each tile shows the mark)."""
        return {
            AVAILABLE: self.tr("Available"),
            SLOW: self.tr("Slow"),
            UNREACHABLE: self.tr("Unreachable"),
            NEEDS_VPN: self.tr("Intranet or VPN only"),
            TLS_PROBLEM: self.tr("Certificate problem"),
            SIGN_IN: self.tr("Sign-in required"),
        }.get(state, "")

    def status_line(self, state: str) -> str:
        return self.tr("Status: %1").replace("%1", self.state_text(state))

    def state_explanation(self, status: ServiceStatus, state: str) -> str:
        """The tooltip's details: what the state means and what to do."""
        latency = status.latency_ms
        if state == AVAILABLE:
            if latency is not None:
                return self.tr("Answered in %1 ms.").replace("%1", str(latency))
            return self.tr("The service answers.")
        if state == SLOW:
            text = self.tr("The service answers slowly")
            if latency is not None:
                text += " " + self.tr("(%1 ms)").replace("%1", str(latency))
            return text + "."
        if state == UNREACHABLE:
            return self.tr(
                "The service did not answer. It may be down, or the connection is too slow."
            )
        if state == NEEDS_VPN:
            return self.tr(
                "This service can only be reached in the agency network or over the VPN. "
                "Connect the VPN first."
            )
        if state == TLS_PROBLEM:
            return self.tr(
                "Its certificate is not trusted. This can be an attack on the connection, or "
                "the agency's own certificate is missing on this computer. Do not enter "
                "passwords; please tell the service desk."
            )
        if state == SIGN_IN:
            return self.tr("The service answers and asks you to sign in.")
        if state == OFFLINE:
            return self.tr("Not checked: there is no network connection.")
        return self.tr(
            "Not checked in this round (data saver, or the time for checks ran out before "
            "its turn). It is checked again in the next round."
        )

    def state_explanation_offline(self) -> str:
        return self.tr("Not checked: there is no network connection.")

    def summary(self, available: int, checked: int) -> str:
        """The tray line: "8 von 10 Diensten erreichbar"."""
        if not checked:
            return self.tr("No service checked")
        return (
            self.tr("%1 of %2 services available")
            .replace("%1", str(available))
            .replace("%2", str(checked))
        )

    def changed_notice(self, name: str, state: str) -> str:
        return self.tr("%1 is now %2").replace("%1", name).replace("%2", self.state_text(state))

    # -- the intranet warning --------------------------------------------------

    def vpn_warning(self, name: str) -> tuple[str, str]:
        return (
            self.tr("%1 is only reachable in the intranet").replace("%1", name),
            self.tr(
                "This service can only be reached in the intranet or over the VPN. "
                "Open it anyway?"
            ),
        )

    # -- central catalog -----------------------------------------------------

    def refresh_failed(self, kind: str, since: float | None, language: str) -> tuple[str, str]:
        """(title, hint) of the banner after a failed catalog refresh."""
        if since is not None:
            kept = self.tr("The last good copy (from %1) is still shown.").replace(
                "%1", format_time(since, language)
            )
        else:
            kept = self.tr("The services from the local configuration are shown.")
        texts = {
            "unreachable": (
                self.tr("The central service list could not be updated"),
                self.tr("Its server cannot be reached right now."),
            ),
            "timeout": (
                self.tr("The central service list could not be updated"),
                self.tr("Its server did not answer in time."),
            ),
            "tls": (
                self.tr("The central service list is not trusted"),
                self.tr(
                    "The server's certificate could not be verified. This can be an attack "
                    "or a missing agency certificate. Please tell the service desk."
                ),
            ),
            "auth_required": (
                self.tr("The central service list needs a sign-in"),
                self.tr(
                    "The server asks for a sign-in the launcher cannot give. "
                    "Please tell your IT department."
                ),
            ),
            "signature_missing": (
                self.tr("The central service list is not signed"),
                self.tr(
                    "Your IT department requires a signature, and this copy has none, so it "
                    "was not used. Please tell your IT department."
                ),
            ),
            "signature_invalid": (
                self.tr("The central service list has an invalid signature"),
                self.tr(
                    "It may have been changed on the way, so it was not used. "
                    "Please tell your IT department."
                ),
            ),
            "key_invalid": (
                self.tr("The central service list cannot be checked"),
                self.tr(
                    "The key to check its signature is not valid. "
                    "Please tell your IT department."
                ),
            ),
            "rollback": (
                self.tr("An older central service list was refused"),
                self.tr(
                    "The server offered an older version than the one in use; "
                    "that may be a replayed copy, so it was not used."
                ),
            ),
            "invalid": (
                self.tr("The central service list contains errors"),
                self.tr("It was not used. Please tell your IT department."),
            ),
            "too_large": (
                self.tr("The central service list is too large"),
                self.tr("It was not used. Please tell your IT department."),
            ),
            "redirect_refused": (
                self.tr("The central service list was not fetched"),
                self.tr(
                    "The server redirected to another address, which the launcher does not "
                    "follow. Please tell your IT department."
                ),
            ),
        }
        title, hint = texts.get(
            kind,
            (
                self.tr("The central service list could not be updated"),
                self.tr("The server gave an unexpected answer."),
            ),
        )
        return title, f"{hint} {kept}"
