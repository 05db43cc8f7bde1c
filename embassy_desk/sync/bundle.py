"""Offline bundles (SECURITY promise 19): sync batches on a USB stick, encrypted, signed and numbered.

A bundle is one file::

    b"EMBASSY-DESK-BUNDLE 1\\n"                magic line (format version 1)
    header length                            4 bytes, big-endian, at most MAX_HEADER_BYTES
    header                                   canonical JSON (sorted keys, no spaces, UTF-8)
    payload length                           8 bytes, big-endian
    payload                                  AES-256-GCM ciphertext and 16-byte tag
    signature                                64 bytes: Ed25519 by the sender over everything above

The header is ``{"bundle": {...BundleHeader...}, "payload": {"compression": "zlib", "nonce": b64,
"size": n}, "recipients": [{"id", "ephemeral", "nonce", "wrapped"}, ...]}``. The payload is
compressed (zlib), then encrypted under a random 256-bit content key with the magic line, header
length and header as associated data (so no header byte can change without the payload failing to
open). The content key is wrapped for each recipient: a fresh X25519 key pair per recipient, the
shared secret through HKDF-SHA256 (both public keys in ``info``, as in ECIES/HPKE), AES-256-GCM with
the recipient's id and the bundle header as associated data.

Reading checks in this order, so the refusal names the right cause: magic (not a bundle, or a
newer format), lengths (cut short or with bytes added), header syntax (damaged), addressee (not
for this recipient), signer (unknown: forged), signature (altered or forged), content key (wrapped
for another key), payload (damaged although signed: the sender's fault) and its declared size (an
over-large payload is refused before it is unpacked, and unpacking stops at that size).
Every refusal is a :class:`BundleRefused` (exit 4); no other exception escapes for any input bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import secrets
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from embassy_desk.domain.errors import IntegrityFailure
from embassy_desk.domain.messages import Msg
from embassy_desk.sync.keys import public_raw

__all__ = [
    "FORMAT_VERSION",
    "MAGIC",
    "MAX_BUNDLE_BYTES",
    "MAX_HEADER_BYTES",
    "MAX_PAYLOAD_BYTES",
    "BundleHeader",
    "BundleRefused",
    "RefusalReason",
    "bundle_digest",
    "read_bundle",
    "write_bundle",
]

FORMAT_VERSION = 1
_MAGIC_PREFIX = b"EMBASSY-DESK-BUNDLE "
MAGIC = _MAGIC_PREFIX + b"%d\n" % FORMAT_VERSION
# A header holds a few ids and one wrapped key per recipient: a few hundred bytes. The cap keeps a
# hostile length field from making us allocate or parse anything large.
MAX_HEADER_BYTES = 64 * 1024
# One per device of a post (HQ bundles); about 280 header bytes each, so 200 fit MAX_HEADER_BYTES.
MAX_RECIPIENTS = 200
# What a payload may unpack to. A month of a busy post's changes is tens of MiB; this is far above,
# yet below what one AES-GCM call accepts (2**31 - 1 bytes).
MAX_PAYLOAD_BYTES = 512 * 1024 * 1024
# A whole bundle: the compressed payload cannot sensibly exceed the uncompressed limit.
MAX_BUNDLE_BYTES = MAX_PAYLOAD_BYTES + MAX_HEADER_BYTES + 1024

_HEADER_LENGTH = struct.Struct(">I")
_PAYLOAD_LENGTH = struct.Struct(">Q")
SIGNATURE_BYTES = 64
_KEY_BYTES = 32
_NONCE_BYTES = 12
_TAG_BYTES = 16
_WRAP_INFO = b"embassy-desk bundle key wrap v1|"
_WRAP_AD = b"embassy-desk bundle content key v1|"
_COMPRESSION = "zlib"
_MAX_INT = 2**63 - 1  # a SQL BIGINT: numbers and sequence numbers are stored as such
_PREV_HASH = re.compile(r"(?:[0-9a-f]{64})?")
_KINDS = ("device", "hq")

RefusalReason = Literal["not_a_bundle", "newer_format", "too_large", "damaged", "forged", "not_for_recipient"]


class BundleRefused(IntegrityFailure):
    """A bundle that is not accepted (exit 4). ``reason`` says why, as one of :data:`RefusalReason`:
    ``not_a_bundle``, ``newer_format``, ``too_large``, ``damaged`` (cut, altered or unreadable),
    ``forged`` (bad signature or unknown signer) or ``not_for_recipient``; the message says the same
    for a person (codes ``bundle.*``)."""

    def __init__(self, reason: RefusalReason, msg: Msg) -> None:
        super().__init__(msg)
        self.reason: RefusalReason = reason


@dataclass(frozen=True)
class BundleHeader:
    """What a bundle says about itself, signed with it (SYNC.md "Offline bundles").

    ``number``: 1, 2, ... per sender; ``prev_hash``: :func:`bundle_digest` of the sender's previous
    bundle ("" for the first), so HQ names a gap or a replay; ``first_seq``/``last_seq``: outbox
    sequence numbers (device bundles) or the post's sequence numbers (HQ bundles). Constructing one
    with a value of the wrong type or range raises ValueError.
    """

    format: int
    kind: Literal["device", "hq"]
    sender: str
    post: str
    number: int
    prev_hash: str
    first_seq: int
    last_seq: int
    created_at: str
    protocol: int
    schema_version: int

    def __post_init__(self) -> None:
        for name in ("format", "number", "first_seq", "last_seq", "protocol", "schema_version"):
            value = getattr(self, name)
            # bool is an int in Python but never a number here.
            if type(value) is not int or not 0 <= value <= _MAX_INT:
                raise ValueError(f"{name} must be an integer from 0 to 2**63-1")
        for name in ("kind", "sender", "post", "prev_hash", "created_at"):
            if type(getattr(self, name)) is not str:
                raise ValueError(f"{name} must be text")
        if self.kind not in _KINDS:
            raise ValueError("kind must be 'device' or 'hq'")
        if (self.kind == "hq") != (self.sender == "hq"):
            raise ValueError("sender must be 'hq' exactly when kind is 'hq'")
        if self.number < 1 or self.protocol < 1 or self.schema_version < 1:
            raise ValueError("number, protocol and schema_version start at 1")
        if not _PREV_HASH.fullmatch(self.prev_hash):
            raise ValueError("prev_hash must be '' or 64 lowercase hex digits")
        for name in ("sender", "post", "created_at"):
            if not 0 < len(getattr(self, name)) <= 100 or not getattr(self, name).isprintable():
                raise ValueError(f"{name} must be 1 to 100 printable characters")

    def as_json(self) -> dict[str, Any]:
        """The header's fields as a JSON object (what the bundle carries)."""
        return asdict(self)


def bundle_digest(data: bytes) -> str:
    """SHA-256 (hex) of a whole bundle file: what the sender's next bundle names as ``prev_hash``."""
    return hashlib.sha256(data).hexdigest()


# Primitives, each a thin named wrapper so the known-answer tests go through the same calls. ----------


def _hkdf_sha256(secret: bytes, *, salt: bytes | None, info: bytes, length: int = _KEY_BYTES) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(secret)


def _x25519(private: X25519PrivateKey, public: X25519PublicKey) -> bytes:
    # Raises ValueError for a low-order public key (an all-zero shared secret).
    return private.exchange(public)


def _seal(key: bytes, nonce: bytes, plaintext: bytes | memoryview, associated: bytes | memoryview) -> bytes:
    return AESGCM(key).encrypt(nonce, plaintext, associated)


def _open(key: bytes, nonce: bytes, sealed: bytes | memoryview, associated: bytes | memoryview) -> bytes:
    """Raises InvalidTag if ``sealed`` was not made with this key, nonce and associated data."""
    return AESGCM(key).decrypt(nonce, sealed, associated)


def _wrap_key(ephemeral_public: bytes, recipient_public: bytes, shared: bytes) -> bytes:
    return _hkdf_sha256(shared, salt=None, info=_WRAP_INFO + ephemeral_public + recipient_public)


def _canonical(value: Any) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode()


def _wrap_ad(recipient_id: str, header: BundleHeader) -> bytes:
    return _WRAP_AD + _canonical([recipient_id, header.as_json()])


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# Writing ------------------------------------------------------------------------------------------


def write_bundle(
    payload: bytes,
    *,
    header: BundleHeader,
    signer: Ed25519PrivateKey,
    recipients: Sequence[tuple[str, X25519PublicKey]],
) -> bytes:
    """The bundle file carrying ``payload`` (a PushRequest's or HQ batch's JSON bytes) to each of
    ``recipients`` (id, X25519 public key), signed by ``signer``.

    Raises ValueError for a payload over MAX_PAYLOAD_BYTES, no recipients, repeated or unusable
    recipient ids (these are the caller's mistakes, not bad input).
    """
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"a bundle payload is at most {MAX_PAYLOAD_BYTES} bytes")
    if header.format != FORMAT_VERSION:
        raise ValueError(f"this code writes bundle format {FORMAT_VERSION}")
    ids = [recipient_id for recipient_id, _ in recipients]
    if not 0 < len(ids) <= MAX_RECIPIENTS or len(set(ids)) != len(ids):
        raise ValueError(f"a bundle needs 1 to {MAX_RECIPIENTS} recipients with distinct ids")
    for recipient_id in ids:
        if not isinstance(recipient_id, str) or not 0 < len(recipient_id) <= 100:
            raise ValueError("a recipient id is 1 to 100 characters")
    content_key = AESGCM.generate_key(bit_length=256)
    wrapped = []
    for recipient_id, public in recipients:
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public, recipient_public = public_raw(ephemeral), public_raw(public)
        key = _wrap_key(ephemeral_public, recipient_public, _x25519(ephemeral, public))
        nonce = secrets.token_bytes(_NONCE_BYTES)
        wrapped.append(
            {
                "id": recipient_id,
                "ephemeral": _b64(ephemeral_public),
                "nonce": _b64(nonce),
                "wrapped": _b64(_seal(key, nonce, content_key, _wrap_ad(recipient_id, header))),
            }
        )
    payload_nonce = secrets.token_bytes(_NONCE_BYTES)
    header_bytes = _canonical(
        {
            "bundle": header.as_json(),
            "payload": {"compression": _COMPRESSION, "nonce": _b64(payload_nonce), "size": len(payload)},
            "recipients": wrapped,
        }
    )
    if len(header_bytes) > MAX_HEADER_BYTES:
        raise ValueError("the bundle header is too long (too many recipients?)")
    prefix = MAGIC + _HEADER_LENGTH.pack(len(header_bytes)) + header_bytes
    sealed = _seal(content_key, payload_nonce, zlib.compress(payload, 6), prefix)
    signed = prefix + _PAYLOAD_LENGTH.pack(len(sealed)) + sealed
    return signed + signer.sign(signed)


# Reading ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Recipient:
    ephemeral: bytes
    nonce: bytes
    wrapped: bytes


@dataclass(frozen=True)
class _Envelope:
    header: BundleHeader
    nonce: bytes
    size: int
    recipients: dict[str, _Recipient]


def _damaged(code: str, **params: str | int) -> BundleRefused:
    return BundleRefused("damaged", Msg(code, **params))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("repeated key")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _bytes_field(value: object, length: int) -> bytes:
    if not isinstance(value, str) or len(value) > 4 * length:
        raise ValueError("not base64")
    raw = base64.b64decode(value.encode("ascii"), validate=True)
    if len(raw) != length or _b64(raw) != value:
        raise ValueError("wrong length or not canonical base64")
    return raw


def _parse_header(header_bytes: bytes) -> _Envelope:
    """The header's content, or ValueError/TypeError/RecursionError for anything not exactly as
    :func:`write_bundle` writes it (canonical form included: one spelling per header)."""
    document = json.loads(
        header_bytes.decode("utf-8"),
        object_pairs_hook=_no_duplicates,
        parse_constant=_no_constant,
    )
    if _canonical(document) != header_bytes:
        raise ValueError("not canonical")
    if not isinstance(document, dict) or set(document) != {"bundle", "payload", "recipients"}:
        raise ValueError("unexpected top level")
    fields, payload, recipients = document["bundle"], document["payload"], document["recipients"]
    if not isinstance(fields, dict) or set(fields) != set(BundleHeader.__dataclass_fields__):
        raise ValueError("unexpected bundle fields")
    header = BundleHeader(**fields)
    if header.format != FORMAT_VERSION:
        raise ValueError("the header's format is not the magic line's")
    if not isinstance(payload, dict) or set(payload) != {"compression", "nonce", "size"}:
        raise ValueError("unexpected payload fields")
    if payload["compression"] != _COMPRESSION:
        raise ValueError("unknown compression")
    size = payload["size"]
    if type(size) is not int or size < 0:
        raise ValueError("bad size")
    if not isinstance(recipients, list) or not 0 < len(recipients) <= MAX_RECIPIENTS:
        raise ValueError("bad recipients")
    by_id: dict[str, _Recipient] = {}
    for item in recipients:
        if not isinstance(item, dict) or set(item) != {"id", "ephemeral", "nonce", "wrapped"}:
            raise ValueError("unexpected recipient fields")
        recipient_id = item["id"]
        if not isinstance(recipient_id, str) or not 0 < len(recipient_id) <= 100 or recipient_id in by_id:
            raise ValueError("bad recipient id")
        by_id[recipient_id] = _Recipient(
            ephemeral=_bytes_field(item["ephemeral"], _KEY_BYTES),
            nonce=_bytes_field(item["nonce"], _NONCE_BYTES),
            wrapped=_bytes_field(item["wrapped"], _KEY_BYTES + _TAG_BYTES),
        )
    return _Envelope(header, _bytes_field(payload["nonce"], _NONCE_BYTES), size, by_id)


def _split(view: memoryview) -> tuple[memoryview, memoryview, memoryview, memoryview]:
    """(header bytes, everything signed, the sealed payload, signature) of a bundle's bytes."""
    if len(view) > MAX_BUNDLE_BYTES:
        raise BundleRefused("too_large", Msg("bundle.too_large", size=len(view), limit=MAX_BUNDLE_BYTES))
    if bytes(view[: len(_MAGIC_PREFIX)]) != _MAGIC_PREFIX:
        raise BundleRefused("not_a_bundle", Msg("bundle.not_a_bundle"))
    if bytes(view[: len(MAGIC)]) != MAGIC:
        line = bytes(view[len(_MAGIC_PREFIX) : len(_MAGIC_PREFIX) + 12]).split(b"\n", 1)[0]
        if line.isdigit() and len(line) <= 9 and int(line) > FORMAT_VERSION:
            raise BundleRefused("newer_format", Msg("bundle.newer_format", version=int(line)))
        raise BundleRefused("not_a_bundle", Msg("bundle.not_a_bundle"))
    at = len(MAGIC)
    if len(view) < at + _HEADER_LENGTH.size:
        raise _damaged("bundle.truncated")
    (header_length,) = _HEADER_LENGTH.unpack(view[at : at + _HEADER_LENGTH.size])
    if header_length > MAX_HEADER_BYTES:
        # Checked before anything is read or allocated by that length.
        raise _damaged("bundle.header_too_long", length=header_length, limit=MAX_HEADER_BYTES)
    at += _HEADER_LENGTH.size
    header = view[at : at + header_length]
    at += header_length
    if len(view) < at + _PAYLOAD_LENGTH.size:
        raise _damaged("bundle.truncated")
    (payload_length,) = _PAYLOAD_LENGTH.unpack(view[at : at + _PAYLOAD_LENGTH.size])
    at += _PAYLOAD_LENGTH.size
    # The file must end exactly after the payload and the signature: not cut, nothing appended.
    if payload_length < _TAG_BYTES or len(view) != at + payload_length + SIGNATURE_BYTES:
        raise _damaged("bundle.truncated")
    sealed = view[at : at + payload_length]
    signed = view[: at + payload_length]
    return header, signed, sealed, view[at + payload_length :]


def read_bundle(
    data: bytes,
    *,
    verify_key: Callable[[BundleHeader], Ed25519PublicKey | None],
    recipient_id: str,
    recipient_key: X25519PrivateKey,
) -> tuple[BundleHeader, bytes]:
    """The header and payload of a bundle addressed to ``recipient_id`` (opened with its X25519
    ``recipient_key``), after checking its signature with ``verify_key(header)``: the sender's Ed25519
    public key, or None if that sender is unknown here (refused as forged).

    Raises :class:`BundleRefused` for every bundle that is not intact, authentic and addressed to
    this recipient; nothing else for any ``data``. ``verify_key`` is called with a header that is not
    yet authenticated: it must only look the sender up. Check the numbering (``number``,
    ``prev_hash``) against what was imported before.
    """
    view = memoryview(data)
    header_bytes, signed, sealed, signature = _split(view)
    try:
        envelope = _parse_header(bytes(header_bytes))
    except (ValueError, TypeError, RecursionError, UnicodeDecodeError, binascii.Error):
        raise _damaged("bundle.header_damaged") from None
    header = envelope.header
    recipient = envelope.recipients.get(recipient_id)
    if recipient is None:
        addressed = ", ".join(sorted(envelope.recipients))
        raise BundleRefused(
            "not_for_recipient", Msg("bundle.not_for_recipient", recipient=recipient_id, addressed=addressed)
        )
    public = verify_key(header)
    if public is None:
        raise BundleRefused("forged", Msg("bundle.unknown_signer", sender=header.sender))
    try:
        public.verify(bytes(signature), signed)
    except InvalidSignature:
        raise BundleRefused("forged", Msg("bundle.bad_signature", sender=header.sender)) from None
    # Authentic from here on: a failure below is the sender's doing (or a key that changed).
    try:
        shared = _x25519(recipient_key, X25519PublicKey.from_public_bytes(recipient.ephemeral))
        wrap = _wrap_key(recipient.ephemeral, public_raw(recipient_key), shared)
        content_key = _open(wrap, recipient.nonce, recipient.wrapped, _wrap_ad(recipient_id, header))
    except (InvalidTag, ValueError):
        raise BundleRefused("not_for_recipient", Msg("bundle.other_key", recipient=recipient_id)) from None
    if envelope.size > MAX_PAYLOAD_BYTES:
        raise BundleRefused(
            "too_large", Msg("bundle.payload_too_large", size=envelope.size, limit=MAX_PAYLOAD_BYTES)
        )
    prefix = signed[: len(MAGIC) + _HEADER_LENGTH.size + len(header_bytes)]
    try:
        compressed = _open(content_key, envelope.nonce, sealed, prefix)
    except InvalidTag:
        raise _damaged("bundle.payload_damaged") from None
    return header, _inflate(compressed, envelope.size)


def _inflate(compressed: bytes, size: int) -> bytes:
    """zlib-decompress ``compressed``, which must unpack to exactly ``size`` bytes; never more is
    produced (``max_length``), so a small bomb cannot fill memory."""
    inflater = zlib.decompressobj()
    try:
        payload = inflater.decompress(compressed, size + 1)
    except zlib.error:
        raise _damaged("bundle.payload_damaged") from None
    if len(payload) != size or not inflater.eof or inflater.unused_data or inflater.unconsumed_tail:
        raise _damaged("bundle.payload_damaged")
    return payload
