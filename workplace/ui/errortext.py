# SPDX-License-Identifier: EUPL-1.2
"""What the window says when writing a file failed, in the user's language.

An ``OSError``'s own text ("[Errno 30] Read-only file system: '…tmp'") is English
and names a temporary file; the user gets what happened and what to do instead,
and the error's text goes behind "Details" (:meth:`Banner.show_message`'s
``technical``) for the service desk.
"""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QObject

_READ_ONLY = {errno.EROFS}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM}
_FULL = {errno.ENOSPC, errno.EDQUOT}


def folder_of(exc: BaseException) -> str:
    """The folder the failed write was in (the temporary file's, which is the target's)."""
    name = getattr(exc, "filename", None)
    if isinstance(name, (str, Path)) and str(name):
        return str(Path(name).parent)
    return ""


def technical(exc: BaseException) -> list[str]:
    """The error's own text, for "Details" (never shown unfolded)."""
    text = str(exc)
    return [f"{type(exc).__name__}: {text}" if text else type(exc).__name__]


class WriteErrorTexts(QObject):
    """The translation context of these texts (Qt Linguist needs a class)."""

    def reason(self, exc: BaseException) -> str:
        """One sentence: why the file could not be written."""
        code = exc.errno if isinstance(exc, OSError) else None
        folder = folder_of(exc)
        if code in _READ_ONLY:
            if folder:
                return self.tr("The folder %1 is read-only.").replace("%1", folder)
            return self.tr("The folder for your settings is read-only.")
        if code in _NOT_ALLOWED:
            if folder:
                return self.tr("You may not write to the folder %1.").replace("%1", folder)
            return self.tr("You may not write to the folder for your settings.")
        if code in _FULL:
            return self.tr("The disk is full.")
        if isinstance(exc, OSError):
            if folder:
                return self.tr("A file in the folder %1 could not be written.").replace(
                    "%1", folder
                )
            return self.tr("A file could not be written.")
        return self.tr("An unexpected error occurred.")

    def advice(self, exc: BaseException) -> str:
        """One sentence: what the user can do about it."""
        code = exc.errno if isinstance(exc, OSError) else None
        if code in _READ_ONLY or code in _NOT_ALLOWED:
            return self.tr("Please tell your IT department or the service desk.")
        if code in _FULL:
            return self.tr("Please free some space, then try again.")
        return self.tr("Please try again. If it happens again, tell the service desk.")

    def settings_not_saved(self, exc: BaseException) -> str:
        """The hint under "Your settings could not be saved"."""
        return " ".join(
            (self.tr("Your change was not kept."), self.reason(exc), self.advice(exc))
        )

    def start_at_login_not_changed(self, exc: BaseException) -> str:
        return " ".join(
            (self.tr("Start at login could not be changed."), self.reason(exc), self.advice(exc))
        )
