# SPDX-License-Identifier: EUPL-1.2
"""The sign-in's state value (workplace.auth.session) and the keyring entry's format."""

from __future__ import annotations

import json

import pytest

from workplace.auth import plan
from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.plan import Trigger
from workplace.auth.session import Remembered, Session
from workplace.auth.session_store import parse
from workplace.auth.state import AuthStatus, Profile
from workplace.auth.tokens import TokenSet

T = 10_000.0
ERIKA = Profile("sub-erika", "Erika Mustermann", "erika@example.org")


def _tokens(n: int = 1, *, until: float | None = T + 3600) -> TokenSet:
    return TokenSet(access_token=f"access-{n}", id_token=f"id-{n}",
                    refresh_token=f"refresh-{n}", expires_at=T + 300 * n,
                    refresh_expires_at=until)


def test_a_remembered_sign_in_is_kept_alive_halfway_to_the_sessions_end() -> None:
    state = Session().signed_in_as(ERIKA, _tokens(), T, remembered=True)
    assert state.status == AuthStatus.SIGNED_IN and state.generation == 1
    assert state.reason is None and state.refresh_token == "refresh-1"
    assert state.due_at() == T + 1800  # the session holds an hour; the token only 300 s
    view = state.view("SecretService.Keyring")
    assert (view.display_name, view.initials, view.session_until) == (
        "Erika Mustermann", "EM", T + 3600)


def test_a_session_only_sign_in_keeps_saying_why_after_a_failure_and_a_refresh() -> None:
    state = Session().signed_in_as(ERIKA, _tokens(), T, remembered=False,
                                   reason=AuthErrorKind.NO_KEYRING, detail="none found")
    assert state.status == AuthStatus.SESSION_ONLY and state.can_refresh
    failed = state.failed(AuthError(AuthErrorKind.TIMEOUT, "slow"), T + 240)
    assert (failed.reason, failed.detail) == (AuthErrorKind.TIMEOUT, "slow")
    refreshed = failed.refreshed(_tokens(2), T + 250)
    assert (refreshed.reason, refreshed.detail) == (AuthErrorKind.NO_KEYRING, "none found")
    assert refreshed.failures == 0 and refreshed.retry_at == 0.0


def test_failures_back_off_and_a_refresh_ends_the_backoff() -> None:
    state = Session().signed_in_as(ERIKA, _tokens(), T, remembered=True)
    once = state.failed(AuthError(AuthErrorKind.TIMEOUT), T + 1800, 0.5)
    twice = once.failed(AuthError(AuthErrorKind.TIMEOUT), T + 2415, 0.0)
    assert (once.retry_at, twice.retry_at) == (T + 1800 + 615, T + 2415 + 30)
    assert twice.due_at() == T + 2445
    assert twice.status == AuthStatus.SIGNED_IN and twice.refresh_token == "refresh-1"
    again = twice.refreshed(_tokens(2), T + 2446)
    assert (again.failures, again.retry_at) == (0, 0.0)
    assert again.due_at() == T + 2446 + (T + 3600 - (T + 2446)) / 2


def test_a_wake_up_moves_only_an_overdue_or_failing_refresh() -> None:
    state = Session().signed_in_as(ERIKA, _tokens(until=None), T, remembered=True)
    assert state.woken(T + 60, 0.5) is state  # planned an hour ahead: the plan stands

    overdue = state.woken(T + 50_000, 0.5)  # the laptop slept through the night
    assert overdue.due_at() == T + 50_000 + plan.WAKE_SPREAD / 2
    assert not overdue.should_refresh(Trigger.PLAN, T + 50_000)
    assert overdue.should_refresh(Trigger.DEMAND, T + 50_000)  # a token asked for: at once

    failing = state.failed(AuthError(AuthErrorKind.PROVIDER_UNREACHABLE), T + 3600, 0.9)
    assert failing.retry_at > T + 3600 + 1000
    woken = failing.woken(T + 3700, 0.1)  # the network changed: try again soon
    assert woken.due_at() == T + 3700 + plan.WAKE_SPREAD * 0.1
    assert woken.retry_at == T + 3700 and woken.failures == 1
    assert woken.refreshed(_tokens(2), T + 3800).deferred_to == 0.0

    signed_out = Session()
    assert signed_out.woken(T, 0.5) is signed_out


def test_rotated_keeps_the_new_refresh_token_but_not_the_new_access_token() -> None:
    state = Session().signed_in_as(ERIKA, _tokens(), T, remembered=True)
    rotated = state.rotated("refresh-2", T + 7200)
    assert rotated.refresh_token == "refresh-2" and rotated.session_until == T + 7200
    assert rotated.tokens == state.tokens  # access and ID token of the sign-in
    assert state.rotated("refresh-2").session_until == T + 3600  # not said: kept
    refreshed = state.refreshed(_tokens(2, until=None), T + 240)
    assert refreshed.session_until == T + 3600 and refreshed.tokens == _tokens(2, until=None)


@pytest.mark.parametrize(("status", "keep_profile"), [
    (AuthStatus.SIGNED_OUT, False), (AuthStatus.REAUTH_REQUIRED, True),
])
def test_forgotten_leaves_no_token_and_starts_a_new_generation(
    status: AuthStatus, keep_profile: bool,
) -> None:
    state = Session().signed_in_as(ERIKA, _tokens(), T, remembered=True).refresh_begun()
    assert state.refresh_under_way

    gone = state.forgotten(status, keep_profile=keep_profile)

    assert gone.status == status and gone.generation == state.generation + 1
    assert (gone.tokens, gone.refresh_token, gone.session_until) == (None, None, None)
    assert gone.profile == (ERIKA if keep_profile else None)
    assert not gone.can_refresh and gone.due_at() is None
    assert not gone.refresh_under_way  # the old refresh's result is not waited for
    # A refresh of the next session is not ended by the old one ending.
    anew = gone.signed_in_as(ERIKA, _tokens(2), T, remembered=True).refresh_begun()
    assert anew.refresh_ended(state.generation).refresh_under_way
    assert not anew.refresh_ended(anew.generation).refresh_under_way
    assert gone.view("").session_until is None


def test_a_restored_session_is_due_at_once() -> None:
    restored = Session().restored(Remembered("refresh-1", ERIKA, T + 3600))
    assert restored.status == AuthStatus.SIGNED_IN and restored.tokens is None
    assert restored.due_at() == 0.0 and restored.fresh_access_token(T) is None
    assert restored.view("SecretService.Keyring").offline is False  # no reason yet


def test_the_state_never_shows_a_token() -> None:
    state = Session().signed_in_as(ERIKA, _tokens(), T, remembered=True)
    text = repr(state) + repr(state.view("x")) + repr(Remembered("refresh-1", ERIKA))
    assert "access-1" not in text and "refresh-1" not in text and "id-1" not in text


def test_the_keyring_entry_format() -> None:
    entry = {"v": 1, "iss": "https://id.example", "client_id": "arbeitsplatz",
             "refresh_token": "refresh-1", "sub": "sub-erika", "name": "Erika Mustermann",
             "email": "erika@example.org", "session_until": T}
    assert parse(json.dumps(entry)) == Remembered("refresh-1", ERIKA, T)
    assert parse(json.dumps({**entry, "session_until": None})) == Remembered(
        "refresh-1", ERIKA, None)
    for broken in (None, "", "not json", "[]", json.dumps({**entry, "v": 2}),
                   json.dumps({**entry, "refresh_token": ""}),
                   json.dumps({k: v for k, v in entry.items() if k != "sub"})):
        assert parse(broken) is None, broken
