# SPDX-License-Identifier: EUPL-1.2
"""The per-attempt secrets of an authorization request: PKCE S256, state and nonce."""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Attempt:
    """New for every sign-in attempt; never logged (repr hides the values)."""

    state: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    nonce: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    code_verifier: str = field(default_factory=lambda: secrets.token_urlsafe(64), repr=False)
    """86 characters from 64 random bytes: 512 bits, well above RFC 7636's 256."""

    @property
    def code_challenge(self) -> str:
        return s256_challenge(self.code_verifier)


def s256_challenge(verifier: str) -> str:
    """RFC 7636 4.2: ``BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))``, unpadded."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
