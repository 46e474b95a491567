# SPDX-License-Identifier: EUPL-1.2
"""Diagnostics: the report ``workplace doctor`` prints and the window copies (Qt-free core).

:func:`collect` builds it as a JSON-ready dict with stable keys, :func:`render` as
lines for the helpdesk; :func:`describe_source` says where the catalog came from.
"""

from __future__ import annotations

from workplace.diagnostics.collect import collect
from workplace.diagnostics.render import render
from workplace.diagnostics.source import describe_source, source_lines

__all__ = ["collect", "describe_source", "render", "source_lines"]
