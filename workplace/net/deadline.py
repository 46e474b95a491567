# SPDX-License-Identifier: EUPL-1.2
"""A deadline for a whole exchange: connect, TLS, headers and every read of the body.

A read timeout bounds one wait on the socket, so a server that sends one byte every
few seconds is never cut off by it. :func:`time_limit` sets a point in time for the
code running inside it (this thread or task); every socket operation of the program's
sessions (:mod:`workplace.net.http` counts and bounds them) then waits at most until
that point, and fails with :class:`DeadlineExceeded` after it. Nested deadlines keep
the earlier one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_until: ContextVar[float | None] = ContextVar("workplace_net_deadline", default=None)
"""The ``time.monotonic()`` value the current exchange must finish by, if any."""


class DeadlineExceeded(TimeoutError):
    """The exchange did not finish in time (a socket wait was cut short for it)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[float]:
    """Everything on the program's sockets inside must finish within ``seconds``.

    Yields the ``time.monotonic()`` value of the deadline in effect.
    """
    until = time.monotonic() + seconds
    outer = _until.get()
    if outer is not None:
        until = min(until, outer)
    token = _until.set(until)
    try:
        yield until
    finally:
        _until.reset(token)


def remaining() -> float | None:
    """Seconds left until the deadline in effect; None without one."""
    until = _until.get()
    return None if until is None else until - time.monotonic()


def bounded(timeout: float | None) -> float | None:
    """``timeout`` cut to the time left; raises DeadlineExceeded when none is left."""
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise DeadlineExceeded("the deadline for this exchange has passed")
    return left if timeout is None else min(timeout, left)


def passed() -> bool:
    """Whether a deadline is in effect and has passed."""
    left = remaining()
    return left is not None and left <= 0
