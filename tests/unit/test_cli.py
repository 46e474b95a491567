# SPDX-License-Identifier: EUPL-1.2
"""The command line as a real process: output, exit codes, and never a traceback."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from workplace.config.paths import Paths

from .conftest import run_cli, write

GOOD = """
[organisation]
name = "Stadt A"

[[services]]
id = "mail"
name = { de = "E-Mail", en = "Mail" }
url = "https://mail.example/"
keywords = ["Post"]

[[services]]
id = "files"
name = { de = "Dateien", en = "Files" }
url = "https://files.example/"
"""


def test_check_ok(tmp_path: Path) -> None:
    path = write(tmp_path / "ok.toml", GOOD)
    result = run_cli("config", "check", str(path))
    assert (result.returncode, result.stdout, result.stderr) == (0, "OK\n", "")


def test_check_reports_every_problem(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.toml",
        GOOD.replace("https://files.example/", "javascript:alert(1)").replace(
            'name = "Stadt A"', 'name = "Stadt A"\ncolour = "red"'
        ),
    )
    result = run_cli("config", "check", str(path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:3: organisation.colour: unknown key 'colour'; did you mean 'accent_colour'?",
        f"{path}:14: services[1].url: scheme 'javascript' is not allowed; use https",
    ]


def test_check_shows_warnings_next_to_the_entries_left_out(tmp_path: Path) -> None:
    path = write(
        tmp_path / "mixed.toml",
        GOOD.replace("https://files.example/", "javascript:alert(1)").replace(
            'keywords = ["Post"]', 'category = "nope"'),
    )
    result = run_cli("config", "check", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:8: services[0].category: warning: ")
    assert lines[1] == (f"{path}:13: services[1].url: scheme 'javascript' is not allowed; "
                        "use https; this entry is left out")


def test_check_broken_missing_and_empty(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.toml", "[organisation\n")
    result = run_cli("config", "check", str(broken))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{broken}:1: TOML syntax error:")

    result = run_cli("config", "check", str(tmp_path / "missing.toml"))
    assert (result.returncode, result.stdout) == (
        1,
        f"{tmp_path / 'missing.toml'}: file not found\n",
    )

    empty = write(tmp_path / "empty.toml", "")
    result = run_cli("config", "check", str(empty))
    assert result.returncode == 0
    assert result.stdout.startswith("OK (empty file: an empty tenant")


def test_check_warnings_still_ok(tmp_path: Path) -> None:
    path = write(tmp_path / "warn.toml", GOOD.replace('keywords = ["Post"]', 'category = "nope"'))
    result = run_cli("config", "check", str(path))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:8: services[0].category: warning: ")
    assert lines[1] == "OK (1 warning)"


def test_check_preferences_file(tmp_path: Path) -> None:
    path = write(tmp_path / "preferences.toml", 'version = 1\ntheme = "pink"\n')
    result = run_cli("config", "check", "--preferences", str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:2: theme: must be 'system', 'light' or 'dark'")


def test_show_with_origins(paths: Paths, tmp_path: Path) -> None:
    config = write(tmp_path / "it.toml", GOOD + '\n[policy]\nlocked = ["theme"]\n')
    write(paths.preferences_file, 'version = 1\nlanguage = "de"\n')
    result = run_cli("--config", str(config), "config", "show", "--origin")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f'organisation.name.de = "Stadt A"  # it: {config}' in lines
    assert 'organisation.accent_colour = "#0b5cad"  # default: built-in' in lines
    assert f'preferences.language = "de"  # user: {paths.preferences_file}' in lines
    assert f'preferences.theme = "system"  # policy: {config} (locked)' in lines


def test_show_json_with_env_config(paths: Paths, tmp_path: Path) -> None:
    config = write(tmp_path / "it.toml", GOOD)
    result = run_cli("config", "show", "--json", "--origin", env={"WORKPLACE_CONFIG": str(config)})
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert document["configuration"]["organisation"]["name"]["de"] == "Stadt A"
    assert document["it_sources"] == [str(config)]
    assert document["origins"]["services[1].url"] == {"layer": "it", "source": str(config)}
    assert document["problems"] == []


def test_show_reports_problems_on_stderr(tmp_path: Path) -> None:
    config = write(tmp_path / "it.toml", "[organisation\n")
    result = run_cli("--config", str(config), "config", "show")
    assert result.returncode == 1  # what is in effect is still printed
    assert f"workplace: {config}:1: TOML syntax error" in result.stderr
    assert 'organisation.name.en = "Workplace"' in result.stdout


def test_schema() -> None:
    result = run_cli("config", "schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    service = schema["$defs"]["Service"]["properties"]
    assert service["url"]["description"] == "Web address (https)."
    assert service["url"]["x-description-de"] == "Webadresse (https)."
    presets = schema["properties"]["preferences"]
    assert presets["properties"]["theme"]["enum"] == ["system", "light", "dark"]
    assert presets["additionalProperties"] is False
    # Every field has a default in the schema, also those made by a factory, except
    # the required ones.
    for name, definition in [("", schema), *schema["$defs"].items()]:
        required = set(definition.get("required", []))
        for field, spec in definition.get("properties", {}).items():
            assert field in required or "default" in spec, f"{name}.{field}"
    assert schema["$defs"]["Organisation"]["properties"]["name"]["default"] == {
        "de": "Arbeitsplatz", "en": "Workplace"}
    assert presets["properties"]["favourites"]["default"] == []


def test_services_text_and_json(tmp_path: Path) -> None:
    german = {"LANG": "de_DE.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    result = run_cli("services", env=german)
    assert result.returncode == 0
    assert result.stdout.startswith("Kommunikation:\n")
    assert "   mail      E-Mail" in result.stdout

    config = write(tmp_path / "it.toml", GOOD)
    result = run_cli("--config", str(config), "services", "--json")
    document = json.loads(result.stdout)
    assert [c["id"] for c in document["categories"]] == ["other"]
    assert [s["id"] for s in document["categories"][0]["services"]] == ["mail", "files"]


def test_open_uses_browser_env(tmp_path: Path, paths: Paths) -> None:
    out = tmp_path / "argv.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{out}"\n')
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    config = write(tmp_path / "it.toml", GOOD)
    result = run_cli("--config", str(config), "open", "files", env={"BROWSER": str(browser)})
    assert result.returncode == 0, result.stderr
    assert out.read_text() == "https://files.example/\n"
    assert result.stdout == "opened files: https://files.example/\n"
    state = json.loads((paths.state_dir / "state.json").read_text())
    assert state["recent"] == ["files"]


def test_open_unknown_service_suggests(tmp_path: Path) -> None:
    result = run_cli("open", "mial")
    assert result.returncode == 1
    assert result.stderr == "workplace: error: unknown service 'mial'; did you mean: mail?\n"
    assert result.stdout == ""


def test_open_native_app_missing(tmp_path: Path) -> None:
    config = write(
        tmp_path / "it.toml",
        GOOD.replace('keywords = ["Post"]', 'native_app = "mailer"')
        + f'\n[native_apps.mailer.linux]\nexec = "{tmp_path / "nothing"}"\n',
    )
    result = run_cli("--config", str(config), "open", "mail")
    assert result.returncode == 1
    assert result.stderr == (
        f"workplace: error: cannot open mail: the application is not installed: "
        f"{tmp_path / 'nothing'} does not exist\n"
    )


def test_usage_errors_exit_2() -> None:
    result = run_cli("config")
    assert result.returncode == 2
    assert "workplace: error:" in result.stderr


def test_non_utf8_and_huge_files_never_traceback(tmp_path: Path) -> None:
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'name = "\xdcbach"\n')
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (2 * 1024 * 1024))
    result = run_cli("config", "check", str(latin), str(huge))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{latin}:1: not UTF-8 text: byte 0xdc cannot be decoded; save as UTF-8",
        f"{huge}: file is larger than 1024 KiB; a configuration file this big is refused unread",
    ]


def test_window_without_display_says_why(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Without any display Qt would abort the process with a core dump.
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    result = run_cli()
    assert result.returncode == 1
    assert "no display found" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_file_nested_too_deeply_is_a_problem_not_a_crash(tmp_path: Path, suffix: str) -> None:
    deep = ("a = " + "[" * 20000 + "]" * 20000 + "\n") if suffix == ".toml" else (
        '{"a": ' + "[" * 20000 + "]" * 20000 + "}")
    config = write(tmp_path / f"it{suffix}", deep)
    checked = run_cli("config", "check", str(config))
    assert checked.returncode == 1
    assert f"{config}: {suffix[1:].upper()} syntax error: nested too deeply" in checked.stdout
    listed = run_cli("--config", str(config), "services")
    assert listed.returncode == 1 and "nested too deeply" in listed.stderr
    assert "Traceback" not in checked.stderr + listed.stderr


def test_deeply_nested_preferences_cost_only_the_preferences(tmp_path: Path) -> None:
    config_home = tmp_path / "config-home"
    write(config_home / "workplace" / "preferences.toml",
          "favourites = " + "[" * 20000 + "]" * 20000 + "\n")
    result = run_cli("services", env={"XDG_CONFIG_HOME": str(config_home)})
    assert "preferences.toml: TOML syntax error: nested too deeply" in result.stderr
    assert "mail" in result.stdout  # the organisation's services are all still there


# A command that fails with a bug (not a handled error): the real CLI in a real process,
# with one command's handler replaced by one that raises before main() runs.
_CRASHING = (
    "import sys, workplace.commands.services as s\n"
    "def run(args, workplace):\n"
    "    raise RuntimeError('the bug')\n"
    "s.run = run\n"
    "from workplace.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.mark.parametrize("json_log", [False, True])
def test_a_bug_in_a_command_is_one_line_for_the_user_and_a_traceback_in_the_json_log(
    tmp_path: Path, json_log: bool
) -> None:
    import subprocess
    import sys

    config = write(tmp_path / "t.toml", GOOD)
    args = ["--log-json"] if json_log else []
    result = subprocess.run(
        [sys.executable, "-c", _CRASHING, *args, "--config", str(config), "services"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 1
    assert "workplace: error: the bug" in result.stderr
    entries = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    if json_log:
        crash = [e for e in entries if e.get("level") == "ERROR"]
        assert len(crash) == 1, result.stderr
        assert "RuntimeError: the bug" in crash[0]["traceback"]
    else:
        assert "Traceback" not in result.stderr
        assert entries == []
