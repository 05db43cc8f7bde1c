"""Applying pulled changes, the conflict queue and resolving conflicts at the workstation."""

CATALOG: dict[str, str] = {
    "conflict.not_found": "there is no sync conflict with id {id}",
    "conflict.not_open": "conflict {id} was already resolved",
    "conflict.bad_keep": "{value!r} is not a choice; keep 'local' or 'remote'",
    "conflict.gone": "the record of conflict {id} is no longer on the register; the conflict is closed",
    "syncapply.notice_elsewhere": (
        "notice {reference} was issued at another workstation; print it again there"
    ),
}
