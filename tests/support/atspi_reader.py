# SPDX-License-Identifier: EUPL-1.2
"""Reads a running program's accessible tree over AT-SPI, as Orca does.

Runs under the *system* ``/usr/bin/python3``: pyatspi is a Debian package
(``python3-pyatspi``), not on PyPI, so the test side (tests/support/atspi.py) starts this
script as a subprocess and talks to it in JSON lines, one request and one answer a line:

    {"cmd": "apps"}                                   -> [{"name", "pid"}]
    {"cmd": "tree", "pid": N, "detail": "full"}       -> the node tree of that program, or null
                                                         ("detail": "focus": states only,
                                                         the rest only of focused objects)
    {"cmd": "action", "pid": N, "path": [...], "role": R, "name": S, "action": A}
                                                      -> {"done": bool, "path": [...]}
    {"cmd": "events"}                                 -> the events seen since the last call

A node is ``{"path", "role", "name", "description", "states", "actions", "extents",
"children"}``: the role's AT-SPI name ("push button"), the state names ("focused",
"showing", ...), the action names ("Press", ...), the extents ``[x, y, w, h]`` in desktop
coordinates. The event types to listen for are the arguments; they are registered at
start, before the program under test starts, because Qt sends only the events some
listener has registered for (it asks the registry once, when it starts and when a
listener comes or goes).
"""

from __future__ import annotations

import json
import sys
import traceback

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402
from gi.repository import Atspi, GLib  # noqa: E402

MAX_NODES = 20000
MAX_DEPTH = 60
_events: list[dict[str, object]] = []


def _safe(call: object, default: object = None) -> object:
    """``call()``, or ``default`` where the object lacks that interface. Every other error
    (an object gone meanwhile, a timeout) fails the whole request: the test side reads
    again rather than judge a tree with holes."""
    try:
        return call()  # type: ignore[operator]
    except NotImplementedError:
        return default


def _quiet(call: object, default: object = None) -> object:
    """``call()``, or ``default`` on any error: for objects of other programs (one may have
    just ended) and for the sources of events, which may be gone when they are read."""
    try:
        return call()  # type: ignore[operator]
    except Exception:
        return default


def _app_of(pid: int) -> Atspi.Accessible | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = _quiet(lambda i=i: desktop.getChildAtIndex(i))
        if app is not None and _quiet(app.get_process_id) == pid:
            # Read every property from the program itself, never from libatspi's cache:
            # Qt does not announce every change, and a stale name would pass or fail a
            # check wrongly.
            app.set_cache_mask(Atspi.Cache.NONE)
            app.clear_cache()
            return app
    return None


def _actions(acc: Atspi.Accessible) -> list[str]:
    action = _safe(acc.queryAction)
    if action is None:
        return []
    return [str(action.getName(i)) for i in range(action.nActions)]


def _extents(acc: Atspi.Accessible) -> list[int] | None:
    component = _safe(acc.queryComponent)
    if component is None:
        return None
    box = _safe(lambda: component.getExtents(pyatspi.DESKTOP_COORDS))
    return None if box is None else [box.x, box.y, box.width, box.height]


def _node(acc: Atspi.Accessible, path: list[int], budget: list[int], full: bool
          ) -> dict[str, object]:
    """The object and its subtree. Without ``full`` only the states are read of every
    object (and the rest only of focused ones): enough to follow the focus, and quick."""
    budget[0] -= 1
    state = _safe(acc.getState)
    states = sorted(pyatspi.stateToString(s) for s in state.getStates()) if state else []
    node: dict[str, object] = {"path": path, "role": "", "name": "", "description": "",
                               "states": states, "actions": [], "extents": None,
                               "children": []}
    if full or "focused" in states:
        node.update(role=_safe(acc.getRoleName, "") or "",
                    name=_safe(lambda: acc.name, "") or "",
                    description=_safe(lambda: acc.description, "") or "",
                    actions=_actions(acc), extents=_extents(acc))
    if len(path) >= MAX_DEPTH or budget[0] <= 0:
        return node
    children = []
    for i in range(_safe(lambda: acc.childCount, 0) or 0):
        child = _safe(lambda i=i: acc.getChildAtIndex(i))
        if child is not None:
            children.append(_node(child, [*path, i], budget, full))
    node["children"] = children
    return node


def _resolve(app: Atspi.Accessible, path: list[int]) -> Atspi.Accessible | None:
    acc = app
    for index in path:
        acc = _safe(lambda acc=acc, index=index: acc.getChildAtIndex(index))
        if acc is None:
            return None
    return acc


def _find(acc: Atspi.Accessible, role: str, name: str, path: list[int],
          found: list[tuple[list[int], Atspi.Accessible]]) -> None:
    if _safe(acc.getRoleName) == role and _safe(lambda: acc.name) == name:
        found.append((path, acc))
    for i in range(_safe(lambda: acc.childCount, 0) or 0):
        child = _safe(lambda i=i: acc.getChildAtIndex(i))
        if child is not None:
            _find(child, role, name, [*path, i], found)


def _action(request: dict[str, object]) -> dict[str, object]:
    """Do the named action on the object at ``path``, checked to be the one meant (role and
    name): the tree may have changed since it was read, then the object is looked up by
    role and name."""
    app = _app_of(int(request["pid"]))  # type: ignore[call-overload]
    if app is None:
        raise LookupError(f"no application with pid {request['pid']} on the AT-SPI bus")
    role, name = str(request["role"]), str(request["name"])
    path = list(request["path"])  # type: ignore[call-overload]
    acc = _resolve(app, path)
    if acc is None or _safe(acc.getRoleName) != role or _safe(lambda: acc.name) != name:
        found: list[tuple[list[int], Atspi.Accessible]] = []
        _find(app, role, name, [], found)
        if not found:
            raise LookupError(f"no {role} named {name!r}")
        path, acc = found[0]  # two tiles of one service (a favourite's) open the same
    wanted = str(request["action"])
    names = _actions(acc)
    if wanted not in names:
        raise LookupError(f"the {role} {name!r} has no action {wanted!r}, only {names}")
    return {"done": bool(acc.queryAction().doAction(names.index(wanted))), "path": path}


def _describe(acc: object) -> dict[str, object] | None:
    if not isinstance(acc, Atspi.Accessible):
        return None
    return {"role": _quiet(acc.getRoleName, ""), "name": _quiet(lambda: acc.name, ""),
            "description": _quiet(lambda: acc.description, ""),
            "pid": _quiet(acc.get_process_id)}


def _on_event(event: Atspi.Event) -> None:
    data = event.any_data
    _events.append({
        "type": str(event.type), "detail1": event.detail1, "detail2": event.detail2,
        "data": data if isinstance(data, str | int | float | bool) or data is None
        else _describe(data) or str(data),
        "source": _describe(event.source),
    })


def _drain_events() -> list[dict[str, object]]:
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass
    seen = list(_events)
    _events.clear()
    return seen


def _answer(request: dict[str, object]) -> object:
    cmd = request.get("cmd")
    if cmd == "apps":
        desktop = pyatspi.Registry.getDesktop(0)
        apps = [_quiet(lambda i=i: desktop.getChildAtIndex(i)) for i in range(desktop.childCount)]
        return [{"name": _quiet(lambda a=a: a.name, ""), "pid": _quiet(a.get_process_id)}
                for a in apps if a is not None]
    if cmd == "tree":
        app = _app_of(int(request["pid"]))  # type: ignore[call-overload]
        full = request.get("detail", "full") == "full"
        return None if app is None else _node(app, [], [MAX_NODES], full)
    if cmd == "action":
        return _action(request)
    if cmd == "events":
        return _drain_events()
    raise ValueError(f"unknown command {cmd!r}")


def main(event_types: list[str]) -> int:
    # A busy program on a shared CI machine may take long to answer: wait for it rather
    # than read a timeout as "no name" (libatspi's default is 0.8 s).
    Atspi.set_timeout(30000, 60000)
    for event_type in event_types:
        pyatspi.Registry.registerEventListener(_on_event, event_type)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        try:
            reply: dict[str, object] = {"ok": True, "result": _answer(json.loads(line))}
        except Exception as exc:
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}",
                     "traceback": traceback.format_exc()}
        print(json.dumps(reply, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
