# SPDX-License-Identifier: EUPL-1.2
"""One answer of an :class:`~workplace.net.http.HttpSession`: status, headers and a body
that is read whole (:attr:`Response.content`) or streamed (:meth:`Response.iter_content`,
:meth:`Response.iter_lines`, :meth:`Response.read`).

Reading the body fails with a :class:`~workplace.net.errors.NetworkError` only, like
the request itself. Headers are case-insensitive (urllib3's ``HTTPHeaderDict``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.client import HTTPException
from typing import Any

from urllib3 import BaseHTTPResponse, HTTPHeaderDict
from urllib3.exceptions import HTTPError

from workplace.net.classify import classify

READ_ERRORS = (HTTPError, HTTPException, OSError)
"""What urllib3 and the socket raise on the wire; the session classifies them."""


def charset(content_type: str, default: str = "utf-8") -> str:
    """The ``charset`` parameter of a Content-Type value, else ``default``."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(' "'):
            return value.strip(' "')
    return default


class Response:
    """An answer. Without ``stream`` the session has read the body already; with it the
    caller reads it (and should :meth:`close` what it does not read to the end, which
    closes the connection instead of giving it back to the keep-alive pool)."""

    def __init__(self, raw: BaseHTTPResponse, url: str, method: str) -> None:
        self.raw = raw
        """urllib3's response (read the body through this class, not through it)."""
        self.url = url
        """The address that answered (after redirects)."""
        self.method = method
        self.status_code: int = raw.status
        self.reason: str = raw.reason or ""
        self.headers: HTTPHeaderDict = raw.headers
        self._content: bytes | None = None
        self._consumed = False

    def __repr__(self) -> str:
        return f"<Response [{self.status_code}]>"

    def __enter__(self) -> Response:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def content(self) -> bytes:
        """The whole (decoded) body, read once."""
        if self._content is None:
            try:
                self._content = self.raw.read(decode_content=True)
            except READ_ERRORS as exc:
                raise classify(exc, self.url) from None
            finally:
                self._consumed = True
                self.raw.release_conn()
        return self._content

    @property
    def text(self) -> str:
        """The body as text, in the charset the Content-Type names (else UTF-8)."""
        encoding = charset(self.headers.get("Content-Type", ""))
        try:
            return self.content.decode(encoding, errors="replace")
        except LookupError:  # a charset Python does not know
            return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The body as JSON; ValueError when it is not."""
        return json.loads(self.content)

    def read(self, amount: int) -> bytes:
        """Up to ``amount`` bytes of the (decoded) body, fewer only at its end."""
        if self._content is not None:
            return self._content[:amount]
        try:
            return self.raw.read(amount, decode_content=True)
        except READ_ERRORS as exc:
            raise classify(exc, self.url) from None

    def iter_content(self, chunk_size: int = 1) -> Iterator[bytes]:
        """The (decoded) body in pieces of at most ``chunk_size`` bytes as they arrive."""
        if self._content is not None:
            for start in range(0, len(self._content), chunk_size):
                yield self._content[start:start + chunk_size]
            return
        try:
            yield from self.raw.stream(chunk_size, decode_content=True)
        except READ_ERRORS as exc:
            raise classify(exc, self.url) from None
        self._consumed = True

    def iter_lines(self, chunk_size: int = 512) -> Iterator[bytes]:
        """The body line by line (any of CR LF, LF, CR ends a line), as it arrives."""
        pending: bytes | None = None
        for chunk in self.iter_content(chunk_size):
            if pending is not None:
                chunk = pending + chunk
            lines = chunk.splitlines()
            pending = lines.pop() if lines and chunk[-1:] == lines[-1][-1:] else None
            yield from lines
        if pending is not None:
            yield pending

    def close(self) -> None:
        """Give the connection back: to the pool when the body was read to its end,
        closed otherwise."""
        if not self._consumed:
            self.raw.close()
        self.raw.release_conn()
