"""The vault header: the data key, wrapped once per key slot (SECURITY promises 2, 8, 11).

The SQLCipher database is keyed with a random 256-bit data key that never touches the disk in the
clear. ``vault.json``, next to the database, holds one wrap of that key per staff account (keyed by
Argon2id of the person's passphrase) and one for the printed recovery code. A passphrase change
rewraps one slot; the database is never re-encrypted for it.

Each slot holds an X25519 key pair. Its private key is wrapped (AES-256-GCM) under the slot's
Argon2id key; the data key is *sealed* to its public key (X25519 + HKDF-SHA256 + AES-256-GCM). So an
administrator can hand a new data key to every account without knowing anyone's passphrase: that is
how the data key is changed after a staff member leaves (promise 8). During such a change every slot
carries seals of both the old and the new key (two *generations*) until the database has been
re-encrypted and swapped, so a crash at any moment leaves data that one of the two keys opens; the
next unlock settles which (``settle_rekey``).

Associated data names the vault, the slot, its kind, its user name and (for seals) the generation,
so a wrap copied into another slot, renamed to another user, or moved to another vault fails to open.

Failed attempts back off exponentially, counted in the slot itself so the count survives a restart.
That back-off slows down guessing at the login screen; it cannot stop someone who has copied the
file (Argon2id's cost does that) nor the OS user who owns it (who can edit the file).

A ``Vault`` is not thread-safe, and two processes changing the same header can lose an update: the
app is expected to hold one ``Vault`` per header.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import math
import re
import secrets
import time
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, NoReturn

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from embassy_desk.domain.errors import (
    EmbassyDeskError,
    IntegrityFailure,
    NotFoundError,
    UnlockError,
    ValidationError,
)
from embassy_desk.domain.messages import Msg
from embassy_desk.storage.files import atomic_write_bytes, ensure_private_dir
from embassy_desk.storage.kdf import DEFAULT_KDF, KEY_LENGTH, KdfParams, KdfParamsError, derive_key

__all__ = [
    "FREE_ATTEMPTS",
    "LOCKOUT_THRESHOLD",
    "MAX_BACKOFF_SECONDS",
    "AccountLockedOut",
    "AuditAnchor",
    "BackoffActive",
    "BadCredentials",
    "LastSlotError",
    "NoRecoverySlot",
    "RekeyPending",
    "SlotNotFoundError",
    "SlotStatus",
    "UnknownUser",
    "UnlockResult",
    "Vault",
    "VaultDamagedError",
    "VaultError",
    "VaultExistsError",
    "VaultNotFoundError",
    "WrongPassphrase",
    "WrongRecoveryCode",
    "backoff_delay",
    "generate_data_key",
    "generate_recovery_code",
    "normalize_recovery_code",
    "normalize_username",
]

FORMAT = "embassy-desk-vault"
VERSION = 2
SALT_LENGTH = 16
NONCE_LENGTH = 12
PUBLIC_KEY_LENGTH = 32
WRAPPED_KEY_LENGTH = KEY_LENGTH + 16  # ciphertext + GCM tag (a private key and a data key are both 32 bytes)
# The label of version 1 is kept: slots written by version 1 still open (and are upgraded).
AD_PREFIX = b"embassy-desk/vault/v1|"
_SEAL_INFO = b"embassy-desk/vault/v2/seal|"
_FINGERPRINT_LABEL = b"embassy-desk/vault/v1/key-fingerprint|"
_ANCHOR_LABEL = b"embassy-desk/vault/v2/audit-anchor|"
_HEX64 = re.compile(r"[0-9a-f]{64}")

FREE_ATTEMPTS = 3
LOCKOUT_THRESHOLD = 10
MAX_BACKOFF_SECONDS = 300
MAX_USERNAME_LENGTH = 64
# A real header is a few hundred bytes per slot; refusing huge files keeps a damaged or hostile
# file from exhausting memory before it is even parsed.
MAX_HEADER_BYTES = 4 * 1024 * 1024

# Crockford base32: no I, L, O or U, so a printed code cannot be misread as another code.
CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LENGTH = 5
RECOVERY_CODE_LENGTH = RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH  # 30 symbols = 150 bits
_RECOVERY_MISREADS = str.maketrans({"O": "0", "I": "1", "L": "1"})
# Separators people type or that word processors substitute when a code is copied from a document.
_RECOVERY_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_.]+")
_HEX32 = re.compile(r"[0-9a-f]{32}")

# "device": a "remember on this workstation" slot of one user, keyed by a random secret that only the
# OS keyring holds (promise 13); losing that entry loses nothing, the user's passphrase slot remains.
SlotKind = Literal["user", "recovery", "device"]


# -------------------------------------------------------------------------------------------------
# Errors


class VaultError(EmbassyDeskError):
    """A problem with the vault header file itself."""


class VaultDamagedError(VaultError, IntegrityFailure):
    """The vault header is malformed, of an unknown version, or not an Embassy Desk vault."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(Msg("vault.damaged", path=str(path), detail=detail))


class VaultNotFoundError(VaultError, NotFoundError):
    """There is no vault header at the expected place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(Msg("vault.not_found", path=str(path)))


class VaultExistsError(VaultError):
    """Creating a vault would overwrite an existing one (and with it every way into the data)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(Msg("vault.exists", path=str(path)))


class LastSlotError(VaultError):
    """Removing the slot would leave no way to open the data at all."""

    def __init__(self) -> None:
        super().__init__(Msg("vault.last_slot"))


class SlotNotFoundError(NotFoundError):
    """An administrative action named a user who has no key slot."""

    def __init__(self, username: str) -> None:
        self.username = username
        super().__init__(Msg("vault.no_slot", name=username))


class BadCredentials(UnlockError):
    """Wrong user name or passphrase. One message for both, so the screen does not reveal users."""

    MESSAGE = "Wrong user name or passphrase."

    def __init__(self) -> None:
        super().__init__(Msg("unlock.wrong"))


class WrongPassphrase(BadCredentials):
    """The user exists but the passphrase did not open the slot."""

    def __init__(self, attempts_before_lockout: int) -> None:
        # Deliberately not in the message: a count shown only for existing users would reveal them.
        self.attempts_before_lockout = attempts_before_lockout
        super().__init__()


class UnknownUser(BadCredentials):
    """No slot has that user name (raised after a KDF run, so timing matches a wrong passphrase)."""


class BackoffActive(UnlockError):
    """Too many recent failures: the attempt was refused without trying the passphrase."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(Msg("unlock.backoff", seconds=retry_after))


class AccountLockedOut(UnlockError):
    """The account failed too often; an administrator or the recovery code must reopen it."""

    def __init__(self) -> None:
        super().__init__(Msg("unlock.locked_out", count=LOCKOUT_THRESHOLD))


class WrongRecoveryCode(UnlockError):
    """The recovery code did not open the recovery slot."""

    def __init__(self) -> None:
        super().__init__(Msg("unlock.wrong_recovery_code"))


class NoRecoverySlot(UnlockError):
    """The vault has no recovery code set up."""

    def __init__(self) -> None:
        super().__init__(Msg("unlock.no_recovery_slot"))


class RekeyPending(VaultError):
    """A change of the data key was interrupted; the next unlock settles it before slots can change."""

    def __init__(self) -> None:
        super().__init__(Msg("unlock.rekey_pending"))


class _Malformed(Exception):
    """Internal: one reason a header is unreadable; becomes VaultDamagedError with the path."""


# -------------------------------------------------------------------------------------------------
# Small public helpers


def generate_data_key() -> bytes:
    """Return a fresh random 256-bit data key for a new database."""
    return secrets.token_bytes(KEY_LENGTH)


def generate_recovery_code() -> str:
    """Return a new recovery code: 30 Crockford base32 symbols (150 bits) in 6 groups of 5."""
    symbols = "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
    return _group(symbols)


def _group(symbols: str) -> str:
    size = RECOVERY_GROUP_LENGTH
    return "-".join(symbols[i : i + size] for i in range(0, len(symbols), size))


def normalize_recovery_code(text: str) -> str:
    """Return the canonical form (``XXXXX-XXXXX-…``) of a typed or pasted recovery code.

    Tolerates lower case, spaces, missing or extra dashes, and the misreadings O→0, I→1, L→1.
    Raises ValidationError("recovery_code", …) for other characters or the wrong length.
    """
    # NFKC folds full-width forms that some input methods produce back to ASCII.
    cleaned = unicodedata.normalize("NFKC", text).upper()
    cleaned = _RECOVERY_SEPARATORS.sub("", cleaned).translate(_RECOVERY_MISREADS)
    if any(ch not in CROCKFORD_ALPHABET for ch in cleaned):
        # The offending character is not echoed: it is part of a secret.
        raise ValidationError(
            "recovery_code",
            "may contain only the letters and digits printed on the recovery sheet",
        )
    if len(cleaned) != RECOVERY_CODE_LENGTH:
        raise ValidationError(
            "recovery_code",
            f"must have {RECOVERY_CODE_LENGTH} letters and digits "
            f"({RECOVERY_GROUPS} groups of {RECOVERY_GROUP_LENGTH}); got {len(cleaned)}",
        )
    return _group(cleaned)


def normalize_username(username: str) -> str:
    """Return the stored form of a user name: NFC, surrounding spaces removed, case-folded.

    Case folding is Unicode's caseless match (lower case, plus e.g. "ß" → "ss"), and agrees with
    callers that casefold() a name before passing it in.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", username).strip().casefold())


def _validated_username(username: str) -> str:
    name = normalize_username(username)
    if not name:
        raise ValidationError("username", Msg("value.empty"))
    if len(name) > MAX_USERNAME_LENGTH:
        raise ValidationError("username", Msg("username.too_long", max=MAX_USERNAME_LENGTH))
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise ValidationError("username", Msg("username.control"))
    return name


def backoff_delay(failures: int) -> int:
    """Seconds to wait after ``failures`` consecutive failures before the next attempt is tried."""
    if failures < FREE_ATTEMPTS:
        return 0
    # Exponent capped so a huge (damaged) counter cannot build an enormous integer.
    return min(1 << min(failures - FREE_ATTEMPTS, 16), MAX_BACKOFF_SECONDS)


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC so the same passphrase typed on another keyboard or OS (composed vs. decomposed accents)
    # derives the same key.
    try:
        return unicodedata.normalize("NFC", passphrase).encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("passphrase", Msg("passphrase.unusable")) from None


def _check_data_key(data_key: bytes) -> None:
    if not isinstance(data_key, bytes) or len(data_key) != KEY_LENGTH:
        raise ValueError(f"data_key must be {KEY_LENGTH} bytes")


# -------------------------------------------------------------------------------------------------
# Slots


@dataclass(frozen=True)
class UnlockResult:
    """A successful unlock: the data key and the failed attempts since the last successful login."""

    data_key: bytes = field(repr=False)
    failures_since_login: int
    # The key of this user's audit anchor, when their slot holds one (see ``Vault.record_audit_anchor``).
    anchor_key: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class AuditAnchor:
    """The audit head an administrator's session saw, kept in the vault outside the database.

    ``authentic`` is True or False when the caller gave that user's anchor key, None otherwise (the
    sequence and hash can still be compared with the chain).
    """

    username: str
    seq: int
    hash: str
    authentic: bool | None


@dataclass(frozen=True)
class SlotStatus:
    """The back-off state of one user's slot, for an administrator's view."""

    username: str
    failures: int
    last_failure_at: float | None
    failures_since_login: int

    @property
    def locked_out(self) -> bool:
        """True if only an administrator or the recovery code can reopen the account."""
        return self.failures >= LOCKOUT_THRESHOLD


@dataclass(frozen=True)
class _Seal:
    """The data key of one generation, sealed to a slot's public key."""

    generation: int
    ephemeral_key: bytes
    nonce: bytes
    sealed_key: bytes

    def to_dict(self) -> dict[str, Any]:
        return {
            "generation": self.generation,
            "ephemeral_key": _b64(self.ephemeral_key),
            "nonce": _b64(self.nonce),
            "sealed_key": _b64(self.sealed_key),
        }

    @classmethod
    def from_dict(cls, data: object, where: str) -> _Seal:
        obj = _object(data, where)
        _exact_keys(obj, {"generation", "ephemeral_key", "nonce", "sealed_key"}, where)
        generation = _count(obj["generation"], f"{where}.generation")
        if generation < 1:
            raise _Malformed(f"{where}.generation must be 1 or more")
        return cls(
            generation=generation,
            ephemeral_key=_unb64(obj["ephemeral_key"], PUBLIC_KEY_LENGTH, f"{where}.ephemeral_key"),
            nonce=_unb64(obj["nonce"], NONCE_LENGTH, f"{where}.nonce"),
            sealed_key=_unb64(obj["sealed_key"], WRAPPED_KEY_LENGTH, f"{where}.sealed_key"),
        )


@dataclass
class _Slot:
    slot_id: str
    kind: SlotKind
    username: str | None
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    # The slot's X25519 private key, wrapped under the Argon2id key of its passphrase or code. In a
    # slot written by version 1 (``public_key`` None, no seals) it is the data key itself; such a slot
    # is upgraded the first time it unlocks.
    wrapped_key: bytes
    public_key: bytes | None
    seals: tuple[_Seal, ...]
    failures: int = 0
    last_failure_at: float | None = None
    failures_since_login: int = 0
    # An administrator's audit-anchor key sealed to this slot's public key (ephemeral key, nonce,
    # sealed key), or None. Only that person's passphrase opens it, so no other account (and no one
    # with only the data key) can write an anchor that verifies as theirs.
    anchor_seal: tuple[bytes, bytes, bytes] | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"slot_id": self.slot_id, "kind": self.kind}
        if self.kind != "recovery":
            data["username"] = self.username
        data["kdf"] = {**self.kdf.to_dict(), "salt": _b64(self.salt)}
        data["nonce"] = _b64(self.nonce)
        data["wrapped_key"] = _b64(self.wrapped_key)
        data["public_key"] = None if self.public_key is None else _b64(self.public_key)
        data["seals"] = [seal.to_dict() for seal in self.seals]
        data["failures"] = self.failures
        data["last_failure_at"] = self.last_failure_at
        data["failures_since_login"] = self.failures_since_login
        if self.anchor_seal is not None:
            data["anchor_seal"] = [_b64(part) for part in self.anchor_seal]
        return data

    @property
    def legacy(self) -> bool:
        return self.public_key is None

    @classmethod
    def from_dict(cls, data: object, where: str, *, version: int = VERSION) -> _Slot:
        obj = _object(data, where)
        kind = obj.get("kind")
        if kind not in ("user", "recovery", "device"):
            raise _Malformed(f"{where}: kind must be 'user', 'recovery' or 'device'")
        expected = {
            "slot_id",
            "kind",
            "kdf",
            "nonce",
            "wrapped_key",
            *(("public_key", "seals") if version >= 2 else ()),
            "failures",
            "last_failure_at",
            "failures_since_login",
        }
        if kind != "recovery":
            expected.add("username")
        if "anchor_seal" in obj and kind == "user":
            expected.add("anchor_seal")
        _exact_keys(obj, expected, where)
        slot_id = obj["slot_id"]
        if not isinstance(slot_id, str) or not _HEX32.fullmatch(slot_id):
            raise _Malformed(f"{where}: slot_id must be 32 lowercase hex digits")
        username: str | None = None
        if kind != "recovery":
            raw_name = obj["username"]
            if not isinstance(raw_name, str):
                raise _Malformed(f"{where}: username must be text")
            try:
                username = _validated_username(raw_name)
            except ValidationError as exc:
                raise _Malformed(f"{where}: username {exc.message}") from None
            if username != raw_name:
                raise _Malformed(f"{where}: username is not in its stored (case-folded) form")
        kdf_obj = _object(obj["kdf"], f"{where}.kdf")
        _exact_keys(kdf_obj, {"alg", "memory_kib", "iterations", "lanes", "salt"}, f"{where}.kdf")
        try:
            params = KdfParams.from_dict(kdf_obj)
        except KdfParamsError as exc:
            raise _Malformed(f"{where}.kdf: {exc.message}") from None
        last = obj["last_failure_at"]
        if last is not None and (type(last) not in (int, float) or not math.isfinite(last)):
            raise _Malformed(f"{where}: last_failure_at must be a number or null")
        raw_seals = obj.get("seals", [])
        if not isinstance(raw_seals, list):
            raise _Malformed(f"{where}: seals must be a list")
        seals = tuple(_Seal.from_dict(item, f"{where}.seals[{i}]") for i, item in enumerate(raw_seals))
        raw_public = obj.get("public_key")
        public = None if raw_public is None else _unb64(raw_public, PUBLIC_KEY_LENGTH, f"{where}.public_key")
        if public is None and seals:
            raise _Malformed(f"{where}: seals without a public key")
        anchor_seal = None
        if "anchor_seal" in obj:
            parts = obj["anchor_seal"]
            if not isinstance(parts, list) or len(parts) != 3 or public is None:
                raise _Malformed(f"{where}: anchor_seal must be three base64 values of a key-pair slot")
            anchor_seal = (
                _unb64(parts[0], PUBLIC_KEY_LENGTH, f"{where}.anchor_seal"),
                _unb64(parts[1], NONCE_LENGTH, f"{where}.anchor_seal"),
                _unb64(parts[2], WRAPPED_KEY_LENGTH, f"{where}.anchor_seal"),
            )
        return cls(
            slot_id=slot_id,
            kind=kind,
            username=username,
            kdf=params,
            salt=_unb64(kdf_obj["salt"], SALT_LENGTH, f"{where}.kdf.salt"),
            nonce=_unb64(obj["nonce"], NONCE_LENGTH, f"{where}.nonce"),
            wrapped_key=_unb64(obj["wrapped_key"], WRAPPED_KEY_LENGTH, f"{where}.wrapped_key"),
            public_key=public,
            seals=seals,
            failures=_count(obj["failures"], f"{where}.failures"),
            last_failure_at=None if last is None else float(last),
            failures_since_login=_count(obj["failures_since_login"], f"{where}.failures_since_login"),
            anchor_seal=anchor_seal,
        )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, length: int, where: str) -> bytes:
    if not isinstance(value, str):
        raise _Malformed(f"{where} must be base64 text")
    try:
        data = base64.b64decode(value.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        raise _Malformed(f"{where} is not valid base64") from None
    if len(data) != length:
        raise _Malformed(f"{where} must be {length} bytes")
    return data


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Malformed(f"{where} must be a JSON object")
    return value


def _exact_keys(obj: Mapping[str, Any], expected: set[str], where: str) -> None:
    # Each version is exactly this shape; an unknown field means damage or a newer writer, and silently
    # dropping it on the next save could lose something that mattered.
    missing = sorted(expected - obj.keys())
    extra = sorted(obj.keys() - expected)
    if missing:
        raise _Malformed(f"{where}: missing {', '.join(missing)}")
    if extra:
        raise _Malformed(f"{where}: unexpected {', '.join(extra)}")


def _count(value: object, where: str) -> int:
    # isinstance narrows for mypy; the type() check then refuses bool, an int subclass.
    if not isinstance(value, int) or type(value) is not int or value < 0:
        raise _Malformed(f"{where} must be a whole number, 0 or more")
    return value


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Two "wrapped_key" fields would be read differently by different JSON parsers.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Malformed(f"duplicate field {key!r}")
        result[key] = value
    return result


def _reject_constant(name: str) -> NoReturn:
    raise _Malformed(f"{name} is not allowed")


# -------------------------------------------------------------------------------------------------
# The vault


class Vault:
    """A vault header file: key slots that each wrap the same data key.

    Make one with ``Vault.create`` or ``Vault.load``. Every method that changes the header writes it
    atomically before returning (or, for a failed unlock, before raising).
    """

    def __init__(
        self,
        path: Path,
        *,
        vault_id: str,
        slots: list[_Slot],
        default_kdf: KdfParams,
        generation: int = 1,
        rekey_to: int | None = None,
        anchors: dict[str, tuple[int, str, str]] | None = None,
    ) -> None:
        """Internal; use ``Vault.create`` or ``Vault.load``."""
        self._path = path
        self._vault_id = vault_id
        self._slots = slots
        self._default_kdf = default_kdf
        self._generation = generation
        self._rekey_to = rekey_to
        # Data keys unsealed by the last successful unlock in this process, by generation: settling an
        # interrupted rekey needs both. Never written anywhere.
        self._unsealed: dict[int, bytes] = {}
        # An HMAC of the data key (not the key), remembered once the key is known, so that no slot
        # can be added wrapping some other key by mistake. It cannot be turned back into the key.
        self._key_fingerprint: bytes | None = None
        self._dummy_salt = secrets.token_bytes(SALT_LENGTH)
        # Per administrator: (sequence, hash, MAC) of the audit head their last session saw.
        self._anchors: dict[str, tuple[int, str, str]] = dict(anchors or {})
        # The anchor key unsealed by the last successful unlock, if that slot holds one.
        self._anchor_key: bytes | None = None
        self._anchor_owner: str | None = None

    # -- creating and loading ----------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, *, data_key: bytes, kdf: KdfParams) -> Vault:
        """Create a new, empty vault header at ``path`` (its folder made private); never overwrite.

        ``kdf`` becomes the default parameters for slots added later.
        """
        _check_data_key(data_key)
        if path.exists() or path.is_symlink():
            raise VaultExistsError(path)
        ensure_private_dir(path.parent)
        vault = cls(path, vault_id=uuid.uuid4().hex, slots=[], default_kdf=kdf)
        vault._key_fingerprint = vault._fingerprint(data_key)
        vault.save()
        return vault

    @classmethod
    def load(cls, path: Path) -> Vault:
        """Read the vault header at ``path``.

        Raises VaultNotFoundError if it is missing and VaultDamagedError if it is malformed, of an
        unknown version, or carries key-derivation parameters weaker than the policy.
        """
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_HEADER_BYTES + 1)
        except FileNotFoundError:
            raise VaultNotFoundError(path) from None
        try:
            if len(raw) > MAX_HEADER_BYTES:
                raise _Malformed("the file is far too large")
            return cls._parse(path, raw)
        except _Malformed as exc:
            raise VaultDamagedError(path, str(exc)) from None

    @classmethod
    def _parse(cls, path: Path, raw: bytes) -> Vault:
        try:
            doc = json.loads(
                raw.decode("utf-8"),
                object_pairs_hook=_reject_duplicates,
                parse_constant=_reject_constant,
            )
        except UnicodeDecodeError:
            raise _Malformed("not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise _Malformed(f"not valid JSON: {exc.msg} at line {exc.lineno}") from None
        top = _object(doc, "the file")
        if top.get("format") != FORMAT:
            raise _Malformed(f"format is not {FORMAT!r}")
        version = top.get("version")
        if type(version) is not int:
            raise _Malformed("version is missing")
        if version not in (1, VERSION):
            raise _Malformed(f"version {version} is not supported; this program reads 1 and {VERSION}")
        top_keys = {"format", "version", "vault_id", "slots"}
        anchors: dict[str, tuple[int, str, str]] = {}
        if "audit_anchors" in top:
            top_keys.add("audit_anchors")
            anchors = _parse_anchors(top["audit_anchors"])
        if "checksum" in top:
            # Damage (a flipped bit in a wrapped key, a truncated write by another tool) is told as
            # damage here, before any passphrase is tried, so it never counts as a failed attempt.
            # It is a checksum, not a seal: whoever can write the file can recompute it.
            if top["checksum"] != _checksum(top):
                raise _Malformed("its checksum does not match its content")
            top_keys.add("checksum")
        _exact_keys(top, top_keys | ({"generation", "rekey_to"} if version >= 2 else set()), "the file")
        vault_id = top["vault_id"]
        if not isinstance(vault_id, str) or not _HEX32.fullmatch(vault_id):
            raise _Malformed("vault_id must be 32 lowercase hex digits")
        raw_slots = top["slots"]
        if not isinstance(raw_slots, list):
            raise _Malformed("slots must be a list")
        slots = [_Slot.from_dict(item, f"slot {i + 1}", version=version) for i, item in enumerate(raw_slots)]
        if len({s.slot_id for s in slots}) != len(slots):
            raise _Malformed("two slots share a slot_id")
        for kind in ("user", "device"):
            names = [s.username for s in slots if s.kind == kind]
            if len(set(names)) != len(names):
                raise _Malformed(f"two {kind} slots belong to the same user")
        if sum(1 for s in slots if s.kind == "recovery") > 1:
            raise _Malformed("more than one recovery slot")
        generation = _count(top.get("generation", 1), "generation")
        rekey_to = top.get("rekey_to")
        if rekey_to is not None and (type(rekey_to) is not int or rekey_to != generation + 1):
            raise _Malformed("rekey_to must be null or the next generation")
        wanted = {generation} if rekey_to is None else {generation, rekey_to}
        for i, slot in enumerate(slots):
            if slot.legacy:
                # A version-1 slot wraps the first data key; a rekey is refused while one is left.
                if generation != 1 or rekey_to is not None:
                    raise _Malformed(f"slot {i + 1}: a version-1 slot in a rekeyed vault")
                continue
            if sorted(seal.generation for seal in slot.seals) != sorted(wanted):
                raise _Malformed(f"slot {i + 1}: seals do not match generation {sorted(wanted)}")
        # New slots get the strongest parameters already in use, so re-wrapping never weakens a
        # vault that was calibrated on set-up.
        default = max(
            (s.kdf for s in slots),
            key=lambda p: (p.memory_kib, p.iterations),
            default=DEFAULT_KDF,
        )
        return cls(
            path,
            vault_id=vault_id,
            slots=slots,
            default_kdf=default,
            generation=generation,
            rekey_to=rekey_to,
            anchors=anchors,
        )

    # -- reading -----------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """Where the header is stored."""
        return self._path

    @property
    def vault_id(self) -> str:
        """The random id of this vault (32 hex digits), bound into every wrap."""
        return self._vault_id

    @property
    def default_kdf(self) -> KdfParams:
        """Parameters used for new slots when none are given."""
        return self._default_kdf

    @default_kdf.setter
    def default_kdf(self, params: KdfParams) -> None:
        self._default_kdf = params

    @property
    def generation(self) -> int:
        """Which data key is current: 1 at set-up, one more after each completed rekey."""
        return self._generation

    @property
    def rekey_pending(self) -> bool:
        """True between ``begin_rekey`` and ``finish_rekey``/``abort_rekey`` (e.g. after a crash)."""
        return self._rekey_to is not None

    def usernames(self) -> list[str]:
        """Return the user names that have a passphrase slot, sorted."""
        return sorted(s.username for s in self._slots if s.kind == "user" and s.username is not None)

    def has_user(self, username: str) -> bool:
        """Return True if ``username`` (any case) has a key slot."""
        return self._find_user(username) is not None

    def has_recovery_slot(self) -> bool:
        """Return True if a recovery code has been set up."""
        return self._recovery_slot() is not None

    def slot_status(self, username: str) -> SlotStatus:
        """Return the failure counters of ``username``'s slot (SlotNotFoundError if none)."""
        slot = self._require_user(username)
        assert slot.username is not None
        return SlotStatus(
            username=slot.username,
            failures=slot.failures,
            last_failure_at=slot.last_failure_at,
            failures_since_login=slot.failures_since_login,
        )

    # -- changing ----------------------------------------------------------------------------------

    def add_user_slot(
        self, username: str, passphrase: str, data_key: bytes, *, kdf: KdfParams | None = None
    ) -> None:
        """Wrap ``data_key`` for ``username`` under ``passphrase``; replace that user's slot if any.

        Only this one slot changes: a passphrase change never touches the other slots or the data.
        Replacing a slot clears its back-off (it reopens a locked account) but keeps the count of
        failures since the last login, so they are still reported at the next login. Checking the
        passphrase policy is the caller's job (``embassy_desk.domain.passphrase``).
        """
        name = _validated_username(username)
        if not passphrase:
            raise ValidationError("passphrase", Msg("value.empty"))
        secret = _passphrase_bytes(passphrase)
        self._refuse_while_rekeying()
        self._accept_data_key(data_key)
        existing = self._find_user(name)
        slot = self._wrap(
            kind="user",
            username=name,
            slot_id=existing.slot_id if existing else uuid.uuid4().hex,
            secret=secret,
            data_key=data_key,
            params=kdf or self._default_kdf,
        )
        if existing is not None:
            slot.failures_since_login = existing.failures_since_login
            if existing.anchor_seal is not None:
                if self._anchor_key is not None and self._anchor_owner == name:
                    # Their own passphrase change: the anchor key moves to the new key pair.
                    slot.anchor_seal = self._seal_anchor(slot, self._anchor_key)
                else:
                    # Reset by someone else: the key is gone, and an anchor nobody can check goes too.
                    self._anchors.pop(name, None)
        self._replace_slot(existing, slot)

    def remove_user_slot(self, username: str) -> None:
        """Remove ``username``'s slot (and its device slot). Refused if nothing else would be left."""
        slot = self._require_user(username)
        device = self._find_device(username)
        remaining = [s for s in self._slots if s is not slot and s is not device]
        if not remaining:
            raise LastSlotError()
        self._commit(remaining)

    # -- "remember on this workstation" (promise 13) -----------------------------------------------

    def device_usernames(self) -> list[str]:
        """Users this workstation remembers, sorted."""
        return sorted(s.username for s in self._slots if s.kind == "device" and s.username is not None)

    def has_device_slot(self, username: str) -> bool:
        """True if ``username`` asked this workstation to remember them."""
        return self._find_device(username) is not None

    def add_device_slot(self, username: str, secret: bytes, data_key: bytes) -> None:
        """Wrap ``data_key`` for ``username`` under a random ``secret`` kept in the OS keyring.

        The user must already have a passphrase slot: the device slot is only a shortcut to it.
        """
        name = self._require_user(username).username
        assert name is not None
        if len(secret) < KEY_LENGTH:
            raise ValueError(f"a device secret must be at least {KEY_LENGTH} random bytes")
        self._refuse_while_rekeying()
        self._accept_data_key(data_key)
        existing = self._find_device(name)
        slot = self._wrap(
            kind="device",
            username=name,
            slot_id=existing.slot_id if existing else uuid.uuid4().hex,
            secret=secret,
            data_key=data_key,
            params=self._default_kdf,
        )
        self._replace_slot(existing, slot)

    def remove_device_slot(self, username: str) -> None:
        """Forget ``username`` on this workstation (no-op if they were not remembered)."""
        device = self._find_device(username)
        if device is not None:
            self._commit([s for s in self._slots if s is not device])

    def unlock_device(self, username: str, secret: bytes, *, now: float | None = None) -> UnlockResult:
        """Unwrap the data key with the keyring-held ``secret``.

        Raises SlotNotFoundError if the user has no device slot, and BadCredentials if the secret
        does not open it (a stale keyring entry); failures back off like passphrases.
        """
        now = time.time() if now is None else now
        slot = self._find_device(username)
        if slot is None:
            raise SlotNotFoundError(normalize_username(username))
        self._refuse_during_backoff(slot, now)
        data_key = self._try_unwrap(slot, secret, now)
        if data_key is None:
            raise BadCredentials()
        return UnlockResult(data_key=data_key, failures_since_login=0)

    def set_recovery_slot(self, recovery_code: str, data_key: bytes, *, kdf: KdfParams | None = None) -> None:
        """Wrap ``data_key`` under a recovery code, replacing any earlier recovery slot."""
        code = normalize_recovery_code(recovery_code)
        self._refuse_while_rekeying()
        self._accept_data_key(data_key)
        existing = self._recovery_slot()
        slot = self._wrap(
            kind="recovery",
            username=None,
            slot_id=existing.slot_id if existing else uuid.uuid4().hex,
            secret=code.encode("ascii"),
            data_key=data_key,
            params=kdf or self._default_kdf,
        )
        self._replace_slot(existing, slot)

    # -- changing the data key (promise 8) --------------------------------------------------------

    def begin_rekey(self, new_key: bytes) -> int:
        """Seal ``new_key`` to every slot as the next generation, keeping the current one; return it.

        Needs no passphrase: seals use the slots' public keys. Until ``finish_rekey`` or
        ``abort_rekey``, both keys can be unsealed, so whichever one the database is keyed with on
        disk opens it.
        """
        _check_data_key(new_key)
        self._refuse_while_rekeying()
        legacy = [s.username or "the recovery code" for s in self._slots if s.legacy]
        if legacy:
            raise VaultError(
                "These key slots date from an older version and must be used once (sign in, or for the "
                f"recovery code set a new one) before the data key can be changed: {', '.join(legacy)}."
            )
        target = self._generation + 1
        slots = [replace(s, seals=(*s.seals, self._seal(s, new_key, target))) for s in self._slots]
        self._write(slots, rekey_to=target)
        self._slots = slots
        self._rekey_to = target
        return target

    def finish_rekey(self) -> None:
        """Make the pending generation current and destroy every seal of the old key."""
        target = self._require_pending()
        slots = [replace(s, seals=tuple(x for x in s.seals if x.generation == target)) for s in self._slots]
        self._write(slots, generation=target, rekey_to=None)
        self._slots = slots
        self._generation = target
        self._rekey_to = None
        new_key = self._unsealed.get(target)
        self._key_fingerprint = None if new_key is None else self._fingerprint(new_key)
        self._unsealed = {} if new_key is None else {target: new_key}

    def abort_rekey(self) -> None:
        """Forget the pending generation: the database was never swapped to the new key."""
        target = self._require_pending()
        slots = [replace(s, seals=tuple(x for x in s.seals if x.generation != target)) for s in self._slots]
        self._write(slots, rekey_to=None)
        self._slots = slots
        self._rekey_to = None
        self._unsealed.pop(target, None)

    def settle_rekey(self, opens: Callable[[bytes], bool]) -> bytes | None:
        """After an unlock, finish or roll back an interrupted rekey; return the new key if finished.

        ``opens(key)`` says whether the database on disk opens with ``key``. Returns None when no
        rekey was pending or it was rolled back (the key from the unlock stays right).
        """
        if self._rekey_to is None:
            return None
        target = self._rekey_to
        new_key = self._unsealed.get(target)
        if new_key is None:
            raise ValueError("settle_rekey needs a successful unlock on this Vault first")
        if opens(new_key):
            self.finish_rekey()
            return new_key
        self.abort_rekey()
        return None

    def reset_failures(self, username: str) -> None:
        """Clear ``username``'s back-off and lockout (an administrator's action).

        The count of failures since the last login is kept so the user still hears about them.
        """
        slot = self._require_user(username)
        self._commit_slot(slot, failures=0, last_failure_at=None)

    def restore_failures(self, username: str, failures: int, last_failure_at: float | None) -> bool:
        """Raise ``username``'s failure counter back to ``failures`` if the header shows fewer.

        For a counter kept elsewhere too (the OS keyring): a header whose counter was rolled back by
        someone editing the file gets it back. Returns True if the header had been rolled back.
        """
        slot = self._require_user(username)
        if failures <= slot.failures:
            return False
        self._commit_slot(
            slot,
            failures=failures,
            last_failure_at=last_failure_at if last_failure_at is not None else slot.last_failure_at,
            failures_since_login=max(slot.failures_since_login, failures),
        )
        return True

    def carry_failures(self, earlier: Vault) -> None:
        """Take over the failure counters ``earlier`` recorded for the same slots, where higher.

        For a backup's vault, whose copy is rebuilt from the backup file at every attempt: the
        counters of earlier attempts must not be lost with it (back-off, promise 11). Slots are
        matched by kind and user name, so a passphrase changed since still counts.
        """
        slots = []
        for slot in self._slots:
            match = next(
                (s for s in earlier._slots if s.kind == slot.kind and s.username == slot.username), None
            )
            if match is not None and match.failures > slot.failures:
                slot = replace(
                    slot,
                    failures=match.failures,
                    last_failure_at=match.last_failure_at,
                    failures_since_login=max(match.failures_since_login, slot.failures_since_login),
                )
            slots.append(slot)
        self._commit(slots)

    # -- audit anchors (insiders with the data key; docs/security.md, threat model) ----------------

    def record_audit_anchor(self, username: str, anchor_key: bytes | None, seq: int, head: str) -> bytes:
        """Keep ``(seq, head)`` as ``username``'s audit anchor, MAC-ed with their anchor key; return it.

        ``anchor_key`` is what :meth:`unlock` handed back (None the first time: a key is made and
        sealed to the user's slot, which needs only its public key). The services call this for
        administrators only.
        """
        slot = self._require_user(username)
        name = slot.username
        assert name is not None
        if slot.public_key is None:
            raise VaultError("this account's key slot must be used once before it can hold an audit anchor")
        if anchor_key is None or slot.anchor_seal is None:
            anchor_key = secrets.token_bytes(KEY_LENGTH)
            updated = replace(slot, anchor_seal=self._seal_anchor(slot, anchor_key))
            slots = [updated if s is slot else s for s in self._slots]
        else:
            slots = list(self._slots)
        previous = dict(self._anchors)
        self._anchors[name] = (seq, head, self._anchor_mac(anchor_key, name, seq, head))
        try:
            self._commit(slots)
        except BaseException:
            self._anchors = previous
            raise
        self._anchor_key, self._anchor_owner = anchor_key, name
        return anchor_key

    def audit_anchors(self, keys: Mapping[str, bytes] | None = None) -> list[AuditAnchor]:
        """Every administrator's anchor; those whose key is in ``keys`` have their MAC checked."""
        result = []
        for name, (seq, head, mac) in sorted(self._anchors.items()):
            key = (keys or {}).get(name)
            authentic = (
                None if key is None else hmac.compare_digest(self._anchor_mac(key, name, seq, head), mac)
            )
            result.append(AuditAnchor(name, seq, head, authentic))
        return result

    def _anchor_mac(self, key: bytes, username: str, seq: int, head: str) -> str:
        message = _ANCHOR_LABEL + b"|".join(
            [self._vault_id.encode("ascii"), username.encode("utf-8"), b"%d" % seq, head.encode("ascii")]
        )
        return hmac.new(key, message, hashlib.sha256).hexdigest()

    def _anchor_ad(self, slot: _Slot) -> bytes:
        return self._associated_data(slot.slot_id, slot.kind, slot.username) + b"|audit-anchor"

    def _seal_anchor(self, slot: _Slot, anchor_key: bytes) -> tuple[bytes, bytes, bytes]:
        return self._seal_to(slot, anchor_key, self._anchor_ad(slot))

    def _unseal_anchor(self, slot: _Slot, private: X25519PrivateKey) -> bytes:
        assert slot.anchor_seal is not None
        ephemeral, nonce, sealed = slot.anchor_seal
        try:
            return self._unseal_from(slot, private, ephemeral, nonce, sealed, self._anchor_ad(slot))
        except InvalidTag:
            raise VaultDamagedError(
                self._path, "an audit-anchor key does not open with its slot's key"
            ) from None

    def save(self) -> None:
        """Write the header atomically (private file, fsync, rename)."""
        self._write(self._slots)

    def _refuse_while_rekeying(self) -> None:
        if self._rekey_to is not None:
            raise RekeyPending()

    def _require_pending(self) -> int:
        if self._rekey_to is None:
            raise ValueError("no rekey is pending")
        return self._rekey_to

    # -- unlocking ---------------------------------------------------------------------------------

    def unlock(self, username: str, passphrase: str, *, now: float | None = None) -> UnlockResult:
        """Unwrap the data key with ``username``'s passphrase.

        Raises BackoffActive or AccountLockedOut (without trying the passphrase) when too many
        attempts failed; WrongPassphrase, or AccountLockedOut on the failure that reaches the limit;
        UnknownUser after the same key-derivation work as a real attempt. ``now`` (epoch seconds)
        can be injected for tests.
        """
        now = time.time() if now is None else now
        secret = _passphrase_bytes(passphrase)
        slot = self._find_user(username)
        if slot is None:
            # Same Argon2id work as a real attempt, so the answer's timing does not reveal whether
            # the account exists.
            derive_key(secret, self._dummy_salt, self._default_kdf)
            raise UnknownUser()
        if slot.failures >= LOCKOUT_THRESHOLD:
            raise AccountLockedOut()
        self._refuse_during_backoff(slot, now)
        data_key = self._try_unwrap(slot, secret, now)
        if data_key is None:
            failures = self._find_slot(slot.slot_id).failures
            if failures >= LOCKOUT_THRESHOLD:
                raise AccountLockedOut()
            raise WrongPassphrase(attempts_before_lockout=LOCKOUT_THRESHOLD - failures)
        return UnlockResult(
            data_key=data_key, failures_since_login=slot.failures_since_login, anchor_key=self._anchor_key
        )

    def unlock_with_recovery(self, code: str, *, now: float | None = None) -> bytes:
        """Unwrap the data key with the recovery code; return it.

        A malformed code raises ValidationError and does not count as a failure. Wrong codes back
        off like passphrases, on the recovery slot's own counter, but never lock out: the code is
        the last way in, and at 150 bits it cannot be guessed anyway.
        """
        now = time.time() if now is None else now
        canonical = normalize_recovery_code(code)
        slot = self._recovery_slot()
        if slot is None:
            raise NoRecoverySlot()
        self._refuse_during_backoff(slot, now)
        data_key = self._try_unwrap(slot, canonical.encode("ascii"), now)
        if data_key is None:
            raise WrongRecoveryCode()
        return data_key

    # -- internals ---------------------------------------------------------------------------------

    def _find_user(self, username: str) -> _Slot | None:
        name = normalize_username(username)
        return next((s for s in self._slots if s.kind == "user" and s.username == name), None)

    def _require_user(self, username: str) -> _Slot:
        slot = self._find_user(username)
        if slot is None:
            raise SlotNotFoundError(normalize_username(username))
        return slot

    def _find_device(self, username: str) -> _Slot | None:
        name = normalize_username(username)
        return next((s for s in self._slots if s.kind == "device" and s.username == name), None)

    def _recovery_slot(self) -> _Slot | None:
        return next((s for s in self._slots if s.kind == "recovery"), None)

    def _find_slot(self, slot_id: str) -> _Slot:
        return next(s for s in self._slots if s.slot_id == slot_id)

    def _associated_data(self, slot_id: str, kind: SlotKind, username: str | None) -> bytes:
        # The user name is bound too (beyond vault and slot ids): otherwise someone able to edit the
        # file could rename their own slot to an administrator's name and sign in as them with their
        # own passphrase. The user name is last, so a '|' inside it cannot shift the other fields.
        return b"|".join(
            [
                AD_PREFIX + self._vault_id.encode("ascii"),
                slot_id.encode("ascii"),
                kind.encode("ascii"),
                (username or "").encode("utf-8"),
            ]
        )

    def _seal_ad(self, slot: _Slot, generation: int) -> bytes:
        return self._associated_data(slot.slot_id, slot.kind, slot.username) + b"|seal|%d" % generation

    @staticmethod
    def _seal_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
        # Both public keys go into the derivation (as in ECIES/HPKE), binding the seal to this pair.
        hkdf = HKDF(
            algorithm=hashes.SHA256(), length=KEY_LENGTH, salt=None, info=_SEAL_INFO + ephemeral + recipient
        )
        return hkdf.derive(shared)

    def _seal_to(self, slot: _Slot, secret: bytes, associated: bytes) -> tuple[bytes, bytes, bytes]:
        """Seal ``secret`` to the slot's X25519 public key: (ephemeral public key, nonce, sealed)."""
        assert slot.public_key is not None
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = _raw_public(ephemeral.public_key())
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(slot.public_key))
        key = self._seal_key(shared, ephemeral_public, slot.public_key)
        nonce = secrets.token_bytes(NONCE_LENGTH)
        return ephemeral_public, nonce, AESGCM(key).encrypt(nonce, secret, associated)

    def _unseal_from(
        self,
        slot: _Slot,
        private: X25519PrivateKey,
        ephemeral: bytes,
        nonce: bytes,
        sealed: bytes,
        associated: bytes,
    ) -> bytes:
        """Open what :meth:`_seal_to` sealed to this slot; ``InvalidTag`` if it does not open."""
        assert slot.public_key is not None
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        key = self._seal_key(shared, ephemeral, slot.public_key)
        return AESGCM(key).decrypt(nonce, sealed, associated)

    def _seal(self, slot: _Slot, data_key: bytes, generation: int) -> _Seal:
        ephemeral, nonce, sealed = self._seal_to(slot, data_key, self._seal_ad(slot, generation))
        return _Seal(generation, ephemeral, nonce, sealed)

    def _unseal(self, slot: _Slot, private: X25519PrivateKey, seal: _Seal) -> bytes:
        try:
            data_key = self._unseal_from(
                slot,
                private,
                seal.ephemeral_key,
                seal.nonce,
                seal.sealed_key,
                self._seal_ad(slot, seal.generation),
            )
        except InvalidTag:
            raise VaultDamagedError(self._path, "a sealed key does not open with its slot's key") from None
        if len(data_key) != KEY_LENGTH:
            raise VaultDamagedError(self._path, "a key slot holds a key of the wrong length")
        return data_key

    def _fingerprint(self, data_key: bytes) -> bytes:
        label = _FINGERPRINT_LABEL + self._vault_id.encode("ascii")
        return hmac.new(data_key, label, hashlib.sha256).digest()

    def _accept_data_key(self, data_key: bytes) -> None:
        _check_data_key(data_key)
        fingerprint = self._fingerprint(data_key)
        if self._key_fingerprint is None:
            return
        if not hmac.compare_digest(fingerprint, self._key_fingerprint):
            raise ValueError("data_key is not this vault's data key")

    def _wrap(
        self,
        *,
        kind: SlotKind,
        username: str | None,
        slot_id: str,
        secret: bytes,
        data_key: bytes,
        params: KdfParams,
    ) -> _Slot:
        # A fresh salt gives a fresh KEK for every wrap, so a random nonce can never repeat under
        # one key.
        salt = secrets.token_bytes(SALT_LENGTH)
        nonce = secrets.token_bytes(NONCE_LENGTH)
        kek = derive_key(secret, salt, params)
        ad = self._associated_data(slot_id, kind, username)
        private = X25519PrivateKey.generate()
        wrapped = AESGCM(kek).encrypt(nonce, _raw_private(private), ad)
        slot = _Slot(
            slot_id=slot_id,
            kind=kind,
            username=username,
            kdf=params,
            salt=salt,
            nonce=nonce,
            wrapped_key=wrapped,
            public_key=_raw_public(private.public_key()),
            seals=(),
        )
        return replace(slot, seals=(self._seal(slot, data_key, self._generation),))

    def _refuse_during_backoff(self, slot: _Slot, now: float) -> None:
        delay = backoff_delay(slot.failures)
        last = slot.last_failure_at
        # If the clock went backwards (now < last), the wait counts as over rather than stretching
        # into hours; whoever controls the clock could skip the wait by moving it forward anyway.
        if delay and last is not None and last <= now < last + delay:
            raise BackoffActive(retry_after=max(1, math.ceil(last + delay - now)))

    def _try_unwrap(self, slot: _Slot, secret: bytes, now: float) -> bytes | None:
        """Return the data key, or record the failure (saved before returning) and return None."""
        kek = derive_key(secret, slot.salt, slot.kdf)
        ad = self._associated_data(slot.slot_id, slot.kind, slot.username)
        try:
            private_bytes = AESGCM(kek).decrypt(slot.nonce, slot.wrapped_key, ad)
        except InvalidTag:
            failed = replace(
                slot,
                failures=slot.failures + 1,
                last_failure_at=float(now),
                failures_since_login=slot.failures_since_login + 1,
            )
            # Counted in memory even if the write then fails (read-only media): this process must
            # keep backing off rather than let the caller retry the OSError freely.
            self._slots = [failed if s is slot else s for s in self._slots]
            self._write(self._slots)
            return None
        if len(private_bytes) != KEY_LENGTH:
            raise VaultDamagedError(self._path, "a key slot holds a key of the wrong length")
        if slot.public_key is None:
            return self._upgrade_legacy(slot, kek, private_bytes)
        private = X25519PrivateKey.from_private_bytes(private_bytes)
        if not hmac.compare_digest(_raw_public(private.public_key()), slot.public_key):
            raise VaultDamagedError(self._path, "a slot's public key does not belong to its private key")
        self._unsealed = {seal.generation: self._unseal(slot, private, seal) for seal in slot.seals}
        data_key = self._unsealed[self._generation]
        self._anchor_key = None if slot.anchor_seal is None else self._unseal_anchor(slot, private)
        self._anchor_owner = slot.username if slot.kind == "user" else None
        self._key_fingerprint = self._fingerprint(data_key)
        if slot.failures or slot.last_failure_at is not None or slot.failures_since_login:
            # Written only when something changed, so a header on read-only media opens when
            # nothing failed. If the write fails (full disk, read-only backup), the person has still
            # proved the passphrase: let them in rather than lock staff out during a crisis; the
            # stale counters on disk only mean the failures are reported again next time.
            cleared = replace(slot, failures=0, last_failure_at=None, failures_since_login=0)
            self._slots = [cleared if s is slot else s for s in self._slots]
            with contextlib.suppress(OSError):
                self._write(self._slots)
        return data_key

    def _upgrade_legacy(self, slot: _Slot, kek: bytes, data_key: bytes) -> bytes:
        """A version-1 slot just opened: give it a key pair under the same passphrase key, and a seal."""
        self._unsealed = {self._generation: data_key}
        self._key_fingerprint = self._fingerprint(data_key)
        private = X25519PrivateKey.generate()
        nonce = secrets.token_bytes(NONCE_LENGTH)
        ad = self._associated_data(slot.slot_id, slot.kind, slot.username)
        upgraded = replace(
            slot,
            nonce=nonce,
            wrapped_key=AESGCM(kek).encrypt(nonce, _raw_private(private), ad),
            public_key=_raw_public(private.public_key()),
            failures=0,
            last_failure_at=None,
            failures_since_login=0,
        )
        upgraded = replace(upgraded, seals=(self._seal(upgraded, data_key, self._generation),))
        self._slots = [upgraded if s is slot else s for s in self._slots]
        # As for cleared counters: a header on read-only media still lets the person in.
        with contextlib.suppress(OSError):
            self._write(self._slots)
        return data_key

    def _commit_slot(self, slot: _Slot, **changes: Any) -> None:
        self._replace_slot(slot, replace(slot, **changes))

    def _replace_slot(self, old: _Slot | None, new: _Slot) -> None:
        if old is None:
            self._commit([*self._slots, new])
        else:
            self._commit([new if s is old else s for s in self._slots])

    def _commit(self, slots: list[_Slot]) -> None:
        # Written first and adopted only after the write succeeded, so the object never claims a
        # state that is not on disk.
        self._write(slots)
        self._slots = slots

    _KEEP: Any = object()

    def _write(self, slots: list[_Slot], *, generation: int | None = None, rekey_to: Any = _KEEP) -> None:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self._vault_id,
            "generation": self._generation if generation is None else generation,
            "rekey_to": self._rekey_to if rekey_to is Vault._KEEP else rekey_to,
            "slots": [s.to_dict() for s in slots],
        }
        if self._anchors:
            doc["audit_anchors"] = {
                name: {"seq": seq, "hash": head, "mac": mac}
                for name, (seq, head, mac) in sorted(self._anchors.items())
            }
        doc["checksum"] = _checksum(doc)
        data = (json.dumps(doc, indent=2) + "\n").encode("utf-8")
        atomic_write_bytes(self._path, data)


def _parse_anchors(value: object) -> dict[str, tuple[int, str, str]]:
    anchors: dict[str, tuple[int, str, str]] = {}
    for name, item in _object(value, "audit_anchors").items():
        obj = _object(item, f"audit_anchors.{name}")
        _exact_keys(obj, {"seq", "hash", "mac"}, f"audit_anchors.{name}")
        head, mac = obj["hash"], obj["mac"]
        if not isinstance(head, str) or not _HEX64.fullmatch(head):
            raise _Malformed(f"audit_anchors.{name}.hash must be 64 hex digits")
        if not isinstance(mac, str) or not _HEX64.fullmatch(mac):
            raise _Malformed(f"audit_anchors.{name}.mac must be 64 hex digits")
        anchors[name] = (_count(obj["seq"], f"audit_anchors.{name}.seq"), head, mac)
    return anchors


def _checksum(doc: Mapping[str, Any]) -> str:
    """SHA-256 of the header's canonical JSON without its own checksum field."""
    body = {k: v for k, v in doc.items() if k != "checksum"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return "sha256:" + hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
