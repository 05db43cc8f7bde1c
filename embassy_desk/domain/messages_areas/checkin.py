"""Check-in links at the post: making links, the message list and notices, the phone review queue (issue 14).

Codes start with ``checkin.``."""

CATALOG: dict[str, str] = {
    "checkin.title": "Check-in links",
    # Links and HQ's public address (engineer A).
    "checkin.not_enabled": (
        "check-in is not enabled: an administrator sets HQ's public address first"
        " ('embassy-desk checkin address https://...')"
    ),
    "checkin.address_invalid": (
        "{value!r} is not an address for check-in links: write https://host or https://host/path"
        " (no user, query or fragment)"
    ),
    "checkin.address_http": (
        "{value!r}: plain http is only for trials on 127.0.0.1 or localhost; citizens' links need https://"
    ),
    "checkin.expiry_past": "the links would expire at {value}, which has passed: give a later date",
    "checkin.expiry_too_far": "links expire within {days:n} days at most ({value} is later)",
    "checkin.nobody": "nobody to make check-in links for",
    "checkin.bad_date": "{value!r} is not a date: write it as YYYY-MM-DD",
    "checkin.file_type": "the links are a CSV file: name it FILE.csv",
    "checkin.links_written": (
        "{count:n} check-in links written to {path} ({phones:n} with a mobile number), valid until {expires}."
        " The file is the only copy of the links: keep it private."
    ),
    "checkin.address_set": "HQ's public address for check-in links: {address}",
    "checkin.address_cleared": "Check-in is off: no public address is set.",
    "checkin.status_off": "Check-in is not enabled (no public address is set).",
    "checkin.status_counts": (
        "Links made: {links:n} ({live:n} still valid); answers received: {answers:n};"
        " phone numbers to review: {phones:n}."
    ),
    # The phone review queue (engineer A).
    "checkin.phone_not_found": "there is no reported phone number with id {id}",
    "checkin.phone_resolved": "this reported number was already dealt with ({at}, {by})",
    "checkin.phone_citizen_gone": (
        "the person who reported this number is no longer on the register; dismiss it"
    ),
    "checkin.phone_invalid": (
        "the reported number {value!r} is not a phone number the register accepts; dismiss it"
    ),
    "checkin.channel_by_citizen": (
        "only a citizen's own check-in has the channel 'check-in'; choose how you reached them"
    ),
    "checkin.messages_links": ("personal check-in links in the list: {count} (the file is their only copy)"),
    "checkin.phones_none": "No reported phone numbers wait for review.",
    "checkin.phone_applied": "{phone} is now the first mobile number of {citizen}; the old numbers are kept.",
    "checkin.phone_dismissed": "The reported number was dismissed; the record is unchanged.",
    # notices (engineer B): a template's check-in panel
    "checkin.notice_block": "'checkin' must list a heading and one or two texts (the panel with the link)",
    "checkin.notice_block_kind": "a '{kind}' notice prints no check-in link; 'checkin' is for {kinds}",
}
