# SPDX-License-Identifier: EUPL-1.2
"""Registry policy, as Group Policy writes it, read by the Windows bundle under Wine.

The values are set with Wine's ``reg add`` in HKLM and HKCU ``Software\\Policies``;
``workplace.exe config show --origin`` (the frozen command line of the bundle) must show
each value with the registry key it came from, mandatory ones locked, HKLM over HKCU.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.windows.conftest import POLICY_KEY, Wine, windows_path


def _origins(text: str) -> dict[str, tuple[str, str]]:
    """``config show --origin`` lines as ``{dotted key: (value, origin)}``."""
    found = {}
    for line in text.splitlines():
        match = re.fullmatch(r"(\S+) = (.*?)  # (.*)", line)
        if match:
            found[match.group(1)] = (match.group(2), match.group(3))
    return found


def test_registry_policies_are_read_locked_and_named(
    clean_user: Wine, windows_bundle: Path
) -> None:
    wine = clean_user
    hklm, hkcu = rf"HKLM\{POLICY_KEY}", rf"HKCU\{POLICY_KEY}"
    wine.reg_add(hklm, "Language", "REG_SZ", "en")
    wine.reg_add(hkcu, "Language", "REG_SZ", "de")  # the machine's policy wins
    wine.reg_add(hkcu, "Theme", "REG_SZ", "dark")
    wine.reg_add(hklm, "HighContrast", "REG_DWORD", "1")
    wine.reg_add(hklm, "Favourites", "REG_MULTI_SZ", r"mail\0files")
    wine.reg_add(hklm, "IdentityProviderIssuer", "REG_SZ", "https://id.example.org/realms/x")
    wine.reg_add(rf"{hkcu}\Recommended", "LowBandwidth", "REG_SZ", "on")
    wine.reg_add(rf"{hklm}\Recommended", "StatusMinutesHome", "REG_DWORD", "20")

    cli = windows_path(windows_bundle / "workplace.exe")
    run = wine.run([cli, "config", "show", "--origin"], timeout=180)
    assert run.returncode == 0, run.output
    shown = _origins(run.stdout)
    machine, user = f"policy: {hklm}", f"policy: {hkcu}"
    assert shown["preferences.language"] == ('"en"', f"{machine} (locked)")
    assert shown["preferences.theme"] == ('"dark"', f"{user} (locked)")
    assert shown["preferences.high_contrast"] == ("true", f"{machine} (locked)")
    assert shown["preferences.favourites"] == ('["mail", "files"]', f"{machine} (locked)")
    # An organisation setting from the registry is IT's, like one from IT's file.
    assert shown["identity_provider.issuer"] == (
        '"https://id.example.org/realms/x"', f"it: {hklm}")
    # Recommended: IT's preset, not locked.
    assert shown["preferences.low_bandwidth"] == ('"on"', f"it: {hkcu}\\Recommended")
    assert shown["preferences.status_minutes_home"] == ("20", f"it: {hklm}\\Recommended")
    assert "Traceback" not in run.output


def test_a_wrong_registry_type_is_named_and_ignored(
    clean_user: Wine, windows_bundle: Path
) -> None:
    wine = clean_user
    wine.reg_add(rf"HKLM\{POLICY_KEY}", "HighContrast", "REG_SZ", "yes")
    cli = windows_path(windows_bundle / "workplace.exe")
    run = wine.run([cli, "config", "show", "--origin"], timeout=180)
    assert run.returncode == 0, run.output
    assert "HighContrast: warning: expected 0 or 1 (REG_DWORD), ignored" in run.stderr
    assert _origins(run.stdout)["preferences.high_contrast"][1] != f"policy: HKLM\\{POLICY_KEY}"
