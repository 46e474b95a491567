# SPDX-License-Identifier: EUPL-1.2
"""User preferences: atomic writes, locks, backups of broken files, migrations; UI state."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from workplace.config import atomic, preferences
from workplace.config.loader import load_settings
from workplace.config.paths import Paths
from workplace.config.preferences import (
    PreferenceLockedError,
    PreferenceStore,
    PreferenceValueError,
)
from workplace.config.settings import Origin
from workplace.config.state import MAX_RECENT, StateStore
from workplace.config.tomlwrite import dumps

from .conftest import write


def test_save_writes_only_user_values_and_returns_new_settings(paths: Paths) -> None:
    settings = load_settings(paths)
    store = PreferenceStore(paths)
    new = store.save(settings, theme="dark", high_contrast=True)
    assert (new.preferences.theme, new.preferences.high_contrast) == ("dark", True)
    assert new.origin("theme") == Origin("user", str(paths.preferences_file))
    assert settings.preferences.theme == "system"  # the old object is unchanged
    on_disk = tomllib.loads(paths.preferences_file.read_text())
    assert on_disk == {"version": 1, "theme": "dark", "high_contrast": True}
    reloaded = load_settings(paths)
    assert reloaded.preferences == new.preferences
    assert reloaded.origin("high_contrast") == new.origin("high_contrast")


def test_save_keeps_earlier_values(paths: Paths) -> None:
    store = PreferenceStore(paths)
    store.save(load_settings(paths), theme="dark")
    store.save(load_settings(paths), language="en")
    on_disk = tomllib.loads(paths.preferences_file.read_text())
    assert on_disk == {"version": 1, "theme": "dark", "language": "en"}


def test_locked_key_cannot_be_saved(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml", '[policy]\nlocked = ["theme"]\n')
    settings = load_settings(paths)
    with pytest.raises(PreferenceLockedError) as caught:
        PreferenceStore(paths).save(settings, theme="dark")
    assert caught.value.key == "theme"
    assert not paths.preferences_file.exists()


@pytest.mark.parametrize("changes", [{"theme": "pink"}, {"colour": "red"}, {"favourites": "mail"}])
def test_invalid_values_are_refused(paths: Paths, changes: dict[str, object]) -> None:
    with pytest.raises(PreferenceValueError):
        PreferenceStore(paths).save(load_settings(paths), **changes)
    assert not paths.preferences_file.exists()


def test_favourites_are_saved_in_order(paths: Paths) -> None:
    store = PreferenceStore(paths)
    settings = store.save(load_settings(paths), favourites=["mail", "chat"])
    assert settings.preferences.favourites == ["mail", "chat"]
    settings = store.save(settings, favourites=["chat"])
    assert settings.preferences.favourites == ["chat"]
    assert load_settings(paths).preferences.favourites == ["chat"]


def test_crash_between_write_and_rename_keeps_the_old_file(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PreferenceStore(paths)
    store.save(load_settings(paths), theme="dark")
    before = paths.preferences_file.read_bytes()

    def crash(src: Path, dst: Path) -> None:
        raise KeyboardInterrupt  # the process dies before the rename

    monkeypatch.setattr(atomic, "_replace", crash)
    with pytest.raises(KeyboardInterrupt):
        store.save(load_settings(paths), theme="light")
    assert paths.preferences_file.read_bytes() == before
    assert load_settings(paths).preferences.theme == "dark"
    leftovers = [p.name for p in paths.preferences_file.parent.iterdir()]
    assert leftovers == ["preferences.toml"]


def test_broken_file_is_kept_before_it_is_replaced(paths: Paths) -> None:
    broken_text = 'version = 1\ntheme = "dark"\nlanguage = \n'
    write(paths.preferences_file, broken_text)
    settings = load_settings(paths)
    assert settings.problems
    PreferenceStore(paths).save(settings, theme="light")
    backup = paths.preferences_file.with_name("preferences.toml.broken")
    assert backup.read_text() == broken_text
    assert load_settings(paths).problems == ()


def test_old_version_is_migrated_and_backed_up(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(paths.preferences_file, "version = 1\ndark_mode = true\n")

    def v1_to_v2(values: dict[str, object]) -> dict[str, object]:
        if values.pop("dark_mode", False):
            values["theme"] = "dark"
        return values

    monkeypatch.setattr(preferences, "CURRENT_VERSION", 2)
    monkeypatch.setitem(preferences.MIGRATIONS, 1, v1_to_v2)
    settings = load_settings(paths)
    assert settings.problems == ()
    assert settings.preferences.theme == "dark"
    PreferenceStore(paths).save(settings, language="de")
    assert tomllib.loads(paths.preferences_file.read_text()) == {
        "version": 2,
        "theme": "dark",
        "language": "de",
    }
    assert paths.preferences_file.with_name("preferences.toml.v1.bak").exists()


def test_newer_version_is_read_with_a_warning(paths: Paths) -> None:
    write(paths.preferences_file, 'version = 7\ntheme = "dark"\n')
    settings = load_settings(paths)
    assert settings.preferences.theme == "dark"
    [problem] = settings.problems
    assert (problem.line, problem.path, problem.severity) == (1, "version", "warning")


def test_written_file_is_private(paths: Paths) -> None:
    PreferenceStore(paths).save(load_settings(paths), theme="dark")
    assert paths.preferences_file.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "value",
    ["plain", 'quo"te', "back\\slash", "tab\tnew\nline", "\x00\x1f\x7f", "Größe €", ""],
)
def test_toml_writer_round_trips_strings(value: str) -> None:
    table = {"version": 1, "a": value, "odd key": [value, "x"], "flag": False}
    assert tomllib.loads(dumps(table, "header\nline two")) == table


def test_toml_writer_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        dumps({"a": 1.5})


# --------------------------------------------------------------------------- UI state


def test_recent_is_newest_first_unique_and_capped(paths: Paths) -> None:
    state = StateStore(paths)
    for ident in ["a", "b", "c", "a"]:
        state.record_launch(ident)
    assert state.recent == ["a", "c", "b"]
    for n in range(20):
        state.record_launch(f"s{n}")
    assert len(state.recent) == MAX_RECENT
    assert StateStore(paths).recent == state.recent
    assert state.path.parent == paths.state_dir
    assert not paths.preferences_file.exists()  # state is not preferences


def test_window_geometry_round_trip(paths: Paths) -> None:
    state = StateStore(paths)
    assert state.window_geometry is None
    state.window_geometry = b"\x01\xd9\xd0\xcb\x00"
    assert StateStore(paths).window_geometry == b"\x01\xd9\xd0\xcb\x00"
    state.window_geometry = None
    assert StateStore(paths).window_geometry is None


def test_unreadable_state_starts_afresh(paths: Paths) -> None:
    write(paths.state_dir / "state.json", "{not json")
    state = StateStore(paths)
    assert state.recent == []
    state.record_launch("mail")
    assert StateStore(paths).recent == ["mail"]


def test_state_write_is_atomic(paths: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    state = StateStore(paths)
    state.record_launch("mail")

    def crash(src: Path, dst: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic, "_replace", crash)
    state.record_launch("chat")  # logged, not raised
    assert StateStore(paths).recent == ["mail"]
    assert sorted(os.listdir(paths.state_dir)) == ["state.json"]


SHADOW = "root:$6$Zm9vYmFy$c2VjcmV0aGFzaA:19000:0:99999:7:::\n"
"""Stands in for /etc/shadow: a file the user can read but must never be copied."""


def _every_file_under(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink()
    }


def test_symlinked_preferences_are_neither_read_nor_copied(
    paths: Paths, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    secret = write(tmp_path / "outside" / "shadow", SHADOW)
    paths.user_config_dir.mkdir(parents=True)
    paths.preferences_file.symlink_to(secret)

    settings = load_settings(paths)
    [problem] = settings.problems
    assert problem.file == str(paths.preferences_file)
    assert f"is a symbolic link to {secret}" in problem.message
    assert "neither reads nor copies" in problem.message

    PreferenceStore(paths).save(settings, theme="dark")
    assert "replaced it with a regular file" in caplog.text
    caplog.clear()  # the WARNING is expected here
    assert not paths.preferences_file.is_symlink(), "the link is replaced, not written through"
    assert tomllib.loads(paths.preferences_file.read_text()) == {"version": 1, "theme": "dark"}
    assert secret.read_text() == SHADOW, "the link's target is untouched"
    copies = [
        name for name, data in _every_file_under(paths.user_config_dir).items() if b"root:" in data
    ]
    assert copies == [], "nothing in the config directory holds the target's content"
    assert sorted(os.listdir(paths.user_config_dir)) == ["preferences.toml"]
    assert load_settings(paths).problems == ()


def test_a_link_to_a_valid_preferences_file_is_not_read_either(
    paths: Paths, tmp_path: Path
) -> None:
    elsewhere = write(tmp_path / "dotfiles" / "preferences.toml", 'version = 1\ntheme = "dark"\n')
    paths.user_config_dir.mkdir(parents=True)
    paths.preferences_file.symlink_to(elsewhere)
    settings = load_settings(paths)
    assert settings.preferences.theme != "dark"
    assert "symbolic link" in settings.problems[0].message


def test_a_backup_never_copies_through_a_link(paths: Paths, tmp_path: Path) -> None:
    """Even if the file turns into a link between reading and backing up (a race)."""
    secret = write(tmp_path / "outside" / "shadow", SHADOW)
    link = paths.user_config_dir / "preferences.toml"
    paths.user_config_dir.mkdir(parents=True)
    link.symlink_to(secret)
    with pytest.raises(atomic.NotARegularFileError, match="symbolic link"):
        atomic.copy_regular_file(link, link.with_name("preferences.toml.broken"))
    assert not link.with_name("preferences.toml.broken").exists()


def test_symlinked_state_is_not_read_and_is_replaced(
    paths: Paths, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    target = write(tmp_path / "outside" / "other.json", '{"recent": ["planted"]}')
    paths.state_dir.mkdir(parents=True)
    (paths.state_dir / "state.json").symlink_to(target)
    state = StateStore(paths)
    assert state.recent == []
    assert "symbolic link" in caplog.text
    caplog.clear()  # the WARNING is expected here
    state.record_launch("mail")
    assert not (paths.state_dir / "state.json").is_symlink()
    assert StateStore(paths).recent == ["mail"]
    assert target.read_text() == '{"recent": ["planted"]}'


def _leftover(folder: Path, name: str, *, age_s: float = 3600) -> Path:
    path = write(folder / name, "half a write")
    old = path.stat().st_mtime - age_s
    os.utime(path, (old, old))
    return path


def test_leftovers_of_killed_writes_are_removed(paths: Paths, tmp_path: Path) -> None:
    config, cache = paths.user_config_dir, paths.cache_dir
    killed = [
        _leftover(config, ".preferences.toml.b1tcrcdq.tmp"),
        _leftover(config, ".preferences.toml.x_9k2m0a.tmp"),
        _leftover(paths.state_dir, ".state.json.abcdefgh.tmp"),
        _leftover(cache / "auth", ".discovery-0a1b.json.zz00yy11.tmp"),
    ]
    kept = [
        write(config / "preferences.toml", "version = 1\n"),
        _leftover(config, "notes.tmp"),  # not our pattern
        _leftover(config, ".preferences.toml.short.tmp"),
        _leftover(config, ".preferences.toml.fresh123.tmp", age_s=0),  # perhaps being written
    ]
    outside = tmp_path / "outside"
    foreign = _leftover(outside, ".other.toml.abcdefgh.tmp")
    (cache / "linked").symlink_to(outside, target_is_directory=True)
    (config / ".link.toml.abcdefgh.tmp").symlink_to(foreign)

    assert atomic.remove_leftovers([config, paths.state_dir, cache]) == len(killed)
    assert [p for p in killed if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []
    assert foreign.exists(), "links are not followed"
    assert (config / ".link.toml.abcdefgh.tmp").is_symlink()


def test_a_killed_write_leaves_a_temporary_file_that_the_next_start_removes(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real temporary name: a write killed before the rename (kill -9) leaves it."""
    settings = load_settings(paths)

    def killed(src: Path, dst: Path) -> None:
        old = src.stat().st_mtime - 3600
        os.utime(src, (old, old))
        raise KeyboardInterrupt  # stands in for the kill: no cleanup runs after it

    monkeypatch.setattr(atomic, "_replace", killed)
    monkeypatch.setattr(atomic.Path, "unlink", lambda self: None)  # the kill skips cleanup
    with pytest.raises(KeyboardInterrupt):
        PreferenceStore(paths).save(settings, theme="dark")
    monkeypatch.undo()
    [left] = [p.name for p in paths.user_config_dir.iterdir()]
    assert atomic.LEFTOVER_NAME.match(left), left
    assert atomic.remove_leftovers([paths.user_config_dir]) == 1
    assert list(paths.user_config_dir.iterdir()) == []
