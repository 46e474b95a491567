# SPDX-License-Identifier: EUPL-1.2
"""One object graph, built in one place (issue 10 §1): ``app.py`` builds settings, the
network setup, the catalogs, the launcher, the stores and the sign-in service; the
commands and the window take them from it, and neither ``app`` nor ``ui`` imports the
commands."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "workplace"
BUILDERS = {
    "load_settings", "NetworkSetup", "RemoteCatalog", "Launcher", "make_launcher",
    "PreferenceStore", "StateStore", "AuthService", "KeyringStore", "build_auth_service",
}
"""What builds a part of the graph: called only in app.py."""


def _files(*areas: str) -> list[Path]:
    found: list[Path] = []
    for area in areas:
        path = PACKAGE / area
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]
    return found


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _called(tree: ast.AST) -> set[str]:
    called = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in BUILDERS or (name == "from_settings" and isinstance(
                    func, ast.Attribute) and getattr(func.value, "id", "") == "NetworkSetup"):
                called.add(f"{name}:{node.lineno}")
    return called


def test_neither_app_nor_ui_imports_the_commands() -> None:
    found = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _files("app", "ui")
        for name in sorted(_imports(ast.parse(path.read_text(encoding="utf-8"))))
        if name == "workplace.commands" or name.startswith("workplace.commands.")
    ]
    assert not found, found


def test_only_app_builds_the_graph() -> None:
    assert not (PACKAGE / "auth" / "factory.py").exists()
    found = [
        f"{path.relative_to(PACKAGE)} calls {call}"
        for path in _files("commands", "ui", "cli")
        for call in sorted(_called(ast.parse(path.read_text(encoding="utf-8"))))
    ]
    assert not found, found


def test_the_check_can_fail() -> None:
    tree = ast.parse(
        "def f():\n    from workplace.commands.doctor import render\n"
        "    s = load_settings(p)\n    n = NetworkSetup.from_settings(s)\n"
    )
    assert "workplace.commands.doctor" in _imports(tree)
    assert _called(tree) == {"load_settings:3", "from_settings:4"}
