"""The headquarters server's store and its `embassy-desk hq` commands."""

CATALOG: dict[str, str] = {
    # Setting HQ up.
    "hq.no_dir": "Say where HQ lives: give --hq-dir DIR or set {env}.",
    "hq.not_initialised": "There is no HQ in {path} yet: run `embassy-desk hq init` first.",
    "hq.schema_behind": (
        "HQ's database is at schema {revision}, this version needs {head}: run `embassy-desk hq migrate`."
    ),
    "hq.keys_made": "Made HQ's signing and bundle keys in {path} (readable only by you).",
    "hq.keys_kept": "HQ's keys in {path} were already there; they are kept.",
    "hq.initialised": "HQ is ready in {path} (database {db}, schema {revision}).",
    "hq.migrated": "HQ's database {db} is at schema {revision} (it was at {before}).",
    # Posts and devices.
    "hq.bad_post_code": "{code!r} is not a post code: use 2 to 32 letters, digits or '-', e.g. KZ-SEL.",
    "hq.post_name_empty": "A post needs a name (--name).",
    "hq.post_exists": "Post {code} already exists.",
    "hq.no_post": "HQ has no post {code!r}; see `embassy-desk hq posts`.",
    "hq.no_posts": "HQ has no posts yet.",
    "hq.no_posts_yet": "No posts yet: add one with `embassy-desk hq post add CODE --name NAME`.",
    "hq.post_added": "Post {code} added: {name}.",
    "hq.enroll_code_for": (
        "One-time enrollment code for {post}, valid once until {expires} (UTC); "
        "give it to the workstation's administrator for `embassy-desk sync enroll URL CODE`:"
    ),
    "hq.enroll_code_refused": (
        "This enrollment code is not valid: it is wrong, has expired or was already used."
    ),
    "hq.device_exists": "A device with id {device} is already enrolled.",
    "hq.bad_device_key": "The device's public keys are not Ed25519 and X25519 keys.",
    "hq.no_device": "HQ has no device {device!r}; see `embassy-desk hq devices`.",
    "hq.device_revoked": "Device {device} is revoked; HQ refuses it.",
    "hq.revoked": "Device {device} of post {post} is revoked: HQ refuses its requests from now on.",
    # Publications.
    "hq.publication_kind": "{kind!r} is not a kind of publication; use one of: {allowed}.",
    "hq.publication_empty": "A publication needs a title and a text (or a template file).",
    "hq.publication_language": "Advisories are written in kk, ru or en, not in {languages}.",
    "hq.published": "Published to {posts} (publication {id}); workstations get it on their next sync.",
    "hq.template_not_text": "{path} is not a UTF-8 text file, so it is no notice template.",
    "hq.template_not_toml": "{path} is not a notice template: TOML with id, version and language.",
    # Files and bundles.
    "hq.file_unreadable": "Cannot read {path}: {reason}",
    "hq.file_too_large": "{path} is larger than {max:n} bytes.",
    "hq.bundle_written": (
        "Bundle {number} for {post} written to {path}: {count:n} entries, "
        "encrypted to the post's active devices ({devices:n})."
    ),
    "hq.bundle_imported": (
        "Bundle {number} of device {device} ({post}) imported: {accepted:n} new, "
        "{duplicates:n} already known, {rejected:n} rejected."
    ),
    "hq.bundle_already": "Bundle {number} of device {device} was imported before; nothing changed.",
    "hq.bundle_gap": (
        "Bundle {number} of device {device} cannot be imported yet: bundle {missing} is missing; "
        "import that one first."
    ),
    "hq.bundle_chain": (
        "Bundle {number} of device {device} does not follow bundle {previous} imported before "
        "(its previous-bundle hash differs); it is refused."
    ),
    "hq.bundle_payload": "Bundle {number} is intact but its content is not a batch HQ can read.",
    "hq.out_of_range": "{field} is larger than HQ can store.",
    "hq.bundle_no_devices": "Post {post} has no enrolled devices to write a bundle for.",
    "hq.audit_break": (
        "The audit chain of device {device} does not continue from what HQ had; "
        "the data was kept and `embassy-desk hq devices` shows the break."
    ),
}
