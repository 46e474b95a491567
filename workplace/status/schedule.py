# SPDX-License-Identifier: EUPL-1.2
"""When the next status round runs: pure decisions for the window's timer and the fleet
benchmark (benchmarks/fleet.py).

A round probes every service. A whole office sees a network change in the same second
(the VPN gateway fails over, the Wi-Fi controller restarts), so the round after a
network change or a wake-up starts at a random point within :data:`ROUND_SPREAD`
seconds, and the interval between rounds is jittered by ±:data:`JITTER`: rounds that
once started together drift apart instead of hitting every service in the same second
for the rest of the day.
"""

from __future__ import annotations

import random
from collections.abc import Callable

JITTER = 0.2
ROUND_SPREAD = 30.0
"""Seconds within which the round after a network change or a wake-up starts."""


def first_round_delay(uniform: Callable[[float, float], float] = random.uniform) -> float:
    """Seconds from a network change or a wake-up to its round."""
    return uniform(0.0, ROUND_SPREAD)


def next_round_delay(
    interval_seconds: float, uniform: Callable[[float, float], float] = random.uniform,
) -> float:
    """Seconds from the end of one round to the next (the profile's interval, ±20 %)."""
    return max(1.0, interval_seconds * uniform(1.0 - JITTER, 1.0 + JITTER))
