# SPDX-License-Identifier: EUPL-1.2
"""One IT file checked on its own: every kind of bad input, each reported at its line."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from workplace.config.loader import check_file, inspect_file
from workplace.config.sources import MAX_FILE_BYTES

from .conftest import write

SERVICE = """
[[services]]
id = "{id}"
name = "{id}"
url = "https://{id}.example/"
"""


def messages(path: Path) -> list[str]:
    return [str(p) for p in check_file(path)]


def test_builtin_tenant_is_valid() -> None:
    builtin = resources.files("workplace.resources") / "tenants" / "musterstadt.toml"
    with resources.as_file(builtin) as path:
        report = inspect_file(path)
    assert report.problems == []
    assert report.tenant is not None
    assert len(report.tenant.services) == 10


def test_valid_file_has_no_problems(tmp_path: Path) -> None:
    path = write(tmp_path / "ok.toml", SERVICE.format(id="mail"))
    assert check_file(path) == []


def test_wrong_types_are_reported_at_their_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path / "types.toml",
        """
        [organisation]
        name = 5
        accent_colour = "blue"

        [[services]]
        id = "mail"
        name = "Mail"
        url = "https://mail.example/"
        keywords = ["a", 3]
        zone = "everywhere"
        """,
    )
    assert messages(path) == [
        f"{path}:2: organisation.name: must be a text or a table with de and en, "
        'e.g. { de = "…", en = "…" } (got 5)',
        f"{path}:3: organisation.accent_colour: must be a colour written #RRGGBB, "
        "e.g. #0b5cad (got 'blue')",
        f"{path}:9: services[0].keywords[1]: must be a valid string (got 3)",
        f"{path}:10: services[0].zone: must be 'anywhere' or 'intranet' (got 'everywhere')",
    ]


def test_unknown_keys_suggest_the_right_one(tmp_path: Path) -> None:
    path = write(
        tmp_path / "keys.toml",
        """
        [organisation]
        nmae = "Stadt"

        [[services]]
        id = "mail"
        name = "Mail"
        url = "https://mail.example/"
        categroy = "x"

        [colours]
        a = 1
        """,
    )
    problems = messages(path)
    assert f"{path}:2: organisation.nmae: unknown key 'nmae'; did you mean 'name'?" in problems
    assert (
        f"{path}:8: services[0].categroy: unknown key 'categroy'; did you mean 'category'?"
        in problems
    )
    assert any(p.startswith(f"{path}:10: colours: unknown key 'colours'") for p in problems)
    assert len(problems) == 3


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", "scheme 'javascript' is not allowed"),
        ("file:///etc/passwd", "scheme 'file' is not allowed"),
        ("http://mail.example/", "plain http is only allowed for loopback hosts"),
        ("https://good.example@evil.example/", "user info in URLs"),
        ("\\\\\\\\server\\\\share", "UNC and scheme-relative paths"),
        ("https://pаypal.example/", "mixes scripts"),  # Cyrillic а
        # the look-alikes of issue 9, item 4 (TOML escapes, so the file holds the characters)
        ("https://\\u0261oogle.example/", "U+0261 LATIN SMALL LETTER SCRIPT G"),
        ("https://goog\\u217Ce.example/", "U+217C SMALL ROMAN NUMERAL FIFTY"),
        ("https://m\\u0131crosoft.example/", "looks exactly like a name in plain ASCII"),
        ("https://\\u0440\\u0430\\u0440\\u0430.example/", "looks exactly like a name in plain"),
        ("https://mail.example/invoice\\u202Efdp.exe", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ],
)
def test_unsafe_urls(tmp_path: Path, url: str, reason: str) -> None:
    path = write(
        tmp_path / "urls.toml",
        f"""
        [[services]]
        id = "mail"
        name = "Mail"

        url = "{url}"
        """,
    )
    [problem] = check_file(path)
    assert (problem.line, problem.path) == (5, "services[0].url")
    assert reason in problem.message
    assert problem.text("de").startswith(f"{path}:5: services[0].url: ")
    assert problem.message_de and problem.message_de != problem.message, "said in German too"


def test_duplicate_ids_are_reported_at_the_duplicate(tmp_path: Path) -> None:
    text = "".join(SERVICE.format(id=i) for i in ("a", "b", "c", "d", "b"))
    text += '\n[[categories]]\nid = "x"\nname = "X"\n\n[[categories]]\nid = "x"\nname = "Y"\n'
    path = write(tmp_path / "dup.toml", text)
    lines = path.read_text().splitlines()
    service_line = [i for i, t in enumerate(lines, 1) if t == 'id = "b"'][1]
    category_line = [i for i, t in enumerate(lines, 1) if t == 'id = "x"'][1]
    assert messages(path) == [  # what the launcher does with them is said too
        f"{path}:{service_line}: services[4].id: duplicate service id 'b'; "
        "first used at services[1]; this entry is left out",
        f"{path}:{category_line}: categories[1].id: duplicate category id 'x'; "
        "first used at categories[0]; this entry is left out",
    ]


def test_undeclared_category_and_unknown_native_app_are_warnings(tmp_path: Path) -> None:
    path = write(
        tmp_path / "refs.toml",
        """
        [[categories]]
        id = "office"
        name = "Office"

        [[services]]
        id = "mail"
        name = "Mail"
        category = "communication"
        native_app = "thunderbird"
        url = "https://mail.example/"
        """,
    )
    report = inspect_file(path)
    assert report.ok
    assert [(p.line, p.path, p.severity) for p in report.problems] == [
        (8, "services[0].category", "warning"),
        (9, "services[0].native_app", "warning"),
    ]
    assert str(report.problems[0]).startswith(f"{path}:8: services[0].category: warning: ")


def test_broken_toml_reports_line(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.toml", '[organisation]\nname = "a"\nshort_name = \n')
    [problem] = check_file(path)
    assert problem.line == 3
    assert problem.message.startswith("TOML syntax error: ")
    assert str(problem).startswith(f"{path}:3: TOML syntax error: ")


def test_broken_json_reports_line(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.json", '{\n  "organisation": {\n    "name": "a",\n  }\n}\n')
    [problem] = check_file(path)
    assert problem.line == 4
    assert problem.message.startswith("JSON syntax error: ")


def test_json_values_are_located(tmp_path: Path) -> None:
    document = {
        "services": [
            {"id": "mail", "name": "Mail", "url": "https://mail.example/"},
            {"id": "chat", "name": "Chat", "url": "javascript:alert(1)"},
        ]
    }
    path = tmp_path / "tenant.json"
    path.write_text(json.dumps(document, indent=2))
    [problem] = check_file(path)
    line = path.read_text().splitlines().index('      "url": "javascript:alert(1)"') + 1
    assert (problem.line, problem.path) == (line, "services[1].url")


def test_json_duplicate_keys_warn(tmp_path: Path) -> None:
    path = write(
        tmp_path / "dup.json", '{\n"organisation": {"short_name": "a",\n"short_name": "b"}}'
    )
    [problem] = check_file(path)
    assert (problem.line, problem.path, problem.severity) == (
        3,
        "organisation.short_name",
        "warning",
    )


def test_json_top_level_must_be_object(tmp_path: Path) -> None:
    path = write(tmp_path / "list.json", "[1, 2]")
    assert messages(path) == [f"{path}:1: the top level must be a JSON object {{ ... }}"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("empty.toml", ""),
        ("empty.toml", "\n\n"),
        ("empty.toml", "# only a comment\n"),
        ("empty.json", ""),
        ("empty.json", "  \n"),
    ],
)
def test_empty_file_is_an_empty_tenant(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    report = inspect_file(path)
    assert report.problems == []
    assert report.empty
    assert report.tenant is not None and report.tenant.services == []


def test_huge_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.write(b"# " + b"x" * (MAX_FILE_BYTES + 10) + b"\n")
    assert messages(path) == [
        f"{path}: file is larger than 1024 KiB; a configuration file this big is refused unread"
    ]


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"# " + b"x" * (MAX_FILE_BYTES - 3) + b"\n")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert check_file(path) == []


def test_non_utf8_bytes_report_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(
        '[organisation]\nshort_name = "Stadt"\nname = "Gemeinde Übach"\n'.encode("latin-1")
    )
    [problem] = check_file(path)
    assert problem.line == 3
    assert "not UTF-8 text: byte 0xdc" in problem.message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + SERVICE.format(id="mail").encode())
    assert check_file(path) == []


@pytest.mark.parametrize("name", ["tenant.yaml", "tenant", "tenant.ini"])
def test_unknown_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("x = 1")
    [problem] = check_file(path)
    assert "unknown file type" in problem.message
    assert "use .toml or .json" in problem.message


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    assert messages(tmp_path / "nope.toml") == [f"{tmp_path / 'nope.toml'}: file not found"]
    directory = tmp_path / "dir.toml"
    directory.mkdir()
    assert messages(directory) == [f"{directory}: is a directory, not a file"]


def test_missing_required_key_points_at_the_table(tmp_path: Path) -> None:
    path = write(tmp_path / "missing.toml", '[[services]]\nid = "mail"\n\n[[services]]\nid = "x"\n')
    problems = [(p.line, p.path, p.message) for p in check_file(path)]
    left_out = "; this entry is left out"
    assert (4, "services[1].url", "required key 'url' is missing" + left_out) in problems
    assert (1, "services[0].name", "required key 'name' is missing" + left_out) in problems


def test_preset_preferences_and_policy(tmp_path: Path) -> None:
    path = write(
        tmp_path / "policy.toml",
        """
        [preferences]
        theme = "pink"
        langauge = "de"

        [policy]
        locked = ["theme", "colour"]
        """,
    )
    assert [(p.line, p.path) for p in check_file(path)] == [
        (2, "preferences.theme"),
        (3, "preferences.langauge"),
        (6, "policy.locked"),
    ]


def test_native_exec_must_be_absolute(tmp_path: Path) -> None:
    path = write(
        tmp_path / "native.toml",
        """
        [native_apps.writer.linux]
        exec = "libreoffice"

        [native_apps.writer.windows]
        exec = 'C:\\Program Files\\LibreOffice\\program\\soffice.exe'
        """,
    )
    [problem] = check_file(path)
    assert (problem.line, problem.path) == (1, "native_apps.writer.linux")
    assert "absolute path" in problem.message
