# SPDX-License-Identifier: EUPL-1.2
"""Service status: probes within a time budget, states for the tiles, pure launch decisions."""
