"""HQ's own keys: Ed25519 (signs HQ bundles) and X25519 (devices encrypt their bundles to it).

PKCS#8 PEM files, 0600, in the HQ folder (written and read by embassy_desk.sync.keys, which refuses a
file other OS users may read); never in the database, so a dump or a replica does not carry them.
Public keys travel as raw 32 bytes in base64, as the wire expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from embassy_desk.domain.messages import Msg
from embassy_desk.hq.errors import HQNotReady
from embassy_desk.sync import keys as sync_keys

SIGNING_KEY_FILE = "hq-signing-key.pem"
BUNDLE_KEY_FILE = "hq-bundle-key.pem"


@dataclass(frozen=True)
class HQKeys:
    """HQ's private keys, loaded from the HQ folder."""

    signing: Ed25519PrivateKey
    bundle: X25519PrivateKey

    @property
    def signing_public_b64(self) -> str:
        """HQ's Ed25519 public key (EnrollResponse.hq_signing_key)."""
        return sync_keys.public_b64(self.signing)

    @property
    def bundle_public_b64(self) -> str:
        """HQ's X25519 public key (EnrollResponse.hq_bundle_key)."""
        return sync_keys.public_b64(self.bundle)


def keys_exist(hq_dir: Path) -> bool:
    """Both key files are present."""
    return (hq_dir / SIGNING_KEY_FILE).is_file() and (hq_dir / BUNDLE_KEY_FILE).is_file()


def create_keys(hq_dir: Path) -> tuple[HQKeys, bool]:
    """Make HQ's two keys in ``hq_dir`` (0600; the folder 0700). An existing pair is kept, never
    replaced (that would cut off every enrolled device): returns (keys, made_now)."""
    if keys_exist(hq_dir):
        return load_keys(hq_dir), False
    hq_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    keys = HQKeys(sync_keys.new_signing_key(), sync_keys.new_bundle_key())
    sync_keys.save_private_key(hq_dir / SIGNING_KEY_FILE, keys.signing)
    sync_keys.save_private_key(hq_dir / BUNDLE_KEY_FILE, keys.bundle)
    return keys, True


def load_keys(hq_dir: Path) -> HQKeys:
    """HQ's keys from ``hq_dir``; HQNotReady if ``hq init`` has not made them (a loose or damaged
    file is refused by sync.keys with its own message)."""
    try:
        signing = sync_keys.load_signing_key(hq_dir / SIGNING_KEY_FILE)
        bundle = sync_keys.load_bundle_key(hq_dir / BUNDLE_KEY_FILE)
    except FileNotFoundError as exc:
        raise HQNotReady(Msg("hq.not_initialised", path=str(hq_dir))) from exc
    return HQKeys(signing, bundle)
