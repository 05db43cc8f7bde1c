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

CATALOG.update(
    {
        # Offline bundles (promise 19): why a bundle file is refused. Ids are device ids or "hq".
        "bundle.not_a_bundle": "the file is not an Embassy Desk sync bundle",
        "bundle.newer_format": (
            "the bundle is in format {version}, which this version of Embassy Desk cannot read; update it"
        ),
        "bundle.too_large": "the bundle is too large ({size:n} bytes; at most {limit:n} are accepted)",
        "bundle.truncated": (
            "the bundle is damaged: the file is incomplete or has bytes added (copy it again from the sender)"
        ),
        "bundle.header_too_long": (
            "the bundle is damaged or altered: its header claims {length:n} bytes (at most {limit:n})"
        ),
        "bundle.header_damaged": "the bundle is damaged or altered: its header cannot be read",
        "bundle.not_for_recipient": "the bundle is addressed to {addressed}, not to {recipient}",
        "bundle.unknown_signer": (
            "the bundle claims to come from {sender}, whose key is not known here; it is refused as forged"
        ),
        "bundle.bad_signature": (
            "the bundle's signature does not match the key of {sender}: it was altered or forged"
        ),
        "bundle.other_key": (
            "the bundle is addressed to {recipient} but was encrypted for another of its keys "
            "(written before its keys changed, such as before enrolling again?)"
        ),
        "bundle.payload_too_large": (
            "the bundle's contents would unpack to {size:n} bytes (at most {limit:n} are accepted)"
        ),
        "bundle.payload_damaged": (
            "the bundle is signed by its sender but its contents cannot be unpacked (damaged when written)"
        ),
    }
)
