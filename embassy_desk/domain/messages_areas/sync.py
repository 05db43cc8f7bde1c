"""The workstation's sync client and `embassy-desk sync` commands."""

CATALOG: dict[str, str] = {
    # Network failures (exit 8): nothing was lost, the sync can be run again.
    "sync.unreachable": "HQ cannot be reached at {url}: {reason}. Nothing was lost; sync again later.",
    "sync.timeout": "HQ at {url} did not answer in time. Nothing was lost; sync again later.",
    "sync.reason_connect": "no connection could be made",
    "sync.reason_cut": "the connection was cut",
    "sync.reason_network": "the network failed",
    "sync.hq_error": "HQ at {url} answered with an error ({status}). Nothing was lost; sync again later.",
    "sync.bad_answer": (
        "the answer from {url} is not HQ's (a proxy page or a cut answer)."
        " Nothing was lost; sync again later."
    ),
    "sync.rate_limited": "HQ is busy with this workstation's requests; sync again in a minute.",
    "sync.nonce_reused": "HQ saw this request twice and refused the second; sync again.",
    # Refusals (exit 9).
    "sync.revoked": (
        "HQ refused this workstation: its enrollment was revoked. Nothing was sent; ask HQ about it."
    ),
    "sync.unknown_device": "HQ does not know this workstation. Nothing was sent; ask HQ about it.",
    "sync.forbidden": "HQ refused this workstation's request.",
    "sync.clock_skew": (
        "HQ refused the request because this computer's clock is more than 5 minutes off."
        " Set the date and time, then sync again."
    ),
    "sync.too_old": "HQ no longer accepts this version of Embassy Desk. Install the update, then sync again.",
    "sync.signature": "HQ refused the request's signature ({code}).",
    "sync.bad_code": "HQ refused the enrollment code: it is wrong, expired or already used.",
    "sync.refused": "HQ refused the request (status {status}, {code}).",
    "sync.not_enrolled": (
        "this workstation is not enrolled with HQ; an administrator runs 'embassy-desk sync enroll URL CODE'"
    ),
    "sync.bad_enrollment": (
        "this workstation's enrollment record is damaged; an administrator must enroll it again"
    ),
    "sync.bad_url": "{url!r} is not an HQ address; write it as https://host or http://host:port",
    "sync.empty_code": "the enrollment code is empty",
    "sync.already_enrolled": "this workstation is already enrolled with HQ at {url} for post {post}",
    "sync.bad_keep": "{value!r} is not a side to keep; write local or remote",
    # Bundles.
    "sync.bundle_unreadable": "the bundle cannot be read: {reason}",
    "sync.bundle_other_post": "this bundle is for post {post}, not for this workstation's post",
    "sync.bundle_gap": (
        "this bundle starts at change {first}, but this workstation has only changes up to {cursor};"
        " import the earlier bundle first or sync over the network"
    ),
    "sync.bundle_payload": (
        "the bundle is signed by HQ but holds no changes this version can read; nothing was changed"
    ),
    "sync.bundle_unwritable": "the bundle cannot be written: {reason}",
    "sync.bundle_written": "Bundle {number} written to {path}: {count:n} changes for HQ.",
    "sync.bundle_imported": "Bundle {number} from HQ imported: {count:n} changes.",
    "sync.bundle_already": "Bundle {number} from HQ was already imported; nothing changed.",
    # What the commands print.
    "sync.done": "Synced with HQ: {pushed:n} sent, {pulled:n} received, {conflicts:n} new conflicts.",
    "sync.conflicts_hint": "See them with 'embassy-desk sync conflicts'.",
    "sync.unverified": (
        "The check after the sync still differs from HQ after fetching everything again; sync again later."
    ),
    "sync.rejected": (
        "HQ refused {count:n} changes of this workstation as invalid or clashing with others;"
        " the rest went through. Report this to your IT contact."
    ),
    "sync.enrolled": "Enrolled with HQ at {url}: post {post} ({name}).",
    "sync.status_not_enrolled": "Not enrolled with HQ; {pending:n} changes wait to be sent.",
    "sync.status_post": "Post {post} ({name}) at {url}.",
    "sync.status_line": (
        "{pending:n} changes waiting, {conflicts:n} open conflicts, last sync: {last}; HQ {reachable}."
    ),
    "sync.never": "never",
    "sync.reachable": "reachable",
    "sync.not_reachable": "not reachable",
    "sync.no_conflicts": "No open conflicts.",
    "sync.resolved": "Conflict {id} settled: the {side} value is kept.",
    "sync.side_local": "local",
    "sync.side_remote": "remote",
}
