"""The duty log and the shift handover."""

CATALOG: dict[str, str] = {
    "duty.empty": "write something: the note is empty",
    "duty.too_long": "a note holds at most {max:n} characters (this one has {length:n})",
    "duty.log_empty": "the duty log is empty",
}
