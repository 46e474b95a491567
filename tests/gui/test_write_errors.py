# SPDX-License-Identifier: EUPL-1.2
"""A save that fails on a read-only folder: said in the user's language, the error's own
text only behind "Details"."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import GuiFactory, write_preferences
from workplace.ui.tilemodel import Kind, Role

ReadOnly = Callable[[Path], str]
"""Makes a folder read-only for this process; returns how ("mount" or "mode")."""


@pytest.fixture
def read_only() -> Iterator[ReadOnly]:
    """A real read-only folder: a read-only bind mount where the tests run as root (the
    mode bits do not stop root), else the folder's mode."""
    undo: list[Callable[[], None]] = []

    def make(folder: Path) -> str:
        folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() != 0:
            folder.chmod(0o555)
            undo.append(lambda: folder.chmod(0o755))
            return "mode"
        mount, umount = shutil.which("mount"), shutil.which("umount")
        if mount is None or umount is None:
            pytest.skip("running as root without mount(8): no way to make a folder read-only")
        bound = subprocess.run([mount, "--bind", str(folder), str(folder)], capture_output=True)
        if bound.returncode != 0:
            pytest.skip(f"running as root, but cannot bind-mount: {bound.stderr!r}")
        undo.append(lambda: subprocess.run([umount, str(folder)], check=True))
        subprocess.run([mount, "-o", "remount,bind,ro", str(folder)], check=True)
        return "mount"

    yield make
    for step in reversed(undo):
        step()


def raw_error_text(text: str) -> list[str]:
    """Pieces of an OSError's own English text found in ``text``."""
    pieces = ("Errno", "Read-only file system", "Permission denied", ".tmp", "OSError")
    return [piece for piece in pieces if piece in text]


def test_favourite_on_a_read_only_config_folder_says_so_in_german(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path], read_only: ReadOnly
) -> None:
    folder = isolated_xdg["XDG_CONFIG_HOME"] / "workplace"
    write_preferences(isolated_xdg, 'language = "de"\n')
    how = read_only(folder)
    gui = make_gui()
    view = gui.window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(gui.window.model.find("mail"))
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    banner = gui.window.banners.message
    assert banner.isVisible()
    assert banner.title == "Ihre Einstellungen konnten nicht gespeichert werden"
    shown = banner.text
    assert raw_error_text(shown) == [], shown
    assert str(folder) in shown, "the message names the folder"
    if how == "mount":
        assert "schreibgeschützt" in shown, shown
    else:
        assert "nicht schreiben" in shown, shown
    assert "IT-Abteilung" in shown, "the message says whom to tell"
    # The error's own text is still there, folded behind "Details" and in the copy.
    assert any("Errno" in line for line in banner.technical), banner.technical
    assert not banner.technical_text.isVisible()
    assert banner.more.text() == "Details"
    qtbot.mouseClick(banner.more, Qt.MouseButton.LeftButton)
    assert banner.technical_text.isVisible()
    assert "Errno" in banner.technical_text.text()
    # Nothing was kept: the favourite is taken back.
    model = gui.window.model
    sections = {model.index(r, 0).data(Role.SECTION) for r in range(model.rowCount())
                if model.index(r, 0).data(Role.KIND) == Kind.TILE}
    assert "favourites" not in sections


def test_start_at_login_on_a_read_only_autostart_folder_says_so_in_german(
    make_gui: GuiFactory, isolated_xdg: dict[str, Path], read_only: ReadOnly
) -> None:
    write_preferences(isolated_xdg, 'language = "de"\n')
    read_only(isolated_xdg["XDG_CONFIG_HOME"] / "autostart")
    gui = make_gui()
    gui.window.show_settings()
    dialog = gui.window.dialogs.settings
    assert dialog is not None
    dialog.start_at_login.setChecked(True)
    note = dialog.autostart_note.text()
    assert note.startswith("Der Start bei der Anmeldung konnte nicht geändert werden."), note
    assert raw_error_text(note) == [], note
    banner = gui.window.banners.message
    assert banner.isVisible()
    assert raw_error_text(banner.text) == [], banner.text
    assert any("Errno" in line for line in banner.technical), banner.technical
    dialog.reject()


def test_a_setting_that_could_not_be_saved_goes_back_in_the_dialog(
    make_gui: GuiFactory, isolated_xdg: dict[str, Path], read_only: ReadOnly
) -> None:
    write_preferences(isolated_xdg, 'language = "de"\n')
    read_only(isolated_xdg["XDG_CONFIG_HOME"] / "workplace")
    gui = make_gui()
    gui.window.show_settings()
    dialog = gui.window.dialogs.settings
    assert dialog is not None
    dialog.high_contrast.setChecked(True)
    # Not saved, so not in effect, and the dialog shows what is saved again.
    assert not dialog.high_contrast.isChecked()
    assert not gui.appearance.theme.high_contrast
    assert gui.window.banners.message.title == "Ihre Einstellungen konnten nicht gespeichert werden"
    dialog.reject()
