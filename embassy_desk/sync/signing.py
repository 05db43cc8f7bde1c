"""Signed requests to HQ (SECURITY promise 18): RFC 9421 HTTP Message Signatures with Ed25519.

Every ``/v1`` request but enrollment carries three headers:

* ``Content-Digest: sha-256=:<base64>:`` (RFC 9530) of the body bytes *as sent* (after gzip, if
  the request is compressed), so HQ checks it before decoding anything;
* ``Signature-Input: sig1=("@method" "@path" "content-digest");created=...;keyid="<device id>";
  alg="ed25519";nonce="<random>"``;
* ``Signature: sig1=:<base64 Ed25519 signature>:``.

The canonical signature base is built by the maintained ``http-message-signatures`` library; this
module only adapts a (method, url, headers) triple to the message shape it reads and turns each way
a request can fail into one stable :class:`SignatureRefused` code HQ can answer with (401 bodies).
Nonce reuse is not checked here: HQ's store remembers nonces (``remember_nonce``) and refuses a
replay, and the +-300 s window below bounds how long it must remember them.
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from http_message_signatures import (
    ContentDigest,
    HTTPMessageSignaturesException,
    HTTPMessageSigner,
    HTTPMessageVerifier,
    HTTPSignatureKeyResolver,
    InvalidSignature,
    algorithms,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.messages import Msg
from embassy_desk.sync.wire import MAX_SKEW_SECONDS

__all__ = [
    "COVERED_COMPONENTS",
    "SIGNATURE_LABEL",
    "RefusalCode",
    "SignatureRefused",
    "VerifiedRequest",
    "sign_request",
    "verify_request",
]

# What a signature covers (SYNC.md / promise 18): the method, the path and the body's digest. Host
# and scheme are left out on purpose: HQ may sit behind a TLS proxy that rewrites them.
COVERED_COMPONENTS = ("@method", "@path", "content-digest")
SIGNATURE_LABEL = "sig1"
# 128 random bits; HQ stores nonces, so they are short and printable (a Structured Field String).
_NONCE_BYTES = 16
_MAX_NONCE_LENGTH = 128
_MAX_KEY_ID_LENGTH = 100  # as wire.Id
# A header that long is not ours; refuse it before any parser looks at it.
_MAX_SIGNATURE_HEADER = 4096

RefusalCode = Literal[
    "signature_missing", "signature_invalid", "digest_mismatch", "unknown_key", "clock_skew"
]

_MESSAGE_CODES: dict[str, str] = {
    "signature_missing": "signature.missing",
    "signature_invalid": "signature.invalid",
    "digest_mismatch": "signature.digest_mismatch",
    "unknown_key": "signature.unknown_key",
    "clock_skew": "signature.clock_skew",
}


class SignatureRefused(EmbassyDeskError):
    """A request whose signature HQ does not accept.

    ``code`` is the refusal as HQ's error bodies name it (``signature_missing``,
    ``signature_invalid``, ``digest_mismatch``, ``unknown_key``, ``clock_skew``); the message itself
    (``msg``, rendered per language) has the catalogue code ``signature.*``. Exit code 9: the
    request was refused by HQ's rules, not damaged data.
    """

    exit_code = 9

    def __init__(self, code: RefusalCode, **params: str | int) -> None:
        super().__init__(Msg(_MESSAGE_CODES[code], **params))
        # The wire code, not the catalogue one: HQ puts it in ErrorBody.code and the client maps it.
        self.code = code


@dataclass(frozen=True)
class VerifiedRequest:
    """What a valid signature proves: who signed (``key_id`` = device id), when (``created``, Unix
    seconds) and the ``nonce`` HQ must check has not been seen before."""

    key_id: str
    nonce: str
    created: int


class _Request:
    """The request shape ``http-message-signatures`` reads: ``method``, absolute ``url``, ``headers``."""

    def __init__(self, method: str, url: str, headers: Any) -> None:
        self.method = method
        self.url = url
        self.headers = headers


class _Headers:
    """Read-only header view over any mapping (a dict, Starlette's Headers): ``items()`` only."""

    def __init__(self, headers: Mapping[str, str]) -> None:
        self._headers = headers

    def items(self) -> Iterable[tuple[str, str]]:
        # Starlette's Headers.items() keeps repeated field lines; a dict has one line per name.
        return list(self._headers.items())


class _PrivateKey(HTTPSignatureKeyResolver):
    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key

    def resolve_private_key(self, key_id: str) -> Ed25519PrivateKey:
        return self._key


class _PublicKeys(HTTPSignatureKeyResolver):
    """Looks keys up with the caller's resolver and remembers whether it knew the key id."""

    def __init__(self, resolve: Callable[[str], Ed25519PublicKey | None]) -> None:
        self._resolve = resolve
        self.unknown: str | None = None

    def resolve_public_key(self, key_id: str) -> Ed25519PublicKey | None:
        if not 0 < len(key_id) <= _MAX_KEY_ID_LENGTH:
            # Not a device id (wire.Id): never handed to the store. The library reports it invalid.
            raise InvalidSignature("key id of the wrong length")
        key = self._resolve(key_id)
        if key is None:
            self.unknown = key_id
        return key


class _Verifier(HTTPMessageVerifier):
    """The library's verifier without its own clock: ``created`` is noted here and judged against
    the caller's clock only after the signature proves it genuine (so a forged request is told
    "invalid", never "merely skewed", and tests can pass ``now``)."""

    require_created = True

    def __init__(self, resolver: _PublicKeys) -> None:
        super().__init__(signature_algorithm=algorithms.ED25519, key_resolver=resolver)
        self.created: int | None = None

    def validate_created_and_expires(self, sig_input: Any, max_age: Any = None) -> None:
        params = sig_input.params
        created = params.get("created")
        if type(created) is not int:
            raise InvalidSignature('Signature needs an integer "created" parameter')
        if "expires" in params:
            # We never send one; a signature that carries it was not made by this code.
            raise InvalidSignature('Unexpected "expires" parameter')
        self.created = created


def sign_request(
    method: str,
    url: str,
    headers: dict[str, str],
    body: bytes,
    *,
    key_id: str,
    private_key: Ed25519PrivateKey,
    now: float | None = None,
) -> dict[str, str]:
    """The headers that sign a request: ``Content-Digest``, ``Signature-Input`` and ``Signature``.

    ``url`` is the absolute URL the request goes to (its path is signed); ``body`` the exact bytes
    sent (gzip-compressed if ``Content-Encoding: gzip``); ``key_id`` the device id; ``now`` the Unix
    time to stamp as ``created`` (the current time if None). ``headers`` is not changed; a
    ``Content-Digest`` already in it must match ``body``.
    """
    message = _Request(method.upper(), url, dict(headers))
    signer = HTTPMessageSigner(signature_algorithm=algorithms.ED25519, key_resolver=_PrivateKey(private_key))
    created = datetime.datetime.fromtimestamp(
        now if now is not None else datetime.datetime.now(datetime.UTC).timestamp(), tz=datetime.UTC
    )
    existing = any(name.lower() == "content-digest" for name in headers)
    signer.sign(
        message,
        key_id=key_id,
        created=created,
        nonce=secrets.token_urlsafe(_NONCE_BYTES),
        label=SIGNATURE_LABEL,
        covered_component_ids=COVERED_COMPONENTS,
        body=body,
        use_existing_digest=existing,
    )
    added: dict[str, str] = {}
    for name, value in message.headers.items():
        if name.lower() in ("content-digest", "signature-input", "signature"):
            added[name] = value
    return added


def _header(headers: Mapping[str, str], name: str) -> list[str]:
    return [value for key, value in headers.items() if key.lower() == name]


def verify_request(
    method: str,
    url: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    resolve_key: Callable[[str], Ed25519PublicKey | None],
    now: float | None = None,
    max_skew: int = MAX_SKEW_SECONDS,
) -> VerifiedRequest:
    """Check a request's RFC 9421 signature and its Content-Digest against ``body`` (the raw bytes
    received, before any gzip decoding).

    ``resolve_key(key_id)`` gives the device's public key, or None for an unknown (or revoked)
    device. ``now`` is HQ's Unix time (the current time if None). Raises :class:`SignatureRefused`
    with code ``signature_missing`` (no signature headers), ``unknown_key``, ``signature_invalid``
    (malformed, wrong key, changed method/path/digest, missing parameters or components),
    ``digest_mismatch`` (the body is not what was signed) or ``clock_skew`` (``created`` more than
    ``max_skew`` seconds from ``now`` either way). Returns the signer, nonce and creation time; the
    caller must still refuse a nonce it has seen.
    """
    inputs, signatures = _header(headers, "signature-input"), _header(headers, "signature")
    if not inputs or not signatures:
        raise SignatureRefused("signature_missing")
    if sum(len(value) for value in (*inputs, *signatures)) > 2 * _MAX_SIGNATURE_HEADER:
        raise SignatureRefused("signature_invalid")
    resolver = _PublicKeys(resolve_key)
    current = now if now is not None else datetime.datetime.now(datetime.UTC).timestamp()
    verifier = _Verifier(resolver)
    message = _Request(method, url, _Headers(headers))
    try:
        results = verifier.verify(message, max_age=None, require_components=COVERED_COMPONENTS)
    except (HTTPMessageSignaturesException, ValueError, TypeError, KeyError, OverflowError) as exc:
        # Every way the library refuses (bad syntax, wrong key, changed component...) is the same
        # answer to the client; which one stays in HQ's own debugging, not in the response.
        if resolver.unknown is not None:
            raise SignatureRefused("unknown_key") from exc
        raise SignatureRefused("signature_invalid") from exc
    if len(results) != 1:
        raise SignatureRefused("signature_invalid")
    result = results[0]
    key_id, nonce, created = result.parameters.get("keyid"), result.nonce, verifier.created
    if (
        not isinstance(key_id, str)
        or not 0 < len(key_id) <= _MAX_KEY_ID_LENGTH
        or not isinstance(nonce, str)
        or not 0 < len(nonce) <= _MAX_NONCE_LENGTH
        or result.parameters.get("alg") != algorithms.ED25519.algorithm_id
        or created is None
    ):
        raise SignatureRefused("signature_invalid")
    try:
        ContentDigest.verify_components(result.covered_components, body)
    except HTTPMessageSignaturesException as exc:
        raise SignatureRefused("digest_mismatch") from exc
    # Judged after the signature: only a genuine device is told its clock is off (and by how much).
    skew = created - current
    if abs(skew) > max_skew:
        raise SignatureRefused("clock_skew", skew=abs(round(skew)), limit=max_skew)
    return VerifiedRequest(key_id=key_id, nonce=nonce, created=created)
