# SPDX-License-Identifier: EUPL-1.2
"""Shows what the status controller finds out, in the window's header, tiles and banners.

:class:`StatusView` reads :class:`~workplace.ui.status.StatusController` on each of
its signals and sets the widgets: the connection chip and the data saver in the
header, a badge on each tile, the network banner behind a captive portal or
offline (with "Open login page"), and the catalog banner when the central service
list could not be refreshed. It says it again in the new language when the
appearance changes. No logic about probing or timing lives here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from workplace.app import Workplace
from workplace.ui.appearance import Appearance
from workplace.ui.banners import BannerArea
from workplace.ui.header import HeaderBar
from workplace.ui.jobs import Jobs
from workplace.ui.statustext import StatusTexts
from workplace.ui.tilemodel import TileModel
from workplace.ui.tileview import TileView

if TYPE_CHECKING:
    from workplace.ui.status import StatusController


class StatusView(QObject):
    def __init__(
        self,
        status: StatusController,
        workplace: Workplace,
        jobs: Jobs,
        appearance: Appearance,
        *,
        header: HeaderBar,
        banners: BannerArea,
        model: TileModel,
        view: TileView,
    ) -> None:
        super().__init__(view)
        self._status = status
        self._workplace = workplace
        self._jobs = jobs
        self._appearance = appearance
        self._header = header
        self._banners = banners
        self._model = model
        self._view = view
        self._texts = StatusTexts()
        status.profile_changed.connect(self._on_status_profile_changed)
        status.checking_changed.connect(self._on_status_checking_changed)
        status.statuses_changed.connect(self._on_status_statuses_changed)
        status.catalog_refreshed.connect(self._show_catalog_result)
        status.icons_fetched.connect(model.icons_arrived)
        header.connection_requested.connect(status.round)
        banners.action_requested.connect(self._on_banner_action_requested)
        appearance.changed.connect(self._on_appearance_changed)

    @Slot()
    def _on_appearance_changed(self) -> None:
        self._show_profile()
        self._show_catalog_result()

    @Slot()
    def _on_status_profile_changed(self) -> None:
        self._show_profile()
        if self._status.offline:
            self._on_status_statuses_changed()

    @Slot()
    def _on_status_checking_changed(self) -> None:
        self._show_profile()

    def _show_profile(self) -> None:
        status = self._status
        profile = status.profile
        if profile is None:
            return
        texts = self._texts
        if status.checking:
            # The network changed: until the profile is detected again, the chip says
            # it is being checked (not the old network's name).
            self._header.set_connection(
                texts.profile_label(None),
                self.tr("The network changed. The launcher is checking the connection."),
                "wifi", "neutral")
            return
        kind = profile.kind.value
        icon = {"offline": "offline", "captive": "warning"}.get(kind, "wifi")
        tone = {"offline": "off", "captive": "warn"}.get(kind, "ok")
        if kind in ("home", "mobile") and profile.intranet_reachable is False and not profile.vpn:
            tone = "neutral"
        self._header.set_connection(
            texts.profile_label(profile), texts.profile_explanation(profile), icon, tone
        )
        saver_title, saver_text = texts.saving_mode()
        self._header.set_saver(status.low_bandwidth, saver_title, saver_text)
        if kind == "captive":
            banner = self._banners.network
            banner.show_message(
                self.tr("Wi-Fi login needed"), [], texts.profile_explanation(profile)
            )
            banner.set_action(
                self.tr("Open login page") if profile.captive_open_url else "",
                self.tr("Opens the login page of this network in your browser"),
            )
        elif kind == "offline":
            banner = self._banners.network
            banner.show_message(self.tr("No connection"), [], texts.profile_explanation(profile))
            banner.set_action("")
        else:
            self._banners.conceal("network")

    @Slot(str)
    def _on_banner_action_requested(self, name: str) -> None:
        if name != "network":
            return
        profile = self._status.profile
        url = profile.captive_open_url if profile is not None else None
        if not url:
            return
        opener = self._workplace.open_url
        # IT's connectivity-check URL (plain http on purpose): the portal intercepts it.
        self._jobs.run(lambda: opener(url), name="open-captive-portal")

    @Slot()
    def _on_status_statuses_changed(self) -> None:
        status = self._status
        self._model.set_statuses(status.statuses, offline=status.offline)
        self._view.viewport().update()

    @Slot()
    def _show_catalog_result(self) -> None:
        result = self._status.last_refresh
        if result is None:
            return
        if result.ok:
            self._banners.conceal("catalog")
            return
        snapshot = result.snapshot
        title, hint = self._texts.refresh_failed(
            result.kind.value,
            snapshot.fetched_at if snapshot is not None else None,
            self._appearance.language,
        )
        problems = [p.text(self._appearance.language) for p in result.problems]
        self._banners.catalog.show_message(title, problems, hint, [result.detail])
