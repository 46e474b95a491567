# SPDX-License-Identifier: EUPL-1.2
"""Detached JWS signatures of the manifest, checked against keys pinned by local IT.

The signature lives next to the manifest at ``<manifest URL>.jws``: a JWS in compact
serialization with a detached payload (RFC 7515 appendix F), ``<header>..<signature>``,
whose payload is the manifest's exact bytes. A key in the manifest or in the JWS
header is never used: only the keys from the local configuration
(``catalog.manifest_public_key``: a JWK, a JWK set or a PEM public key) count.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, JWKRegistry, OKPKey, RSAKey

PublicKey = RSAKey | ECKey | OKPKey

ALGORITHMS: dict[str, tuple[str, ...]] = {
    "RSA": ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"),
    "EC": ("ES256", "ES384", "ES512"),
    "OKP": ("Ed25519",),
}
"""Asymmetric algorithms only: a shared (HS*) key would let every client forge manifests."""

MAX_SIGNATURE_BYTES = 16 * 1024
SIGNATURE_SUFFIX = ".jws"


class SignatureError(ValueError):
    """A signature that is missing, malformed or does not match a pinned key."""


class KeyConfigError(ValueError):
    """The pinned key in the local configuration cannot be used."""


@dataclass(frozen=True)
class PinnedKeys:
    """The public keys local IT pinned; a manifest must be signed by one of them."""

    keys: tuple[tuple[str | None, PublicKey], ...]

    @classmethod
    def parse(cls, text: str) -> PinnedKeys:
        """Keys from a JWK, a JWK set (``{"keys": [...]}``) or one or more PEM public keys."""
        text = text.strip()
        if not text:
            raise KeyConfigError("no key given")
        if text.startswith("{"):
            try:
                data = json.loads(text)
            except ValueError as exc:
                raise KeyConfigError(f"the key is not valid JSON: {exc}") from None
            raws = data.get("keys") if isinstance(data, dict) and "keys" in data else [data]
            if not isinstance(raws, list) or not raws:
                raise KeyConfigError("the JWK set has no keys")
            return cls(tuple(_import_jwk(raw) for raw in raws))
        if "-----BEGIN" in text:
            blocks = _pem_blocks(text)
            return cls(tuple((None, _import_pem(block)) for block in blocks))
        raise KeyConfigError("the key must be a JWK (JSON), a JWK set or a PEM public key")


def _import_jwk(raw: object) -> tuple[str | None, PublicKey]:
    if not isinstance(raw, dict):
        raise KeyConfigError("a JWK must be a JSON object")
    if any(k in raw for k in ("d", "p", "q", "k")):
        raise KeyConfigError("the pinned key must be a public key, not a private or shared one")
    kty = raw.get("kty")
    if kty not in ("RSA", "EC", "OKP"):
        raise KeyConfigError(f"key type {kty!r} is not supported; use RSA, EC or OKP")
    try:
        key = cast(PublicKey, JWKRegistry.import_key(raw, kty))
    except (JoseError, ValueError, TypeError) as exc:
        raise KeyConfigError(f"the JWK cannot be read: {exc}") from None
    kid = raw.get("kid")
    return (kid if isinstance(kid, str) else None), key


_PEM_BLOCK = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.DOTALL)


def _pem_blocks(text: str) -> list[str]:
    """PEM blocks in ``text``, also when a block was flattened onto one line (a policy
    text field in the Group Policy editor takes no line breaks)."""
    blocks = []
    for label, body in _PEM_BLOCK.findall(text):
        data = "".join(body.split())
        lines = [data[i:i + 64] for i in range(0, len(data), 64)]
        blocks.append("\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----"])
                      + "\n")
    if not blocks:
        raise KeyConfigError("no complete PEM block found")
    return blocks


def _import_pem(block: str) -> PublicKey:
    if "PRIVATE KEY" in block:
        raise KeyConfigError("the pinned key must be a public key, not a private one")
    for kind in (RSAKey, ECKey, OKPKey):
        try:
            return kind.import_key(block.encode("ascii"))
        except Exception:  # noqa: S112 - each key class raises its own type for a wrong kind
            continue
    raise KeyConfigError("the PEM public key cannot be read (RSA, EC or Ed25519 expected)")


def verify_detached(payload: bytes, signature: bytes | str, pinned: PinnedKeys) -> str:
    """Check ``signature`` over ``payload``; returns the algorithm, or raises SignatureError."""
    if isinstance(signature, bytes):
        if len(signature) > MAX_SIGNATURE_BYTES:
            raise SignatureError("the signature file is too large")
        try:
            signature = signature.decode("ascii")
        except UnicodeDecodeError:
            raise SignatureError("the signature is not a compact JWS") from None
    value = signature.strip()
    parts = value.split(".")
    if len(parts) != 3:
        raise SignatureError("the signature is not a compact JWS (header..signature)")
    try:
        header = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
    except (ValueError, UnicodeDecodeError):
        raise SignatureError("the signature's header cannot be read") from None
    if not isinstance(header, dict):
        raise SignatureError("the signature's header cannot be read")
    alg = header.get("alg")
    if header.get("b64") is False or "crit" in header:
        raise SignatureError("unsupported JWS header (b64/crit)")
    kid = header.get("kid")
    candidates = _candidates(pinned.keys, alg, kid)
    if not candidates:
        raise SignatureError(
            f"no pinned key fits the signature (alg {alg!r}, kid {kid!r})"
        )
    detached = f"{parts[0]}..{parts[2]}"
    for key in candidates:
        try:
            jws.deserialize_compact(
                detached, key, algorithms=[str(alg)], payload=payload
            )
            return str(alg)
        except (JoseError, ValueError):
            continue
    raise SignatureError("the signature does not match the manifest and the pinned key")


def _candidates(
    keys: Sequence[tuple[str | None, PublicKey]], alg: object, kid: object
) -> list[PublicKey]:
    if not isinstance(alg, str):
        return []
    fitting = [
        (key_id, key) for key_id, key in keys if alg in ALGORITHMS.get(key.key_type, ())
    ]
    if isinstance(kid, str):
        named = [key for key_id, key in fitting if key_id == kid]
        if named:
            return named
    return [key for _key_id, key in fitting]


def sign_detached(payload: bytes, private_key: PublicKey, alg: str, kid: str | None = None) -> str:
    """A detached compact JWS over ``payload`` (for IT's publishing scripts and the tests)."""
    header: dict[str, str] = {"alg": alg}
    if kid:
        header["kid"] = kid
    full = jws.serialize_compact(header, payload, private_key, algorithms=[alg])
    head, _body, sig = full.split(".")
    return f"{head}..{sig}"
