"""Request signatures (promise 18): RFC 9421 with Ed25519 over method, path and Content-Digest.

Known answers: RFC 8032 test vectors 1 and 2 through the library algorithm class our signer uses,
and RFC 9421 Appendix B.2.6 (a request signed with ed25519) through our request adapter, so the
canonical signature base is the standard's, byte for byte.
"""

from __future__ import annotations

import base64
import hashlib
import time

import http_sf
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from http_message_signatures import HTTPMessageSigner, algorithms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from embassy_desk.domain.messages import render
from embassy_desk.sync import keys
from embassy_desk.sync.signing import (
    SignatureRefused,
    _PrivateKey,
    _Request,
    sign_request,
    verify_request,
)

URL = "https://hq.example.org:8443/v1/push"
BODY = b'{"protocol":1,"schema_version":8,"entries":[],"through":0}'
NOW = 1_796_000_000.0
DEVICE = "0190f1e2-7c3b-7d4e-8f00-123456789abc"


@pytest.fixture(scope="module")
def device_key() -> Ed25519PrivateKey:
    return keys.new_signing_key()


def _signed(
    key: Ed25519PrivateKey, *, now: float = NOW, body: bytes = BODY, url: str = URL
) -> dict[str, str]:
    headers = {"Content-Type": "application/json", "X-Embassy-Protocol": "1"}
    headers.update(sign_request("POST", url, headers, body, key_id=DEVICE, private_key=key, now=now))
    return headers


def _resolver(key: Ed25519PrivateKey) -> dict[str, Ed25519PublicKey]:
    return {DEVICE: key.public_key()}


def _refusal(key: Ed25519PrivateKey, **changes: object) -> str:
    args: dict[str, object] = {
        "method": "POST",
        "url": URL,
        "headers": _signed(key),
        "body": BODY,
        "resolve_key": _resolver(key).get,
        "now": NOW,
    }
    args.update(changes)
    with pytest.raises(SignatureRefused) as caught:
        verify_request(
            args["method"],  # type: ignore[arg-type]
            args["url"],  # type: ignore[arg-type]
            args["headers"],  # type: ignore[arg-type]
            args["body"],  # type: ignore[arg-type]
            resolve_key=args["resolve_key"],  # type: ignore[arg-type]
            now=args["now"],  # type: ignore[arg-type]
        )
    return caught.value.code


# Known answers ------------------------------------------------------------------------------------

RFC8032 = [
    (  # Test 1: the empty message.
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
        "d25bf5f0595bbe24655141438e7a100b",
    ),
    (  # Test 2: one byte.
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c"
        "387b2eaeb4302aeeb00d291612bb0c00",
    ),
]


@pytest.mark.parametrize(("secret", "public", "message", "signature"), RFC8032)
def test_ed25519_rfc8032_vectors(secret: str, public: str, message: str, signature: str) -> None:
    # Through our key decoding and the algorithm class the request signer is configured with.
    private = keys.signing_private_key(bytes.fromhex(secret))
    assert keys.public_raw(private).hex() == public
    signer = algorithms.ED25519(private_key=private)
    assert signer.sign(bytes.fromhex(message)).hex() == signature
    verifier = algorithms.ED25519(public_key=keys.signing_public_key(keys.public_b64(private)))
    verifier.verify(signature=bytes.fromhex(signature), message=bytes.fromhex(message))


# RFC 9421 Appendix B.1.4 (test-key-ed25519) and B.2.6 (signing a request using ed25519).
RFC9421_KEY = (
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n"
    "-----END PRIVATE KEY-----\n"
)
RFC9421_BASE = (
    '"date": Tue, 20 Apr 2021 02:07:55 GMT\n'
    '"@method": POST\n'
    '"@path": /foo\n'
    '"@authority": example.com\n'
    '"content-type": application/json\n'
    '"content-length": 18\n'
    '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length")'
    ';created=1618884473;keyid="test-key-ed25519"'
)
RFC9421_SIGNATURE = "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw=="


def test_rfc9421_ed25519_example_through_our_request_adapter() -> None:
    import datetime

    key = serialization.load_pem_private_key(RFC9421_KEY.encode(), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    request = _Request(
        "POST",
        "http://example.com/foo?param=Value&Pet=dog",
        {
            "Host": "example.com",
            "Date": "Tue, 20 Apr 2021 02:07:55 GMT",
            "Content-Type": "application/json",
            "Content-Length": "18",
        },
    )
    signer = HTTPMessageSigner(signature_algorithm=algorithms.ED25519, key_resolver=_PrivateKey(key))
    components = ("date", "@method", "@path", "@authority", "content-type", "content-length")
    prepared = signer.prepare(
        request,
        key_id="test-key-ed25519",
        created=datetime.datetime.fromtimestamp(1618884473, tz=datetime.UTC),
        include_alg=False,
        covered_component_ids=components,
    )
    assert prepared.signature_base.decode() == RFC9421_BASE
    assert base64.b64encode(key.sign(prepared.signature_base)).decode() == RFC9421_SIGNATURE


# Signing -----------------------------------------------------------------------------------------


def test_signature_headers_cover_method_path_and_digest(device_key: Ed25519PrivateKey) -> None:
    headers = _signed(device_key)
    digest = base64.b64encode(hashlib.sha256(BODY).digest()).decode()
    assert headers["Content-Digest"] == f"sha-256=:{digest}:"
    sig_input = headers["Signature-Input"]
    assert sig_input.startswith('sig1=("@method" "@path" "content-digest");')
    assert f";created={int(NOW)};" in sig_input
    assert f'keyid="{DEVICE}"' in sig_input and 'alg="ed25519"' in sig_input and "nonce=" in sig_input
    assert headers["Signature"].startswith("sig1=:")


def test_round_trip_returns_signer_nonce_and_time(device_key: Ed25519PrivateKey) -> None:
    headers = _signed(device_key)
    verified = verify_request("POST", URL, headers, BODY, resolve_key=_resolver(device_key).get, now=NOW + 3)
    assert verified.key_id == DEVICE
    assert verified.created == int(NOW)
    assert verified.nonce and verified.nonce in headers["Signature-Input"]


def test_each_signature_has_a_fresh_nonce(device_key: Ed25519PrivateKey) -> None:
    resolve = _resolver(device_key).get
    nonces = {
        verify_request("POST", URL, _signed(device_key), BODY, resolve_key=resolve, now=NOW).nonce
        for _ in range(20)
    }
    assert len(nonces) == 20


def test_empty_body_and_current_time(device_key: Ed25519PrivateKey) -> None:
    headers = dict(sign_request("POST", URL, {}, b"", key_id=DEVICE, private_key=device_key))
    verified = verify_request("POST", URL, headers, b"", resolve_key=_resolver(device_key).get)
    assert abs(verified.created - time.time()) < 5


def test_an_existing_matching_digest_is_kept(device_key: Ed25519PrivateKey) -> None:
    digest = {"Content-Digest": "sha-256=:" + base64.b64encode(hashlib.sha256(BODY).digest()).decode() + ":"}
    added = sign_request("POST", URL, digest, BODY, key_id=DEVICE, private_key=device_key, now=NOW)
    headers = {**digest, **added}
    verify_request("POST", URL, headers, BODY, resolve_key=_resolver(device_key).get, now=NOW)


def test_verify_accepts_header_names_in_any_case(device_key: Ed25519PrivateKey) -> None:
    headers = {name.lower(): value for name, value in _signed(device_key).items()}
    verify_request("POST", URL, headers, BODY, resolve_key=_resolver(device_key).get, now=NOW)


def test_host_and_scheme_are_not_covered(device_key: Ed25519PrivateKey) -> None:
    # A TLS proxy in front of HQ may change them; method, path and body are what matter.
    headers = _signed(device_key)
    verify_request(
        "POST", "http://10.0.0.5:8000/v1/push", headers, BODY, resolve_key=_resolver(device_key).get, now=NOW
    )


# Refusals ----------------------------------------------------------------------------------------


def test_missing_signature_is_refused(device_key: Ed25519PrivateKey) -> None:
    headers = _signed(device_key)
    assert _refusal(device_key, headers={}) == "signature_missing"
    no_signature = {k: v for k, v in headers.items() if k != "Signature"}
    assert _refusal(device_key, headers=no_signature) == "signature_missing"
    no_input = {k: v for k, v in headers.items() if k != "Signature-Input"}
    assert _refusal(device_key, headers=no_input) == "signature_missing"


def test_wrong_key_is_refused(device_key: Ed25519PrivateKey) -> None:
    other = keys.new_signing_key()
    assert _refusal(device_key, resolve_key={DEVICE: other.public_key()}.get) == "signature_invalid"
    assert _refusal(device_key, headers=_signed(other)) == "signature_invalid"


def test_unknown_key_id_is_refused(device_key: Ed25519PrivateKey) -> None:
    assert _refusal(device_key, resolve_key=lambda _key_id: None) == "unknown_key"


def test_changed_body_is_a_digest_mismatch(device_key: Ed25519PrivateKey) -> None:
    assert _refusal(device_key, body=BODY + b" ") == "digest_mismatch"
    assert _refusal(device_key, body=b"") == "digest_mismatch"


def test_changed_digest_header_breaks_the_signature(device_key: Ed25519PrivateKey) -> None:
    headers = _signed(device_key, body=b"other")
    forged = {**_signed(device_key), "Content-Digest": headers["Content-Digest"]}
    assert _refusal(device_key, headers=forged, body=b"other") == "signature_invalid"


@pytest.mark.parametrize("method", ["PUT", "GET", "DELETE"])
def test_changed_method_is_refused(device_key: Ed25519PrivateKey, method: str) -> None:
    assert _refusal(device_key, method=method) == "signature_invalid"


@pytest.mark.parametrize(
    "url",
    [
        "https://hq.example.org:8443/v1/pull",
        "https://hq.example.org:8443/v1/push/",
        "https://hq.example.org:8443/",
    ],
)
def test_changed_path_is_refused(device_key: Ed25519PrivateKey, url: str) -> None:
    assert _refusal(device_key, url=url) == "signature_invalid"


@pytest.mark.parametrize("offset", [301, 3600, -301, -86400])
def test_created_too_far_from_now_is_clock_skew(device_key: Ed25519PrivateKey, offset: int) -> None:
    assert _refusal(device_key, now=NOW + offset) == "clock_skew"


@pytest.mark.parametrize("offset", [300, -300, 0])
def test_created_within_the_window_is_accepted(device_key: Ed25519PrivateKey, offset: int) -> None:
    headers = _signed(device_key)
    verify_request("POST", URL, headers, BODY, resolve_key=_resolver(device_key).get, now=NOW + offset)


def test_max_skew_is_configurable(device_key: Ed25519PrivateKey) -> None:
    headers = _signed(device_key)
    resolve = _resolver(device_key).get
    verify_request("POST", URL, headers, BODY, resolve_key=resolve, now=NOW + 1000, max_skew=1000)
    with pytest.raises(SignatureRefused) as caught:
        verify_request("POST", URL, headers, BODY, resolve_key=resolve, now=NOW + 11, max_skew=10)
    assert caught.value.code == "clock_skew"
    assert caught.value.exit_code == 9
    assert "11 seconds" in str(caught.value)


def test_a_forged_request_is_invalid_not_skewed(device_key: Ed25519PrivateKey) -> None:
    # Skew is judged only for a genuine signature: a forger learns nothing about HQ's clock.
    other = keys.new_signing_key()
    headers = _signed(other, now=NOW - 10_000)
    assert _refusal(device_key, headers=headers) == "signature_invalid"


def test_changed_signature_parameters_are_refused(device_key: Ed25519PrivateKey) -> None:
    headers = _signed(device_key)
    later = headers["Signature-Input"].replace(f"created={int(NOW)}", f"created={int(NOW) + 1}")
    assert _refusal(device_key, headers={**headers, "Signature-Input": later}) == "signature_invalid"
    renamed = headers["Signature-Input"].replace(DEVICE, "someone-else")
    both = {DEVICE: device_key.public_key(), "someone-else": keys.new_signing_key().public_key()}
    assert _refusal(device_key, headers={**headers, "Signature-Input": renamed}, resolve_key=both.get) == (
        "signature_invalid"
    )


def test_fewer_covered_components_are_refused(device_key: Ed25519PrivateKey) -> None:
    # A valid signature that does not cover the digest proves nothing about the body.
    message = _Request("POST", URL, {"Content-Type": "application/json"})
    signer = HTTPMessageSigner(signature_algorithm=algorithms.ED25519, key_resolver=_PrivateKey(device_key))
    import datetime

    signer.sign(
        message,
        key_id=DEVICE,
        nonce="n",
        label="sig1",
        created=datetime.datetime.fromtimestamp(NOW, tz=datetime.UTC),
        covered_component_ids=("@method", "@path"),
    )
    assert _refusal(device_key, headers=message.headers) == "signature_invalid"


def test_a_signature_without_nonce_is_refused(device_key: Ed25519PrivateKey) -> None:
    import datetime

    message = _Request("POST", URL, {})
    signer = HTTPMessageSigner(signature_algorithm=algorithms.ED25519, key_resolver=_PrivateKey(device_key))
    signer.sign(
        message,
        key_id=DEVICE,
        label="sig1",
        created=datetime.datetime.fromtimestamp(NOW, tz=datetime.UTC),
        covered_component_ids=("@method", "@path", "content-digest"),
        body=BODY,
    )
    assert _refusal(device_key, headers=message.headers) == "signature_invalid"


def test_two_signatures_are_refused(device_key: Ed25519PrivateKey) -> None:
    headers = _signed(device_key)
    doubled = {
        **headers,
        "Signature-Input": headers["Signature-Input"]
        + ", "
        + headers["Signature-Input"].replace("sig1=", "sig2=", 1),
        "Signature": headers["Signature"] + ", " + headers["Signature"].replace("sig1=", "sig2=", 1),
    }
    assert _refusal(device_key, headers=doubled) == "signature_invalid"


def test_refusals_have_russian_and_kazakh_texts(device_key: Ed25519PrivateKey) -> None:
    with pytest.raises(SignatureRefused) as caught:
        verify_request(
            "POST", URL, _signed(device_key), BODY, resolve_key=_resolver(device_key).get, now=NOW + 400
        )
    assert "часами" in render(caught.value, "ru")
    assert "сағатынан" in render(caught.value, "kk")


header_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FF), max_size=300)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    signature_input=header_text, signature=header_text, method=st.sampled_from(["POST", "post", "", "P OST"])
)
def test_garbage_headers_are_always_a_signature_refusal(
    device_key: Ed25519PrivateKey, signature_input: str, signature: str, method: str
) -> None:
    headers = {"Signature-Input": signature_input, "Signature": signature, "Content-Digest": signature}
    with pytest.raises(SignatureRefused):
        verify_request(method, URL, headers, BODY, resolve_key=_resolver(device_key).get, now=NOW)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_signature_headers_are_refused(device_key: Ed25519PrivateKey, data: st.DataObject) -> None:
    headers = _signed(device_key)
    name = data.draw(st.sampled_from(["Signature-Input", "Signature", "Content-Digest"]))
    value = headers[name]
    index = data.draw(st.integers(0, len(value) - 1))
    replacement = data.draw(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E).filter(lambda c: c != value[index])
    )
    mutated = {**headers, name: value[:index] + replacement + value[index + 1 :]}
    try:
        verify_request("POST", URL, mutated, BODY, resolve_key=_resolver(device_key).get, now=NOW)
    except SignatureRefused:
        return
    # Only a spelling of the same value may pass: base64's last character has unused low bits
    # that decoders ignore, so the signature or digest bytes are still exactly the signed ones.
    assert http_sf.parse(mutated[name].encode(), tltype="dictionary") == http_sf.parse(
        value.encode(), tltype="dictionary"
    ), f"accepted a changed {name}: {mutated[name]!r}"


def test_an_absurd_key_id_never_reaches_the_resolver(device_key: Ed25519PrivateKey) -> None:
    asked: list[str] = []

    def resolve(key_id: str) -> Ed25519PublicKey | None:
        asked.append(key_id)
        return device_key.public_key()

    headers = _signed(device_key)
    long_id = headers["Signature-Input"].replace(DEVICE, "d" * 101)
    assert _refusal(device_key, headers={**headers, "Signature-Input": long_id}, resolve_key=resolve) == (
        "signature_invalid"
    )
    assert asked == []


def test_refusal_is_a_coded_error(device_key: Ed25519PrivateKey) -> None:
    from embassy_desk.domain.errors import EmbassyDeskError

    with pytest.raises(EmbassyDeskError) as caught:
        verify_request("POST", URL, {}, BODY, resolve_key=_resolver(device_key).get, now=NOW)
    assert isinstance(caught.value, SignatureRefused)
    assert caught.value.code == "signature_missing"
    assert caught.value.msg.code == "signature.missing"
