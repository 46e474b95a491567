# SPDX-License-Identifier: EUPL-1.2
"""When integrations are checked (workplace/integrations/schedule.py): intervals per
connection profile, data saver, offline, one round after a network change or wake-up,
backoff with jitter after failures, and no polling while a held connection (IDLE) keeps
an integration current. Plain state in virtual time: no clocks, no threads."""

from __future__ import annotations

import itertools
import random

import pytest

from workplace.auth import plan
from workplace.catalog.schedule import JITTER
from workplace.config.schema import CalendarIntegration, MailIntegration
from workplace.integrations.model import Availability, Reading
from workplace.integrations.schedule import (
    NOT_AVAILABLE_SECONDS,
    Schedule,
    delay_after,
    held_connection_allowed,
    interval,
)
from workplace.net.profile import LOW_BANDWIDTH_STRETCH, ConnectionProfile, ProfileKind

API = "https://mail.musterstadt.example/appsuite/api"
OFFICE = ConnectionProfile(kind=ProfileKind.OFFICE)
HOME = ConnectionProfile(kind=ProfileKind.HOME)
MOBILE = ConnectionProfile(kind=ProfileKind.MOBILE, metered=True)
CAPTIVE = ConnectionProfile(kind=ProfileKind.CAPTIVE)
OFFLINE = ConnectionProfile(kind=ProfileKind.OFFLINE)


def lowest(low: float, high: float) -> float:
    return low


def highest(low: float, high: float) -> float:
    return high


def middle(low: float, high: float) -> float:
    return (low + high) / 2


def mail() -> MailIntegration:
    return MailIntegration(enabled=True, api_url=API, minutes_office=2, minutes_home=5,
                           minutes_mobile=15)


def calendar() -> CalendarIntegration:
    return CalendarIntegration(enabled=True, api_url=API, minutes_office=3,
                               minutes_home=10, minutes_mobile=30)


def schedule(profile: ConnectionProfile = OFFICE, *, low_bandwidth: bool = False,
             now: float = 1000.0) -> Schedule:
    """A schedule that has had its first round planned at ``now``."""
    planned = Schedule({"mail": mail(), "calendar": calendar()}, profile, low_bandwidth,
                       uniform=middle)
    planned.replan(profile, low_bandwidth, now)
    return planned


def reading(name: str, availability: Availability = Availability.OK,
            failures: int = 0) -> Reading:
    return Reading(name, name, availability, unread=0, failures=failures)


def check_all(plan_: Schedule, now: float, availability: Availability = Availability.OK,
              failures: int = 0) -> list[str]:
    """Run the checks that are due at ``now``, all answering ``availability``."""
    due = plan_.take_due(now)
    for name in due:
        plan_.done(reading(name, availability, failures), now)
    return sorted(due)


# -- intervals ---------------------------------------------------------------------


@pytest.mark.parametrize(("profile", "minutes"), [(OFFICE, 2), (HOME, 5), (MOBILE, 15)])
def test_each_profile_has_its_own_interval(profile: ConnectionProfile, minutes: int) -> None:
    assert interval(mail(), profile, low_bandwidth=False) == minutes * 60


@pytest.mark.parametrize("profile", [OFFICE, HOME, MOBILE])
def test_data_saver_stretches_every_interval(profile: ConnectionProfile) -> None:
    normal = interval(calendar(), profile, low_bandwidth=False)
    assert normal is not None
    assert interval(calendar(), profile, low_bandwidth=True) == normal * LOW_BANDWIDTH_STRETCH


@pytest.mark.parametrize("profile", [OFFLINE, CAPTIVE])
def test_nothing_is_checked_offline_or_behind_a_captive_portal(
    profile: ConnectionProfile,
) -> None:
    assert interval(mail(), profile, low_bandwidth=False) is None
    plan_ = schedule(profile)
    assert plan_.take_due(10**9) == []
    assert plan_.next_wakeup() is None


def test_the_next_check_follows_the_interval_of_the_profile() -> None:
    plan_ = schedule(HOME, now=0.0)
    assert check_all(plan_, 0.0) == ["calendar", "mail"]
    assert plan_.due == {"mail": 5 * 60.0, "calendar": 10 * 60.0}  # uniform: no jitter
    assert plan_.next_wakeup() == 5 * 60.0
    assert check_all(plan_, 5 * 60.0 - 1) == []
    assert check_all(plan_, 5 * 60.0) == ["mail"]


def test_data_saver_checks_less_often_in_the_schedule() -> None:
    normal, saving = schedule(OFFICE, now=0.0), schedule(OFFICE, low_bandwidth=True, now=0.0)
    check_all(normal, 0.0)
    check_all(saving, 0.0)
    for name in ("mail", "calendar"):
        normal_due, saving_due = normal.due[name], saving.due[name]
        assert normal_due is not None and saving_due is not None
        assert saving_due == normal_due * LOW_BANDWIDTH_STRETCH


# -- network changes and wake-up ---------------------------------------------------


def test_going_offline_stops_all_checks_and_coming_back_runs_one_round() -> None:
    plan_ = schedule(OFFICE, now=0.0)
    check_all(plan_, 0.0)
    plan_.replan(OFFLINE, False, 30.0)
    assert plan_.next_wakeup() is None
    assert check_all(plan_, 10**6) == []
    plan_.replan(HOME, False, 10**6)  # back online, at home
    assert check_all(plan_, 10**6) == ["calendar", "mail"]  # one round at once ...
    assert check_all(plan_, 10**6) == []  # ... only one
    assert plan_.next_wakeup() == 10**6 + 5 * 60.0  # then the home interval


def test_a_wake_up_runs_one_round_whatever_was_due() -> None:
    plan_ = schedule(MOBILE, now=0.0)
    check_all(plan_, 0.0)  # next mail check in 15 minutes
    plan_.replan(MOBILE, False, 60.0)  # woke up a minute later
    assert check_all(plan_, 60.0) == ["calendar", "mail"]


def test_a_change_without_a_round_keeps_an_earlier_due_time() -> None:
    plan_ = schedule(MOBILE, now=0.0)
    check_all(plan_, 0.0)  # mail due at 15 min, calendar at 30 min
    plan_.replan(OFFICE, False, 60.0, round_now=False)  # into the office: shorter intervals
    assert plan_.due == {"mail": 60.0 + 2 * 60, "calendar": 60.0 + 3 * 60}
    plan_.replan(MOBILE, False, 90.0, round_now=False)  # longer intervals: not later
    assert plan_.due == {"mail": 60.0 + 2 * 60, "calendar": 60.0 + 3 * 60}


# -- failures: backoff with jitter -------------------------------------------------


def test_failures_back_off_doubling_but_never_later_than_the_interval() -> None:
    every = 15 * 60.0
    delays = [delay_after(reading("mail", Availability.FAILING, n), every, middle)
              for n in range(1, 10)]
    assert delays[0] == plan.BACKOFF_FIRST
    assert all(later >= earlier for earlier, later in itertools.pairwise(delays))
    assert delays[1] == 2 * delays[0]
    assert max(delays) == min(every, plan.BACKOFF_MAX)


def test_a_short_interval_caps_the_backoff() -> None:
    every = 60.0
    assert delay_after(reading("mail", Availability.FAILING, 8), every, middle) == every


@pytest.mark.parametrize("failures", [1, 3, 6, 12])
def test_jitter_stays_within_a_fifth_either_way(failures: int) -> None:
    every = 15 * 60.0
    failing = reading("mail", Availability.FAILING, failures)
    base = delay_after(failing, every, middle)
    low, high = delay_after(failing, every, lowest), delay_after(failing, every, highest)
    assert low == pytest.approx(base * (1 - JITTER))
    assert high == pytest.approx(base * (1 + JITTER))
    spread = random.Random(failures)
    for _ in range(200):
        assert low <= delay_after(failing, every, spread.uniform) <= high


def test_a_normal_interval_is_jittered_too() -> None:
    ok = reading("mail")
    assert delay_after(ok, 300.0, lowest) == pytest.approx(300.0 * (1 - JITTER))
    assert delay_after(ok, 300.0, highest) == pytest.approx(300.0 * (1 + JITTER))


def test_jitter_spreads_launchers_that_failed_together() -> None:
    spread = random.Random(7)
    delays = {delay_after(reading("mail", Availability.FAILING, 2), 900.0, spread.uniform)
              for _ in range(20)}
    assert len(delays) > 1  # not all at the same moment


def test_a_schedule_backs_off_after_a_failure_and_returns_to_the_interval() -> None:
    plan_ = schedule(OFFICE, now=0.0)
    check_all(plan_, 0.0, Availability.FAILING, failures=1)
    assert plan_.next_wakeup() == plan.BACKOFF_FIRST  # retried soon
    check_all(plan_, plan.BACKOFF_FIRST, Availability.OK)
    assert plan_.due["mail"] == plan.BACKOFF_FIRST + 2 * 60  # the office interval again


@pytest.mark.parametrize("availability", [Availability.NOT_AVAILABLE,
                                          Availability.SIGN_IN_AGAIN,
                                          Availability.NEEDS_PASSWORD])
def test_what_a_retry_cannot_fix_is_asked_about_seldom(availability: Availability) -> None:
    assert delay_after(reading("mail", availability), 120.0, lowest) \
        == NOT_AVAILABLE_SECONDS * (1 - JITTER)


# -- running and held connections --------------------------------------------------


def test_a_running_check_is_not_started_twice() -> None:
    plan_ = schedule(OFFICE, now=0.0)
    assert sorted(plan_.take_due(0.0)) == ["calendar", "mail"]
    assert plan_.take_due(10**6) == []  # both still running
    assert plan_.next_wakeup() is None


def test_a_held_connection_replaces_polling_until_it_ends() -> None:
    plan_ = schedule(OFFICE, now=0.0)
    plan_.hold("mail", True)
    assert check_all(plan_, 0.0) == ["calendar"]
    assert check_all(plan_, 10**6) == ["calendar"]
    plan_.hold("mail", False)  # the IDLE connection dropped: poll again
    assert "mail" in check_all(plan_, 10**6)


@pytest.mark.parametrize(("profile", "low_bandwidth", "allowed"), [
    (OFFICE, False, True),
    (HOME, False, True),
    (OFFICE, True, False),  # data saver
    (ConnectionProfile(kind=ProfileKind.HOME, metered=True), False, False),
    (MOBILE, False, False),
    (OFFLINE, False, False),
])
def test_a_held_connection_only_where_the_line_allows_it(
    profile: ConnectionProfile, low_bandwidth: bool, allowed: bool
) -> None:
    assert held_connection_allowed(profile, low_bandwidth) is allowed
