# SPDX-License-Identifier: EUPL-1.2
"""A logged error fails the test (after qutebrowser's ``tests/helpers/logfail.py``).

Every record at ERROR or above from a ``workplace`` logger is collected, from any
thread. A test during whose set-up, run or tear-down one was logged fails, with the
record and its traceback in the report: the program's "log it and carry on" paths
(a job's result handler that raised, a refresh that crashed) stay loud in tests.

A test that provokes an error on purpose says so, and then the error must come::

    def test_x(expect_error):
        with expect_error("workplace.ui.jobs", match="result handler failed"):
            ...

An error logged between two tests (by a thread a test left running) fails the set-up
of the next one, naming it as such.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

LOGGER = "workplace"

ExpectError = Callable[..., contextlib.AbstractContextManager[list[logging.LogRecord]]]
"""The type of the ``expect_error`` fixture."""


@dataclass
class _Expectation:
    logger: str
    pattern: re.Pattern[str]
    seen: list[logging.LogRecord] = field(default_factory=list)

    def matches(self, record: logging.LogRecord) -> bool:
        name = record.name
        return (name == self.logger or name.startswith(self.logger + ".")) and bool(
            self.pattern.search(record.getMessage())
        )


class LogFailHandler(logging.Handler):
    """Collects the ``workplace`` errors that no test declared it expects."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.unexpected: list[logging.LogRecord] = []
        self.expectations: list[_Expectation] = []
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        with self._guard:
            for expectation in reversed(self.expectations):
                if expectation.matches(record):
                    expectation.seen.append(record)
                    return
            self.unexpected.append(record)

    def take(self) -> list[logging.LogRecord]:
        with self._guard:
            taken, self.unexpected = self.unexpected, []
        return taken

    @contextlib.contextmanager
    def expect(self, logger: str, match: str) -> Iterator[list[logging.LogRecord]]:
        expectation = _Expectation(logger, re.compile(match))
        with self._guard:
            self.expectations.append(expectation)
        try:
            yield expectation.seen
        finally:
            with self._guard:
                self.expectations.remove(expectation)
        if not expectation.seen:
            pytest.fail(f"expected an error from {logger!r} matching {match!r}; none was logged",
                        pytrace=False)


_HANDLER = LogFailHandler()
_FORMAT = logging.Formatter("%(levelname)s %(name)s (%(threadName)s): %(message)s")


def _attach() -> None:
    # setup_logging() (the command line) clears the handlers of the tree: attach again.
    logger = logging.getLogger(LOGGER)
    if _HANDLER not in logger.handlers:
        logger.addHandler(_HANDLER)


def _report(records: list[logging.LogRecord], when: str) -> str:
    lines = [f"{len(records)} error(s) logged {when}; a test that expects one says so "
             "with the expect_error fixture:"]
    lines += [_FORMAT.format(record) for record in records]
    return "\n".join(lines)


_TEXT_ERROR = re.compile(
    r"^(?:(?:ERROR|CRITICAL) workplace[.:].*|Traceback \(most recent.*)$", re.MULTILINE
)


def errors_in_output(stderr: str) -> list[str]:
    """The error lines and tracebacks in what a ``workplace`` process wrote to stderr
    (its text log format, ``LEVEL logger: message``): a subprocess test asserts none."""
    return _TEXT_ERROR.findall(stderr)


def pytest_configure(config: pytest.Config) -> None:
    _attach()


def pytest_unconfigure(config: pytest.Config) -> None:
    logging.getLogger(LOGGER).removeHandler(_HANDLER)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Any:
    _attach()
    leftover = _HANDLER.take()
    if leftover:
        pytest.fail(_report(leftover, "between tests, after the previous test had ended "
                                      "(by a thread or timer it left running)"), pytrace=False)
    result = yield
    _check("during set-up")
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Any:
    try:
        result = yield
    except BaseException:
        records = _HANDLER.take()
        if records:  # the test failed anyway: show what was logged next to it
            item.add_report_section("call", "logged errors", _report(records, "as well"))
        raise
    _check("during the test")
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    try:
        result = yield
    except BaseException:
        records = _HANDLER.take()
        if records:
            item.add_report_section("teardown", "logged errors", _report(records, "as well"))
        raise
    _check("during tear-down")
    return result


def _check(when: str) -> None:
    records = _HANDLER.take()
    if records:
        pytest.fail(_report(records, when), pytrace=False)


@pytest.fixture
def expect_error() -> ExpectError:
    """``with expect_error(logger, match=regex):`` the block must log such an error,
    and that error does not fail the test. Returns the matching records."""

    def expect(
        logger: str = LOGGER, match: str = ""
    ) -> contextlib.AbstractContextManager[list[logging.LogRecord]]:
        return _HANDLER.expect(logger, match)

    return expect
