# SPDX-License-Identifier: EUPL-1.2
"""Start at login on Windows: the HKCU Run key, written by the launcher's own code under
Wine (the real ``winreg``), and IT's machine-wide HKLM value left alone."""

from __future__ import annotations

from tests.windows.conftest import RUN_KEY, Wine, source_python

EXE = r"C:\Program Files\Arbeitsplatz\Arbeitsplatz.exe"
SYNC = f"""
import json, sys
from workplace.system.autostart import autostart_for, sync_start_at_login
autostart = autostart_for()
result = sync_start_at_login(sys.argv[1] == "on", autostart, [{EXE!r}])
print(json.dumps({{"kind": type(autostart).__name__, "enabled": result.enabled,
                   "changed": result.changed, "where": result.where, "note": result.note}}))
"""


def test_start_at_login_writes_and_removes_the_run_value(clean_user: Wine) -> None:
    wine = clean_user
    wine.reg_delete(rf"HKCU\{RUN_KEY}", "Arbeitsplatz")
    on = source_python(wine, SYNC, "on")
    assert on == {"kind": "WindowsAutostart", "enabled": True, "changed": True,
                  "where": rf"HKCU\{RUN_KEY}\Arbeitsplatz", "note": ""}
    values = wine.reg_query(rf"HKCU\{RUN_KEY}")
    assert values is not None
    assert values["Arbeitsplatz"] == ("REG_SZ", f'"{EXE}"')  # quoted: the path has a space

    off = source_python(wine, SYNC, "off")
    assert off["enabled"] is False and off["changed"] is True
    assert "Arbeitsplatz" not in (wine.reg_query(rf"HKCU\{RUN_KEY}") or {})


def test_the_machine_wide_value_of_it_is_reported_not_changed(clean_user: Wine) -> None:
    wine = clean_user
    machine = rf"HKLM\{RUN_KEY}"
    wine.reg_add(machine, "Arbeitsplatz", "REG_SZ", f'"{EXE}"')
    try:
        off = source_python(wine, SYNC, "off")
        assert off["enabled"] is True and off["changed"] is False
        assert "machine-wide by IT" in off["note"]
        assert (wine.reg_query(machine) or {})["Arbeitsplatz"] == ("REG_SZ", f'"{EXE}"')
    finally:
        wine.reg_delete(machine, "Arbeitsplatz")
