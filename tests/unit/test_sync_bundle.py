"""Offline bundles (promise 19): encrypted to the recipient, signed by the sender, refused when not.

Known answers go through the module's own primitive wrappers (AES-256-GCM: the GCM specification's
test cases 14 and 16, as in NIST's validation suite; X25519: RFC 7748 section 6.1; HKDF-SHA256:
RFC 5869 case 1). Hypothesis shows that no byte string, truncation or flipped byte of a valid
bundle raises anything but BundleRefused (promise 23).
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from embassy_desk.domain.messages import render
from embassy_desk.sync import bundle, keys
from embassy_desk.sync.bundle import BundleHeader, BundleRefused, read_bundle, write_bundle

DEVICE = "0190f1e2-7c3b-7d4e-8f00-123456789abc"
OTHER_DEVICE = "0190f1e2-7c3b-7d4e-8f00-cccccccccccc"
PAYLOAD = b'{"protocol":1,"schema_version":8,"entries":[],"through":12,"marker":"SECRET-MARKER-7731"}'

DEVICE_KEY = keys.new_signing_key()
OTHER_DEVICE_KEY = keys.new_signing_key()
HQ_SIGNING = keys.new_signing_key()
HQ_BUNDLE = keys.new_bundle_key()
DEVICE_BUNDLE = keys.new_bundle_key()
OTHER_BUNDLE = keys.new_bundle_key()

HEADER = BundleHeader(
    format=1,
    kind="device",
    sender=DEVICE,
    post="almaty-consulate",
    number=3,
    prev_hash="ab" * 32,
    first_seq=41,
    last_seq=57,
    created_at="2026-12-06T22:50:00.000Z",
    protocol=1,
    schema_version=8,
)
HQ_HEADER = replace(HEADER, kind="hq", sender="hq", number=1, prev_hash="", first_seq=1, last_seq=90)
SIGNERS: dict[str, Ed25519PublicKey] = {
    DEVICE: DEVICE_KEY.public_key(),
    OTHER_DEVICE: OTHER_DEVICE_KEY.public_key(),
}


def at_hq(header: BundleHeader) -> Ed25519PublicKey | None:
    """HQ's verify_key: the registered device keys."""
    return SIGNERS.get(header.sender) if header.kind == "device" else None


def at_device(header: BundleHeader) -> Ed25519PublicKey | None:
    """A workstation's verify_key: only HQ signs what it imports."""
    return HQ_SIGNING.public_key() if header.kind == "hq" else None


def device_bundle(payload: bytes = PAYLOAD, header: BundleHeader = HEADER) -> bytes:
    return write_bundle(
        payload, header=header, signer=DEVICE_KEY, recipients=[("hq", HQ_BUNDLE.public_key())]
    )


VALID = device_bundle()


def read_at_hq(data: bytes) -> tuple[BundleHeader, bytes]:
    return read_bundle(data, verify_key=at_hq, recipient_id="hq", recipient_key=HQ_BUNDLE)


def refusal(data: bytes, **changes: Any) -> BundleRefused:
    args: dict[str, Any] = {"verify_key": at_hq, "recipient_id": "hq", "recipient_key": HQ_BUNDLE}
    args.update(changes)
    with pytest.raises(BundleRefused) as caught:
        read_bundle(data, **args)
    assert caught.value.exit_code == 4
    return caught.value


# Known answers ------------------------------------------------------------------------------------

GCM_VECTORS = [
    (  # GCM spec test case 14: AES-256, zero key, one zero block.
        "00" * 32,
        "00" * 12,
        "00" * 16,
        "",
        "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919",
    ),
    (  # Test case 16: AES-256 with associated data and a 60-byte plaintext.
        "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
        "cafebabefacedbaddecaf888",
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e24"
        "49a6b525b16aedf5aa0de657ba637b39",
        "feedfacedeadbeeffeedfacedeadbeefabaddad2",
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b10"
        "56828838c5f61e6393ba7a0abcc9f662" + "76fc6ece0f4e1768cddf8853bb2d551b",
    ),
]


@pytest.mark.parametrize(("key", "nonce", "plaintext", "associated", "sealed"), GCM_VECTORS)
def test_aes_256_gcm_known_answers(
    key: str, nonce: str, plaintext: str, associated: str, sealed: str
) -> None:
    k, n, p, a = (bytes.fromhex(x) for x in (key, nonce, plaintext, associated))
    assert bundle._seal(k, n, p, a).hex() == sealed
    assert bundle._open(k, n, bytes.fromhex(sealed), a) == p
    tampered = bytearray.fromhex(sealed)
    tampered[-1] ^= 1
    with pytest.raises(InvalidTag):
        bundle._open(k, n, bytes(tampered), a)
    with pytest.raises(InvalidTag):
        bundle._open(k, n, bytes.fromhex(sealed), a + b"x")


def test_x25519_rfc7748_known_answer() -> None:
    alice = keys.bundle_private_key(
        bytes.fromhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
    )
    bob = keys.bundle_private_key(
        bytes.fromhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")
    )
    assert keys.public_raw(alice).hex() == "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
    assert keys.public_raw(bob).hex() == "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"
    shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"
    assert bundle._x25519(alice, bob.public_key()).hex() == shared
    assert bundle._x25519(bob, alice.public_key()).hex() == shared


def test_hkdf_sha256_rfc5869_case_1() -> None:
    okm = bundle._hkdf_sha256(
        bytes([0x0B] * 22),
        salt=bytes.fromhex("000102030405060708090a0b0c"),
        info=bytes.fromhex("f0f1f2f3f4f5f6f7f8f9"),
        length=42,
    )
    assert okm.hex() == (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )


def test_x25519_low_order_point_is_refused() -> None:
    # An all-zero shared secret would make the wrapping key public: the exchange refuses it.
    with pytest.raises(ValueError):
        bundle._x25519(HQ_BUNDLE, keys.bundle_public_key(bytes(32)))


# Round trips and format ---------------------------------------------------------------------------


def test_device_bundle_round_trip() -> None:
    header, payload = read_at_hq(VALID)
    assert header == HEADER
    assert payload == PAYLOAD


def test_hq_bundle_for_several_devices() -> None:
    data = write_bundle(
        PAYLOAD,
        header=HQ_HEADER,
        signer=HQ_SIGNING,
        recipients=[(DEVICE, DEVICE_BUNDLE.public_key()), (OTHER_DEVICE, OTHER_BUNDLE.public_key())],
    )
    for device, key in ((DEVICE, DEVICE_BUNDLE), (OTHER_DEVICE, OTHER_BUNDLE)):
        assert read_bundle(data, verify_key=at_device, recipient_id=device, recipient_key=key) == (
            HQ_HEADER,
            PAYLOAD,
        )


def test_empty_payload_round_trips() -> None:
    assert read_at_hq(device_bundle(b""))[1] == b""


def test_layout_magic_lengths_canonical_header_signature() -> None:
    assert VALID.startswith(bundle.MAGIC) and bundle.MAGIC == b"EMBASSY-DESK-BUNDLE 1\n"
    at = len(bundle.MAGIC)
    (header_length,) = struct.unpack(">I", VALID[at : at + 4])
    header_bytes = VALID[at + 4 : at + 4 + header_length]
    document = json.loads(header_bytes)
    assert json.dumps(document, sort_keys=True, separators=(",", ":")).encode() == header_bytes
    assert document["bundle"] == HEADER.as_json()
    assert document["payload"]["compression"] == "zlib" and document["payload"]["size"] == len(PAYLOAD)
    assert [r["id"] for r in document["recipients"]] == ["hq"]
    at += 4 + header_length
    (payload_length,) = struct.unpack(">Q", VALID[at : at + 8])
    assert len(VALID) == at + 8 + payload_length + 64
    DEVICE_KEY.public_key().verify(VALID[-64:], VALID[:-64])


def test_payload_is_not_readable_in_the_file() -> None:
    assert b"SECRET-MARKER" not in VALID
    assert b"SECRET-MARKER" not in zlib.compress(VALID)


def test_each_bundle_is_encrypted_afresh() -> None:
    assert device_bundle() != device_bundle()


def test_bundle_digest_is_sha256_of_the_file() -> None:
    assert bundle.bundle_digest(VALID) == hashlib.sha256(VALID).hexdigest()
    following = device_bundle(header=replace(HEADER, number=4, prev_hash=bundle.bundle_digest(VALID)))
    assert read_at_hq(following)[0].prev_hash == bundle.bundle_digest(VALID)


@settings(max_examples=60, deadline=None)
@given(payload=st.binary(max_size=5000), number=st.integers(1, 2**63 - 1), seq=st.integers(0, 2**63 - 1))
def test_round_trip_of_random_payloads(payload: bytes, number: int, seq: int) -> None:
    header = replace(HEADER, number=number, first_seq=seq, last_seq=seq)
    assert read_at_hq(device_bundle(payload, header)) == (header, payload)


# Header values ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"number": 0},
        {"number": True},
        {"number": "3"},
        {"first_seq": -1},
        {"last_seq": 2**63},
        {"kind": "workstation"},
        {"kind": "hq"},  # with a device as sender
        {"sender": "hq"},  # with kind "device"
        {"sender": ""},
        {"post": "x" * 101},
        {"prev_hash": "AB" * 32},
        {"prev_hash": "ab"},
        {"created_at": "2026\n"},
        {"protocol": 0},
    ],
)
def test_header_values_are_checked(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        replace(HEADER, **changes)


@pytest.mark.parametrize(
    "recipients",
    [[], [("hq", HQ_BUNDLE.public_key()), ("hq", OTHER_BUNDLE.public_key())], [("", HQ_BUNDLE.public_key())]],
)
def test_writer_needs_distinct_recipients(recipients: list[tuple[str, Any]]) -> None:
    with pytest.raises(ValueError):
        write_bundle(PAYLOAD, header=HEADER, signer=DEVICE_KEY, recipients=recipients)


def test_writer_refuses_another_format_and_too_many_recipients() -> None:
    with pytest.raises(ValueError):
        write_bundle(
            PAYLOAD,
            header=replace(HEADER, format=2),
            signer=DEVICE_KEY,
            recipients=[("hq", HQ_BUNDLE.public_key())],
        )
    many = [(f"device-{n}", HQ_BUNDLE.public_key()) for n in range(bundle.MAX_RECIPIENTS + 1)]
    with pytest.raises(ValueError):
        write_bundle(PAYLOAD, header=HEADER, signer=DEVICE_KEY, recipients=many)


def test_the_most_recipients_with_the_longest_ids_fit_the_header() -> None:
    many = [(f"{n:03d}" + "d" * 97, DEVICE_BUNDLE.public_key()) for n in range(bundle.MAX_RECIPIENTS)]
    data = write_bundle(PAYLOAD, header=HQ_HEADER, signer=HQ_SIGNING, recipients=many)
    _header, payload = read_bundle(
        data, verify_key=at_device, recipient_id=many[-1][0], recipient_key=DEVICE_BUNDLE
    )
    assert payload == PAYLOAD


# Refusals -----------------------------------------------------------------------------------------


def test_bundle_signed_by_another_device_is_forged() -> None:
    # OTHER_DEVICE's key signs a bundle that claims to come from DEVICE.
    forged = write_bundle(
        PAYLOAD, header=HEADER, signer=OTHER_DEVICE_KEY, recipients=[("hq", HQ_BUNDLE.public_key())]
    )
    error = refusal(forged)
    assert error.reason == "forged" and error.code == "bundle.bad_signature"
    assert DEVICE in str(error) and "forged" in str(error)


def test_bundle_from_an_unknown_signer_is_forged() -> None:
    error = refusal(VALID, verify_key=lambda _header: None)
    assert error.reason == "forged" and error.code == "bundle.unknown_signer"


def test_a_device_bundle_offered_to_a_workstation_is_not_for_it() -> None:
    error = refusal(VALID, verify_key=at_device, recipient_id=DEVICE, recipient_key=DEVICE_BUNDLE)
    assert error.reason == "not_for_recipient" and error.code == "bundle.not_for_recipient"
    assert "addressed to hq" in str(error)


def test_bundle_for_another_device_is_refused() -> None:
    data = write_bundle(
        PAYLOAD, header=HQ_HEADER, signer=HQ_SIGNING, recipients=[(OTHER_DEVICE, OTHER_BUNDLE.public_key())]
    )
    error = refusal(data, verify_key=at_device, recipient_id=DEVICE, recipient_key=DEVICE_BUNDLE)
    assert error.reason == "not_for_recipient"


def test_bundle_for_an_old_key_of_the_recipient_is_refused() -> None:
    error = refusal(VALID, recipient_key=keys.new_bundle_key())
    assert error.reason == "not_for_recipient" and error.code == "bundle.other_key"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"%PDF-1.7\n",
        b"PK\x03\x04" + bytes(100),
        "Фамилия;Имя\n".encode(),
        b"EMBASSY-DESK",
        b"\x00" * 100,
    ],
)
def test_other_files_are_not_bundles(data: bytes) -> None:
    assert refusal(data).reason == "not_a_bundle"


def test_a_newer_format_is_named() -> None:
    error = refusal(b"EMBASSY-DESK-BUNDLE 2\n" + VALID[len(bundle.MAGIC) :])
    assert error.reason == "newer_format" and "format 2" in str(error)
    assert refusal(b"EMBASSY-DESK-BUNDLE x\n").reason == "not_a_bundle"


def test_cut_and_extended_files_are_damaged() -> None:
    assert refusal(VALID[:-1]).code == "bundle.truncated"
    assert refusal(VALID + b"\x00").code == "bundle.truncated"
    assert refusal(VALID[: len(bundle.MAGIC) + 2]).code == "bundle.truncated"


def test_absurd_lengths_are_refused_before_reading() -> None:
    huge_header = bundle.MAGIC + struct.pack(">I", 0xFFFFFFFF) + b"{}"
    error = refusal(huge_header)
    assert error.reason == "damaged" and error.code == "bundle.header_too_long"
    at = len(bundle.MAGIC)
    (header_length,) = struct.unpack(">I", VALID[at : at + 4])
    cut = at + 4 + header_length
    huge_payload = VALID[:cut] + struct.pack(">Q", 2**64 - 1) + VALID[cut + 8 :]
    assert refusal(huge_payload).code == "bundle.truncated"


def test_a_file_over_the_size_limit_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle, "MAX_BUNDLE_BYTES", len(VALID) - 1)
    error = refusal(VALID)
    assert error.reason == "too_large"


# Signed by the real key but built wrongly: crafted here from the module's own pieces.


def _crafted(
    *,
    compressed: bytes,
    size: int,
    wrong_associated_data: bool = False,
    signer: Ed25519PrivateKey = DEVICE_KEY,
) -> bytes:
    content_key = bytes(range(32))
    ephemeral = X25519PrivateKey.generate()
    shared = bundle._x25519(ephemeral, HQ_BUNDLE.public_key())
    wrap = bundle._wrap_key(keys.public_raw(ephemeral), keys.public_raw(HQ_BUNDLE), shared)
    wrapped = bundle._seal(wrap, bytes(12), content_key, bundle._wrap_ad("hq", HEADER))
    header = bundle._canonical(
        {
            "bundle": HEADER.as_json(),
            "payload": {"compression": "zlib", "nonce": bundle._b64(bytes(12)), "size": size},
            "recipients": [
                {
                    "id": "hq",
                    "ephemeral": bundle._b64(keys.public_raw(ephemeral)),
                    "nonce": bundle._b64(bytes(12)),
                    "wrapped": bundle._b64(wrapped),
                }
            ],
        }
    )
    prefix = bundle.MAGIC + struct.pack(">I", len(header)) + header
    sealed = bundle._seal(
        content_key, bytes(12), compressed, prefix + (b"x" if wrong_associated_data else b"")
    )
    signed = prefix + struct.pack(">Q", len(sealed)) + sealed
    return signed + signer.sign(signed)


def test_crafted_bundle_helper_builds_a_valid_bundle() -> None:
    assert read_at_hq(_crafted(compressed=zlib.compress(PAYLOAD), size=len(PAYLOAD)))[1] == PAYLOAD


def test_declared_size_over_the_limit_is_refused_before_unpacking() -> None:
    data = _crafted(compressed=zlib.compress(PAYLOAD), size=bundle.MAX_PAYLOAD_BYTES + 1)
    error = refusal(data)
    assert error.reason == "too_large" and error.code == "bundle.payload_too_large"


def test_a_compression_bomb_stops_at_the_declared_size() -> None:
    # 64 MiB of zeros compress to ~64 KiB; declared as 1,000 bytes, unpacking stops after 1,001.
    bomb = zlib.compress(bytes(64 * 1024 * 1024), 9)
    assert len(bomb) < 100_000
    error = refusal(_crafted(compressed=bomb, size=1000))
    assert error.reason == "damaged" and error.code == "bundle.payload_damaged"


@pytest.mark.parametrize(
    ("compressed", "size"),
    [
        (zlib.compress(PAYLOAD), len(PAYLOAD) + 1),  # shorter than declared
        (zlib.compress(PAYLOAD), len(PAYLOAD) - 1),  # longer than declared
        (zlib.compress(PAYLOAD)[:-3], len(PAYLOAD)),  # stream cut
        (zlib.compress(PAYLOAD) + b"tail", len(PAYLOAD)),  # bytes after the stream
        (PAYLOAD, len(PAYLOAD)),  # not compressed at all
    ],
)
def test_signed_but_unpackable_payload_is_damaged(compressed: bytes, size: int) -> None:
    assert refusal(_crafted(compressed=compressed, size=size)).code == "bundle.payload_damaged"


def test_payload_not_bound_to_its_header_is_damaged() -> None:
    data = _crafted(compressed=zlib.compress(PAYLOAD), size=len(PAYLOAD), wrong_associated_data=True)
    assert refusal(data).code == "bundle.payload_damaged"


def _with_header(document: Callable[[dict[str, Any]], Any], *, canonical: bool = True) -> bytes:
    """VALID with its header replaced and re-signed by the device (so only the header is wrong)."""
    at = len(bundle.MAGIC)
    (length,) = struct.unpack(">I", VALID[at : at + 4])
    parsed = json.loads(VALID[at + 4 : at + 4 + length])
    changed = document(parsed)
    header = bundle._canonical(changed) if canonical else json.dumps(changed, indent=1).encode()
    signed = bundle.MAGIC + struct.pack(">I", len(header)) + header + VALID[at + 4 + length : -64]
    return signed + DEVICE_KEY.sign(signed)


def _set(path: tuple[str, ...], value: Any) -> Callable[[dict[str, Any]], Any]:
    def change(document: dict[str, Any]) -> Any:
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return document

    return change


@pytest.mark.parametrize(
    "change",
    [
        _set(("bundle", "number"), "3"),
        _set(("bundle", "extra"), 1),
        _set(("bundle", "format"), 2),
        _set(("payload", "compression"), "zstd"),
        _set(("payload", "size"), -1),
        _set(("payload", "nonce"), "AAAA"),
        _set(("recipients",), []),
        _set(("recipients",), {"hq": 1}),
        _set(("surprise",), True),
        lambda document: [document],
        lambda document: {**document, "recipients": document["recipients"] * 2},
    ],
)
def test_headers_not_as_written_are_damaged(change: Callable[[dict[str, Any]], Any]) -> None:
    assert refusal(_with_header(change)).code == "bundle.header_damaged"


def test_a_non_canonical_header_is_damaged() -> None:
    assert refusal(_with_header(lambda d: d, canonical=False)).code == "bundle.header_damaged"


def test_a_header_changed_after_signing_is_refused() -> None:
    at = len(bundle.MAGIC)
    renumbered = VALID.replace(b'"number":3', b'"number":4', 1)
    assert renumbered != VALID and renumbered[:at] == VALID[:at]
    assert refusal(renumbered).reason == "forged"


def test_refusals_read_in_russian_and_kazakh() -> None:
    error = refusal(VALID, verify_key=lambda _header: None)
    assert "поддельный" in render(error, "ru")
    assert "жалған" in render(error, "kk")


# Fuzzing: nothing but BundleRefused, whatever the bytes -------------------------------------------


def _only_refused(data: bytes) -> None:
    try:
        read_at_hq(data)
    except BundleRefused:
        return
    raise AssertionError("accepted a changed bundle")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused(data: bytes) -> None:
    _only_refused(data)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_after_the_magic_are_refused(data: bytes) -> None:
    _only_refused(bundle.MAGIC + data)


def test_every_truncation_is_refused() -> None:
    for length in range(len(VALID)):
        with pytest.raises(BundleRefused):
            read_at_hq(VALID[:length])


def test_every_single_byte_flip_is_refused() -> None:
    for index in range(len(VALID)):
        flipped = bytearray(VALID)
        flipped[index] ^= 0x01
        with pytest.raises(BundleRefused):
            read_at_hq(bytes(flipped))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, len(VALID) - 1), mask=st.integers(1, 255))
def test_any_single_byte_change_is_refused(index: int, mask: int) -> None:
    flipped = bytearray(VALID)
    flipped[index] ^= mask
    _only_refused(bytes(flipped))


@settings(max_examples=200, deadline=None)
@given(at=st.integers(0, len(VALID)), inserted=st.binary(min_size=1, max_size=20))
def test_inserted_bytes_are_refused(at: int, inserted: bytes) -> None:
    _only_refused(VALID[:at] + inserted + VALID[at:])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(
    document=st.one_of(
        json_values,
        st.fixed_dictionaries({"bundle": json_values, "payload": json_values, "recipients": json_values}),
    ),
    sealed=st.binary(min_size=16, max_size=64),
)
def test_well_framed_files_with_any_json_header_are_refused(document: Any, sealed: bytes) -> None:
    # Lengths consistent, so the header parser (not the framing) meets every kind of JSON.
    header = bundle._canonical(document)
    data = bundle.MAGIC + struct.pack(">I", len(header)) + header + struct.pack(">Q", len(sealed)) + sealed
    _only_refused(data + bytes(64))


@settings(max_examples=100, deadline=None)
@given(depth=st.integers(1, 100_000))
def test_deeply_nested_headers_are_refused(depth: int) -> None:
    header = b"[" * min(depth, bundle.MAX_HEADER_BYTES)
    data = bundle.MAGIC + struct.pack(">I", len(header)) + header + struct.pack(">Q", 16) + bytes(16 + 64)
    _only_refused(data)
