"""Vault header, key derivation and private atomic files (SECURITY promises 2, 8, 9, 11, 24)."""

from __future__ import annotations

import base64
import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from hypothesis import given, settings
from hypothesis import strategies as st

from embassy_desk.domain.errors import (
    EmbassyDeskError,
    IntegrityFailure,
    UnlockError,
    ValidationError,
)
from embassy_desk.storage import vault as vault_module
from embassy_desk.storage.files import (
    atomic_write_bytes,
    ensure_private_dir,
    private_file_mode_ok,
)
from embassy_desk.storage.kdf import (
    DEFAULT_KDF,
    TEST_KDF,
    KdfParams,
    KdfParamsError,
    calibrate,
    derive_key,
)
from embassy_desk.storage.vault import (
    CROCKFORD_ALPHABET,
    AccountLockedOut,
    BackoffActive,
    BadCredentials,
    LastSlotError,
    NoRecoverySlot,
    RekeyPending,
    SlotNotFoundError,
    UnknownUser,
    UnlockResult,
    Vault,
    VaultDamagedError,
    VaultError,
    VaultExistsError,
    VaultNotFoundError,
    WrongPassphrase,
    WrongRecoveryCode,
    backoff_delay,
    generate_data_key,
    generate_recovery_code,
    normalize_recovery_code,
    normalize_username,
)

POSIX = os.name == "posix"
posix_only = pytest.mark.skipif(not POSIX, reason="POSIX permission bits")

PASS_ALICE = "velvet harbour lantern at dusk"
PASS_BOB = "Менің атым Бақыт, Алматыда тұрамын"
T0 = 1_700_000_000.0


# -------------------------------------------------------------------------------------------------
# Fixtures


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """A two-user header (alice, bob) and its data key, made once per module.

    Each test gets a private copy, so the Argon2id work of making slots is paid once, not per test.
    """
    path = tmp_path_factory.mktemp("template") / "vault.json"
    key = generate_data_key()
    made = Vault.create(path, data_key=key, kdf=TEST_KDF)
    made.add_user_slot("alice", PASS_ALICE, key)
    made.add_user_slot("bob", PASS_BOB, key)
    return path.read_bytes(), key


@pytest.fixture
def data_key(template: tuple[bytes, bytes]) -> bytes:
    return template[1]


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "workstation" / "vault.json"


@pytest.fixture
def vault(vault_path: Path, template: tuple[bytes, bytes]) -> Vault:
    ensure_private_dir(vault_path.parent)
    atomic_write_bytes(vault_path, template[0])
    return Vault.load(vault_path)


@pytest.fixture
def recovery_code(vault: Vault, data_key: bytes) -> str:
    code = generate_recovery_code()
    vault.set_recovery_slot(code, data_key)
    return code


@pytest.fixture
def kdf_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the Argon2id runs the vault makes (proves refusals skip it, unknown users pay it)."""
    calls: list[int] = []

    def counting(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
        calls.append(1)
        return derive_key(secret, salt, params)

    monkeypatch.setattr(vault_module, "derive_key", counting)
    return calls


def _doc(path: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


def _write_doc(path: Path, doc: dict[str, Any]) -> None:
    # A deliberate edit recomputes the checksum (anyone can): the cryptographic checks must still hold.
    if "checksum" in doc:
        doc["checksum"] = vault_module._checksum(doc)
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")


def _slot(doc: dict[str, Any], username: str) -> dict[str, Any]:
    slot: dict[str, Any] = next(s for s in doc["slots"] if s.get("username") == username)
    return slot


# -------------------------------------------------------------------------------------------------
# Known-answer tests (promise 24)


def test_argon2id_rfc9106_test_vector() -> None:
    # RFC 9106 §5.3: Argon2id, version 0x13.
    kdf = Argon2id(
        salt=b"\x02" * 16,
        length=32,
        iterations=3,
        lanes=4,
        memory_cost=32,
        ad=b"\x04" * 12,
        secret=b"\x03" * 8,
    )
    tag = kdf.derive(b"\x01" * 32)
    assert tag.hex() == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"


@pytest.mark.parametrize(
    ("key", "iv", "plaintext", "aad", "ciphertext", "tag"),
    [
        pytest.param("00" * 32, "00" * 12, "", "", "", "530f8afbc74536b9a963b4f1c4cb738b", id="13"),
        pytest.param(
            "00" * 32,
            "00" * 12,
            "00" * 16,
            "",
            "cea7403d4d606b6e074ec5d3baf39d18",
            "d0d1c8a799996bf0265b98b5d48ab919",
            id="14",
        ),
        pytest.param(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
            "cafebabefacedbaddecaf888",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
            "76fc6ece0f4e1768cddf8853bb2d551b",
            id="16-with-aad",
        ),
    ],
)
def test_aes256gcm_gcm_spec_test_cases(
    key: str, iv: str, plaintext: str, aad: str, ciphertext: str, tag: str
) -> None:
    # McGrew & Viega, "The Galois/Counter Mode of Operation", AES-256 test cases 13, 14 and 16.
    aead = AESGCM(bytes.fromhex(key))
    ad = bytes.fromhex(aad) or None
    sealed = aead.encrypt(bytes.fromhex(iv), bytes.fromhex(plaintext), ad)
    assert sealed.hex() == ciphertext + tag
    assert aead.decrypt(bytes.fromhex(iv), sealed, ad) == bytes.fromhex(plaintext)
    tampered = bytes([sealed[0] ^ 1]) + sealed[1:]
    with pytest.raises(InvalidTag):
        aead.decrypt(bytes.fromhex(iv), tampered, ad)


def test_derive_key_maps_parameters_to_argon2id() -> None:
    salt = b"0123456789abcdef"
    expected = Argon2id(salt=salt, length=32, iterations=1, lanes=4, memory_cost=65536).derive(
        b"embassy desk"
    )
    assert derive_key(b"embassy desk", salt, TEST_KDF) == expected
    # Regression pin: every existing vault depends on this mapping never changing.
    assert expected.hex() == "ed1717bc1ba80970f253b721d8d4592c5397a488b767fdf936d705ad56931627"
    assert derive_key(b"embassy desk", b"fedcba9876543210", TEST_KDF) != expected


# A version 1 header made by this code, pinned so that no later change can lock out existing
# workstations. Data key 00 01 … 1f; user "Aigül"; recovery code below.
PINNED_V1 = {
    "format": "embassy-desk-vault",
    "version": 1,
    "vault_id": "7081ffa77ef249ae8ff92ccf7276dbef",
    "slots": [
        {
            "slot_id": "173956088b7c41279f8aa4f1d5e8fba6",
            "kind": "user",
            "username": "aig\u00fcl",
            "kdf": {
                "alg": "argon2id",
                "memory_kib": 65536,
                "iterations": 1,
                "lanes": 4,
                "salt": "Ho1PCiQjRWXThq+s+AKL6A==",
            },
            "nonce": "xJWgF2i7Rj9gM/jb",
            "wrapped_key": "BKwsy7+ewKuE9uGCSPkEdDLZw7wp6kMcTwAgECfM/bFnsfH8CUpRELKHUR3aaT3M",
            "failures": 0,
            "last_failure_at": None,
            "failures_since_login": 0,
        },
        {
            "slot_id": "67d8841fa4304ae9a4ca28fb3ef37f28",
            "kind": "recovery",
            "kdf": {
                "alg": "argon2id",
                "memory_kib": 65536,
                "iterations": 1,
                "lanes": 4,
                "salt": "wb/8uu3GCAFxVBZOlOTA7g==",
            },
            "nonce": "HAGSPmDkqeN/FjMq",
            "wrapped_key": "COu0jeLhTCPT/6um3vlHYG1Vh+o053okgphI0+aiXzMPoBAKq8oTFpFJH975L1s8",
            "failures": 0,
            "last_failure_at": None,
            "failures_since_login": 0,
        },
    ],
}


def test_pinned_version_1_header_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "vault.json"
    _write_doc(path, PINNED_V1)
    vault = Vault.load(path)
    # Typed in decomposed form (as some keyboards send it): NFC makes it the same passphrase.
    typed = "Менің құпия сөзім – cafe\u0301 au lait"
    assert vault.unlock("AIGÜL", typed, now=T0).data_key == bytes(range(32))
    assert vault.unlock_with_recovery("01234 56789 abcde fghjk mnpqr stvwx") == bytes(range(32))


def test_version_1_slot_is_upgraded_when_it_opens_and_rekey_waits_for_it(tmp_path: Path) -> None:
    path = tmp_path / "vault.json"
    _write_doc(path, PINNED_V1)
    vault = Vault.load(path)
    with pytest.raises(VaultError, match="older version"):
        vault.begin_rekey(generate_data_key())
    vault.unlock("aigül", "Менің құпия сөзім – café au lait", now=T0)
    doc = _doc(path)
    assert doc["version"] == 2
    assert _slot(doc, "aigül")["public_key"]
    # Still opens after the upgrade, now through the sealed key.
    assert Vault.load(path).unlock("aigül", "Менің құпия сөзім – café au lait", now=T0).data_key == bytes(
        range(32)
    )
    with pytest.raises(VaultError, match="recovery code"):
        Vault.load(path).begin_rekey(generate_data_key())


# -------------------------------------------------------------------------------------------------
# Private atomic files (promise 9)


@posix_only
def test_ensure_private_dir_creates_and_tightens(tmp_path: Path) -> None:
    fresh = ensure_private_dir(tmp_path / "a" / "b")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    loose = tmp_path / "loose"
    loose.mkdir()
    os.chmod(loose, 0o755)  # noqa: S103 - deliberately loose, to show it gets tightened
    assert not private_file_mode_ok(loose)
    ensure_private_dir(loose)
    assert stat.S_IMODE(loose.stat().st_mode) == 0o700
    assert private_file_mode_ok(loose)


def test_atomic_write_creates_private_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "secret.bin"
    atomic_write_bytes(target, b"first")
    atomic_write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret.bin"]
    if POSIX:
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


@posix_only
def test_atomic_write_is_0600_whatever_the_umask_or_old_mode(tmp_path: Path) -> None:
    target = tmp_path / "secret.bin"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    assert not private_file_mode_ok(target)
    old_umask = os.umask(0)
    try:
        atomic_write_bytes(target, b"new")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert private_file_mode_ok(target)


@pytest.mark.parametrize("fail_in", ["replace", "fsync"])
def test_atomic_write_failure_keeps_old_file_and_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_in: str
) -> None:
    target = tmp_path / "vault.json"
    atomic_write_bytes(target, b"old content")

    def boom(*args: object) -> None:
        raise OSError("simulated crash")

    monkeypatch.setattr(os, fail_in, boom)
    with pytest.raises(OSError, match="simulated crash"):
        atomic_write_bytes(target, b"new content that never lands")
    monkeypatch.undo()
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["vault.json"]


# -------------------------------------------------------------------------------------------------
# KDF parameters


def test_kdf_params_round_trip() -> None:
    params = KdfParams(memory_kib=131072, iterations=5, lanes=2)
    data = params.to_dict()
    assert data == {"alg": "argon2id", "memory_kib": 131072, "iterations": 5, "lanes": 2}
    assert KdfParams.from_dict({**data, "salt": "ignored here"}) == params


def test_kdf_params_below_64_mib_refused() -> None:
    with pytest.raises(KdfParamsError, match="64 MiB"):
        KdfParams(memory_kib=65535, iterations=3, lanes=4)
    with pytest.raises(ValidationError, match="64 MiB") as info:
        KdfParams.from_dict({"alg": "argon2id", "memory_kib": 32768, "iterations": 9, "lanes": 4})
    assert info.value.field == "kdf"


@pytest.mark.parametrize(
    "data",
    [
        {"alg": "argon2id", "memory_kib": 65536, "iterations": 0, "lanes": 4},
        {"alg": "argon2id", "memory_kib": 65536, "iterations": 1, "lanes": 0},
        {"alg": "argon2id", "memory_kib": 65536, "iterations": 1, "lanes": 17},
        {"alg": "argon2id", "memory_kib": 65536, "iterations": True, "lanes": 4},
        {"alg": "argon2id", "memory_kib": "65536", "iterations": 1, "lanes": 4},
        {"alg": "argon2id", "memory_kib": 65536.0, "iterations": 1, "lanes": 4},
        {"alg": "argon2id", "memory_kib": 2**40, "iterations": 1, "lanes": 4},
        {"alg": "argon2i", "memory_kib": 65536, "iterations": 1, "lanes": 4},
        {"alg": "argon2id", "memory_kib": 65536, "iterations": 1},
    ],
)
def test_kdf_params_malformed_refused(data: dict[str, Any]) -> None:
    with pytest.raises(KdfParamsError):
        KdfParams.from_dict(data)


def test_test_and_default_params_are_policy_compliant() -> None:
    assert KdfParams(65536, 1, 4) == TEST_KDF
    assert DEFAULT_KDF.memory_kib >= 65536


def test_calibrate_returns_compliant_params() -> None:
    params = calibrate(0.05, memory_kib=65536, lanes=4)
    assert params.memory_kib == 65536
    assert params.lanes == 4
    assert 1 <= params.iterations <= 64
    with pytest.raises(ValueError, match="positive"):
        calibrate(0)


# -------------------------------------------------------------------------------------------------
# Create, load, unlock


def test_create_load_unlock_round_trip(vault: Vault, vault_path: Path, data_key: bytes) -> None:
    reopened = Vault.load(vault_path)
    assert reopened.vault_id == vault.vault_id
    assert re.fullmatch(r"[0-9a-f]{32}", reopened.vault_id)
    assert reopened.usernames() == ["alice", "bob"]
    assert reopened.has_user("ALICE")
    assert reopened.has_user(" Bob ")
    assert not reopened.has_user("carol")
    result = reopened.unlock("Alice", PASS_ALICE, now=T0)
    assert result == UnlockResult(data_key=data_key, failures_since_login=0)
    assert reopened.unlock("bob", PASS_BOB, now=T0).data_key == data_key
    assert reopened.default_kdf == TEST_KDF


def test_file_layout_matches_the_documented_format(vault: Vault, vault_path: Path) -> None:
    doc = _doc(vault_path)
    assert doc["format"] == "embassy-desk-vault"
    assert doc["version"] == 2
    assert set(doc) == {"format", "version", "vault_id", "generation", "rekey_to", "slots", "checksum"}
    assert (doc["generation"], doc["rekey_to"]) == (1, None)
    slot = _slot(doc, "alice")
    assert slot["kind"] == "user"
    assert slot["kdf"]["alg"] == "argon2id"
    assert slot["kdf"]["memory_kib"] == 65536
    assert len(base64.b64decode(slot["kdf"]["salt"])) == 16
    assert len(base64.b64decode(slot["nonce"])) == 12
    assert len(base64.b64decode(slot["wrapped_key"])) == 48  # the slot's X25519 private key, wrapped
    assert len(base64.b64decode(slot["public_key"])) == 32
    assert [seal["generation"] for seal in slot["seals"]] == [1]
    assert len(base64.b64decode(slot["seals"][0]["sealed_key"])) == 48
    assert (slot["failures"], slot["last_failure_at"], slot["failures_since_login"]) == (0, None, 0)


def test_create_refuses_to_overwrite(vault: Vault, vault_path: Path, data_key: bytes) -> None:
    before = vault_path.read_bytes()
    with pytest.raises(VaultExistsError):
        Vault.create(vault_path, data_key=data_key, kdf=TEST_KDF)
    assert vault_path.read_bytes() == before


def test_load_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        Vault.load(tmp_path / "nope.json")


@posix_only
def test_vault_file_0600_and_folder_0700(tmp_path: Path, data_key: bytes) -> None:
    vault_path = tmp_path / "fresh" / "workstation" / "vault.json"
    made = Vault.create(vault_path, data_key=data_key, kdf=TEST_KDF)
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(vault_path.parent.stat().st_mode) == 0o700
    made.add_user_slot("alice", PASS_ALICE, data_key)
    with pytest.raises(WrongPassphrase):
        made.unlock("alice", "not the passphrase at all", now=T0)
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600
    assert sorted(p.name for p in vault_path.parent.iterdir()) == ["vault.json"]


def test_vault_file_holds_no_key_passphrase_or_recovery_code(
    vault: Vault, vault_path: Path, data_key: bytes, recovery_code: str
) -> None:
    vault.unlock("alice", PASS_ALICE, now=T0)
    raw = vault_path.read_bytes()
    text = raw.decode("utf-8")
    for form in (
        data_key,
        data_key.hex().encode(),
        data_key.hex().upper().encode(),
        base64.b64encode(data_key),
        base64.urlsafe_b64encode(data_key),
        base64.b64encode(data_key).rstrip(b"="),
        base64.b32encode(data_key),
    ):
        assert form not in raw
    for secret in (PASS_ALICE, PASS_BOB, recovery_code, recovery_code.replace("-", "")):
        assert secret.encode("utf-8") not in raw
        assert secret.casefold() not in text.casefold()
        assert json.dumps(secret) not in text  # the \u-escaped form


def test_wrong_passphrase_and_unknown_user_look_alike(vault: Vault, kdf_calls: list[int]) -> None:
    with pytest.raises(WrongPassphrase) as wrong:
        vault.unlock("alice", "velvet harbour lantern at dawn", now=T0)
    with pytest.raises(UnknownUser) as unknown:
        vault.unlock("mallory", "velvet harbour lantern at dawn", now=T0)
    assert str(wrong.value) == str(unknown.value) == "Wrong user name or passphrase."
    assert isinstance(wrong.value, BadCredentials)
    assert isinstance(unknown.value, BadCredentials)
    assert wrong.value.attempts_before_lockout == 9
    # One Argon2id run each: the unknown user costs the same work as a real attempt.
    assert len(kdf_calls) == 2


def test_failure_is_saved_before_raising(vault: Vault, vault_path: Path) -> None:
    with pytest.raises(WrongPassphrase):
        vault.unlock("alice", "velvet harbour lantern at dawn", now=T0)
    slot = _slot(_doc(vault_path), "alice")
    assert (slot["failures"], slot["last_failure_at"], slot["failures_since_login"]) == (1, T0, 1)


def test_failure_still_counts_when_the_header_cannot_be_written(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(path: Path, data: bytes) -> None:
        raise PermissionError("read-only medium")

    monkeypatch.setattr(vault_module, "atomic_write_bytes", read_only)
    for _ in range(3):
        with pytest.raises(PermissionError):
            vault.unlock("alice", "wrong wrong wrong wrong", now=T0)
    with pytest.raises(BackoffActive):
        vault.unlock("alice", PASS_ALICE, now=T0)


def test_exception_messages_are_one_line_without_secrets() -> None:
    for err in (
        WrongPassphrase(3),
        UnknownUser(),
        BackoffActive(8),
        AccountLockedOut(),
        WrongRecoveryCode(),
        NoRecoverySlot(),
    ):
        assert isinstance(err, UnlockError)
        assert str(err)
        assert "\n" not in str(err)
    assert str(BackoffActive(8)) == "Too many failed attempts; try again in 8 s."
    assert "locked after 10 failed attempts" in str(AccountLockedOut())
    assert "administrator or the recovery code" in str(AccountLockedOut())


def test_unlock_result_repr_hides_the_key(data_key: bytes) -> None:
    shown = repr(UnlockResult(data_key=data_key, failures_since_login=2))
    assert data_key.hex() not in shown
    assert repr(data_key) not in shown
    assert "failures_since_login=2" in shown


def test_passphrase_is_nfc_normalised(vault_path: Path, data_key: bytes) -> None:
    made = Vault.create(vault_path, data_key=data_key, kdf=TEST_KDF)
    made.add_user_slot("zoe", "cafe\u0301 au lait, s'il vous plait", data_key)
    assert made.unlock("zoe", "caf\u00e9 au lait, s'il vous plait", now=T0).data_key == data_key


def test_usernames_are_case_insensitive_and_stored_folded(vault_path: Path, data_key: bytes) -> None:
    made = Vault.create(vault_path, data_key=data_key, kdf=TEST_KDF)
    made.add_user_slot("  Straße.Admin ", PASS_ALICE, data_key)
    assert made.usernames() == ["strasse.admin"]
    assert normalize_username("STRASSE.admin") == "strasse.admin"
    assert made.unlock("STRASSE.ADMIN", PASS_ALICE, now=T0).data_key == data_key
    assert _doc(vault_path)["slots"][0]["username"] == "strasse.admin"
    for bad in ("", "   ", "a\nb", "x" * 65):
        with pytest.raises(ValidationError) as info:
            made.add_user_slot(bad, PASS_ALICE, data_key)
        assert info.value.field == "username"


def test_data_key_is_checked(vault: Vault, data_key: bytes) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        vault.add_user_slot("carol", PASS_ALICE, data_key[:16])
    vault.unlock("alice", PASS_ALICE, now=T0)
    # Once the vault has seen its key, a slot wrapping some other key is refused.
    with pytest.raises(ValueError, match="not this vault's data key"):
        vault.add_user_slot("carol", PASS_ALICE, generate_data_key())
    assert not vault.has_user("carol")


def test_unwrapped_key_must_be_32_bytes(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    class ShortKeyAead:
        def __init__(self, key: bytes) -> None:
            pass

        def decrypt(self, nonce: bytes, data: bytes, ad: bytes) -> bytes:
            return b"\x00" * 16

    monkeypatch.setattr(vault_module, "AESGCM", ShortKeyAead)
    with pytest.raises(VaultDamagedError, match="wrong length"):
        vault.unlock("alice", PASS_ALICE, now=T0)


# -------------------------------------------------------------------------------------------------
# Associated data binds each wrap to its vault, slot and user (promise 2)


def test_swapping_wraps_between_slots_fails(vault: Vault, vault_path: Path) -> None:
    doc = _doc(vault_path)
    alice, bob = _slot(doc, "alice"), _slot(doc, "bob")
    for field in ("nonce", "wrapped_key"):
        alice[field], bob[field] = bob[field], alice[field]
    _write_doc(vault_path, doc)
    tampered = Vault.load(vault_path)
    with pytest.raises(WrongPassphrase):
        tampered.unlock("alice", PASS_ALICE, now=T0)
    with pytest.raises(WrongPassphrase):
        tampered.unlock("bob", PASS_BOB, now=T0)


def test_wrap_copied_into_another_slot_fails_only_because_of_the_ad(
    vault_path: Path, data_key: bytes
) -> None:
    # Same passphrase and, after copying, the same salt: the KEK is identical, so only the
    # associated data (slot id and user name) can make the unwrap fail.
    made = Vault.create(vault_path, data_key=data_key, kdf=TEST_KDF)
    made.add_user_slot("alice", PASS_ALICE, data_key)
    made.add_user_slot("bob", PASS_ALICE, data_key)
    doc = _doc(vault_path)
    alice, bob = _slot(doc, "alice"), _slot(doc, "bob")
    for field in ("kdf", "nonce", "wrapped_key"):
        bob[field] = alice[field]
    _write_doc(vault_path, doc)
    tampered = Vault.load(vault_path)
    with pytest.raises(WrongPassphrase):
        tampered.unlock("bob", PASS_ALICE, now=T0)
    assert tampered.unlock("alice", PASS_ALICE, now=T0).data_key == data_key


def test_renaming_a_slot_to_another_user_fails(vault: Vault, vault_path: Path) -> None:
    # Someone who can edit the file renames their own slot to an administrator's name.
    doc = _doc(vault_path)
    doc["slots"] = [s for s in doc["slots"] if s["username"] != "bob"]
    _slot(doc, "alice")["username"] = "bob"
    _write_doc(vault_path, doc)
    with pytest.raises(WrongPassphrase):
        Vault.load(vault_path).unlock("bob", PASS_ALICE, now=T0)


def test_slot_copied_into_another_vault_fails(
    vault: Vault, vault_path: Path, data_key: bytes, tmp_path: Path
) -> None:
    other_path = tmp_path / "other" / "vault.json"
    other = Vault.create(other_path, data_key=data_key, kdf=TEST_KDF)
    other.add_user_slot("carol", PASS_BOB, data_key)
    other_doc = _doc(other_path)
    other_doc["slots"].append(_slot(_doc(vault_path), "alice"))
    _write_doc(other_path, other_doc)
    with pytest.raises(WrongPassphrase):
        Vault.load(other_path).unlock("alice", PASS_ALICE, now=T0)
    # Control: with the original vault id the very same slot opens, so the vault id is the cause.
    other_doc["vault_id"] = vault.vault_id
    _write_doc(other_path, other_doc)
    assert Vault.load(other_path).unlock("alice", PASS_ALICE, now=T0).data_key == data_key


# -------------------------------------------------------------------------------------------------
# Back-off and lockout (promise 11)


def test_backoff_delay_schedule() -> None:
    assert [backoff_delay(n) for n in range(13)] == [0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300]
    assert backoff_delay(10_000) == 300


def test_backoff_lockout_and_admin_reset(
    vault: Vault, vault_path: Path, data_key: bytes, kdf_calls: list[int]
) -> None:
    wrong = "velvet harbour lantern at noon"
    now = T0
    # Three failures in a row cost nothing but the KDF.
    for expected_left in (9, 8, 7):
        with pytest.raises(WrongPassphrase) as info:
            vault.unlock("alice", wrong, now=now)
        assert info.value.attempts_before_lockout == expected_left
    # The fourth attempt inside the 1 s window is refused before any KDF run, even if correct.
    runs = len(kdf_calls)
    with pytest.raises(BackoffActive) as backoff:
        vault.unlock("alice", PASS_ALICE, now=now + 0.5)
    assert backoff.value.retry_after == 1
    assert str(backoff.value) == "Too many failed attempts; try again in 1 s."
    assert len(kdf_calls) == runs
    # The counter survives a restart.
    vault = Vault.load(vault_path)
    with pytest.raises(BackoffActive):
        vault.unlock("alice", PASS_ALICE, now=now + 0.5)
    # Other accounts are not affected.
    assert vault.unlock("bob", PASS_BOB, now=now).data_key == data_key
    # Failures 4..9, each made as soon as the growing wait allows.
    for failures in range(3, 9):
        delay = backoff_delay(failures)
        with pytest.raises(BackoffActive) as early:
            vault.unlock("alice", wrong, now=now + delay - 0.25)
        assert early.value.retry_after == 1
        now += delay
        with pytest.raises(WrongPassphrase) as info:
            vault.unlock("alice", wrong, now=now)
        assert info.value.attempts_before_lockout == 10 - (failures + 1)
    assert vault.slot_status("alice").failures == 9
    # The tenth failure locks the account; from then on not even the right passphrase is tried.
    now += backoff_delay(9)
    with pytest.raises(AccountLockedOut):
        vault.unlock("alice", wrong, now=now)
    runs = len(kdf_calls)
    for later in (now, now + 3600, now + 10**7):
        with pytest.raises(AccountLockedOut):
            Vault.load(vault_path).unlock("alice", PASS_ALICE, now=later)
    assert len(kdf_calls) == runs
    assert Vault.load(vault_path).slot_status("alice").locked_out
    # An administrator reopens it; the user then hears about all ten failures, once.
    vault = Vault.load(vault_path)
    vault.reset_failures("ALICE")
    assert not Vault.load(vault_path).slot_status("alice").locked_out
    result = Vault.load(vault_path).unlock("alice", PASS_ALICE, now=now + 1)
    assert result.data_key == data_key
    assert result.failures_since_login == 10
    assert Vault.load(vault_path).unlock("alice", PASS_ALICE, now=now + 2).failures_since_login == 0


def test_success_resets_the_counter(vault: Vault, vault_path: Path) -> None:
    for i in range(2):
        with pytest.raises(WrongPassphrase):
            vault.unlock("alice", "not it, not it, not it", now=T0 + i)
    assert vault.unlock("alice", PASS_ALICE, now=T0 + 2).failures_since_login == 2
    slot = _slot(_doc(vault_path), "alice")
    assert (slot["failures"], slot["last_failure_at"], slot["failures_since_login"]) == (0, None, 0)
    # The count starts again from zero after a success.
    with pytest.raises(WrongPassphrase) as info:
        vault.unlock("alice", "not it, not it, not it", now=T0 + 2)
    assert info.value.attempts_before_lockout == 9


def test_clean_unlock_does_not_rewrite_the_header(
    vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Lets a backup's header be opened from read-only media.
    def read_only(path: Path, data: bytes) -> None:
        raise PermissionError("read-only medium")

    monkeypatch.setattr(vault_module, "atomic_write_bytes", read_only)
    assert vault.unlock("alice", PASS_ALICE, now=T0).failures_since_login == 0


def _seed_failures(path: Path, failures: int, at: float, *, username: str | None) -> None:
    """Write a failure history straight into the header, as an earlier session would have."""
    doc = _doc(path)
    slot = next(s for s in doc["slots"] if s.get("username") == username)
    slot.update(failures=failures, last_failure_at=at, failures_since_login=failures)
    _write_doc(path, doc)


def test_success_when_the_header_cannot_be_written(
    vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed_failures(vault_path, 2, T0, username="alice")
    vault = Vault.load(vault_path)

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vault_module, "atomic_write_bytes", disk_full)
    assert vault.unlock("alice", PASS_ALICE, now=T0 + 5).failures_since_login == 2
    assert vault.slot_status("alice").failures == 0
    # Not written: the next session reports the same failures again rather than losing them.
    assert _slot(_doc(vault_path), "alice")["failures_since_login"] == 2


def test_clock_moved_back_does_not_stretch_the_wait(vault: Vault, vault_path: Path) -> None:
    _seed_failures(vault_path, 8, T0, username="alice")
    with pytest.raises(BackoffActive) as info:
        Vault.load(vault_path).unlock("alice", PASS_ALICE, now=T0 + 1)
    assert info.value.retry_after == 31
    # The clock is now a day earlier than the last failure: the attempt goes ahead.
    assert Vault.load(vault_path).unlock("alice", PASS_ALICE, now=T0 - 86_400).data_key


def test_reset_failures_unknown_user(vault: Vault) -> None:
    with pytest.raises(SlotNotFoundError):
        vault.reset_failures("mallory")


# -------------------------------------------------------------------------------------------------
# Passphrase change and slot management (promise 8)


def test_passphrase_change_rewraps_only_that_slot(
    vault: Vault, vault_path: Path, data_key: bytes, recovery_code: str
) -> None:
    database = vault_path.parent / "registry.db"
    database.write_bytes(b"stand-in for the encrypted database")
    db_before = database.stat().st_mtime_ns, database.read_bytes()
    before = _doc(vault_path)
    new_passphrase = "quiet orchard under winter stars"
    vault.add_user_slot("Alice", new_passphrase, data_key)
    after = _doc(vault_path)
    assert after["vault_id"] == before["vault_id"]
    assert len(after["slots"]) == len(before["slots"])
    for old, new in zip(before["slots"], after["slots"], strict=True):
        if old.get("username") == "alice":
            assert new["slot_id"] == old["slot_id"]
            assert new["kdf"]["salt"] != old["kdf"]["salt"]
            assert new["nonce"] != old["nonce"]
            assert new["wrapped_key"] != old["wrapped_key"]
        else:
            # Every other slot is byte-for-byte what it was.
            assert json.dumps(new, sort_keys=True) == json.dumps(old, sort_keys=True)
    assert (database.stat().st_mtime_ns, database.read_bytes()) == db_before
    reopened = Vault.load(vault_path)
    with pytest.raises(WrongPassphrase):
        reopened.unlock("alice", PASS_ALICE, now=T0)
    assert reopened.unlock("alice", new_passphrase, now=T0).data_key == data_key
    assert reopened.unlock("bob", PASS_BOB, now=T0).data_key == data_key
    assert reopened.unlock_with_recovery(recovery_code, now=T0) == data_key


def test_passphrase_change_reopens_account_but_keeps_failure_count(
    vault: Vault, vault_path: Path, data_key: bytes
) -> None:
    _seed_failures(vault_path, 10, T0, username="alice")
    vault = Vault.load(vault_path)
    assert vault.slot_status("alice").locked_out
    vault.add_user_slot("alice", "quiet orchard under winter stars", data_key)
    status = Vault.load(vault_path).slot_status("alice")
    assert (status.failures, status.locked_out, status.failures_since_login) == (0, False, 10)


def test_remove_user_slot(vault: Vault, vault_path: Path) -> None:
    vault.remove_user_slot("BOB")
    assert Vault.load(vault_path).usernames() == ["alice"]
    with pytest.raises(SlotNotFoundError):
        vault.remove_user_slot("bob")
    with pytest.raises(LastSlotError):
        vault.remove_user_slot("alice")
    assert Vault.load(vault_path).usernames() == ["alice"]


def test_kdf_override_and_default_for_new_slots(vault_path: Path, data_key: bytes) -> None:
    stronger = KdfParams(memory_kib=65536, iterations=2, lanes=4)
    made = Vault.create(vault_path, data_key=data_key, kdf=TEST_KDF)
    made.add_user_slot("alice", PASS_ALICE, data_key, kdf=stronger)
    made.add_user_slot("bob", PASS_BOB, data_key)
    doc = _doc(vault_path)
    assert _slot(doc, "alice")["kdf"]["iterations"] == 2
    assert _slot(doc, "bob")["kdf"]["iterations"] == 1
    # After a restart, new slots get the strongest parameters already in use.
    assert Vault.load(vault_path).default_kdf == stronger


# -------------------------------------------------------------------------------------------------
# Recovery code


def test_recovery_code_format_and_entropy() -> None:
    codes = {generate_recovery_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}", code)
        assert normalize_recovery_code(code) == code
    assert len(CROCKFORD_ALPHABET) == 32
    assert 30 * 5 >= 120  # 30 symbols of 5 bits each


def test_recovery_round_trip(vault: Vault, vault_path: Path, data_key: bytes) -> None:
    code = generate_recovery_code()
    vault.set_recovery_slot(code.lower().replace("-", " "), data_key)
    assert Vault.load(vault_path).has_recovery_slot()
    messy = code.lower().replace("-", "").replace("0", "o").replace("1", "l")
    assert Vault.load(vault_path).unlock_with_recovery(messy) == data_key
    assert Vault.load(vault_path).unlock_with_recovery(code) == data_key


def test_new_recovery_code_replaces_the_old(vault: Vault, vault_path: Path, data_key: bytes) -> None:
    first, second = generate_recovery_code(), generate_recovery_code()
    vault.set_recovery_slot(first, data_key)
    vault.set_recovery_slot(second, data_key)
    assert sum(1 for s in _doc(vault_path)["slots"] if s["kind"] == "recovery") == 1
    with pytest.raises(WrongRecoveryCode):
        vault.unlock_with_recovery(first, now=T0)
    assert vault.unlock_with_recovery(second, now=T0) == data_key


def test_wrong_recovery_code_backs_off_but_never_locks_out(
    vault: Vault, vault_path: Path, data_key: bytes, recovery_code: str
) -> None:
    wrong = generate_recovery_code()
    now = T0
    for _ in range(3):
        with pytest.raises(WrongRecoveryCode):
            vault.unlock_with_recovery(wrong, now=now)
    with pytest.raises(BackoffActive):
        Vault.load(vault_path).unlock_with_recovery(recovery_code, now=now)
    # User slots keep their own counters.
    assert vault.unlock("alice", PASS_ALICE, now=now).failures_since_login == 0
    # Far past the user lockout threshold, the wait is capped at 300 s and a code is still tried.
    _seed_failures(vault_path, 25, now, username=None)
    with pytest.raises(BackoffActive) as info:
        Vault.load(vault_path).unlock_with_recovery(recovery_code, now=now + 1)
    assert info.value.retry_after == 299
    now += 300
    with pytest.raises(WrongRecoveryCode):
        Vault.load(vault_path).unlock_with_recovery(wrong, now=now)
    now += 300
    assert Vault.load(vault_path).unlock_with_recovery(recovery_code, now=now) == data_key
    recovery = next(s for s in _doc(vault_path)["slots"] if s["kind"] == "recovery")
    assert recovery["failures"] == 0


def test_malformed_recovery_code_is_not_counted(vault: Vault, recovery_code: str) -> None:
    with pytest.raises(ValidationError) as info:
        vault.unlock_with_recovery("not a code", now=T0)
    assert info.value.field == "recovery_code"
    for _ in range(5):
        with pytest.raises(ValidationError):
            vault.unlock_with_recovery(recovery_code[:-1], now=T0)
    assert vault.unlock_with_recovery(recovery_code, now=T0)


def test_no_recovery_slot(vault: Vault) -> None:
    assert not vault.has_recovery_slot()
    with pytest.raises(NoRecoverySlot):
        vault.unlock_with_recovery(generate_recovery_code(), now=T0)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ABCDE-FGHJK-MNPQR-STVWX-YZ012-3456",  # 29 symbols
        "ABCDE-FGHJK-MNPQR-STVWX-YZ012-345678",  # 31 symbols
        "ABCDE-FGHJK-MNPQR-STVWX-YZ012-3456U",  # U is not Crockford
        "ABCDE-FGHJK-MNPQR-STVWX-YZ012-3456*",
        "ÄBCDE-FGHJK-MNPQR-STVWX-YZ012-34567",
    ],
)
def test_normalize_recovery_code_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_recovery_code(text)
    assert info.value.field == "recovery_code"
    if text:
        assert text not in str(info.value)


_SYMBOL_SPELLINGS: dict[str, list[str]] = {
    ch: [ch, ch.lower()] for ch in CROCKFORD_ALPHABET if ch.isalpha()
} | {d: [d] for d in "23456789"}
_SYMBOL_SPELLINGS["0"] = ["0", "O", "o"]
_SYMBOL_SPELLINGS["1"] = ["1", "I", "i", "L", "l"]


_SEPARATORS = ["", "", "", "-", " ", "\u2013", "\t", " - "]


@st.composite
def _code_and_messy_spelling(draw: Callable[..., Any]) -> tuple[str, str]:
    symbols = draw(st.lists(st.sampled_from(CROCKFORD_ALPHABET), min_size=30, max_size=30))
    # Spelling and separator choices drawn as two integer lists: far cheaper than 60 draws.
    picks = draw(st.lists(st.integers(0, 4), min_size=30, max_size=30))
    gaps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=31, max_size=31))
    canonical = "-".join("".join(symbols[i : i + 5]) for i in range(0, 30, 5))
    parts = [gaps[0]]
    for symbol, pick, gap in zip(symbols, picks, gaps[1:], strict=True):
        spellings = _SYMBOL_SPELLINGS[symbol]
        parts.append(spellings[pick % len(spellings)])
        parts.append(gap)
    return canonical, "".join(parts)


@settings(max_examples=200, deadline=None)
@given(_code_and_messy_spelling())
def test_formatting_variants_normalise_to_the_same_code(pair: tuple[str, str]) -> None:
    canonical, messy = pair
    assert normalize_recovery_code(messy) == canonical
    assert normalize_recovery_code(canonical) == canonical


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_normalize_recovery_code_never_fails_unexpectedly(text: str) -> None:
    try:
        result = normalize_recovery_code(text)
    except ValidationError:
        return
    assert normalize_recovery_code(result) == result


# -------------------------------------------------------------------------------------------------
# Damaged headers


@pytest.fixture
def template_doc(template: tuple[bytes, bytes]) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(template[0])
    return doc


def _mutations() -> list[tuple[str, Callable[[dict[str, Any]], Any]]]:
    def user(doc: dict[str, Any]) -> dict[str, Any]:
        slot: dict[str, Any] = doc["slots"][0]
        return slot

    return [
        ("json list", lambda d: [d]),
        ("wrong format", lambda d: {**d, "format": "keepass"}),
        ("version 3", lambda d: {**d, "version": 3}),
        ("version 1 shape claiming 2", lambda d: {**{k: v for k, v in d.items() if k != "rekey_to"}}),
        ("version as text", lambda d: {**d, "version": "1"}),
        ("no slots", lambda d: {k: v for k, v in d.items() if k != "slots"}),
        ("slots not a list", lambda d: {**d, "slots": {}}),
        ("bad vault id", lambda d: {**d, "vault_id": "not-hex"}),
        ("extra field", lambda d: {**d, "comment": "hi"}),
        ("slot extra field", lambda d: user(d).update(note="x")),
        ("bad kind", lambda d: user(d).update(kind="admin")),
        ("bad base64", lambda d: user(d).update(nonce="!!!!")),
        ("short nonce", lambda d: user(d).update(nonce=base64.b64encode(b"x" * 8).decode())),
        ("short key", lambda d: user(d).update(wrapped_key=base64.b64encode(b"k" * 32).decode())),
        ("short salt", lambda d: user(d)["kdf"].update(salt=base64.b64encode(b"s").decode())),
        ("weak kdf", lambda d: user(d)["kdf"].update(memory_kib=32768)),
        ("other kdf", lambda d: user(d)["kdf"].update(alg="pbkdf2")),
        ("negative failures", lambda d: user(d).update(failures=-1)),
        ("bool failures", lambda d: user(d).update(failures=True)),
        ("text time", lambda d: user(d).update(last_failure_at="yesterday")),
        ("upper-case name", lambda d: user(d).update(username="Alice")),
        ("duplicate user", lambda d: d["slots"].append(dict(user(d), slot_id="f" * 32))),
        ("duplicate slot id", lambda d: d["slots"][1].update(slot_id=user(d)["slot_id"])),
    ]


@pytest.mark.parametrize(("name", "mutate"), _mutations(), ids=[m[0] for m in _mutations()])
def test_damaged_header_gives_a_clear_error(
    template_doc: dict[str, Any], tmp_path: Path, name: str, mutate: Callable[[dict[str, Any]], Any]
) -> None:
    vault_path = tmp_path / "vault.json"
    _write_doc(vault_path, template_doc)
    assert Vault.load(vault_path).usernames() == ["alice", "bob"]
    doc = json.loads(json.dumps(template_doc))
    replaced = mutate(doc)
    vault_path.write_text(json.dumps(replaced if replaced is not None else doc), encoding="utf-8")
    with pytest.raises(VaultDamagedError) as info:
        Vault.load(vault_path)
    message = str(info.value)
    assert "is damaged or not an Embassy Desk vault" in message
    assert str(vault_path) in message
    assert "\n" not in message
    assert isinstance(info.value, EmbassyDeskError)
    assert isinstance(info.value, IntegrityFailure)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"{",
        b"\xff\xfe\x00garbage",
        b"SQLite format 3\x00",
        b'{"format": "embassy-desk-vault", "format": "embassy-desk-vault"}',
        b'{"format": "embassy-desk-vault", "version": 1, "vault_id": NaN}',
    ],
)
def test_unparseable_header_gives_a_clear_error(vault_path: Path, raw: bytes) -> None:
    ensure_private_dir(vault_path.parent)
    vault_path.write_bytes(raw)
    with pytest.raises(VaultDamagedError, match="damaged or not an Embassy Desk vault"):
        Vault.load(vault_path)


def test_weak_kdf_in_file_is_explained(template_doc: dict[str, Any], tmp_path: Path) -> None:
    vault_path = tmp_path / "vault.json"
    doc = json.loads(json.dumps(template_doc))
    _slot(doc, "alice")["kdf"]["memory_kib"] = 1024
    _write_doc(vault_path, doc)
    with pytest.raises(VaultDamagedError, match=r"slot 1\.kdf: memory .*\(64 MiB\)"):
        Vault.load(vault_path)


def test_truncated_header_gives_a_clear_error(template_doc: dict[str, Any], tmp_path: Path) -> None:
    vault_path = tmp_path / "vault.json"
    raw = json.dumps(template_doc, indent=2).encode()
    vault_path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(VaultDamagedError):
        Vault.load(vault_path)


# -------------------------------------------------------------------------------------------------
# Changing the data key (promise 8, second half)


def test_rekey_seals_the_new_key_to_every_slot_without_passphrases(
    vault: Vault, vault_path: Path, data_key: bytes, recovery_code: str
) -> None:
    new_key = generate_data_key()
    assert vault.begin_rekey(new_key) == 2
    reopened = Vault.load(vault_path)
    assert reopened.rekey_pending
    # Until settled, the old key is still the current one and both can be unsealed.
    assert reopened.unlock("bob", PASS_BOB, now=T0).data_key == data_key
    assert reopened.settle_rekey(lambda key: key == new_key) == new_key
    assert not reopened.rekey_pending
    after = Vault.load(vault_path)
    assert after.generation == 2
    assert after.unlock("alice", PASS_ALICE, now=T0).data_key == new_key
    assert after.unlock_with_recovery(recovery_code, now=T0) == new_key
    assert {seal["generation"] for slot in _doc(vault_path)["slots"] for seal in slot["seals"]} == {2}


def test_interrupted_rekey_rolls_back_when_the_database_was_not_swapped(
    vault: Vault, vault_path: Path, data_key: bytes
) -> None:
    vault.begin_rekey(generate_data_key())
    reopened = Vault.load(vault_path)
    reopened.unlock("alice", PASS_ALICE, now=T0)
    assert reopened.settle_rekey(lambda key: key == data_key) is None
    after = Vault.load(vault_path)
    assert (after.generation, after.rekey_pending) == (1, False)
    assert after.unlock("bob", PASS_BOB, now=T0).data_key == data_key


def test_slots_cannot_change_while_a_rekey_is_pending(vault: Vault, data_key: bytes) -> None:
    vault.begin_rekey(generate_data_key())
    with pytest.raises(RekeyPending):
        vault.add_user_slot("carol", PASS_ALICE, data_key)
    with pytest.raises(RekeyPending):
        vault.begin_rekey(generate_data_key())


def test_a_seal_moved_to_another_slot_does_not_open(vault: Vault, vault_path: Path) -> None:
    doc = _doc(vault_path)
    _slot(doc, "bob")["seals"] = _slot(doc, "alice")["seals"]
    _write_doc(vault_path, doc)
    with pytest.raises(VaultDamagedError):
        Vault.load(vault_path).unlock("bob", PASS_BOB, now=T0)


# -------------------------------------------------------------------------------------------------
# Promise 24: known answers for the primitives of the vault's sealing (X25519 + HKDF-SHA256).

_RFC7748_ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"
_RFC7748_ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
_RFC7748_BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"
_RFC7748_BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"
_RFC7748_SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"


def test_x25519_rfc7748_section_6_1_diffie_hellman() -> None:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

    alice = X25519PrivateKey.from_private_bytes(bytes.fromhex(_RFC7748_ALICE_PRIVATE))
    bob = X25519PrivateKey.from_private_bytes(bytes.fromhex(_RFC7748_BOB_PRIVATE))
    assert vault_module._raw_public(alice.public_key()).hex() == _RFC7748_ALICE_PUBLIC
    assert vault_module._raw_public(bob.public_key()).hex() == _RFC7748_BOB_PUBLIC
    assert alice.exchange(X25519PublicKey.from_public_bytes(bytes.fromhex(_RFC7748_BOB_PUBLIC))).hex() == (
        _RFC7748_SHARED
    )
    assert bob.exchange(X25519PublicKey.from_public_bytes(bytes.fromhex(_RFC7748_ALICE_PUBLIC))).hex() == (
        _RFC7748_SHARED
    )


def test_x25519_rfc7748_section_5_2_scalar_multiplication() -> None:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

    scalar = X25519PrivateKey.from_private_bytes(
        bytes.fromhex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4")
    )
    point = X25519PublicKey.from_public_bytes(
        bytes.fromhex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")
    )
    assert scalar.exchange(point).hex() == "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"


@pytest.mark.parametrize(
    ("ikm", "salt", "info", "length", "okm"),
    [
        (  # RFC 5869 A.1
            "0b" * 22,
            "000102030405060708090a0b0c",
            "f0f1f2f3f4f5f6f7f8f9",
            42,
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
        ),
        (  # RFC 5869 A.3: no salt and no info, as the vault's seal derivation uses no salt
            "0b" * 22,
            "",
            "",
            42,
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
        ),
    ],
)
def test_hkdf_sha256_rfc5869_test_vectors(ikm: str, salt: str, info: str, length: int, okm: str) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=length, salt=bytes.fromhex(salt) or None, info=bytes.fromhex(info)
    )
    assert hkdf.derive(bytes.fromhex(ikm)).hex() == okm


def _hkdf_by_hand(ikm: bytes, info: bytes, length: int) -> bytes:
    """RFC 5869 written out with the standard library's HMAC: an independent second implementation."""
    import hashlib
    import hmac

    prk = hmac.new(b"\x00" * 32, ikm, hashlib.sha256).digest()
    out, block = b"", b""
    for counter in range(1, -(-length // 32) + 1):
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
    return out[:length]


def test_vault_seal_key_is_hkdf_sha256_of_the_rfc7748_shared_secret() -> None:
    """The vault's seal key for the RFC 7748 pair equals HKDF computed independently (promise 24)."""
    shared = bytes.fromhex(_RFC7748_SHARED)
    ephemeral, recipient = bytes.fromhex(_RFC7748_ALICE_PUBLIC), bytes.fromhex(_RFC7748_BOB_PUBLIC)
    expected = _hkdf_by_hand(shared, vault_module._SEAL_INFO + ephemeral + recipient, 32)
    assert Vault._seal_key(shared, ephemeral, recipient) == expected
    assert _hkdf_by_hand(bytes.fromhex("0b" * 22), b"", 42).hex() == (
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
    )


# -------------------------------------------------------------------------------------------------
# Issue 10 gap: a damaged vault is told as damage (exit 4) and never counts as a failed attempt.


def test_a_damaged_wrapped_key_is_damage_not_a_wrong_passphrase(vault: Vault, vault_path: Path) -> None:
    vault.save()
    original = vault_path.read_text(encoding="utf-8")
    doc = json.loads(original)
    wrapped = doc["slots"][0]["wrapped_key"]
    doc["slots"][0]["wrapped_key"] = ("A" if wrapped[0] != "A" else "B") + wrapped[1:]
    vault_path.write_text(json.dumps(doc, indent=2), encoding="utf-8")  # a flipped bit: no checksum redone
    with pytest.raises(VaultDamagedError, match="checksum") as caught:
        Vault.load(vault_path).unlock("alice", PASS_ALICE)
    assert caught.value.exit_code == 4
    vault_path.write_text(original, encoding="utf-8")
    assert Vault.load(vault_path).slot_status("alice").failures == 0
    assert Vault.load(vault_path).unlock("alice", PASS_ALICE).data_key


def test_a_header_without_a_checksum_still_opens_and_gains_one(vault: Vault, vault_path: Path) -> None:
    vault.save()
    doc = json.loads(vault_path.read_text(encoding="utf-8"))
    del doc["checksum"]
    vault_path.write_text(json.dumps(doc), encoding="utf-8")
    reopened = Vault.load(vault_path)
    reopened.unlock("alice", PASS_ALICE)
    reopened.save()
    assert json.loads(vault_path.read_text(encoding="utf-8"))["checksum"].startswith("sha256:")
