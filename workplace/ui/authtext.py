# SPDX-License-Identifier: EUPL-1.2
"""What the window says about each sign-in failure or limitation, in the user's language.

Keys are ``AuthErrorKind`` values (strings), so this module needs no auth import.
Each entry is a short title and one or two sentences saying what to do.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from workplace import APP_NAME


def message(kind: str) -> tuple[str, str]:
    """(title, hint) for the sign-in failure or limitation ``kind``."""
    return AuthTexts().message(kind)


def keyring_details(kind: str, detail: str, backend: str) -> list[str]:
    """For IT, behind "Details": which keyring there is (``no_keyring``: ``detail`` is
    what keyring offered instead; ``keyring_failed``: the keyring's error name)."""
    return AuthTexts().keyring_details(kind, detail, backend)


def offline_note(kind: str) -> str:
    """One line for the account menu while the provider cannot be reached."""
    return AuthTexts().offline_note(kind)


class AuthTexts(QObject):
    """The translation context of these texts (Qt Linguist needs a class)."""

    def message(self, kind: str) -> tuple[str, str]:
        if kind == "provider_unreachable":
            return (
                self.tr("The sign-in service cannot be reached"),
                self.tr(
                    "Please check your network connection (and the VPN, if you work from home), "
                    "then try again."
                ),
            )
        if kind == "tls":
            return (
                self.tr("The connection to the sign-in service is not trusted"),
                self.tr(
                    "Its certificate could not be verified, so nothing was sent. "
                    "Please tell your IT department or the service desk."
                ),
            )
        if kind == "timeout":
            return (
                self.tr("The sign-in took too long"),
                self.tr(
                    "The sign-in service did not answer in time, or the sign-in was not finished. "
                    "Please try again."
                ),
            )
        if kind == "cancelled":
            return self.tr("Sign-in was cancelled"), ""
        if kind == "denied":
            return (
                self.tr("Sign-in was denied"),
                self.tr(
                    "The sign-in page reported that it was cancelled or that access was refused. "
                    "Please try again or contact the service desk."
                ),
            )
        if kind == "busy":
            return (
                self.tr("A sign-in is already in progress"),
                self.tr("Please finish it in your browser or cancel it first."),
            )
        if kind == "browser_unavailable":
            return (
                self.tr("No web browser could be opened"),
                self.tr(
                    "Choose “Use a code instead” to sign in on another device, "
                    "for example your smartphone."
                ),
            )
        if kind == "state_mismatch":
            return (
                self.tr("The sign-in could not be completed safely"),
                self.tr(
                    "The answer from the sign-in page did not belong to this sign-in, "
                    "so it was rejected. Please try again."
                ),
            )
        if kind == "issuer_mismatch":
            return (
                self.tr("The answer came from an unexpected sign-in service"),
                self.tr("For your protection it was rejected. Please tell your IT department."),
            )
        if kind == "insecure_provider":
            return (
                self.tr("The sign-in service does not meet the security rules"),
                self.tr(
                    "For your protection no sign-in was attempted. Please tell your IT department."
                ),
            )
        if kind == "invalid_token":
            return (
                self.tr("The sign-in service sent an invalid answer"),
                self.tr(
                    "For your protection the sign-in was rejected. Please try again; "
                    "if it happens again, contact the service desk."
                ),
            )
        if kind == "clock_skew":
            return (
                self.tr("This computer's clock is wrong"),
                self.tr(
                    "Please correct the date and time (or ask your IT department), "
                    "then sign in again."
                ),
            )
        if kind == "rejected_refresh":
            return self.tr("Your session has ended"), self.tr("Please sign in again.")
        if kind == "device_code_expired":
            return (
                self.tr("The code has expired"),
                self.tr("Please request a new code and enter it within the time shown."),
            )
        if kind == "provider_error":
            return (
                self.tr("The sign-in service reported an error"),
                self.tr("Please try again later; if it happens again, contact the service desk."),
            )
        if kind == "no_keyring":
            return (
                self.tr("Your sign-in will not be remembered"),
                self.tr(
                    "This computer has no secure keyring. You stay signed in only while "
                    "%1 is running. Everything else works as usual."
                ).replace("%1", APP_NAME),
            )
        if kind == "keyring_failed":
            return (
                self.tr("Your sign-in could not be saved"),
                self.tr(
                    "The keyring on this computer did not keep it, for example because its "
                    "password question was cancelled. You stay signed in only while %1 is "
                    "running."
                ).replace("%1", APP_NAME),
            )
        if kind == "not_configured":
            return (
                self.tr("Sign-in is not set up"),
                self.tr(
                    "No sign-in service is configured for this organisation. "
                    "Please tell your IT department."
                ),
            )
        return (
            self.tr("Sign-in failed"),
            self.tr("An unexpected error occurred. Please try again or contact the service desk."),
        )

    def keyring_details(self, kind: str, detail: str, backend: str) -> list[str]:
        """The lines for IT behind "Details" (and copied with them): which keyring was
        found, and what supported ones there are. Names of programs, no sentences
        of the keyring library."""
        supported = self.tr(
            "Supported: Secret Service (for example GNOME Keyring or KeePassXC), KWallet, "
            "macOS Keychain, Windows Credential Manager.")
        if kind == "keyring_failed":
            return [
                self.tr("For IT: the keyring %1 did not store the sign-in (%2).")
                .replace("%1", backend or "?").replace("%2", detail or "?"),
            ]
        if detail:
            found = self.tr("For IT: no secure keyring was found; only %1.").replace("%1", detail)
        else:
            found = self.tr("For IT: no keyring could be loaded.")
        return [found, supported]

    def offline_note(self, kind: str) -> str:
        if kind in ("provider_unreachable", "timeout"):
            return self.tr("Offline – the session is renewed automatically")
        if kind == "tls":
            return self.tr("The sign-in service is not trusted right now")
        return self.tr("The session could not be renewed – retrying")
