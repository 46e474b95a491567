# SPDX-License-Identifier: EUPL-1.2
"""The one writer of the settings in the GUI; the rest of the window follows its signals.

Every change of the settings goes through :class:`SettingsStore`: a preference the
user changes (saved in the writer queue, a job), a favourite pinned or unpinned, and
settings read again from elsewhere (:meth:`SettingsStore.apply`). It applies the
result to the :class:`~workplace.app.Workplace` and announces it; the appearance,
the window, the settings dialog, the tray and the status controller each subscribe
to what they need (as Anki's views react to ``OpChanges``), instead of one method
forwarding a change by hand.

Signals:
    changed(object): the new ``Settings`` are in effect (after a save, or applied).
    favourites_changed(list): the favourite ids, at once when the user pins or unpins
        (the file follows in a job), and again if that save failed.
    message(str, str, list): title, hint and technical details of a change that did
        not work, for the window's message banner.
    start_at_login_changed(str): what changing start at login did, for the dialog.
    mail_links_changed(str): what changing "open e-mail links with Arbeitsplatz" did,
        for the dialog (the switch calls ``change("mail_links", checked)``).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from workplace.app import Workplace
from workplace.config.settings import Settings
from workplace.ui.appearance import Appearance
from workplace.ui.errortext import WriteErrorTexts, technical
from workplace.ui.jobs import Jobs

log = logging.getLogger("workplace.ui")


class SettingsStore(QObject):
    changed = Signal(object)
    favourites_changed = Signal(list)
    message = Signal(str, str, list)
    start_at_login_changed = Signal(str)
    mail_links_changed = Signal(str)

    def __init__(
        self, workplace: Workplace, jobs: Jobs, appearance: Appearance,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workplace = workplace
        self._jobs = jobs
        self._appearance = appearance
        self._favourites = list(workplace.settings.preferences.favourites)
        self.start_at_login_note = ""
        """What the last change of start at login did (the dialog shows it when opened)."""
        self.mail_links_note = ""
        """What the last change of the e-mail links switch did (shown under the switch)."""

    @property
    def settings(self) -> Settings:
        return self._workplace.settings

    @property
    def favourites(self) -> list[str]:
        """The favourites as the user last set them (the save may still be running)."""
        return list(self._favourites)

    def apply(self, settings: Settings) -> None:
        """Put ``settings`` in effect and announce them (a save's result, or read again)."""
        self._workplace.apply_settings(settings)
        self._favourites = list(settings.preferences.favourites)
        self.changed.emit(settings)
        self.favourites_changed.emit(list(self._favourites))

    # -- preferences -------------------------------------------------------------

    def change(self, key: str, value: Any) -> None:
        self.change_many({key: value})

    @Slot(dict)
    def change_many(self, changes: dict[str, Any]) -> None:
        """Save ``changes`` in the writer queue; start at login also changes the system."""
        snapshot = self.settings
        workplace = self._workplace
        self._jobs.run(
            lambda: workplace.save_preferences(snapshot, **changes),
            self.apply,
            self._on_save_failed,
            name="save-" + "-".join(changes),
            serial=True,
        )
        if "start_at_login" in changes:
            wanted = bool(changes["start_at_login"])
            self._jobs.run(
                lambda: workplace.sync_start_at_login(wanted),
                self._on_start_at_login_synced,
                self._on_start_at_login_failed,
                name="start-at-login",
                serial=True,
            )
        if "mail_links" in changes:
            wanted_links = bool(changes["mail_links"])
            self._jobs.run(
                lambda: workplace.sync_mail_links(wanted_links),
                lambda result: self._on_mail_links_synced(wanted_links, result),
                self._on_mail_links_failed,
                name="mail-links",
                serial=True,
            )

    # -- favourites ----------------------------------------------------------------

    @Slot(str)
    def toggle_favourite(self, service_id: str) -> None:
        """Pin or unpin ``service_id``: shown at once, saved in the writer queue."""
        settings = self.settings
        if settings.is_locked("favourites"):
            reason = settings.tenant.policy.reason.get(self._appearance.language)
            self.message.emit(
                self.tr("Favourites are managed by your IT department"), reason, []
            )
            return
        favourites = self.favourites
        if service_id in favourites:
            favourites.remove(service_id)
        else:
            favourites.append(service_id)
        self._favourites = favourites
        self.favourites_changed.emit(list(favourites))
        self._jobs.run(
            lambda: self._workplace.save_preferences(settings, favourites=favourites),
            self._on_favourites_saved,
            self._on_save_failed,
            name="save-favourites",
            serial=True,
        )

    def _on_favourites_saved(self, settings: Settings) -> None:
        # Only the file caught up with what is shown: no need to redraw the window.
        if list(settings.preferences.favourites) == self._favourites:
            self._workplace.apply_settings(settings)

    # -- failures ------------------------------------------------------------------

    def _on_save_failed(self, exc: BaseException) -> None:
        log.warning("saving preferences failed: %s", exc)
        # Back to what is saved: the favourites, and the dialog's fields.
        self._favourites = list(self.settings.preferences.favourites)
        self.changed.emit(self.settings)
        self.favourites_changed.emit(list(self._favourites))
        from workplace.config.preferences import PreferenceLockedError  # loaded by the save

        if isinstance(exc, PreferenceLockedError):
            self.message.emit(self.tr("This setting is managed by your IT department"), "", [])
        else:
            self.message.emit(
                self.tr("Your settings could not be saved"),
                WriteErrorTexts().settings_not_saved(exc),
                technical(exc),
            )

    def _on_start_at_login_synced(self, result: Any) -> None:
        if result.note:
            text = self.tr(
                "Your IT department sets start at login for all users of this computer; "
                "it cannot be changed here."
            )
        elif result.enabled:
            text = self.tr("The launcher starts when you sign in (%1).").replace(
                "%1", result.where
            )
        else:
            text = self.tr("The launcher no longer starts when you sign in.")
        self.start_at_login_note = text
        self.start_at_login_changed.emit(text)

    def _on_mail_links_synced(self, wanted: bool, result: Any) -> None:
        if self.settings.is_locked("mail_links"):
            text = self.tr("Your IT department decides which program opens e-mail links.")
        elif result.enabled and wanted:
            text = self.tr("E-mail links now open with Arbeitsplatz.")
        elif result.enabled:
            text = self.tr(
                "No other program for e-mail links is set up, so they still open with "
                "Arbeitsplatz."
            )
        else:
            text = self.tr("E-mail links no longer open with Arbeitsplatz.")
        self.mail_links_note = text
        self.mail_links_changed.emit(text)

    def _on_mail_links_failed(self, exc: BaseException) -> None:
        kind = getattr(exc, "kind", "")
        texts = {
            "unsupported": self.tr(
                "On this computer, choose Arbeitsplatz for e-mail links in the system "
                "settings under Default apps, or ask your IT department."
            ),
            "no-xdg-utils": self.tr(
                "The desktop's link settings (xdg-utils) are not installed on this computer. "
                "Please contact the service desk."
            ),
            "not-installed": self.tr(
                "Arbeitsplatz is not installed as a desktop program on this computer, so it "
                "cannot open e-mail links. Please contact the service desk."
            ),
        }
        if kind not in texts:
            log.warning("e-mail links could not be changed: %s", exc)
        text = texts.get(kind, self.tr("The program for e-mail links could not be changed."))
        self.mail_links_note = text
        self.mail_links_changed.emit(text)
        if kind not in texts:
            self.message.emit(
                self.tr("The program for e-mail links could not be changed"), text,
                technical(exc),
            )

    def _on_start_at_login_failed(self, exc: BaseException) -> None:
        log.warning("start at login could not be changed: %s", exc)
        texts = WriteErrorTexts()
        self.start_at_login_note = texts.start_at_login_not_changed(exc)
        self.start_at_login_changed.emit(self.start_at_login_note)
        self.message.emit(
            self.tr("Start at login could not be changed"),
            " ".join((texts.reason(exc), texts.advice(exc))),
            technical(exc),
        )
