"""Offline bundles (sync/bundle.py), keys (sync/keys.py) and request signatures (sync/signing.py)."""

CATALOG: dict[str, str] = {
    # Request signatures (promise 18): what HQ answers a request it does not accept.
    "signature.missing": "the request is not signed (no Signature and Signature-Input headers)",
    "signature.invalid": "the request's signature is not valid (wrong key, or the request was changed)",
    "signature.digest_mismatch": "the request's body does not match its signed Content-Digest",
    "signature.unknown_key": "the request is signed by a device HQ does not know",
    "signature.clock_skew": (
        "the request was made {skew} seconds away from HQ's clock (at most {limit} are allowed); "
        "set this computer's date and time"
    ),
    # Keys.
    "signature.key_not_base64": "the key is not base64 text",
    "signature.key_length": "the key is {length} bytes long; a key is 32 bytes",
    "signature.key_invalid": "the value is not a valid public key",
    "signature.key_file_loose": (
        "the key file {path} may be read by other users (mode {mode}); make it private (chmod 600) "
        "and consider the key exposed"
    ),
    "signature.key_file_damaged": "the key file {path} does not hold a private key of the expected kind",
}
