# SPDX-License-Identifier: EUPL-1.2
"""The logfail plugin (tests/support/logfail.py): a logged error fails the test that logged it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CONFTEST = '''
import logging

import pytest


def pytest_runtest_logfinish(nodeid, location):
    if nodeid.endswith("test_leaves_a_timer_behind"):
        logging.getLogger("workplace.ui").error("too late")


@pytest.fixture
def noisy():
    logging.getLogger("workplace.net").critical("set-up went wrong")
    yield
    logging.getLogger("workplace.net").error("tear-down went wrong")
'''

SUITE = '''
import logging
import threading

log = logging.getLogger("workplace.ui.jobs")


def test_quiet():
    logging.getLogger("workplace").warning("a warning is not an error")
    logging.getLogger("other.library").error("not ours")


def test_logs_an_error():
    try:
        1 / 0
    except ZeroDivisionError:
        log.exception("job %s: result handler failed", "x")


def test_logs_from_a_worker_thread():
    worker = threading.Thread(target=lambda: log.error("from a worker"))
    worker.start()
    worker.join()


def test_expects_it(expect_error):
    with expect_error("workplace.ui", match="handler failed") as records:
        log.error("job y: result handler failed")
    assert len(records) == 1


def test_expects_one_that_never_comes(expect_error):
    with expect_error("workplace.ui", match="handler failed"):
        pass


def test_expects_another_one(expect_error):
    with expect_error("workplace.auth", match="handler failed"):
        log.error("job y: result handler failed")


def test_leaves_a_timer_behind():
    pass  # the conftest logs for it after its tear-down, as a forgotten timer would


def test_after_the_leftover():
    pass


def test_with_a_noisy_fixture(noisy):
    pass


def test_fails_and_logs():
    log.error("on the way down")
    assert False
'''


@pytest.fixture
def outcomes(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_suite=SUITE)
    result = pytester.runpytest_subprocess("-p", "tests.support.logfail", "-p", "no:randomly",
                                           "-rA", "-p", "no:cacheprovider")
    found: dict[str, set[str]] = {"_output": {result.stdout.str()}}
    for line in result.outlines:
        kind, _, rest = line.partition(" ")
        if kind in ("PASSED", "FAILED", "ERROR") and rest.startswith("test_suite.py::"):
            found.setdefault(rest.split("::")[1].split(" ")[0], set()).add(kind)
    return found


def test_a_logged_error_fails_the_test_that_logged_it(outcomes: dict[str, set[str]]) -> None:
    [output] = outcomes.pop("_output")
    assert outcomes == {
        "test_quiet": {"PASSED"},
        "test_logs_an_error": {"FAILED"},
        "test_logs_from_a_worker_thread": {"FAILED"},
        "test_expects_it": {"PASSED"},
        "test_expects_one_that_never_comes": {"FAILED"},
        "test_expects_another_one": {"FAILED"},
        "test_leaves_a_timer_behind": {"PASSED"},
        "test_after_the_leftover": {"ERROR"},  # its set-up reports the leftover
        "test_with_a_noisy_fixture": {"ERROR"},  # set-up and tear-down
        "test_fails_and_logs": {"FAILED"},
    }, output
    assert "ZeroDivisionError: division by zero" in output  # the traceback is shown
    assert "ERROR workplace.ui.jobs (Thread-" in output  # the worker's, named
    assert "expected an error from 'workplace.ui' matching 'handler failed'" in output
    assert "expected an error from 'workplace.auth' matching 'handler failed'" in output
    assert "logged between tests, after the previous test had ended" in output
    assert "too late" in output
    assert "set-up went wrong" in output and "tear-down went wrong" in output
    assert "logged errors" in output and "on the way down" in output  # next to the failure
