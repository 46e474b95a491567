# SPDX-License-Identifier: EUPL-1.2
"""IT's [links] section: ``config check`` explains a bad template (in both languages),
templates fill safely, the last good copy supplies no link targets, the command line
finds the link in ``workplace URL``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workplace.cli import split_link
from workplace.config.loader import check_file, load_settings
from workplace.config.paths import Paths
from workplace.config.schema import LinkSettings
from workplace.config.urltemplate import fill, fill_meeting

from .conftest import run_cli, write


def problems(tmp_path: Path, section: str) -> list[tuple[str, str]]:
    path = write(tmp_path / "links.toml", "[links]\n" + section)
    return [(p.message, p.message_de) for p in check_file(path)]


@pytest.mark.parametrize(
    ("line", "english", "german"),
    [
        ('mail_compose_url = "https://webmail.example.org/new?an={recipient}"',
         "unknown placeholder {recipient}; allowed are {to}, {cc}, {bcc}, {subject}, {body}, "
         "{mailto}", "unbekannter Platzhalter {recipient}"),
        ('mail_compose_url = "https://{to}.example.org/"',
         "a placeholder may only stand in the path, the query or the fragment",
         "ein Platzhalter darf nur im Pfad, in der Abfrage oder im Fragment stehen"),
        ('mail_compose_url = "https://webmail.example.org/new?subject={subject}"',
         "the template must contain {to} or {mailto}", "muss {to} oder {mailto} enthalten"),
        ('mail_compose_url = "https://webmail.example.org/new?to={to"',
         "a brace is not closed or not opened", "geschweifte Klammer"),
        ('mail_compose_url = "http://webmail.example.org/new?to={to}"',
         "plain http is only allowed for loopback hosts", "unverschlüsseltes http"),
        ('mail_compose_url = "javascript:{to}"',
         "a placeholder may only stand in the path", "ein Platzhalter darf nur"),
        ('mail_compose_url = "https://web\u0430mail.example.org/new?to={to}"',
         "mixes scripts", "mischt Schriften"),
        ('tel_url = "skype:{number}"', "a placeholder may only stand", "Platzhalter"),
        ('tel_url = "sip:{number};transport=tcp"', "a softphone target is written sip:{number}",
         "ein Softphone-Ziel"),
        ('meeting_low_bandwidth_url = "{url}#a{path}"',
         "after {url}# comes a fixed fragment without placeholders", "nach {url}# folgt"),
    ],
)
def test_config_check_explains_a_bad_template(
    tmp_path: Path, line: str, english: str, german: str
) -> None:
    found = problems(tmp_path, line + "\n")
    assert len(found) == 1, found
    message, message_de = found[0]
    assert english in message
    assert german in message_de


def test_config_check_names_file_line_and_key(tmp_path: Path) -> None:
    path = write(tmp_path / "it.toml", """
        [organisation]
        short_name = "X"

        [links]
        mail_compose_url = "https://webmail.example.org/new?an={recipient}"
        """)
    result = run_cli("config", "check", str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:5: links.mail_compose_url: unknown placeholder")


def test_two_targets_for_one_kind_are_an_error(tmp_path: Path) -> None:
    found = problems(tmp_path, 'mail_compose_url = "https://w.example.org/?to={to}"\n'
                     'mail_native_app = "thunderbird"\n')
    assert any("set either mail_compose_url or mail_native_app" in m for m, _ in found)


def test_a_program_missing_from_native_apps_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "it.toml", '[links]\nmail_native_app = "thunderbird"\n')
    found = check_file(path)
    assert [(p.severity, p.path) for p in found] == [("warning", "links.mail_native_app")]
    assert "thunderbird" in found[0].message_de


def test_valid_templates_and_the_built_in_demo() -> None:
    LinkSettings(
        mail_compose_url="https://webmail.example.org/appsuite/#app=io.ox/mail/compose:compose"
        "&mailto={mailto}",
        meeting_low_bandwidth_url="{url}#config.startAudioOnly=true",
        tel_url="sips:{number}@pbx.example.org",
    )
    LinkSettings(tel_url="https://meet.example.org/dial?n={number}")


def test_fill_encodes_every_character_that_could_break_out() -> None:
    filled = fill("https://w.example.org/c?to={to}#s={subject}",
                  {"to": "a@b.example&x=1", "subject": "#/?&=%"})
    assert filled == "https://w.example.org/c?to=a%40b.example%26x%3D1#s=%23%2F%3F%26%3D%25"
    assert fill("https://w.example.org/c?to={to}", {}) == "https://w.example.org/c?to="


def test_fill_meeting_keeps_an_existing_fragment() -> None:
    template = "{url}#config.startAudioOnly=true"
    assert fill_meeting(template, "https://m.example/r#jwt=x") == (
        "https://m.example/r#jwt=x&config.startAudioOnly=true")


def test_the_last_good_copy_supplies_no_link_targets(paths: Paths, it_dir: Path) -> None:
    """A user-writable copy of IT's file must not decide where e-mail links go."""
    main = write(it_dir / "workplace.toml", """
        [links]
        mail_compose_url = "https://webmail.example.org/new?to={to}"
        """)
    good = load_settings(paths)
    assert good.tenant.links.mail_compose_url.startswith("https://webmail.example.org/")
    cached = sorted(paths.cache_dir.rglob("*.json"))
    assert cached, "no last good copy was written"
    for copy in cached:
        data = json.loads(copy.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "data" in data:
            data["data"].setdefault("links", {})["mail_compose_url"] = (
                "https://phish.example.net/?to={to}")
            copy.write_text(json.dumps(data), encoding="utf-8")
    main.write_text("[links\n", encoding="utf-8")  # IT's file breaks
    fallback = load_settings(paths)
    assert fallback.errors
    assert fallback.tenant.links.mail_compose_url == ""


@pytest.mark.parametrize(
    ("argv", "rest", "link"),
    [
        (["mailto:a@b.example"], [], "mailto:a@b.example"),
        (["--config", "/etc/x.toml", "matrix:u/a:b.example"], ["--config", "/etc/x.toml"],
         "matrix:u/a:b.example"),
        (["--debug", "arbeitsplatz://open/mail"], ["--debug"], "arbeitsplatz://open/mail"),
        (["--config", "C:\\org.toml"], ["--config", "C:\\org.toml"], None),
        (["open", "mail"], ["open", "mail"], None),
        (["links", "explain", "mailto:x@y.example"], ["links", "explain", "mailto:x@y.example"],
         None),
        (["C:\\file.txt"], ["C:\\file.txt"], None),
        ([], [], None),
    ],
)
def test_the_link_of_workplace_url(argv: list[str], rest: list[str], link: str | None) -> None:
    assert split_link(argv) == (rest, link)


def test_links_explain_on_the_command_line(tmp_path: Path) -> None:
    path = write(tmp_path / "it.toml", """
        [links]
        mail_compose_url = "https://mail.example.org/new?to={to}&subject={subject}"

        [[services]]
        id = "mail"
        name = "Mail"
        url = "https://mail.example.org/"
        """)
    ok = run_cli("--config", str(path), "links", "explain", "mailto:erika@b.example?subject=Hi")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == (
        "opens the service mail at https://mail.example.org/new?to=erika%40b.example&subject=Hi")
    no = run_cli("--config", str(path), "links", "explain", "file:///etc/passwd")
    assert no.returncode == 1
    assert no.stdout.startswith("refuses it (unsupported):")
