"""HQ's side of check-in: the public listener, the SMS webhook and the drainer (issue 14).

Codes start with ``hqcheckin.``."""

CATALOG: dict[str, str] = {
    "hqcheckin.title": "Check-in at headquarters",
    # The public listener's settings from the environment (hq/public/settings.py).
    "hqcheckin.bad_setting": "{name} must be a positive number, not {value!r}",
    # The SMS gateway's webhook (hq/public/sms.py): refusals sent back to the gateway.
    "hqcheckin.sms_bad_signature": "The signature is missing or does not match the body",
    "hqcheckin.sms_clock_skew": "The timestamp is more than {seconds} seconds away from HQ's clock",
    "hqcheckin.sms_replay": "A message with this id was already received",
    "hqcheckin.sms_malformed": "The body is not a valid message: {field}",
    "hqcheckin.sms_too_large": "The body is larger than {limit} bytes",
    "hqcheckin.sms_secret_short": "The SMS webhook's secret ({env}) must be at least {min} characters long",
    "hqcheckin.sms_region": "{region} is not a country code the phone library knows ({env})",
    # The drainer's assistance case (hq/checkin_drain.py), written into the post's log in English
    "hqcheckin.case_summary": "Asked for help by check-in.",
    "hqcheckin.case_words": "In their words: {text}",
    "hqcheckin.case_callback": "Call back on {phone}.",
}
