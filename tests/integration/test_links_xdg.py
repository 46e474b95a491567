# SPDX-License-Identifier: EUPL-1.2
"""The launcher as the desktop's program for links, with the real xdg-utils (xdg-mime)
and update-desktop-database in isolated XDG directories."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.conftest import run_cli
from workplace.system.linkhandler import (
    DESKTOP_FILE,
    SCHEMES,
    LinkHandlerError,
    XdgMime,
    handler_for,
    set_default,
    status,
    sync_mail_links,
    without_default,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGED = ROOT / "packaging" / "linux" / DESKTOP_FILE
OTHER = "other-mail.desktop"


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is missing: run scripts/bootstrap.sh (xdg-utils, desktop-file-utils)")
    return found


@pytest.fixture
def desktop(isolated_xdg: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A desktop with only the launcher's packaged desktop file (and no desktop
    environment: xdg-utils' generic mode), its cache built as the package does."""
    need("xdg-mime")
    for var in ("KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID", "DESKTOP_SESSION",
                "XDG_SESSION_DESKTOP"):
        monkeypatch.delenv(var, raising=False)
    data = isolated_xdg["XDG_DATA_HOME"]
    monkeypatch.setenv("XDG_DATA_DIRS", str(data.parent / "system-data"))
    # xdg-mime skips a default whose program is not installed: ``workplace`` is on PATH
    # as the package's /usr/bin/workplace would be.
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "workplace").exists()
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    applications = data / "applications"
    applications.mkdir(parents=True)
    shutil.copyfile(PACKAGED, applications / DESKTOP_FILE)
    subprocess.run([need("update-desktop-database"), str(applications)], check=True)
    return applications


def add_other_mail_program(applications: Path) -> None:
    (applications / OTHER).write_text(
        "[Desktop Entry]\nType=Application\nName=Other mail\nExec=/bin/true %u\n"
        "MimeType=x-scheme-handler/mailto;\n", encoding="utf-8")
    subprocess.run([need("update-desktop-database"), str(applications)], check=True)


def test_the_package_declares_all_four_schemes(desktop: Path) -> None:
    cache = (desktop / "mimeinfo.cache").read_text(encoding="utf-8")
    for scheme in SCHEMES:
        assert f"x-scheme-handler/{scheme}={DESKTOP_FILE};" in cache
    text = PACKAGED.read_text(encoding="utf-8")
    assert "\nExec=workplace %u\n" in text


def test_with_no_other_program_the_launcher_gets_the_links(desktop: Path) -> None:
    assert [h.ours for h in status()] == [True, True, True, True]


def test_enable_makes_it_the_default_over_another_mail_program_and_disable_gives_it_back(
    desktop: Path, isolated_xdg: dict[str, Path]
) -> None:
    add_other_mail_program(desktop)
    # IT's (or the system's) default: the other program.
    system_list = isolated_xdg["XDG_CONFIG_DIRS"] / "mimeapps.list"
    system_list.write_text(f"[Default Applications]\nx-scheme-handler/mailto={OTHER};\n",
                           encoding="utf-8")
    assert status(["mailto"])[0].default == OTHER

    result = sync_mail_links(True)
    assert (result.enabled, result.changed) == (True, True)
    user_list = isolated_xdg["XDG_CONFIG_HOME"] / "mimeapps.list"
    assert f"x-scheme-handler/mailto={DESKTOP_FILE}" in user_list.read_text(encoding="utf-8")
    assert sync_mail_links(True).changed is False  # already so

    result = sync_mail_links(False)
    assert (result.enabled, result.changed) == (False, True)
    assert status(["mailto"])[0].default == OTHER
    assert DESKTOP_FILE not in user_list.read_text(encoding="utf-8")


def test_disable_leaves_other_entries_of_the_users_list_alone(
    desktop: Path, isolated_xdg: dict[str, Path]
) -> None:
    user_list = isolated_xdg["XDG_CONFIG_HOME"] / "mimeapps.list"
    user_list.write_text(
        "# mine\n[Added Associations]\nx-scheme-handler/mailto=de.arbeitsplatz.Workplace.desktop;\n"
        f"\n[Default Applications]\ntext/plain=gedit.desktop;\n"
        f"x-scheme-handler/mailto={OTHER};{DESKTOP_FILE};\n"
        f"x-scheme-handler/tel={DESKTOP_FILE};\n", encoding="utf-8")
    user_list.chmod(0o644)
    assert set_default(False, ["mailto", "tel"]).changed is False  # still the only program
    assert user_list.read_text(encoding="utf-8") == (
        "# mine\n[Added Associations]\nx-scheme-handler/mailto=de.arbeitsplatz.Workplace.desktop;\n"
        f"\n[Default Applications]\ntext/plain=gedit.desktop;\n"
        f"x-scheme-handler/mailto={OTHER};\n")
    assert user_list.stat().st_mode & 0o777 == 0o644


def test_without_default_touches_only_the_launcher() -> None:
    text = "[Default Applications]\nx-scheme-handler/mailto=a.desktop;\n"
    assert without_default(text, "x-scheme-handler/mailto") == text


def test_not_installed_is_said_plainly(
    isolated_xdg: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    need("xdg-mime")
    monkeypatch.setenv("XDG_DATA_DIRS", str(isolated_xdg["XDG_DATA_HOME"].parent / "none"))
    with pytest.raises(LinkHandlerError) as caught:
        sync_mail_links(True)
    assert caught.value.kind == "not-installed"
    assert DESKTOP_FILE in str(caught.value)


def test_without_xdg_utils_it_says_so(tmp_path: Path) -> None:
    handler = XdgMime(environ={"PATH": str(tmp_path), "HOME": str(tmp_path)})
    with pytest.raises(LinkHandlerError) as caught:
        handler.query("mailto")
    assert caught.value.kind == "no-xdg-utils"
    assert "xdg-utils" in str(caught.value)


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_let_no_program_make_itself_the_default(platform: str) -> None:
    with pytest.raises(LinkHandlerError) as caught:
        handler_for(platform)
    assert caught.value.kind == "unsupported"


def test_the_command_line_enables_saves_the_preference_and_reports(
    desktop: Path, isolated_xdg: dict[str, Path]
) -> None:
    add_other_mail_program(desktop)
    result = run_cli("links", "default", "--enable")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["mailto:", DESKTOP_FILE, "(Arbeitsplatz)"]
    prefs = (isolated_xdg["XDG_CONFIG_HOME"] / "workplace" / "preferences.toml").read_text(
        encoding="utf-8")
    assert "mail_links = true" in prefs
    shown = run_cli("links", "default", "--status")
    assert shown.returncode == 0
    assert [line.split()[0] for line in shown.stdout.splitlines()] == [
        "mailto:", "matrix:", "tel:", "arbeitsplatz:"]
    off = run_cli("links", "default", "--disable")
    assert off.returncode == 0, off.stderr
    assert "mail_links = false" in (
        isolated_xdg["XDG_CONFIG_HOME"] / "workplace" / "preferences.toml").read_text("utf-8")
    # No default of its own is left; the desktop's cache lists the launcher first, so
    # the links still come to it, and the command says so.
    assert DESKTOP_FILE not in (isolated_xdg["XDG_CONFIG_HOME"] / "mimeapps.list").read_text(
        "utf-8")
    assert "no other program is set up" in off.stderr


def test_the_command_line_respects_it_lock(
    desktop: Path, isolated_xdg: dict[str, Path], tmp_path: Path
) -> None:
    config = tmp_path / "it.toml"
    config.write_text('[preferences]\nmail_links = false\n[policy]\nlocked = ["mail_links"]\n',
                      encoding="utf-8")
    result = run_cli("--config", str(config), "links", "default", "--enable")
    assert result.returncode == 1
    assert "your IT department decides" in result.stderr
    assert not (isolated_xdg["XDG_CONFIG_HOME"] / "mimeapps.list").exists()
