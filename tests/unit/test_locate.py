# SPDX-License-Identifier: EUPL-1.2
"""Key paths to line numbers in TOML and JSON text."""

from __future__ import annotations

import json

from workplace.config.locate import format_path, locate_json, locate_toml

TOML = '''\
# comment [not a table]
title = "a = [b]"   # 2
[organisation]                  # 3
name.de = "Stadt"               # 4
support = { mail = "a@b.example", url = "https://x.example/" }  # 5
"quoted.key" = 1                # 6
multi = """
[[services]]
"""                             # 7-9
[[services]]                    # 10
id = "a"                        # 11
keywords = [                    # 12
  "x",                          # 13
  # a comment inside
  "y",                          # 15
]
[services.extra]                # 17
flag = true                     # 18
[[services]]                    # 19
id = 'b'                        # 20
when = 1979-05-27 07:32:00Z     # 21
[[services.links]]              # 22
url = "https://l.example/"      # 23
[[services.links]]              # 24
url = "https://m.example/"      # 25
[[categories]]                  # 26
id = "c\\"q"                    # 27
'''


def test_toml_lines() -> None:
    loc = locate_toml(TOML)
    expected = {
        ("title",): 2,
        ("organisation",): 3,
        ("organisation", "name", "de"): 4,
        ("organisation", "support", "mail"): 5,
        ("organisation", "support", "url"): 5,
        ("organisation", "quoted.key"): 6,
        ("organisation", "multi"): 7,
        ("services", 0): 10,
        ("services", 0, "id"): 11,
        ("services", 0, "keywords", 0): 13,
        ("services", 0, "keywords", 1): 15,
        ("services", 0, "extra", "flag"): 18,
        ("services", 1): 19,
        ("services", 1, "id"): 20,
        ("services", 1, "when"): 21,
        ("services", 1, "links", 0, "url"): 23,
        ("services", 1, "links", 1): 24,
        ("services", 1, "links", 1, "url"): 25,
        ("categories", 0, "id"): 27,
    }
    assert {parts: loc.line_for(parts) for parts in expected} == expected


def test_toml_falls_back_to_the_nearest_parent() -> None:
    loc = locate_toml(TOML)
    assert loc.line_for(("services", 1, "url")) == 19
    assert loc.line_for(("organisation", "name", "en")) == 4
    assert loc.line_for(("nowhere",)) is None


def test_toml_inline_array_of_tables() -> None:
    text = 'services = [\n  { id = "a" },\n  { id = "b", url = "x" },\n]\n'
    loc = locate_toml(text)
    assert loc.line_for(("services", 1, "url")) == 3
    assert loc.line_for(("services", 0, "id")) == 2


def test_json_lines_and_duplicates() -> None:
    document = {"services": [{"id": "a", "name": {"de": "A"}}, {"id": "b"}], "x": [1, [2, 3]]}
    text = json.dumps(document, indent=2)
    lines = text.splitlines()
    loc = locate_json(text)
    assert loc.line_for(("services", 1, "id")) == lines.index('      "id": "b"') + 1
    assert loc.line_for(("services", 0, "name", "de")) == lines.index('        "de": "A"') + 1
    assert loc.line_for(("x", 1, 1)) == lines.index("      3") + 1
    assert loc.duplicates == []
    dup = locate_json('{"a": 1,\n "b": {"c": "\\"}", "c": 2}}')
    assert dup.duplicates == [("b.c", 2)]


def test_format_path() -> None:
    assert format_path(("services", 3, "url")) == "services[3].url"
    assert format_path(("native_apps", "my app", "linux")) == 'native_apps."my app".linux'
    assert format_path(()) == ""
