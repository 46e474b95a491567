# SPDX-License-Identifier: EUPL-1.2
"""Configuration problems reach the window in the user's language, naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.conftest import GuiFactory, write_preferences

BUILTIN = Path(__file__).resolve().parents[2] / "resources" / "tenants" / "musterstadt.toml"

LOOK_ALIKE = """
[[services]]
id = "lookalike"
name = "Mail"
url = "https://\\u0261oogle.example/"
"""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "de",
            "enthält U+0261 LATIN SMALL LETTER SCRIPT G, das Unicode für Namen nicht empfiehlt",
        ),
        ("en", "contains U+0261 LATIN SMALL LETTER SCRIPT G, which Unicode does not recommend"),
    ],
)
def test_a_look_alike_url_is_reported_in_the_users_language(
    make_gui: GuiFactory,
    tmp_path: Path,
    isolated_xdg: dict[str, Path],
    language: str,
    expected: str,
) -> None:
    config = tmp_path / "workplace.toml"
    config.write_text(BUILTIN.read_text(encoding="utf-8") + LOOK_ALIKE, encoding="utf-8")
    write_preferences(isolated_xdg, f'language = "{language}"\n')
    gui = make_gui(config)
    banner = gui.window.banners.config
    assert banner.isVisible()
    [line] = [d for d in banner.details if "U+0261" in d]
    assert line.startswith(f"{config}:")
    assert ": services[10].url: " in line
    assert expected in line
    left_out = "dieser Eintrag wird ausgelassen" if language == "de" else "this entry is left out"
    assert line.endswith(left_out)
    assert "lookalike" not in [s.id for s in gui.workplace.catalog.services]


def test_a_symlinked_preferences_file_is_reported_in_german(
    make_gui: GuiFactory, tmp_path: Path, isolated_xdg: dict[str, Path]
) -> None:
    target = tmp_path / "elsewhere.toml"
    target.write_text('version = 1\nlanguage = "de"\n', encoding="utf-8")
    folder = isolated_xdg["XDG_CONFIG_HOME"] / "workplace"
    folder.mkdir(parents=True)
    (folder / "preferences.toml").symlink_to(target)
    gui = make_gui()
    banner = gui.window.banners.config
    assert gui.appearance.language == "en", "what the link points to is not read"
    assert any(f"is a symbolic link to {target}" in d for d in banner.details)
    gui.window.settings_store.change("language", "de")
    assert gui.appearance.language == "de"
    assert any(f"ist eine symbolische Verknüpfung auf {target}" in d for d in banner.details)
    assert not (folder / "preferences.toml").is_symlink(), "the save replaced the link"
    assert target.read_text(encoding="utf-8") == 'version = 1\nlanguage = "de"\n'
