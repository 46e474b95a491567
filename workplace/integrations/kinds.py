# SPDX-License-Identifier: EUPL-1.2
"""Which integration a section of settings configures, without importing the schema.

The integrations work on the settings the launcher trusts: the schema's models after a
load in this process, or, at a warm start the trusted load in a child process
confirmed, the plain records of those models (:mod:`workplace.config.plain`), whose
classes carry the schema classes' names. Both answer here alike, so pydantic stays out
of a launcher with integrations (``isinstance`` against the schema classes would need
it, and would say no to a record).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeGuard

if TYPE_CHECKING:
    from workplace.config.schema import (
        CalendarIntegration,
        ChatIntegration,
        FilesIntegration,
        MailIntegration,
        PortalIntegration,
    )


def _named(config: object, name: str) -> bool:
    return type(config).__name__ == name


def is_mail(config: object) -> TypeGuard[MailIntegration]:
    return _named(config, "MailIntegration")


def is_calendar(config: object) -> TypeGuard[CalendarIntegration]:
    return _named(config, "CalendarIntegration")


def is_chat(config: object) -> TypeGuard[ChatIntegration]:
    return _named(config, "ChatIntegration")


def is_files(config: object) -> TypeGuard[FilesIntegration]:
    return _named(config, "FilesIntegration")


def is_portal(config: object) -> TypeGuard[PortalIntegration]:
    return _named(config, "PortalIntegration")
