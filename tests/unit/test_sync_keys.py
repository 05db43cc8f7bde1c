"""Device and HQ keys: encodings round-trip, bad values are refused by code, key files are private."""

from __future__ import annotations

import base64
import contextlib
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.sync import keys

POSIX = os.name == "posix"


def test_new_keys_are_distinct_and_of_the_right_kind() -> None:
    one, two = keys.new_signing_key(), keys.new_signing_key()
    assert isinstance(one, Ed25519PrivateKey)
    assert keys.public_raw(one) != keys.public_raw(two)
    bundle = keys.new_bundle_key()
    assert isinstance(bundle, X25519PrivateKey)
    assert len(keys.public_raw(bundle)) == keys.KEY_LENGTH == len(keys.private_raw(bundle))


def test_signing_key_round_trips_through_base64_and_raw() -> None:
    key = keys.new_signing_key()
    again = keys.signing_private_key(keys.private_b64(key))
    assert keys.private_raw(again) == keys.private_raw(key)
    assert keys.private_raw(keys.signing_private_key(keys.private_raw(key))) == keys.private_raw(key)
    public = keys.signing_public_key(keys.public_b64(key))
    public.verify(key.sign(b"hello"), b"hello")
    assert keys.public_raw(keys.signing_public_key(keys.public_raw(key))) == keys.public_raw(key)
    assert keys.public_b64(key) == keys.public_b64(key.public_key())


def test_bundle_key_round_trips_through_base64_and_raw() -> None:
    key, peer = keys.new_bundle_key(), keys.new_bundle_key()
    again = keys.bundle_private_key(keys.private_b64(key))
    public = keys.bundle_public_key(keys.public_b64(peer))
    assert again.exchange(public) == peer.exchange(key.public_key())
    assert keys.public_raw(keys.bundle_public_key(keys.public_raw(key))) == keys.public_raw(key)


def test_base64_is_standard_with_padding() -> None:
    text = keys.public_b64(keys.new_signing_key())
    assert len(text) == 44 and text.endswith("=")
    assert base64.b64decode(text, validate=True)


@pytest.mark.parametrize(
    "decode",
    [keys.signing_public_key, keys.signing_private_key, keys.bundle_public_key, keys.bundle_private_key],
)
@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "signature.key_length"),
        ("AAAA", "signature.key_length"),
        (base64.b64encode(bytes(33)).decode(), "signature.key_length"),
        ("not base64 at all!", "signature.key_not_base64"),
        ("ключ", "signature.key_not_base64"),
        (bytes(31), "signature.key_length"),
    ],
)
def test_bad_values_are_refused_by_code(decode: object, value: str | bytes, code: str) -> None:
    with pytest.raises(keys.BadKey) as caught:
        decode(value)  # type: ignore[operator]
    assert caught.value.code == code
    assert caught.value.exit_code == 2


@given(st.one_of(st.text(max_size=80), st.binary(max_size=80)))
def test_any_value_decodes_or_is_refused(value: str | bytes) -> None:
    for decode in (
        keys.signing_public_key,
        keys.signing_private_key,
        keys.bundle_public_key,
        keys.bundle_private_key,
    ):
        with contextlib.suppress(keys.BadKey):
            decode(value)


def test_key_files_are_private_and_round_trip(tmp_path: Path) -> None:
    signing, bundle = keys.new_signing_key(), keys.new_bundle_key()
    keys.save_private_key(tmp_path / "signing.pem", signing)
    keys.save_private_key(tmp_path / "bundle.pem", bundle)
    if POSIX:
        assert stat.S_IMODE((tmp_path / "signing.pem").stat().st_mode) == 0o600
    assert keys.private_raw(keys.load_signing_key(tmp_path / "signing.pem")) == keys.private_raw(signing)
    assert keys.private_raw(keys.load_bundle_key(tmp_path / "bundle.pem")) == keys.private_raw(bundle)
    assert b"PRIVATE KEY" in (tmp_path / "signing.pem").read_bytes()


def test_key_file_of_the_other_kind_is_refused(tmp_path: Path) -> None:
    keys.save_private_key(tmp_path / "bundle.pem", keys.new_bundle_key())
    with pytest.raises(keys.DamagedKeyFile) as caught:
        keys.load_signing_key(tmp_path / "bundle.pem")
    assert caught.value.exit_code == 4
    assert "bundle.pem" in str(caught.value)


@pytest.mark.parametrize("content", [b"", b"garbage", b"-----BEGIN PRIVATE KEY-----\nAAAA\n", bytes(10_000)])
def test_damaged_key_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "k.pem"
    path.write_bytes(content)
    path.chmod(0o600)
    with pytest.raises(keys.DamagedKeyFile):
        keys.load_bundle_key(path)


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_a_key_file_others_may_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "signing.pem"
    keys.save_private_key(path, keys.new_signing_key())
    path.chmod(0o644)
    with pytest.raises(keys.BadKey) as caught:
        keys.load_signing_key(path)
    assert caught.value.code == "signature.key_file_loose"
    assert "644" in str(caught.value)


def test_a_missing_key_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        keys.load_signing_key(tmp_path / "nope.pem")
