# SPDX-License-Identifier: EUPL-1.2
"""The display language without Qt, and load_settings surviving an internal error."""

from __future__ import annotations

import pytest

from tests.support.logfail import ExpectError
from workplace.config import loader
from workplace.config.language import effective_language, system_language
from workplace.config.paths import Paths


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "de_AT.UTF-8", "LC_ALL": "C.UTF-8"}, "en"),
        ({"LANGUAGE": "de:en", "LANG": "en_GB.UTF-8"}, "de"),
        ({"LANGUAGE": "", "LC_MESSAGES": "de_CH"}, "de"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
    ],
)
def test_system_language(environ: dict[str, str], language: str) -> None:
    assert system_language(environ) == language


def test_preference_overrides_system() -> None:
    assert effective_language("en", {"LANG": "de_DE"}) == "en"
    assert effective_language("de", {}) == "de"
    assert effective_language("system", {"LANG": "de_DE"}) == "de"


def test_load_settings_never_raises(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, expect_error: ExpectError
) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(loader, "_build", boom)
    with expect_error("workplace.config", match="configuration could not be loaded") as logged:
        settings = loader.load_settings(paths)
    assert logged[0].exc_info is not None  # the helpdesk sees where it came from
    assert [str(p) for p in settings.problems] == ["configuration: internal error: simulated bug"]
    assert settings.tenant.services == []
