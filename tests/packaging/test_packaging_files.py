# SPDX-License-Identifier: EUPL-1.2
"""Syntax and structure of what packagers build: desktop files, AppStream, RPM, Flatpak, WiX."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from lxml import etree

from workplace import APP_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
WIX_NS = {"w": "http://schemas.microsoft.com/wix/2006/wi"}  # WiX v3, what wixl builds


def need(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is missing: apt-get install {package} (scripts/bootstrap.sh)")
    return found


@pytest.mark.parametrize("name", [f"{APP_ID}.desktop", f"{APP_ID}-autostart.desktop"])
def test_desktop_files_validate(name: str) -> None:
    tool = need("desktop-file-validate", "desktop-file-utils")
    run = subprocess.run([tool, str(LINUX / name)], capture_output=True, text=True)
    assert run.returncode == 0 and "error" not in run.stdout, run.stdout


def test_autostart_entry_ships_switched_off() -> None:
    text = (LINUX / f"{APP_ID}-autostart.desktop").read_text(encoding="utf-8")
    assert re.search(r"^Hidden=true$", text, re.MULTILINE)
    assert re.search(r"^Exec=workplace$", text, re.MULTILINE)


def test_metainfo_validates(tmp_path: Path) -> None:
    tool = need("appstreamcli", "appstream")
    text = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    filled = tmp_path / f"{APP_ID}.metainfo.xml"
    filled.write_text(text.replace("@VERSION@", "0.1.0").replace("@DATE@", "2026-01-01"))
    run = subprocess.run(
        [tool, "validate", "--no-net", str(filled)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("define", [[], ["--define", "tenant /srv/org.toml"]])
def test_rpm_spec_parses(define: list[str]) -> None:
    tool = need("rpmspec", "rpm")
    spec = LINUX / "rpm" / "arbeitsplatz.spec"
    run = subprocess.run([tool, "-P", *define, str(spec)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "%{" not in run.stdout, "unexpanded macro"
    assert "%config(noreplace) /etc/xdg/workplace/workplace.toml" in run.stdout
    if define:
        assert "/srv/org.toml" in run.stdout
    # Link handlers (mailto:, matrix:, tel:, arbeitsplatz:) are found through the desktop
    # database, which the package rebuilds on install and removal.
    for scriptlet in ("%post", "%postun"):
        body = run.stdout.split(f"\n{scriptlet}\n", 1)[1].split("\n%", 1)[0]
        assert "update-desktop-database -q /usr/share/applications" in body, scriptlet


def test_flatpak_manifest_structure() -> None:
    manifest = json.loads((ROOT / "packaging/flatpak" / f"{APP_ID}.json").read_text())
    assert manifest["id"] == APP_ID
    for key in ("runtime", "runtime-version", "sdk", "command", "modules", "finish-args"):
        assert manifest[key], key
    assert all(arg.startswith("--") for arg in manifest["finish-args"])
    for module in manifest["modules"]:
        assert set(module) <= {
            "name",
            "buildsystem",
            "build-commands",
            "sources",
            "build-options",
            "cleanup",
            "config-opts",
        }
        assert module["buildsystem"] in ("simple", "meson", "cmake", "cmake-ninja", "autotools")
        for source in module.get("sources", []):
            assert source["type"] in ("dir", "git", "archive", "file")
            if source["type"] == "dir":
                assert (ROOT / "packaging/flatpak" / source["path"]).resolve() == ROOT
    commands = " ".join(c for m in manifest["modules"] for c in m.get("build-commands", []))
    for path in re.findall(r"packaging/[\w./-]+\w", commands):
        assert (ROOT / path).exists(), path
    # Every runtime dependency is installed, as pyproject.toml requires it (PySide6 comes
    # from the KDE/Qt runtime base app).
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for requirement in project["project"]["dependencies"]:
        if not requirement.startswith("PySide6"):
            assert f"'{requirement}'" in commands, requirement


def test_wix_source_declares_and_uses_the_public_properties() -> None:
    wxs = ROOT / "packaging" / "windows" / "Arbeitsplatz.wxs"
    root = etree.parse(str(wxs)).getroot()
    assert root.tag == "{http://schemas.microsoft.com/wix/2006/wi}Wix"
    declared = {p.get("Id") for p in root.iterfind(".//w:Property", WIX_NS)}
    declared |= {d.get("Id") for d in root.iterfind(".//w:Directory", WIX_NS)}
    used = " ".join(
        value
        for element in root.iter()
        for name, value in element.attrib.items()
        if name in ("Directory", "Value", "WorkingDirectory")
    )
    # Component conditions and the custom action's condition are element text in v3.
    used += " " + " ".join(
        (c.text or "") for c in root.iter() if c.tag in (f"{{{WIX_NS['w']}}}Condition",
                                                        f"{{{WIX_NS['w']}}}Custom"))
    for prop in ("AUTOSTART", "NO_DESKTOP_SHORTCUT", "LAUNCH", "INSTALLDIR"):
        assert prop in declared, prop
        assert re.search(rf"\b{prop}\b", used), prop
    # The organisation is embedded: the tenant file is installed into %ProgramData%\workplace.
    tenant = root.find(".//w:File[@Id='TenantToml']", WIX_NS)
    assert tenant is not None and tenant.get("Source") == "$(var.TenantFile)"
    refs = {r.get("Id") for r in root.iterfind(".//w:ComponentGroupRef", WIX_NS)}
    assert "PolicyRegistry" in refs  # the generated Policies.wxs: the MSI writes policy keys
