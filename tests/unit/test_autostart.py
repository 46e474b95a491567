# SPDX-License-Identifier: EUPL-1.2
"""Start at login: XDG autostart for real in the test's XDG directories; the Windows Run
key against a FAKE registry and the macOS LaunchAgent in a FAKE home directory (no
Windows or macOS here, so these test the files and values we write, not the OS)."""

from __future__ import annotations

import plistlib
import subprocess
from pathlib import Path

import pytest

from tests.support.fake_winreg import FakeRegistry
from workplace.system.autostart import (
    DESKTOP_FILE,
    RUN_KEY,
    RUN_VALUE,
    LaunchAgentAutostart,
    WindowsAutostart,
    XdgAutostart,
    _desktop_values,
    autostart_for,
    sync_start_at_login,
)

COMMAND = ["/opt/Arbeits Platz/workplace", "--flag=100%"]


def _system_file(isolated_xdg: dict[str, Path], hidden: bool) -> Path:
    path = isolated_xdg["XDG_CONFIG_DIRS"] / "autostart" / DESKTOP_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[Desktop Entry]\nType=Application\nName=Arbeitsplatz\nExec=workplace\n"
        f"Hidden={'true' if hidden else 'false'}\n"
    )
    return path


def test_xdg_on_and_off_without_a_system_file(isolated_xdg: dict[str, Path]) -> None:
    autostart = autostart_for("linux")
    assert isinstance(autostart, XdgAutostart)
    user_file = isolated_xdg["XDG_CONFIG_HOME"] / "autostart" / "de.arbeitsplatz.Workplace.desktop"
    assert autostart.where == str(user_file)
    assert not autostart.enabled()
    result = sync_start_at_login(True, autostart, COMMAND)
    assert result.enabled and result.changed and not result.note
    values = _desktop_values(user_file)
    assert values["Exec"] == '"/opt/Arbeits Platz/workplace" --flag=100%%'
    assert values["Hidden"] == "false" and values["Type"] == "Application"
    assert autostart.enabled()
    result = sync_start_at_login(False, autostart)
    assert not result.enabled and result.changed
    assert not user_file.exists()  # nothing else would start it: the file just goes


def test_xdg_user_file_overrides_the_hidden_system_file(isolated_xdg: dict[str, Path]) -> None:
    _system_file(isolated_xdg, hidden=True)  # what the .deb ships
    autostart = XdgAutostart()
    assert not autostart.enabled()
    autostart.enable(COMMAND)
    assert autostart.enabled()
    autostart.disable()
    assert not autostart.enabled()
    assert not autostart.user_file.exists()


def test_xdg_off_overrides_it_switching_it_on_for_everyone(
    isolated_xdg: dict[str, Path],
) -> None:
    system = _system_file(isolated_xdg, hidden=False)  # IT: on for everyone
    autostart = XdgAutostart()
    assert autostart.enabled()
    result = sync_start_at_login(False, autostart)
    assert not result.enabled
    assert _desktop_values(autostart.user_file)["Hidden"] == "true"
    assert "Hidden=false" in system.read_text()  # IT's file is never touched
    assert sync_start_at_login(True, autostart, COMMAND).enabled


def test_xdg_entry_is_valid_for_desktop_file_validate(isolated_xdg: dict[str, Path]) -> None:
    validate = Path("/usr/bin/desktop-file-validate")
    autostart = XdgAutostart()
    autostart.enable(COMMAND)
    if not validate.exists():
        pytest.skip("desktop-file-validate is not installed")
    run = subprocess.run([str(validate), str(autostart.user_file)], capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


# --------------------------------------------------------------------------- Windows (fake)


def test_windows_run_key_fake_registry() -> None:
    registry = FakeRegistry()
    autostart = WindowsAutostart(registry)
    assert not autostart.enabled()
    assert sync_start_at_login(True, autostart, [r"C:\Program Files\Arbeitsplatz\workplace.exe"])
    value, kind = registry.get(registry.HKEY_CURRENT_USER, RUN_KEY, RUN_VALUE) or (None, 0)
    assert value == r'"C:\Program Files\Arbeitsplatz\workplace.exe"' and kind == registry.REG_SZ
    assert autostart.enabled()
    assert not sync_start_at_login(False, autostart).enabled
    assert registry.get(registry.HKEY_CURRENT_USER, RUN_KEY, RUN_VALUE) is None
    autostart.disable()  # already off: fine


def test_windows_machine_wide_autostart_is_reported_not_changed() -> None:
    registry = FakeRegistry()
    with registry.CreateKeyEx(registry.HKEY_LOCAL_MACHINE, RUN_KEY) as key:
        registry.SetValueEx(key, RUN_VALUE, 0, registry.REG_SZ, '"C:\\A\\workplace.exe"')
    autostart = WindowsAutostart(registry)
    assert autostart.machine_wide and autostart.enabled()
    result = sync_start_at_login(False, autostart)
    assert result.enabled and "machine-wide" in result.note


# --------------------------------------------------------------------------- macOS (fake home)


def test_macos_launch_agent_in_a_fake_home(tmp_path: Path) -> None:
    autostart = LaunchAgentAutostart(home=tmp_path)
    assert autostart.where.endswith("Library/LaunchAgents/de.arbeitsplatz.Workplace.plist")
    assert not autostart.enabled()
    sync_start_at_login(True, autostart, ["/Applications/Arbeitsplatz.app/Contents/MacOS/x"])
    document = plistlib.loads(autostart.path.read_bytes())
    assert document["Label"] == "de.arbeitsplatz.Workplace"
    assert document["ProgramArguments"] == ["/Applications/Arbeitsplatz.app/Contents/MacOS/x"]
    assert document["RunAtLoad"] is True
    assert autostart.enabled()
    sync_start_at_login(False, autostart)
    assert not autostart.path.exists() and not autostart.enabled()


def test_macos_broken_plist_counts_as_off(tmp_path: Path) -> None:
    autostart = LaunchAgentAutostart(home=tmp_path)
    autostart.path.parent.mkdir(parents=True)
    autostart.path.write_bytes(b"not a plist")
    assert not autostart.enabled()
