# SPDX-License-Identifier: EUPL-1.2
"""Services, search, favourites and launch targets."""
