# SPDX-License-Identifier: EUPL-1.2
"""Stop and start the demo services of a running ``make run``.

    democtl.py status
    democtl.py stop mail        # the tile turns "unreachable" at the next status round
    democtl.py start mail
    democtl.py stop catalog     # the manifest server goes away: the launcher keeps its copy
    democtl.py mail             # a new mail arrives: the E-Mail badge rises, a notification
    democtl.py meeting [MIN]    # a meeting starting in MIN (3) minutes, with a video link
    democtl.py chat [TEXT]      # Max posts in "Team Digitalisierung": the chat badge rises
    democtl.py mention [TEXT]   # Max mentions Erika: the chat tile marks a mention
    democtl.py file [SUBJECT]   # a new file notification: the files badge rises
    democtl.py announce [TITLE] # a portal announcement (planned maintenance): a banner

``status`` also lists the file notifications still on the (stand-in) Nextcloud server:
one dismissed in the launcher is gone from there.

Service ids are those of the Musterstadt tenant (portal, mail, calendar, chat, video,
files, office, projects, wiki, notes). The catalog itself is
``build/demo/catalog/manifest.json``: edit it and press F5 in the launcher.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTROL_FILE = Path(os.environ.get("DEMO_DIR") or ROOT / "build" / "demo") / "control.json"


def _request(url: str, method: str = "GET", body: dict[str, object] | None = None
             ) -> dict[str, object]:
    data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
    request = urllib.request.Request(url, method=method, data=data,
                                     headers={"Content-Type": "application/json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: direct
    with opener.open(request, timeout=10) as answer:
        return dict(json.loads(answer.read()))


ACTS = {"chat": ("chat/say", "text"), "mention": ("chat/say", "text"),
        "file": ("files/notify", "subject"), "announce": ("portal/announce", "title")}


def _act(control: str, argv: list[str]) -> int:
    path, key = ACTS[argv[0]]
    body: dict[str, object] = {key: " ".join(argv[1:])} if argv[1:] else {}
    if argv[0] == "mention":
        body["mention"] = True
    state = _request(f"{control}/{path}", method="POST", body=body)
    done = state["done"]
    assert isinstance(done, dict)
    if argv[0] in ("chat", "mention"):
        print(f"Max Mustermann in „Team Digitalisierung“: {done['text']}")
    elif argv[0] == "file":
        print(f"Neue Dateibenachrichtigung / new file notification: {done['subject']}")
    else:
        print(f"Portal-Ankündigung / portal announcement: {done['title']}")
    return 0


def _print_state(state: dict[str, object]) -> None:
    catalog = state["catalog"]
    services = state["services"]
    assert isinstance(catalog, dict) and isinstance(services, dict)
    print(f"catalog   {'running' if catalog['running'] else 'stopped':8} {catalog['url']}")
    for sid, info in services.items():
        print(f"{sid:9} {'running' if info['running'] else 'stopped':8} {info['url']}")
    more = state.get("integrations")
    if isinstance(more, dict):
        chat, files, portal = more["chat"], more["files"], more["portal"]
        print(f"homeserver {chat['kind']} {chat['homeserver']}; Erika's devices: "
              f"{', '.join(chat['devices']) or '(none)'}")
        print(f"nextcloud {files['url']} (stand-in); notifications on the server: "
              f"{len(files['notifications'])}")
        for subject in files["notifications"]:
            print(f"  - {subject}")
        print(f"portal    {portal['url']} (stand-in); announcements: "
              f"{len(portal['announcements'])}")
        for title in portal["announcements"]:
            print(f"  - {title}")


def main(argv: list[str]) -> int:
    simple = ("status", "mail", "meeting")
    if argv and argv[0] in ACTS:
        pass
    elif not argv or argv[0] not in ("status", "stop", "start", "mail", "meeting") or (
            argv[0] not in simple and len(argv) != 2) or (
            argv[0] in ("status", "mail") and len(argv) != 1) or len(argv) > 2:
        print(__doc__.strip() if __doc__ else "", file=sys.stderr)
        return 2
    try:
        control = json.loads(CONTROL_FILE.read_text(encoding="utf-8"))["control"]
    except (OSError, ValueError, KeyError):
        print(f"democtl: no running demo ({CONTROL_FILE} is missing); start it with `make run`",
              file=sys.stderr)
        return 1
    try:
        if argv[0] in ACTS:
            return _act(control, argv)
        if argv[0] == "status":
            state = _request(control)
        elif argv[0] == "mail":
            state = _request(f"{control}/mail/deliver", method="POST")
            done = state["done"]
            assert isinstance(done, dict)
            print(f"Neue E-Mail zugestellt: {done['unread']} ungelesen / new mail delivered: "
                  f"{done['unread']} unread")
            return 0
        elif argv[0] == "meeting":
            minutes = float(argv[1]) if len(argv) == 2 else 3.0
            state = _request(f"{control}/calendar/meeting", method="POST",
                             body={"minutes": minutes})
            done = state["done"]
            assert isinstance(done, dict)
            print(f"Termin „{done['title']}“ in {minutes:g} Minuten / meeting in {minutes:g} "
                  f"minutes: {done['join_url']}")
            return 0
        else:
            state = _request(f"{control}/{argv[1]}/{argv[0]}", method="POST")
    except urllib.error.HTTPError as exc:
        print(f"democtl: {exc.read().decode(errors='replace') or exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"democtl: the demo is not running ({exc}); start it with `make run`",
              file=sys.stderr)
        return 1
    _print_state(state)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
