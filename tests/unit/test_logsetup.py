# SPDX-License-Identifier: EUPL-1.2
"""Logging: the JSON lines keep a traceback, and nothing that looks like a secret is written."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from workplace.logsetup import redact, setup_logging

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJlLXZhbHVl"
SECRETS = ("hunter2", "AUTHCODE123", "rt-opaque-77", JWT, "s3cr3t-bearer")


@pytest.fixture
def workplace_logger() -> Iterator[logging.Logger]:
    """The ``workplace`` logger as setup_logging leaves it, restored afterwards."""
    logger = logging.getLogger("workplace")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    yield logger
    logger.handlers[:], logger.level, logger.propagate = saved


def _fail_with_secrets() -> None:
    try:
        raise ValueError(
            f"token endpoint https://anna:hunter2@idp.example/token?code=AUTHCODE123&x=1 "
            f"said no to refresh_token=rt-opaque-77; Authorization: Bearer s3cr3t-bearer; {JWT}"
        )
    except ValueError:
        logging.getLogger("workplace.ui.jobs").warning(
            "job %s failed", "sign-in", exc_info=True,
            extra={"event": "job.failed", "url": "https://idp.example/cb?state=xyz&code=AUTHCODE123"},
        )


def test_json_lines_keep_the_traceback_without_secrets(
    workplace_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_logging(json_lines=True)
    _fail_with_secrets()
    [line] = capsys.readouterr().err.splitlines()
    entry = json.loads(line)
    assert (entry["level"], entry["logger"], entry["message"]) == (
        "WARNING", "workplace.ui.jobs", "job sign-in failed")
    assert entry["traceback"].startswith("Traceback (most recent call last):")
    assert "in _fail_with_secrets" in entry["traceback"]
    assert "ValueError: token endpoint https://***@idp.example/token?code=***&x=1" in (
        entry["traceback"])
    assert entry["url"] == "https://idp.example/cb?state=***&code=***"
    assert not [s for s in SECRETS if s in line]


def test_text_lines_keep_the_traceback_without_secrets(
    workplace_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_logging()
    _fail_with_secrets()
    err = capsys.readouterr().err
    assert err.startswith("WARNING workplace.ui.jobs: job sign-in failed\nTraceback")
    assert "Bearer ***" in err and "<jwt>" in err and "refresh_token=***" in err
    assert not [s for s in SECRETS if s in err]


@pytest.mark.parametrize(("text", "expected"), [
    ("http://user:pw@proxy:3128", "http://***@proxy:3128"),
    ("https://idp.example/auth?client_id=workplace&code_verifier=abc",
     "https://idp.example/auth?client_id=workplace&code_verifier=***"),
    ("grant_type=refresh_token&refresh_token=abc.def&client_secret=x",
     "grant_type=refresh_token&refresh_token=***&client_secret=***"),
    ("Basic dXNlcjpwdw==", "Basic ***"),
    # ordinary words stay readable
    *((plain, plain) for plain in ("opened https://mail.example/inbox?a=1 for mail",
                                   "catalog confirmed: 3 services, status code 304")),
])
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected
