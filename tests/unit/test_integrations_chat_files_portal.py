# SPDX-License-Identifier: EUPL-1.2
"""The pure parts of the chat, files and portal integrations: Matrix counts across
incremental syncs, server-sent events, a held connection hung up from another thread,
the last values kept through a failed check."""

from __future__ import annotations

import socket
import threading

import pytest

from workplace.integrations import portal
from workplace.integrations.matrix import Credentials, Unread
from workplace.integrations.model import Availability, Document, Notice, Reading
from workplace.net.hangup import Hangup


def sync(next_batch: str, join: dict[str, tuple[int, int] | None] | None = None,
         leave: tuple[str, ...] = (), invite: tuple[str, ...] = ()) -> dict[str, object]:
    rooms: dict[str, object] = {
        "join": {room: ({} if counts is None else {"unread_notifications": {
            "notification_count": counts[0], "highlight_count": counts[1]}})
            for room, counts in (join or {}).items()},
        "leave": {room: {} for room in leave},
        "invite": {room: {} for room in invite},
    }
    return {"next_batch": next_batch, "rooms": rooms}


def step(unread: Unread, answer: dict[str, object]) -> tuple[int, int]:
    """The next sync in line: asked since the batch the counts stand at."""
    return unread.apply(answer, unread.since)


def test_unread_counts_rooms_not_messages_and_keeps_rooms_an_increment_leaves_out() -> None:
    unread = Unread()
    assert step(unread, sync("s1", {"!a": (3, 0), "!b": (0, 0), "!c": (1, 1)})) == (2, 1)
    # An incremental sync names only what changed: !a was read, !b got a message.
    assert step(unread, sync("s2", {"!a": (0, 0), "!b": (5, 2)})) == (2, 3)
    assert unread.since == "s2"
    # A room entry without counts (a receipt of someone else) keeps the last ones.
    assert step(unread, sync("s3", {"!b": None})) == (2, 3)
    assert step(unread, sync("s4", leave=("!c",))) == (1, 2)
    assert step(unread, sync("s5", invite=("!d",))) == (2, 2)  # an invitation waits too
    assert step(unread, sync("s6", {"!d": (0, 0)})) == (1, 2)  # joined, nothing unread


def test_an_initial_sync_starts_the_rooms_afresh() -> None:
    unread = Unread()
    step(unread, sync("s1", {"!a": (1, 0)}))
    unread.reset()
    assert step(unread, sync("s2", {"!b": (0, 0)})) == (0, 0)


def test_a_late_answer_to_an_older_sync_is_left_out() -> None:
    # A check and the long poll overlap: both asked since s1. The long poll's answer
    # (a message: 1 unread) comes first; the check's, older (the room joined, nothing
    # unread yet), comes after and must not put the badge back to 0.
    unread = Unread()
    unread.apply(sync("s1", {}), None)
    assert unread.apply(sync("s3", {"!a": (1, 0)}), "s1") == (1, 0)
    assert unread.apply(sync("s2", {"!a": (0, 0)}), "s1") == (1, 0)
    assert unread.since == "s3"


def test_the_matrix_token_is_never_in_a_repr() -> None:
    credentials = Credentials("https://matrix.example.org", "@e:x", "DEV", "syt_secret")
    assert "syt_secret" not in repr(credentials)
    assert Credentials.from_entry(credentials.to_entry(), "https://other.example") is None
    assert Credentials.from_entry(credentials.to_entry(), credentials.homeserver) == credentials


def test_server_sent_events_are_parsed_and_comments_skipped() -> None:
    lines = [b": connected", b"", b"event: new_notification", b'data: {"id": "1",',
             b'data: "title": "Wartung"}', b"", b"data: not json", b"",
             b"event: deleted_notification", b'data: {"id": "1"}', b""]
    assert list(portal.parse(iter(lines))) == [
        ("new_notification", {"id": "1", "title": "Wartung"}),
        ("deleted_notification", {"id": "1"})]


def test_announcements_follow_the_events_and_drop_expired_ones() -> None:
    known = portal.Announcements()
    now = 1_700_000_000.0
    known.replace([{"id": "a", "title": "Alt", "receiveTime": "2023-11-14T22:00:00Z",
                    "expireTime": "2000-01-01T00:00:00Z"}], now)
    assert known.current(now) == ()
    after = known.event("new_notification", {"id": "b", "title": "Wartung",
                                             "severity": "warning", "popup": True}, now)
    assert after is not None and [(n.id, n.severity) for n in after] == [("b", "warning")]
    known.hidden("b")
    assert [n.popup for n in known.current(now)] == [False]
    assert known.event("deleted_notification", {"id": "b"}, now) == ()
    assert known.event("something_else", {}, now) is None


def test_a_link_that_is_not_https_is_not_offered() -> None:
    found = portal.notice({"id": 1, "title": "x", "link": {"url": "javascript:alert(1)"}})
    assert found is not None and found.link is None


def test_a_failed_check_keeps_the_last_notices_documents_and_mentions() -> None:
    notice = Notice(id="1", title="Freigabe")
    document = Document(name="a.odt", path="/a.odt", modified=1.0, open_url="https://x/f/1")
    before = Reading("files", "files", Availability.OK, unread=1, mentions=2,
                     notices=(notice,), documents=(document,))
    failed = Reading("files", "files", Availability.FAILING).carried(before)
    assert (failed.unread, failed.mentions, failed.notices, failed.documents) == (
        1, 2, (notice,), (document,))


def test_a_hangup_ends_a_wait_on_a_noted_socket_from_another_thread() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(listener.getsockname())
    server_side, _ = listener.accept()
    hangup = Hangup()
    got: list[bytes] = []

    def wait() -> None:
        with hangup.holding():
            from workplace.net.hangup import note

            note(client)
            got.append(client.recv(10))  # nothing comes: only the hangup ends this

    waiter = threading.Thread(target=wait)
    waiter.start()
    hangup.now()
    waiter.join(10)
    assert not waiter.is_alive() and got == [b""]
    for sock in (client, server_side, listener):
        sock.close()


@pytest.mark.parametrize("host", ["pc-17", ""])
def test_the_device_name_says_where(host: str) -> None:
    from workplace.integrations.chat import device_name

    assert device_name(host) == ("Arbeitsplatz auf pc-17" if host else "Arbeitsplatz")
