"""The headquarters HTTP API: what a refused request says.

HQ answers every refused request with ``ErrorBody {code, message}``: ``code`` is the short wire code
(``clock_skew``, ``client_too_old``, ...) that the workstation turns into its own message, ``message``
is the English text of the matching ``hqapi.*`` code below.
"""

CATALOG: dict[str, str] = {
    # Reading the body.
    "hqapi.malformed": "The request body is not valid JSON.",
    "hqapi.not_an_object": "The request body must be a JSON object.",
    "hqapi.bad_gzip": "The request body is not valid gzip data.",
    "hqapi.bad_encoding": "Content encoding {encoding!r} is not supported; send gzip or no encoding.",
    "hqapi.bad_media_type": "The request body must be sent as application/json.",
    "hqapi.too_large": "The request body is larger than {max:n} bytes.",
    "hqapi.bad_header": "The {header} header must be a whole number.",
    "hqapi.invalid": "{field}: {problem}",
    "hqapi.invalid_more": "{field}: {problem} (and {more:n} more problems)",
    # Who is asking.
    "hqapi.signature_missing": "The request is not signed; headquarters answers signed requests only.",
    "hqapi.signature_invalid": "The request's signature is not valid.",
    "hqapi.digest_mismatch": "The request body does not match its Content-Digest.",
    "hqapi.clock_skew": (
        "This workstation's clock differs from headquarters' clock by more than {max:n} seconds "
        "(headquarters' time is {hq_time} UTC); set the clock right and sync again."
    ),
    "hqapi.nonce_reused": "This request was already received once (its nonce was used before).",
    "hqapi.device_unknown": "Headquarters does not know this device; enroll it with a new code.",
    "hqapi.device_revoked": "Headquarters has revoked this device; it can no longer sync.",
    "hqapi.client_too_old": (
        "This Embassy Desk is too old for headquarters (protocol {protocol}, at least {min} is "
        "needed); install the update and sync again."
    ),
    "hqapi.rate_limited": "Too many requests; try again in {seconds:n} seconds.",
    # Serving.
    "hqapi.tls_pair": "give both --certfile and --keyfile for TLS, or neither (behind a TLS terminator)",
    "hqapi.tls_unreadable": "the TLS certificate or key in {path} cannot be read or do not match",
    # Anything else.
    "hqapi.not_found": "There is no such address on this server.",
    "hqapi.method_not_allowed": "This address does not answer that HTTP method.",
    "hqapi.http_error": "The request was refused (HTTP {status}).",
    "hqapi.internal": "Headquarters could not answer because of an internal error; try again later.",
}
