# SPDX-License-Identifier: EUPL-1.2
"""Layers: defaults, IT files (system dirs or --config), user preferences, policy locks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workplace.config.loader import BUILTIN_SOURCE, load_settings
from workplace.config.paths import Paths, resolve_override
from workplace.config.platform_policy import PolicyLayer
from workplace.config.settings import ConfigProblem, Origin

from .conftest import write

TENANT = """
[organisation]
name = "{name}"
accent_colour = "#112233"

[[categories]]
id = "communication"
name = {{ de = "Kommunikation", en = "Communication" }}

[[services]]
id = "mail"
name = {{ de = "E-Mail", en = "Mail" }}
category = "communication"
url = "https://mail.example/"
"""


def test_no_it_file_means_builtin_demo_tenant(paths: Paths) -> None:
    settings = load_settings(paths)
    assert settings.problems == ()
    assert settings.it_sources == (BUILTIN_SOURCE,)
    assert settings.tenant.organisation.short_name == "Musterstadt"
    assert len(settings.tenant.services) == 10
    assert settings.origin("services[0].url") == Origin("default", BUILTIN_SOURCE)
    assert settings.origin("language") == Origin("default", "built-in")


def test_it_file_replaces_the_demo_tenant_and_knows_origins(paths: Paths, it_dir: Path) -> None:
    main = write(it_dir / "workplace.toml", TENANT.format(name="Stadt A"))
    settings = load_settings(paths)
    assert settings.problems == ()
    assert settings.it_sources == (str(main),)
    assert [s.id for s in settings.tenant.services] == ["mail"]
    assert settings.origin("organisation.name.de") == Origin("it", str(main))
    assert settings.origin("services[0].url") == Origin("it", str(main))
    # not in the file: the schema default
    assert settings.origin("organisation.short_name") == Origin("default", "built-in")
    assert settings.origin("services[0].zone") == Origin("default", "built-in")


def test_conf_d_merges_tables_and_replaces_lists(paths: Paths, it_dir: Path) -> None:
    main = write(it_dir / "workplace.toml", TENANT.format(name="Stadt A"))
    late = write(
        it_dir / "conf.d" / "20-branding.toml",
        '[organisation]\nshort_name = "SA"\n[identity_provider]\nscopes = ["openid"]\n',
    )
    early = write(it_dir / "conf.d" / "10-name.json", '{"organisation": {"short_name": "X"}}')
    write(it_dir / "conf.d" / "README", "not a config file")
    write(it_dir / "conf.d" / ".30-editor-swap.toml", "garbage = [")
    settings = load_settings(paths)
    assert settings.problems == ()
    assert settings.it_sources == (str(main), str(early), str(late))
    org = settings.tenant.organisation
    assert (org.name.de, org.short_name, org.accent_colour) == ("Stadt A", "SA", "#112233")
    assert settings.tenant.identity_provider.scopes == ["openid"]
    assert settings.origin("organisation.short_name") == Origin("it", str(late))
    assert settings.origin("organisation.accent_colour") == Origin("it", str(main))
    assert settings.origin("identity_provider.scopes") == Origin("it", str(late))


def test_first_xdg_config_dir_has_priority(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    high, low = tmp_path / "high", tmp_path / "low"
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{high}:{low}")
    write(low / "workplace" / "workplace.toml", TENANT.format(name="Low"))
    write(low / "workplace" / "conf.d" / "90-late.toml", '[organisation]\nshort_name = "low"\n')
    top = write(high / "workplace" / "workplace.json", '{"organisation": {"short_name": "high"}}')
    settings = load_settings(Paths.from_environment())
    assert settings.problems == ()
    assert settings.tenant.organisation.short_name == "high"
    assert settings.tenant.organisation.name.de == "Low"
    assert settings.origin("organisation.short_name") == Origin("it", str(top))


def test_toml_wins_over_json_in_one_dir(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml", TENANT.format(name="T"))
    write(it_dir / "workplace.json", '{"organisation": {"short_name": "J"}}')
    settings = load_settings(paths)
    assert settings.tenant.organisation.name.de == "T"
    assert settings.tenant.organisation.short_name == ""
    [problem] = settings.problems
    assert problem.severity == "warning"
    assert "ignored because workplace.toml exists" in problem.message


def test_override_replaces_system_files(paths: Paths, it_dir: Path, tmp_path: Path) -> None:
    write(it_dir / "workplace.toml", TENANT.format(name="System"))
    override = write(tmp_path / "mine.toml", TENANT.format(name="Mine"))
    settings = load_settings(paths, override)
    assert settings.tenant.organisation.name.de == "Mine"
    assert settings.it_sources == (str(override),)


def test_resolve_override_prefers_the_option() -> None:
    env = {"WORKPLACE_CONFIG": "/env.toml"}
    assert resolve_override("/cli.toml", env) == Path("/cli.toml")
    assert resolve_override(None, env) == Path("/env.toml")
    assert resolve_override(None, {}) is None
    assert resolve_override(None, {"WORKPLACE_CONFIG": ""}) is None


def test_user_overrides_it_presets_except_locked(paths: Paths, it_dir: Path) -> None:
    it_file = write(
        it_dir / "workplace.toml",
        TENANT.format(name="A")
        + '\n[preferences]\ntheme = "dark"\nlanguage = "de"\nclose_to_tray = false\n'
        + '\n[policy]\nlocked = ["language", "start_at_login"]\n',
    )
    user_file = write(
        paths.preferences_file,
        'version = 1\ntheme = "light"\nlanguage = "en"\nstart_at_login = true\n',
    )
    settings = load_settings(paths)
    prefs = settings.preferences
    assert (prefs.theme, prefs.language, prefs.close_to_tray, prefs.start_at_login) == (
        "light",
        "de",
        False,
        False,
    )
    assert settings.problems == ()  # a locked key in the user file is ignored silently
    assert settings.locked == {"language", "start_at_login"}
    assert settings.is_locked("language") and settings.is_locked("preferences.language")
    assert not settings.is_locked("theme")
    assert settings.origin("theme") == Origin("user", str(user_file))
    assert settings.origin("preferences.theme") == Origin("user", str(user_file))
    assert settings.origin("close_to_tray") == Origin("it", str(it_file))
    assert settings.origin("language") == Origin("policy", str(it_file))
    assert settings.origin("start_at_login") == Origin("policy", str(it_file))
    assert settings.origin("notifications") == Origin("default", "built-in")


def test_broken_user_file_gives_problems_and_defaults(paths: Paths) -> None:
    write(paths.preferences_file, 'version = 1\ntheme = "dark"\nlanguage = \n')
    settings = load_settings(paths)
    assert settings.preferences.theme == "system"
    [problem] = settings.problems
    assert (problem.file, problem.line) == (str(paths.preferences_file), 3)
    assert "your preferences are ignored" in problem.message


def test_one_bad_user_value_keeps_the_others(paths: Paths) -> None:
    write(paths.preferences_file, 'version = 1\ntheme = "pink"\nfavourites = ["mail"]\nfoo = 1\n')
    settings = load_settings(paths)
    assert settings.preferences.favourites == ["mail"]
    assert settings.preferences.theme == "system"
    assert [(p.line, p.path) for p in settings.problems] == [(2, "theme"), (4, "foo")]


def test_broken_it_file_without_cache_runs_on_defaults(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml",
          '[organisation]\nname = "A"\naccent_colour = "red"\n\n[[services]]\nid = "x"\n')
    settings = load_settings(paths)
    assert settings.tenant.services == []
    assert settings.tenant.organisation.name.de == "Arbeitsplatz"
    assert [p.line for p in settings.errors][:3] == [3, 5, 5]
    assert "no earlier good copy exists; running with the defaults" in str(settings.problems[-1])


def test_a_broken_service_is_left_out_and_the_rest_is_used(paths: Paths, it_dir: Path) -> None:
    main = write(it_dir / "workplace.toml", TENANT.format(name="Stadt A"))
    extra = write(it_dir / "conf.d" / "20-more.toml", (
        '[[services]]\nid = "files"\nname = "Dateien"\nurl = "https://files.example/"\n\n'
        '[[services]]\nid = "chat"\nname = "Chat"\nurl = "javascript:alert(1)"\n\n'
        '[[services]]\nid = "files"\nname = "Twice"\nurl = "https://twice.example/"\n'
    ))
    settings = load_settings(paths)

    assert settings.tenant.organisation.name.de == "Stadt A"  # not the defaults
    assert [s.id for s in settings.tenant.services] == ["files"]  # lists are replaced
    errors = [(p.file, p.line, p.path) for p in settings.errors]
    assert errors == [(str(extra), 9, "services[1].url"), (str(extra), 12, "services[2].id")]
    assert all(p.message.endswith("this entry is left out") for p in settings.errors)
    assert not list(paths.cache_dir.glob("last-good-it-*.json"))  # incomplete: not saved
    assert main.exists()


def test_a_broken_category_is_left_out_and_its_services_go_to_other(
    paths: Paths, it_dir: Path
) -> None:
    write(it_dir / "workplace.toml", TENANT.format(name="Stadt A").replace(
        'id = "communication"', 'id = "Kommunikation!"'))
    settings = load_settings(paths)
    assert settings.tenant.categories == []
    assert [s.id for s in settings.tenant.services] == ["mail"]
    assert [p.severity for p in settings.problems] == ["error", "warning"]
    assert "is not declared" in settings.problems[1].message


def test_a_broken_organisation_is_not_salvaged(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml", TENANT.format(name="Good"))
    load_settings(paths)  # the last good copy
    write(it_dir / "conf.d" / "50-bad.toml",
          '[organisation]\naccent_colour = "red"\n\n[[services]]\nid = "x"\n')
    settings = load_settings(paths)
    assert settings.tenant.organisation.name.de == "Good"
    assert [s.id for s in settings.tenant.services] == ["mail"]
    assert "running on the last good configuration" in str(settings.problems[-1])


def test_broken_it_file_falls_back_to_last_good(paths: Paths, it_dir: Path) -> None:
    main = write(it_dir / "workplace.toml", TENANT.format(name="Good"))
    good = load_settings(paths)
    assert good.problems == ()
    cached = list(paths.cache_dir.glob("last-good-it-*.json"))
    assert len(cached) == 1
    assert json.loads(cached[0].read_text())["data"]["organisation"]["name"] == "Good"

    write(it_dir / "conf.d" / "50-bad.toml", "[organisation\n")
    settings = load_settings(paths)
    assert settings.tenant.organisation.name.de == "Good"
    assert [s.id for s in settings.tenant.services] == ["mail"]
    first, last = settings.problems
    assert (first.file, first.line) == (str(it_dir / "conf.d" / "50-bad.toml"), 1)
    assert "running on the last good configuration" in last.message
    origin = settings.origin("organisation.name.de")
    assert origin.layer == "it"
    assert origin.source.startswith(f"{main} (last good copy of ")
    # the cache still holds the good version
    assert json.loads(cached[0].read_text())["data"]["organisation"]["name"] == "Good"


def test_semantic_error_also_falls_back(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml", TENANT.format(name="Good"))
    load_settings(paths)
    bad = TENANT.format(name="Bad") + '\n[identity_provider]\nissuer = "javascript:alert(1)"\n'
    write(it_dir / "workplace.toml", bad)
    settings = load_settings(paths)
    assert settings.tenant.organisation.name.de == "Good"  # outside any entry: last good
    assert settings.errors[0].line == 16
    assert settings.errors[0].path == "identity_provider.issuer"


def test_warnings_do_not_trigger_fallback(paths: Paths, it_dir: Path) -> None:
    text = TENANT.format(name="A").replace('category = "communication"', 'category = "nope"')
    write(it_dir / "workplace.toml", text)
    settings = load_settings(paths)
    assert settings.errors == ()
    assert settings.problems[0].path == "services[0].category"
    assert [s.id for s in settings.tenant.services] == ["mail"]


def test_empty_it_file_is_an_empty_tenant(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml", "")
    settings = load_settings(paths)
    assert settings.problems == ()
    assert settings.tenant.services == []


def test_missing_override_is_a_problem_not_a_crash(paths: Paths, tmp_path: Path) -> None:
    settings = load_settings(paths, tmp_path / "nope.toml")
    assert settings.problems[0] == ConfigProblem(
        str(tmp_path / "nope.toml"), None, "", "file not found"
    )
    assert settings.tenant.services == []


def test_problem_format() -> None:
    assert (
        str(ConfigProblem("a.toml", 3, "services[1].url", "bad"))
        == "a.toml:3: services[1].url: bad"
    )
    assert str(ConfigProblem("a.toml", None, "x", "bad")) == "a.toml: x: bad"
    assert str(ConfigProblem("a.toml", 2, "", "bad")) == "a.toml:2: bad"
    assert str(ConfigProblem("a.toml", 2, "x", "odd", "warning")) == "a.toml:2: x: warning: odd"


def test_settings_are_immutable(paths: Paths) -> None:
    settings = load_settings(paths)
    with pytest.raises(AttributeError):
        settings.tenant = settings.tenant  # type: ignore[misc]
    with pytest.raises(TypeError):
        settings.origins["x"] = Origin("it", "x")  # type: ignore[index]


# --------------------------------------------------------------------------- OS policy


def _layer(
    source: str, mandatory: bool, data: dict[str, Any], locked: frozenset[str] = frozenset()
) -> PolicyLayer:
    return PolicyLayer(source, mandatory, data, locked, ("badName: not a number",))


def test_os_policy_layers_win_over_files_and_lock(paths: Paths, it_dir: Path) -> None:
    it_file = write(
        it_dir / "workplace.toml",
        TENANT.format(name="File") + '\n[preferences]\ntheme = "dark"\n',
    )
    write(
        paths.preferences_file,
        'version = 1\nlanguage = "en"\ntheme = "light"\nhigh_contrast = true\n',
    )
    recommended = _layer("HKLM\\...\\Recommended", False, {"preferences": {"high_contrast": False}})
    mandatory = _layer(
        "HKLM\\Software\\Policies\\Arbeitsplatz\\Workplace",
        True,
        {"organisation": {"short_name": "GPO"}, "preferences": {"language": "de"}},
        frozenset({"language"}),
    )
    settings = load_settings(paths, policy_layers=[recommended, mandatory])
    assert settings.tenant.organisation.short_name == "GPO"
    assert settings.tenant.organisation.name.de == "File"
    assert settings.origin("organisation.short_name") == Origin("it", mandatory.source)
    assert settings.preferences.language == "de"  # the user's "en" loses to the lock
    assert settings.origin("language") == Origin("policy", mandatory.source)
    assert settings.is_locked("language")
    assert settings.preferences.theme == "light"  # not locked: the user wins
    assert settings.preferences.high_contrast is True  # recommended is only a preset
    assert settings.origin("theme").layer == "user"
    assert settings.it_sources == (str(it_file), recommended.source, mandatory.source)
    assert [(p.file, p.path, p.severity) for p in settings.problems] == [
        (recommended.source, "badName", "warning"),
        (mandatory.source, "badName", "warning"),
    ]


def test_os_policy_lock_holds_when_files_fall_back(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml", "[organisation\n")
    write(paths.preferences_file, 'version = 1\nlanguage = "en"\n')
    mandatory = _layer("GPO", True, {"preferences": {"language": "de"}}, frozenset({"language"}))
    settings = load_settings(paths, policy_layers=[mandatory])
    assert settings.errors
    assert settings.preferences.language == "de"
    assert settings.origin("language") == Origin("policy", "GPO")


def test_os_policy_alone_replaces_the_demo_tenant(paths: Paths) -> None:
    mandatory = _layer("GPO", True, {"organisation": {"short_name": "GPO"}})
    settings = load_settings(paths, policy_layers=[mandatory])
    assert settings.tenant.services == []
    assert settings.tenant.organisation.short_name == "GPO"


def test_warnings_are_reported_once_when_an_entry_is_left_out(
    paths: Paths, it_dir: Path
) -> None:
    text = TENANT.format(name="Stadt A").replace('category = "communication"',
                                                 'category = "nope"')
    text += '\n[[services]]\nid = "mail"\nname = "Twice"\nurl = "https://twice.example/"\n'
    write(it_dir / "workplace.toml", text)
    settings = load_settings(paths)
    assert [s.name.de for s in settings.tenant.services] == ["E-Mail"]
    kinds = [(p.path, p.severity, p.message.endswith("left out")) for p in settings.problems]
    assert kinds == [("services[0].category", "warning", False),
                     ("services[1].id", "error", True)]
