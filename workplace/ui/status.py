# SPDX-License-Identifier: EUPL-1.2
"""Where the launcher is, what it can reach, and the central catalog: all as background jobs.

:class:`StatusController` runs one *round* after the first paint and, at a random
point within half a minute (``status.schedule.first_round_delay``), after every
debounced network change or wake-up (from :class:`~workplace.ui.netwatch.NetworkWatch`):
detect the connection profile (a job), then probe the services (a job), then plan
the next probe at the profile's ``status_interval`` with jitter
(``status.schedule.next_round_delay``). Offline or behind a login page nothing is
probed; the next round waits for the network to change.

The central catalog is refreshed on its own timer, planned with
``catalog.schedule.next_refresh_due`` at the profile's ``catalog_interval`` (with
jitter and back-off), and planned again after a wake-up and when the network comes
back: a copy that is overdue by then is fetched within a few minutes, at a random
point. A whole office wakes up or changes networks within the same minute; none of
this happens in the same second on every computer (benchmarks/fleet.py).

Nothing here imports ``workplace.net``/``status`` at import time: the first round
starts after the first paint, and only then are urllib3 and friends loaded.

Signals:
    profile_changed(): :attr:`profile` / :attr:`policy` changed (also after a settings change).
    checking_changed(): :attr:`checking` changed: the network changed and the profile
        shown may no longer hold until the next detection answers.
    statuses_changed(): :attr:`statuses` holds a new probe round.
    catalog_refreshed(object): a ``RefreshResult`` (the snapshot is applied already).
    catalog_failed(): the refresh job itself failed (not an answer: a bug or a crash).
    icons_fetched(object): ``{url: Path}`` of the service icons now on disk (a download
        job's result, when the policy allows downloading icons).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from workplace.app import Workplace
from workplace.ui.jobs import Jobs
from workplace.ui.netwatch import NetworkWatch

if TYPE_CHECKING:
    from workplace.catalog.remote import RefreshResult
    from workplace.net.profile import ConnectionProfile, ProfilePolicy
    from workplace.status.model import ServiceStatus

log = logging.getLogger("workplace.ui")

MAX_TIMER_S = 24 * 3600


class StatusController(QObject):
    profile_changed = Signal()
    checking_changed = Signal()
    statuses_changed = Signal()
    catalog_refreshed = Signal(object)
    catalog_failed = Signal()
    icons_fetched = Signal(object)

    def __init__(
        self, workplace: Workplace, jobs: Jobs, watch: NetworkWatch,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workplace = workplace
        self._jobs = jobs
        self.watch = watch
        self.profile: ConnectionProfile | None = None
        self.policy: ProfilePolicy | None = None
        self.statuses: Mapping[str, ServiceStatus] = {}
        self.previous: Mapping[str, ServiceStatus] = {}
        self.rounds = 0
        """Finished probe rounds (tests wait for this to grow)."""
        self.checking = False
        """The network changed or the computer woke up; the round that detects the
        profile again is still to come (at a random point within half a minute): the
        profile shown is the old network's."""
        self.catalog_failures = 0
        self.last_refresh: RefreshResult | None = None
        self._running = False
        self._again = False
        self._catalog_running = False
        self._icons_running = False
        self._icons_tried: set[str] = set()
        """Icon URLs asked for since the last network change (failures wait for one)."""
        self.icon_fetches = 0
        """Finished icon download jobs (tests wait for this to grow)."""
        self._started = False
        self._disposed = False
        self._probe_timer = QTimer(self)
        self._probe_timer.setSingleShot(True)
        self._probe_timer.timeout.connect(self._on_probe_timer_timeout)
        self._round_timer = QTimer(self)
        """The round after a network change or a wake-up, a little later."""
        self._round_timer.setSingleShot(True)
        self._round_timer.timeout.connect(self._on_round_timer_timeout)
        self._catalog_timer = QTimer(self)
        self._catalog_timer.setSingleShot(True)
        self._catalog_timer.timeout.connect(self._on_catalog_timer_timeout)
        watch.changed.connect(self._on_watch_changed)

    # -- life cycle -------------------------------------------------------------

    def start(self) -> None:
        """The first round and the catalog plan (after the first paint)."""
        if self._started or self._disposed:
            return
        self._started = True
        self.watch.start()
        self.round()
        self._plan_catalog()

    def dispose(self) -> None:
        self._disposed = True
        self._probe_timer.stop()
        self._round_timer.stop()
        self._catalog_timer.stop()
        self.watch.dispose()

    @property
    def low_bandwidth(self) -> bool:
        """Data saver in effect: the policy's answer, or the preference before detection."""
        if self.policy is not None:
            return self.policy.low_bandwidth
        return self._workplace.settings.preferences.low_bandwidth == "on"

    @property
    def offline(self) -> bool:
        """No connection at all (behind a login page is not offline: tiles say "not checked")."""
        return self.profile is not None and self.profile.kind.value == "offline"

    # -- one round: detect, then probe --------------------------------------------

    def round(self) -> None:
        """Detect the profile, then probe; a round asked for while one runs follows it once."""
        if self._disposed:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._probe_timer.stop()
        self._round_timer.stop()
        os_net = self.watch.os_network()
        workplace = self._workplace
        self._jobs.run(
            lambda: workplace.detect_profile(
                os_net.reachability,  # type: ignore[arg-type]
                os_net.metered,
                os_net.captive,
            ),
            self._on_detected,
            self._on_detect_failed,
            name="net-detect",
        )

    def _set_checking(self, checking: bool) -> None:
        if checking != self.checking:
            self.checking = checking
            self.checking_changed.emit()

    def _on_detected(self, profile: ConnectionProfile) -> None:
        if self._disposed:
            return
        self._set_checking(False)
        was_online = self.profile is None or self.profile.online
        self.profile = profile
        self._update_policy()
        log.info("profile shown: %s", profile.label,
                 extra={"event": "net.profile", "profile": profile.kind.value,
                        "vpn": profile.vpn, "metered": profile.metered})
        self.profile_changed.emit()
        if profile.online and not was_online:
            self._plan_catalog()  # the network is back: an overdue copy is checked soon
        self.fetch_icons()
        self.probe()

    def _on_detect_failed(self, exc: BaseException) -> None:
        log.warning("connection profile detection failed: %s", exc, exc_info=exc)
        self._set_checking(False)
        if self.profile is None:
            from workplace.net.profile import UNKNOWN_PROFILE

            self.profile = UNKNOWN_PROFILE
            self._update_policy()
            self.profile_changed.emit()
        self.probe()

    def probe(self) -> None:
        """Probe every service now (part of a round, or the status timer)."""
        profile, policy = self.profile, self.policy
        if profile is None or policy is None or self._disposed:
            self._finish_round()
            return
        self._running = True
        services = tuple(self._workplace.catalog.services)
        workplace = self._workplace
        self._jobs.run(
            lambda: workplace.probe(services, profile, policy),
            self._on_probed,
            self._on_probe_failed,
            name="status-probe",
        )

    def _on_probed(self, statuses: Mapping[str, ServiceStatus]) -> None:
        if self._disposed:
            return
        self.previous = self.statuses
        self.statuses = statuses
        self.rounds += 1
        self.statuses_changed.emit()
        counts: dict[str, int] = {}
        for status in statuses.values():
            counts[status.state.value] = counts.get(status.state.value, 0) + 1
        log.info("status round %d: %s", self.rounds, counts,
                 extra={"event": "status.round", "round": self.rounds, "states": counts})
        self._finish_round()

    def _on_probe_failed(self, exc: BaseException) -> None:
        log.warning("status round failed: %s", exc, exc_info=exc)
        self._finish_round()

    def _finish_round(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.round()
            return
        interval = self.policy.status_interval if self.policy is not None else None
        if interval and not self._disposed:
            from workplace.status.schedule import next_round_delay

            delay = next_round_delay(interval)
            self._probe_timer.start(int(min(delay, MAX_TIMER_S) * 1000))

    @Slot()
    def _on_probe_timer_timeout(self) -> None:
        if not self._running:
            self._running = True
            self.probe()

    @Slot(str)
    def _on_watch_changed(self, reason: str) -> None:
        """A network change or a wake-up: a round soon, at a random point; after a
        wake-up the catalog is planned again from the clock (its timer stood still)."""
        if not self._started or self._disposed:
            return
        from workplace.status.schedule import first_round_delay

        self._icons_tried.clear()  # another network: failed icons get one more try
        self._set_checking(True)  # the chip says so at once, not the old network's name
        self._probe_timer.stop()
        self._round_timer.start(int(first_round_delay() * 1000))
        if reason == "wake":
            self._plan_catalog()

    @Slot()
    def _on_round_timer_timeout(self) -> None:
        self.round()

    def settings_changed(self) -> None:
        """Preferences changed (intervals, data saver, proxy): new policy, a fresh round."""
        if not self._started:
            return
        self._update_policy()
        self.profile_changed.emit()
        self.round()
        self._plan_catalog()

    def _update_policy(self) -> None:
        if self.profile is None:
            return
        from workplace.net.profile import policy_for

        settings = self._workplace.settings
        self.policy = policy_for(
            self.profile, settings.preferences, settings.tenant.catalog.refresh_minutes
        )

    # -- service icons given as URLs -------------------------------------------------

    def fetch_icons(self) -> None:
        """Download the icons not tried yet in one job, if the policy allows it."""
        policy = self.policy
        if self._disposed or self._icons_running or policy is None or not policy.download_icons:
            return
        urls = tuple(dict.fromkeys(
            s.icon for s in self._workplace.catalog.services
            if "://" in s.icon and s.icon not in self._icons_tried
        ))
        if not urls:
            return
        self._icons_tried.update(urls)
        self._icons_running = True
        workplace = self._workplace
        self._jobs.run(
            lambda: workplace.fetch_icons(urls),
            self._on_icons_fetched,
            self._on_icons_failed,
            name="icon-fetch",
        )

    def _on_icons_fetched(self, stored: Mapping[str, Any]) -> None:
        self._icons_running = False
        self.icon_fetches += 1
        if not self._disposed and stored:
            self.icons_fetched.emit(dict(stored))

    def _on_icons_failed(self, exc: BaseException) -> None:
        self._icons_running = False
        self.icon_fetches += 1
        log.info("icon download job failed: %s", type(exc).__name__)

    # -- the central catalog -------------------------------------------------------

    def _catalog_interval(self) -> float | None:
        if self.policy is not None:
            return self.policy.catalog_interval
        return self._workplace.settings.tenant.catalog.refresh_minutes * 60.0

    def _plan_catalog(self) -> None:
        if self._workplace.remote is None or self._disposed:
            self._catalog_timer.stop()
            return
        interval = self._catalog_interval()
        if interval is None:  # offline: the network coming back triggers one refresh
            self._catalog_timer.stop()
            return
        from workplace.catalog.schedule import next_refresh_due

        snapshot = self._workplace.snapshot
        now = time.time()
        due = next_refresh_due(
            snapshot.checked_at if snapshot is not None else None, now, interval,
            failures=self.catalog_failures,
        )
        delay = max(1.0, min(due - now, MAX_TIMER_S))
        log.debug("next catalog refresh in %.0f s", delay)
        self._catalog_timer.start(int(delay * 1000))

    @Slot()
    def _on_catalog_timer_timeout(self) -> None:
        self.refresh_catalog()

    def refresh_catalog(self) -> None:
        """Fetch the central catalog now (a job); the result is applied on this thread."""
        if self._workplace.remote is None or self._catalog_running or self._disposed:
            return
        self._catalog_running = True
        self._jobs.run(
            self._workplace.refresh_catalog,
            self._on_catalog_refreshed,
            self._on_catalog_failed,
            name="catalog-refresh",
        )

    def _on_catalog_refreshed(self, result: RefreshResult | None) -> None:
        self._catalog_running = False
        if self._disposed or result is None:
            return
        self.last_refresh = result
        self.catalog_failures = 0 if result.ok else self.catalog_failures + 1
        if result.changed:
            self._workplace.apply_snapshot(result.snapshot)
        elif result.snapshot is not None:
            self._workplace.snapshot = result.snapshot  # a 304 moves checked_at on
        self.catalog_refreshed.emit(result)
        self._plan_catalog()
        if result.changed:
            self.fetch_icons()  # new services may bring new icons
        if result.changed and not self._running:
            self.probe()  # new services get a status too

    def _on_catalog_failed(self, exc: Any) -> None:
        self._catalog_running = False
        log.warning("catalog refresh failed unexpectedly: %s", exc)
        self.catalog_failures += 1
        self._plan_catalog()
        self.catalog_failed.emit()
