# SPDX-License-Identifier: EUPL-1.2
"""The network package's shape: no import cycles inside it (function-local and
type-only imports count too), and its error family loads without an HTTP library."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import workplace.net

NET = Path(workplace.net.__file__).parent


def _imports(path: Path) -> set[str]:
    """The ``workplace.net`` modules ``path`` imports anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "workplace.net":
                found.update(f"workplace.net.{alias.name}" for alias in node.names)
            elif node.module.startswith("workplace.net."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("workplace.net."))
    return found


def test_no_import_cycles_inside_net() -> None:
    graph = {
        f"workplace.net.{path.stem}": _imports(path)
        for path in NET.glob("*.py") if path.stem != "__init__"
    }
    assert graph["workplace.net.http"], "the scan must see http.py's imports"
    cycles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        for target in sorted(graph.get(module, ())):
            if target in trail:
                cycles.append([*trail[trail.index(target):], target])
            elif target in graph:
                visit(target, [*trail, target])

    for module in graph:
        visit(module, [module])
    assert not cycles, cycles


def test_the_error_family_loads_without_an_http_library() -> None:
    """The catalog's result (first paint) and the sign-in errors name these kinds."""
    code = (
        "import sys, workplace.net.errors, workplace.net.deadline, workplace.catalog.remote;"
        "print(sorted(m for m in ('requests', 'urllib3') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_the_program_s_http_runs_without_requests() -> None:
    """Issue 15: urllib3 alone carries the program's HTTP (requests with its charset
    detection and IDNA tables cost 4 MiB); only pypac, for a PAC file, brings requests."""
    code = (
        "import sys, workplace.net.setup, workplace.net.http, workplace.net.fetch,"
        " workplace.net.detect, workplace.auth.client, workplace.status.probe,"
        " workplace.integrations.runner, workplace.catalog.icons;"
        "setup = workplace.net.setup.NetworkSetup(workplace.net.proxy.ProxyPolicy('none'));"
        "setup().close(); setup.close();"
        "print(sorted(m for m in ('requests', 'charset_normalizer', 'idna', 'pypac')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_sign_in_errors_build_on_the_family() -> None:
    """Every network kind, the catalog's too, becomes a sign-in error that keeps its
    cause (a kind the table did not list raised KeyError)."""
    from workplace.auth.errors import AuthError, AuthErrorKind
    from workplace.net.errors import NetworkError, NetworkErrorKind

    expected = {
        NetworkErrorKind.TLS: AuthErrorKind.TLS,
        NetworkErrorKind.TIMEOUT: AuthErrorKind.TIMEOUT,
    }
    for kind in NetworkErrorKind:
        cause = NetworkError(kind, "what happened", url="https://id.example.org/token")
        error = AuthError.from_network(cause)
        assert error.kind is expected.get(kind, AuthErrorKind.PROVIDER_UNREACHABLE)
        assert error.network is cause and "https://id.example.org/token" in error.detail
