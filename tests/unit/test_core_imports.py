# SPDX-License-Identifier: EUPL-1.2
"""The layering rule, checked: the core never imports Qt, ``ui``, ``commands`` or ``app``.

The core is ``config``, ``auth``, ``catalog``, ``net``, ``status``, ``system``, ``links``,
``integrations`` and ``diagnostics``.
Every import statement of every core module is read with :mod:`ast`, including the
ones inside functions (most of the core imports lazily, so importing a module
proves little). Imports of other ``workplace`` modules are followed, so a core
module cannot reach Qt through a helper module outside the core either.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "workplace"
CORE = ("config", "auth", "catalog", "net", "status", "system", "diagnostics", "links",
        "integrations")
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "workplace.ui", "workplace.commands",
             "workplace.app", "workplace.cli", "workplace.__main__")
"""Qt (any binding), the GUI, the commands, and the composition root with the entry
points that build it (``cli`` and ``__main__`` import ``app``)."""


def _module_name(root: Path, path: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _file_of(root: Path, name: str) -> Path | None:
    base = root / Path(*name.split("."))
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def imports_of(root: Path, path: Path) -> Iterator[tuple[int, str]]:
    """``(line, module)`` for every import in ``path``, wherever it stands.

    ``from X import Y`` yields ``X`` and, where ``X.Y`` is a module of this package,
    ``X.Y`` too. ``importlib.import_module`` and ``__import__`` with a literal name
    count as imports; with a computed name they cannot be checked and fail.
    """
    name = _module_name(root, path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:
                if module.startswith("workplace") and _file_of(root, f"{module}.{alias.name}"):
                    yield node.lineno, f"{module}.{alias.name}"
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func):
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield node.lineno, arg.value
            else:
                yield node.lineno, COMPUTED


COMPUTED = "<a computed name, which this check cannot follow>"


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in ("__import__", "import_module")
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def forbidden(module: str) -> bool:
    return module == COMPUTED or any(
        module == bad or module.startswith(bad + ".") for bad in FORBIDDEN
    )


def violations(root: Path, files: list[Path]) -> list[str]:
    """Every path from one of ``files`` to a forbidden import, as readable lines."""
    found: set[str] = set()
    for start in files:
        seen = {_module_name(root, start)}
        todo: list[tuple[Path, str]] = [(start, _module_name(root, start))]
        while todo:
            path, chain = todo.pop()
            for line, module in imports_of(root, path):
                if forbidden(module):
                    found.add(f"{chain} imports {module} ({path.relative_to(root)}:{line})")
                elif module.startswith("workplace") and module not in seen:
                    seen.add(module)
                    target = _file_of(root, module)
                    if target is not None:
                        todo.append((target, f"{chain} -> {module}"))
    return sorted(found)


def core_files(root: Path) -> list[Path]:
    return sorted(f for area in CORE for f in (root / "workplace" / area).rglob("*.py"))


def test_the_core_imports_neither_qt_nor_ui_commands_or_app() -> None:
    files = core_files(ROOT)
    # the whole core is read, not an empty glob
    assert {f.relative_to(PACKAGE).parts[0] for f in files} == set(CORE)
    found = violations(ROOT, files)
    assert not found, "the core must not import these:\n" + "\n".join(found)


def test_the_check_sees_imports_inside_functions_and_through_other_modules(
    tmp_path: Path,
) -> None:
    """The checker itself can fail: a fake package whose core module has each kind
    of bad import, one of them through a module outside the core."""
    files = {
        "workplace/__init__.py": "",
        "workplace/status/__init__.py": "",
        "workplace/status/probe.py": (
            "import json\n"
            "from workplace.status import other\n"
            "def late(name):\n"
            "    from PySide6.QtCore import QObject\n"
            "    import workplace.app\n"
            "    from workplace import commands\n"
            "    from ..ui import jobs\n"
            "    import importlib\n"
            "    importlib.import_module('workplace.ui.window')\n"
            "    __import__(name)\n"
            "    from workplace import helper\n"
        ),
        "workplace/status/other.py": "import os\n",
        "workplace/helper.py": "def f():\n    import shiboken6\n",
        "workplace/ui/__init__.py": "",
        "workplace/ui/jobs.py": "",
        "workplace/ui/window.py": "",
        "workplace/commands/__init__.py": "",
        "workplace/app.py": "",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = violations(tmp_path, [tmp_path / "workplace/status/probe.py"])
    probe = "workplace.status.probe"
    assert found == [
        f"{probe} -> workplace.helper imports shiboken6 (workplace/helper.py:2)",
        f"{probe} imports {COMPUTED} (workplace/status/probe.py:10)",
        f"{probe} imports PySide6.QtCore (workplace/status/probe.py:4)",
        f"{probe} imports workplace.app (workplace/status/probe.py:5)",
        f"{probe} imports workplace.commands (workplace/status/probe.py:6)",
        f"{probe} imports workplace.ui (workplace/status/probe.py:7)",
        f"{probe} imports workplace.ui.jobs (workplace/status/probe.py:7)",
        f"{probe} imports workplace.ui.window (workplace/status/probe.py:9)",
    ]


def test_importing_every_core_module_loads_no_qt() -> None:
    """The same rule at run time, for what the static check cannot see (a third-party
    library that pulls in Qt): import the whole core in a fresh interpreter."""
    names = [_module_name(ROOT, f) for f in core_files(ROOT)]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')\n"
        "             or m.startswith(('workplace.ui', 'workplace.commands', 'workplace.app')))\n"
        "print(','.join(bad))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
