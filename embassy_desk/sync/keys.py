"""Device and HQ keys for sync (SECURITY promises 17-19): Ed25519 to sign, X25519 to receive bundles.

A workstation makes both key pairs itself at enrollment and sends only the public halves (raw 32
bytes, base64) to HQ; HQ keeps its own pairs in key files. Private keys live in the encrypted
workstation database (as base64 of the raw 32 bytes) or, at HQ, in PKCS#8 PEM files that only the
OS user may read (0600; a looser file is refused, as ssh does, because anyone who can read it can
sign as HQ).

Every decoder refuses a value that is not a key of the expected kind with a coded message
(:class:`BadKey`); it never returns a half-valid key.
"""

from __future__ import annotations

import base64
import binascii
import os
from pathlib import Path
from typing import TypeAlias

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from embassy_desk.domain.errors import EmbassyDeskError, IntegrityFailure
from embassy_desk.domain.messages import Msg
from embassy_desk.storage.files import atomic_write_bytes, private_file_mode_ok

__all__ = [
    "KEY_LENGTH",
    "BadKey",
    "DamagedKeyFile",
    "PrivateKey",
    "PublicKey",
    "bundle_private_key",
    "bundle_public_key",
    "load_bundle_key",
    "load_signing_key",
    "new_bundle_key",
    "new_signing_key",
    "private_b64",
    "private_raw",
    "public_b64",
    "public_raw",
    "save_private_key",
    "signing_private_key",
    "signing_public_key",
]

# Raw Ed25519 and X25519 keys (public and private) are both 32 bytes.
KEY_LENGTH = 32
# A PEM PKCS#8 file of one of these keys is about 120 bytes; anything much larger is not one.
_MAX_KEY_FILE = 4096

PrivateKey: TypeAlias = Ed25519PrivateKey | X25519PrivateKey
PublicKey: TypeAlias = Ed25519PublicKey | X25519PublicKey


class BadKey(EmbassyDeskError):
    """A key value (base64 or raw bytes) that is not a key of the expected kind, or a key file
    that other OS users may read."""

    exit_code = 2


class DamagedKeyFile(IntegrityFailure):
    """A key file that cannot be read as a key of the expected kind (damaged or replaced)."""


def new_signing_key() -> Ed25519PrivateKey:
    """A fresh Ed25519 key pair (a device's or HQ's request and bundle signing key)."""
    return Ed25519PrivateKey.generate()


def new_bundle_key() -> X25519PrivateKey:
    """A fresh X25519 key pair (offline bundles are encrypted to its public half)."""
    return X25519PrivateKey.generate()


def public_raw(key: PrivateKey | PublicKey) -> bytes:
    """The raw 32 bytes of the public key of ``key`` (a private key gives its public half)."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey | X25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def private_raw(key: PrivateKey) -> bytes:
    """The raw 32 private bytes of ``key`` (keep them secret: only into an encrypted store)."""
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def public_b64(key: PrivateKey | PublicKey) -> str:
    """The public key of ``key`` as base64 of its raw 32 bytes (what EnrollRequest carries)."""
    return base64.b64encode(public_raw(key)).decode("ascii")


def private_b64(key: PrivateKey) -> str:
    """``key``'s raw private bytes as base64 (for the encrypted workstation database only)."""
    return base64.b64encode(private_raw(key)).decode("ascii")


def _raw(value: str | bytes) -> bytes:
    """32 raw bytes from raw bytes or their base64 text; BadKey otherwise."""
    if isinstance(value, str):
        try:
            # validate=True: a value with stray characters is not silently trimmed into a key.
            raw = base64.b64decode(value.strip().encode("ascii"), validate=True)
        except (UnicodeEncodeError, binascii.Error):
            raise BadKey(Msg("signature.key_not_base64")) from None
    else:
        raw = bytes(value)
    if len(raw) != KEY_LENGTH:
        raise BadKey(Msg("signature.key_length", length=len(raw)))
    return raw


def signing_public_key(value: str | bytes) -> Ed25519PublicKey:
    """An Ed25519 public key from base64 text (``str``) or raw 32 bytes (``bytes``)."""
    raw = _raw(value)
    try:
        return Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise BadKey(Msg("signature.key_invalid")) from None


def signing_private_key(value: str | bytes) -> Ed25519PrivateKey:
    """An Ed25519 private key from base64 text (``str``) or raw 32 bytes (``bytes``)."""
    return Ed25519PrivateKey.from_private_bytes(_raw(value))


def bundle_public_key(value: str | bytes) -> X25519PublicKey:
    """An X25519 public key from base64 text (``str``) or raw 32 bytes (``bytes``)."""
    return X25519PublicKey.from_public_bytes(_raw(value))


def bundle_private_key(value: str | bytes) -> X25519PrivateKey:
    """An X25519 private key from base64 text (``str``) or raw 32 bytes (``bytes``)."""
    return X25519PrivateKey.from_private_bytes(_raw(value))


def save_private_key(path: Path, key: PrivateKey) -> None:
    """Write ``key`` to ``path`` as unencrypted PKCS#8 PEM, atomically and private (0600).

    Unencrypted because HQ must start unattended; the file mode (and the HQ folder's 0700) is the
    protection, as for a TLS server key.
    """
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    atomic_write_bytes(path, pem)


def _load(path: Path, kind: str) -> PrivateKey:
    if not private_file_mode_ok(path):
        # Refused rather than fixed: someone else may already have read it, so say so.
        mode = f"{os.stat(path).st_mode & 0o777:o}"
        raise BadKey(Msg("signature.key_file_loose", path=str(path), mode=mode))
    with open(path, "rb") as handle:
        data = handle.read(_MAX_KEY_FILE + 1)
    try:
        if len(data) > _MAX_KEY_FILE:
            raise ValueError("too long")
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise DamagedKeyFile(Msg("signature.key_file_damaged", path=str(path))) from None
    expected = Ed25519PrivateKey if kind == "signing" else X25519PrivateKey
    if not isinstance(key, expected):
        raise DamagedKeyFile(Msg("signature.key_file_damaged", path=str(path)))
    return key


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    """The Ed25519 private key in the PEM file ``path`` (written by :func:`save_private_key`).

    Raises BadKey if other OS users may read the file, DamagedKeyFile if it holds no such key, and
    OSError (FileNotFoundError...) if it cannot be opened.
    """
    key = _load(path, "signing")
    assert isinstance(key, Ed25519PrivateKey)
    return key


def load_bundle_key(path: Path) -> X25519PrivateKey:
    """The X25519 private key in the PEM file ``path``; errors as :func:`load_signing_key`."""
    key = _load(path, "bundle")
    assert isinstance(key, X25519PrivateKey)
    return key
