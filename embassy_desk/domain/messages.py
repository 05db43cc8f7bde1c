"""Messages with stable codes, rendered in the person's language at the edge (GUI and CLI).

How it works (read this before adding an error):

* A message is a :class:`Msg`: a ``str`` whose value is the English text, which also carries a stable
  ``code`` and its named ``params``. Because it *is* the English string, code that joins, logs or
  compares messages keeps working, and ``str(error)`` stays English.
* ``CATALOG`` below maps each code to its English template with ``{named}`` placeholders. The Russian
  and Kazakh templates are data files the package ships: ``resources/messages/ru.toml`` and ``kk.toml``
  (TOML tables: code ``passphrase.too_short`` is key ``too_short`` of table ``[passphrase]``). A test
  fails if a code lacks a ru or kk text or if their placeholders differ from the English ones.
* Raise with a code::

      raise ValidationError("passphrase", Msg("passphrase.too_short", min=12, length=len(text)))
      raise NotFoundError(Msg("citizen.not_found", id=citizen_id))

  ``ValidationError`` keeps ``field``, ``row`` and ``message``; the error gains ``code`` and ``params``
  (those of its message). A plain ``str`` is still accepted; it is shown as given in every language, so
  convert a site when a person can meet its message.
* Param values are rendered too: plain text and numbers as they are (typed values are never
  translated; row numbers are not grouped), dates in the language's format (:func:`format_date`),
  a nested ``Msg`` in the target language, a tuple of ``Msg`` joined with "; ", and
  :func:`field_name` ``("surname")`` as the field's name in that language (table ``[field]``).
* ``{count:n}`` writes a number with the language's digit grouping (5,004 / 5 004). Russian plurals:
  ``{n:plural:символ|символа|символов}`` picks the word for ``n`` (one, few, many); English and
  Kazakh templates simply do not use it.
* The edge calls :func:`render` ``(error_or_msg, language)``: the GUI with the window's language, the
  CLI with :func:`language_from_environment` (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
  Unknown languages and missing texts fall back to English.
"""

from __future__ import annotations

import functools
import logging
import os
import string
import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Union

from embassy_desk.domain.messages_areas import AREAS
from embassy_desk.resources import messages_dir

log = logging.getLogger("embassy_desk")

LANGUAGES = ("en", "ru", "kk")
DEFAULT_LANGUAGE = "en"

Param = Union[str, int, float, date, "Msg", tuple["Msg", ...]]

# Code -> English template. Codes are stable: the translation files and tests refer to them.
CATALOG: dict[str, str] = {
    # Frames: how an error names its field and input row.
    "frame.field": "{field}: {message}",
    "frame.row_field": "row {row}, {field}: {message}",
    "frame.row": "row {row}: {message}",
    # Generic answers any field can give.
    "value.required": "is required",
    "value.empty": "must not be empty",
    "value.too_long": "is longer than {max} characters",
    "value.not_text": "contains characters that are not valid text",
    "value.not_a_field": "is not a citizen field",
    "value.not_one_of": "{value!r} is not one of: {allowed}",
    # A citizen's record.
    "citizen.not_found": "no citizen with id {id}",
    "citizen.bad_messenger": "{value!r} is not a messenger handle; use service:handle",
    "citizen.bad_emergency_contact": "is not a JSON object with name, relation and phone",
    "citizen.bad_language": "{value!r} is not a language code such as kk, ru, en, ko",
    "citizen.bad_nationality": "{value!r} is not a three-letter nationality code such as KAZ, RUS, KOR",
    "citizen.birth_in_future": "{date} is in the future",
    "citizen.birth_before_1900": "{date} is before 1900",
    "citizen.expiry_before_issue": "{expiry} is before the issue date {issue}",
    # Names and text (issue 9 item 8, issue 10 defect 9).
    "name.digits": "{value!r} contains digits; a name holds only letters, spaces, hyphens and apostrophes",
    "name.characters": (
        "{value!r} contains {chars}; a name holds only letters, spaces, hyphens and apostrophes"
    ),
    "name.no_letter": "{value!r} has no letters; a name holds letters, spaces, hyphens and apostrophes",
    "text.control": "contains a control or invisible character ({chars}); remove it",
    # Files to import: encodings and the bounds of what a workbook may unpack to (promise 23).
    "import.mixed_encoding": (
        "{file} mixes encodings: rows {utf8_rows} are UTF-8 but rows {legacy_rows} are Windows-1251, "
        "so one kind would be garbled; save it from Excel as 'CSV UTF-8' and try again"
    ),
    "import.xlsx_bomb": (
        "{file} is refused: its part {part} would unpack to {size} from {packed} ({reason}). A list "
        "of citizens never does; this looks like a decompression bomb. Save the list again from "
        "Excel, or as 'CSV UTF-8'"
    ),
    "import.limit_size": "the limit is {limit}",
    "import.limit_ratio": "{ratio} times its packed size; the limit is {limit} times",
    "import.limit_total": "all parts together exceed {limit}",
    "import.xlsx_parts": "{file} holds {count} parts; a workbook has at most {limit}",
    "import.xlsx_rows": "a sheet has at most {limit} rows",
    "import.xlsx_columns": "{count} columns; a sheet has at most {limit}",
    "import.xlsx_cell": "{column}: a cell of {count} characters; a cell holds at most {limit}",
    "import.column_named": "column {name!r}",
    "import.column_letter": "column {letter}",
    # The user-name rule and the passphrase policy.
    "username.rule": "use 1-64 letters, digits, '.', '_' or '-' (for example a.nurlanova)",
    "username.too_long": "must be at most {max} characters",
    "username.control": "must not contain control or invisible characters",
    "username.taken": "{name!r} already exists",
    "passphrase.too_short": "must be at least {min} characters long (it has {length})",
    "passphrase.too_long": "must be at most {max} characters long",
    "passphrase.control": "must not contain line breaks, tabs or control characters",
    "passphrase.one_character": "must not be a single character repeated",
    "passphrase.repeated": "must not be the same few characters repeated",
    "passphrase.sequence": "must not be a simple sequence such as abcd… or 1234…",
    "passphrase.keyboard": "must not be a row of neighbouring keys such as qwerty…",
    "passphrase.common": "is too common; a few unrelated words make a stronger passphrase",
    "passphrase.username": "must not contain your user name",
    "passphrase.unusable": "contains characters that cannot be used",
    # Dates, phones, document numbers, e-mail addresses, IINs, regions.
    "date.invalid": "'{value}' is not a date; use YYYY-MM-DD or DD.MM.YYYY",
    "date.bad_time": "'{value}' is not a time of day; use HH:MM (00:00 to 23:59)",
    "phone.empty": "phone number is empty",
    "phone.invalid": "'{value}' is not a valid phone number",
    "phone.invalid_for": "'{value}' is not a valid phone number for {region}",
    "passport.looks_like_iin": "this looks like an IIN (12 digits), not a document number",
    "passport.kz_length": (
        "a Kazakh document number has 8-9 characters (passport N12345678, ID card 123456789); this "
        "one has {length}"
    ),
    "passport.kz_no_digits": (
        "a Kazakh document number contains digits (passport N12345678, ID card 123456789)"
    ),
    "passport.empty": "document number is empty",
    "passport.bad_character": "document number may contain only A–Z and 0–9, not {char!r}",
    "passport.cyrillic_character": (
        "document number may contain only A–Z and 0–9, not {char!r} (Cyrillic? type Latin letters)"
    ),
    "passport.too_long": "a document number has at most 9 characters; this one has {length}",
    "email.empty": "e-mail address is empty",
    "email.too_long": "an e-mail address has at most 254 characters; this one has {length}",
    "email.space": "'{value}' contains a space; an e-mail address has none",
    "email.no_at": "'{value}' has no '@'",
    "email.many_at": "'{value}' has more than one '@' (two addresses?)",
    "email.empty_local": "'{value}' has nothing before the '@'",
    "email.long_local": "'{value}' has more than 64 characters before the '@'",
    "email.bad_local_char": "'{value}' contains {char!r} before the '@'",
    "email.misplaced_dot": "'{value}' has a misplaced dot before the '@'",
    "email.domain": "'{value}': {problem}",
    "email.domain_no_dot": "the domain '{domain}' has no dot (like example.kz)",
    "email.domain_empty_part": (
        "the domain '{domain}' has an empty part (two dots together, or a dot at an end)"
    ),
    "email.label_too_long": "the domain part '{label}…' is longer than 63 characters",
    "email.label_hyphen": "the domain part '{label}' starts or ends with '-'",
    "email.domain_bad_char": "the domain '{domain}' contains {char!r}",
    "iin.century_digit": "IIN {start}… has {digit} as its 7th digit; it must be 1–6 (century and sex)",
    "iin.no_birth_date": (
        "IIN {start}… does not start with a real date of birth: with 7th digit {digit} it reads "
        "{year}-{month}-{day}"
    ),
    "iin.empty": "IIN is empty",
    "iin.not_digits": "an IIN contains only digits 0–9",
    "iin.length": "an IIN has 12 digits; this one has {length}",
    "iin.never_issued": (
        "IIN {start}… cannot be genuine: no check digit exists for its first 11 digits (such "
        "numbers are never issued); check for a typo"
    ),
    "iin.check_digit": (
        "IIN {start}… has check digit {digit} but its other digits give {expected}; check for a typo"
    ),
    "iin.birth_mismatch": "IIN {start}… says born {born} but date of birth is {birth}",
    "iin.sex_mismatch": "IIN {start}… says sex {encoded} (7th digit {digit}) but sex is {sex}",
    "region.unknown": "{value!r} is not a region of {country} (known: {known})",
    # Sign-in, permissions, records, cases, notices, backups.
    "unlock.wrong": "Wrong user name or passphrase.",
    "unlock.backoff": "Too many failed attempts; try again in {seconds} s.",
    "unlock.locked_out": (
        "This account is locked after {count} failed attempts; an administrator or the recovery "
        "code can unlock it."
    ),
    "unlock.wrong_recovery_code": "The recovery code is not correct.",
    "unlock.no_recovery_slot": "No recovery code has been set up for this data.",
    "unlock.disabled": "the account {name!r} is disabled; ask an administrator",
    "unlock.unknown": "unknown user or wrong passphrase",
    "unlock.rekey_pending": (
        "A change of the data key was interrupted; sign in once so it can be finished, then try again."
    ),
    "session.locked": "the workstation is locked; sign in again",
    "vault.not_found": "There is no vault header at {path}.",
    "vault.exists": "A vault header already exists at {path}; refusing to overwrite it.",
    "vault.damaged": "The vault header {path} is damaged or not an Embassy Desk vault ({detail}).",
    "vault.last_slot": "This is the last way to open the data; add another user or a recovery code first.",
    "vault.no_slot": "There is no account named {name!r} in this vault.",
    "permission.role": "the {role} role may not do this ({action})",
    "permission.own_account": "you cannot disable your own account",
    "permission.remember": "an administrator has not allowed this workstation to remember staff",
    "role.administrator": "administrator",
    "role.officer": "officer",
    "role.clerk": "clerk",
    "role.viewer": "viewer",
    "staff.not_found": "no staff account named {name!r}",
    "record.changed": "this record was changed by someone else since you opened it; reopen it",
    "record.merge_itself": "a record cannot be merged with itself",
    "record.merge_invalid": "the merged record would be invalid: {reason}",
    "case.not_found": "no case with id {id}",
    "case.closed": "this case is closed; reopen it first",
    "case.summary_required": "is required: say what the citizen needs",
    "household.not_found": "household_id: no household with id {id}",
    "notice.not_found": "no notice with reference {reference}",
    "notice.secret": "a {kind} notice holds a secret and cannot be printed again; make a new one",
    "notice.no_language": "give at least one language (kk, ru, en, ko or auto)",
    "notice.auto_first": "'auto' can only be the first language",
    "notice.no_recipient": "a {kind} notice is addressed to no citizen",
    "notice.needs_recipient": "a {kind} notice is for a citizen: say which",
    "notice.no_match": "no citizen matches",
    "notice.no_selection": "say whom the notices are for (citizens, a region, a status, or all)",
    "notice.text_per_language": (
        "is written in each language of the notice ({languages}): give one text per language"
    ),
    "notice.text_missing": (
        "has no text in {languages}: give it in each language of the notice"
        " (left empty in all, the standard wording is used)"
    ),
    "export.bad_type": "{name}: export to a .csv or .xlsx file",
    "browse.bad_sort": "{value!r} is not a column of the registry table",
    "settings.idle_lock_range": "must be between {min} and {max} minutes",
    "workstation.exists": "a workstation already exists in {path}",
    "rekey.page_check": "the re-encrypted copy failed its page check; nothing was changed",
    "rekey.structure_check": "the re-encrypted copy failed its structure check; nothing was changed",
    "rekey.counts": "the re-encrypted copy does not hold the same records; nothing was changed",
    # The command line.
    "cli.error": "embassy-desk: {message}",
    "cli.interrupted": "embassy-desk: interrupted; nothing was half-written.",
    "cli.unexpected": (
        "embassy-desk: unexpected error ({kind}); nothing was changed. Run 'embassy-desk check' and "
        "report this to your IT contact."
    ),
    "cli.no_screen": "No screen here for the desktop window; use the commands above.",
    "cli.saved_version": "{id} saved (version {version}).",
    "cli.deleted": "{id} deleted.",
    "cli.not_duplicate": "Remembered: these are different people.",
    "cli.merged": "Merged into {id}.",
    "cli.no_one_found": "No one found.",
    "cli.no_follow_ups": "No follow-ups due by {date}.",
    "cli.import_done": "{count:n} rows imported; {rejected:n} rejected.",
    "cli.import_dry": "{count:n} rows would be imported (dry run, nothing changed); {rejected:n} rejected.",
    "cli.columns_ignored": "Columns ignored: {columns}",
    "cli.import_refused": (
        "Nothing imported (--all-or-nothing): {rejected:n} rows rejected, {held:n} good rows not "
        "imported either."
    ),
    "cli.import_refused_dry": (
        "Nothing would be imported (--all-or-nothing, dry run): {rejected:n} rows rejected, "
        "{held:n} good rows."
    ),
    "cli.rejects_file": (
        "Rejected rows with their reasons: {path} (private to you: it holds personal data). "
        "Correct them there and import that file; delete it when done."
    ),
    "cli.exported": "Exported {count:n} citizens to {path}.",
    "cli.workstation_created": "Workstation created in {path} for {post}.",
    "cli.administrator": "Administrator: {name}",
    "cli.recovery_notice": (
        "\nRECOVERY CODE (shown once; it is not stored anywhere in readable form):\n\n    "
        "{code}\n\nPrint or write it down and keep it in the embassy safe. It unlocks this "
        "workstation and its\nbackups if every passphrase is forgotten or an account is locked out.\n"
    ),
    "cli.recovery_sheet_written": "Recovery sheet written to {path}: print it, then delete the file.",
    "cli.user_added": "Added {name} ({role}).",
    "cli.passphrase_reset": "Passphrase of {name} reset with the recovery code.",
    "cli.passphrase_changed": "Passphrase of {name} changed.",
    "cli.user_disabled": "{name} disabled; their passphrase no longer opens this workstation.",
    "cli.rekey_hint": "To also make an old copy of the vault useless, run 'embassy-desk rekey'.",
    "cli.rekeyed": (
        "Data key changed (generation {generation}); {count:n} citizens re-encrypted. Staff sign in "
        "with their usual passphrases. Backups made before now still open with the old key."
    ),
    "cli.user_enabled": "{name} may sign in again.",
    "cli.audit_intact": "Audit chain intact: {count:n} entries verified.",
    "cli.check_ok": "OK: {summary}.",
    "cli.issued": "Issued {count:n} {kind} notice(s), {pages:n} page(s): {path}",
    "cli.reference": "Reference: {reference}",
    "cli.reprinted": "Re-printed {reference} to {path}.",
    "cli.no_notices": "No notices issued.",
    "cli.notices_progress": "{done:n} of {total:n} notices",
    # Reading an import file.
    "table.empty": "{file} is empty",
    "table.empty_sheets": "{file} is empty (no sheet has any rows)",
    "table.old_excel": (
        "{file} is an old-format .xls or a password-protected workbook; open it in Excel and save "
        "it as .xlsx (no password) or as 'CSV UTF-8'"
    ),
    "table.not_excel": "{file} is not an Excel workbook; if it is CSV text, rename it .csv",
    "table.unsupported": "{file}: unsupported file type {suffix}; use .xlsx, .csv, .tsv or .txt",
    "table.no_extension": "(no extension)",
    "table.folder": "{path} is a folder, not a file",
    "table.missing": "{path} does not exist",
    "table.unreadable": "{path} cannot be read: {reason}",
    "table.not_workbook": (
        "{file} cannot be read as an Excel workbook ({detail}); open it in Excel and save it again "
        "as .xlsx or as 'CSV UTF-8'"
    ),
    "table.damaged_workbook": "{file}: the workbook is damaged and cannot be read ({detail})",
    "table.damaged_row": "row {row}: the workbook is damaged: {detail}",
    "table.long_cell": (
        'row {row}: a cell is implausibly long; a quote (") opened on or after this row is probably '
        "never closed"
    ),
    "table.bad_csv": "row {row}: cannot be read as CSV: {detail}",
    "table.unclosed_quote": (
        'row {start}: a quote (") opened in this row is never closed, so lines {start}-{end} (the '
        "rest of the file) were read as one cell; fix the quote or remove it"
    ),
    "table.bad_bytes": (
        "row {row}: bytes {bad} are not valid {encoding} text; the file mixes encodings or is not "
        "text. Save it from Excel as 'CSV UTF-8' and try again"
    ),
    "table.no_header": (
        "no recognisable header row in {file}: found {found}; say which column is which with "
        '--mapping, e.g. --mapping "{example}=surname"'
    ),
    "table.nothing": "nothing",
    "table.no_name_column": (
        "no column for the citizen's name in {file} (recognised {recognised}); add a "
        "Surname/Фамилия/Тегі, Given names/Имя/Аты or ФИО column, or map one with --mapping "
        '"Header=surname"'
    ),
    "table.mapping_not_text": "header texts and field names must be text",
    "table.mapping_unknown_field": (
        "{header}={target} names no field {target!r}; fields are {fields}; use '-' to ignore a column"
    ),
    "table.mapping_empty_header": "{header!r}={target}: the header text is empty",
    "table.mapping_empty": "is empty; give 'Header=field,...' or a .json file",
    "table.mapping_shape": "{value!r} is neither a file nor 'Header=field' pairs separated by ','",
    "table.mapping_not_utf8": "{path} is not UTF-8 text",
    "table.mapping_bad_json": "{path} is not valid JSON (line {line}: {detail})",
    "table.mapping_not_object": "{path} must hold one JSON object like {example}",
    "table.mapping_comma": "expected ',' after the field name in {piece!r} ('=' inside a header?)",
    "table.mapping_no_header": "a header text is missing before '={target}'",
    "table.mapping_no_field": "no field name after {header!r}=",
    "table.mapping_no_target": "{value!r} has no '=field'",
    # Countries named in messages (phone numbers are read as dialled in the host country).
    "country.KR": "KR",
    "country.KZ": "KZ",
    "country.RU": "RU",
    "country.CN": "CN",
    "country.JP": "JP",
    "country.TR": "TR",
    "country.DE": "DE",
    "country.US": "US",
    "country.AE": "AE",
    "country.UZ": "UZ",
    "country.KG": "KG",
    # Reading a machine-readable zone (MRZ).
    "mrz.empty": "the MRZ is empty",
    "mrz.td2": "this is a 2 × 36 (TD2) MRZ; only passports (TD3) and ID cards (TD1) are read",
    "mrz.line_count": (
        "the MRZ has {count} lines; a passport MRZ has 2 lines of 44 characters and an ID card "
        "MRZ 3 lines of 30"
    ),
    "mrz.line_length_passport": "line {line} has {length} characters; a passport MRZ line has {expected}",
    "mrz.line_length_card": "line {line} has {length} characters; an ID card MRZ line has {expected}",
    "mrz.bad_character": (
        "line {line}, position {position}: {char!r} cannot appear in an MRZ (only A–Z, 0–9 and <)"
    ),
    "mrz.check_not_digit": "the check digit is {check!r}; it must be a digit",
    "mrz.check_digit": "check digit is {computed} but the MRZ says {check}",
    "mrz.incomplete": "the {label} is incomplete in the MRZ ({raw}); enter it by hand",
    "mrz.not_yymmdd": "the {label} '{raw}' is not a date (YYMMDD)",
    "mrz.not_real_date": "the {label} '{raw}' is not a real date",
    "mrz.not_country": "the {label} '{raw}' is not a country code",
    "mrz.label_birth": "date of birth",
    "mrz.label_expiry": "expiry date",
    "mrz.label_issuing_state": "issuing state",
    "mrz.label_nationality": "nationality",
    "mrz.sex": "sex is '{raw}' in the MRZ; it must be M, F, X or <",
    "mrz.digit_in_name": "the name contains the digit {digit}; was O/0 or I/1 misread?",
    "mrz.no_document_number": "the MRZ has no document number",
    "mrz.passport_type": "a passport MRZ starts with P, not {first!r}",
    "mrz.passport_type_visa": "a passport MRZ starts with P, not {first!r} (a visa)",
    "mrz.card_type": "an ID card MRZ starts with A, C or I, not {first!r}",
    "mrz.no_check_digit": "the document number has no check digit",
    "mrz.one_line": (
        "the MRZ has 1 line; a passport MRZ has 2 lines of 44 characters and an ID card MRZ 3 lines of 30"
    ),
    # Case assignees, notice fields, command-line input.
    "case.no_assignee": "no staff account {name!r} at this post",
    "case.assignee_disabled": "the account {name!r} is disabled; choose an active colleague",
    "case.assignee_role": (
        "{name!r} has the {role} role, which may not work cases; choose an administrator, officer or clerk"
    ),
    "notice.not_a_field": "is not a field of a {kind} notice (fields: {fields})",
    "notice.no_fields": "none",
    "notice.field_needed": "is needed for a {kind} notice (set {fields})",
    "cli.cannot_read": "cannot read {path}: {reason}",
    "cli.json_line": "line {line}: {detail}",
    "cli.json_citizen": "expected one JSON object with citizen fields",
    "cli.json_fields": "expected a JSON object of fields",
    "cli.not_pair": "{value!r} is not field=value",
    "cli.not_name_value": "{value!r} is not name=value",
    "cli.no_changes": "give at least one field=value",
    "cli.output_choice": "give either -o FILE.pdf (one PDF) or --per-person DIR (one file each)",
    "cli.secret_file": "cannot read the file given for the secret: {reason}",
    "cli.no_user": "no user given: use --user or set {env}",
    "cli.passphrases_differ": "the two passphrases differ",
    "cli.no_new_passphrase": "no new passphrase: type it at a terminal, set {env} or use a file",
    "cli.no_recovery_code": "no recovery code: set {env} or use --recovery-code-file",
    "cli.no_passphrase": "no passphrase: type it at a terminal, set {env} or use --passphrase-file",
    # Backups and the database file.
    "storage.damaged": "the database file was altered or damaged (encrypted page check failed)",
    "storage.plaintext": (
        "{name} is a plaintext SQLite file, not an encrypted Embassy Desk database; refusing to open it"
    ),
    "storage.no_database": "no database at {path}",
    "backup.not_backup": "{name} is not an Embassy Desk backup",
    "backup.header_damaged": "{name}: the backup header is damaged or was altered ({detail})",
    "backup.checksum": "{name} was altered or damaged (checksum mismatch)",
    "backup.cannot_read": "cannot read backup {path}: {reason}",
    "backup.vault_damaged": "{name}: the vault inside the backup is damaged ({detail})",
    "backup.header_altered": (
        "{name} was altered: its header (date, counts or vault) does not match its authentication code"
    ),
    "backup.not_empty": "{path} already holds a workstation; restore into an empty folder",
    "backup.check_failed": "{name}: {summary}",
    "cli.logged": "Logged {outcome} by {channel} at {at}.",
    "cli.case_status": "{id} is {status}.",
    "cli.backup_written": "Backup written and verified: {path} ({count:n} citizens, {size:n} bytes).",
    "cli.backup_intact": "Backup intact: made {made}, {count:n} citizens, schema {schema}.",
    "cli.backup_unknown_date": "at an unknown date (older backup format)",
    "cli.restored": "Restored {count:n} citizens into {path}.",
    "cli.made_private": "embassy-desk: other users of this computer could read {paths}; made private again.",
    # Possible duplicates.
    "duplicate.possible": "possible duplicate of {candidates}",
    "duplicate.candidate": "{id} ({reason})",
    "duplicate.same_national_id": "same national id",
    "duplicate.same_passport_number": "same passport number",
    "duplicate.same_name_and_date_of_birth": "same name and date of birth",
    "cli.demo_is_file": "{path} is a file, not a folder; choose another --data-dir.",
    "cli.demo_not_empty": "{path} is not empty; use --reset or another --data-dir.",
    "cli.demo_ready": (
        "Demo post ready in {seconds} s: {citizens:n} citizens, {contacts:n} contacts, {cases:n} "
        "cases, in {path}"
    ),
    "cli.demo_rejected": "({count:n} synthetic rows rejected)",
    "cli.demo_recovery": "Recovery code of the demo workstation: {code}",
    "cli.demo_existing": "Using the existing demo post in {path} (--reset rebuilds it).",
    "cli.demo_accounts": "Demo accounts: {accounts}; passphrase for all: {passphrase}",
    "cli.demo_try": "Try: {command}",
    "cli.demo_no_screen": "No screen here for the desktop window; a look at the post from the command line:",
    "cli.demo_count": "{post}: {count:n} citizens registered.",
    "cli.demo_search": "search {query!r}: {names}",
    # Integrity check and the audit chain.
    "integrity.ok": "database intact; audit chain of {count:n} entries verified",
    "integrity.pages": (
        "the database file was altered or damaged: {count:n} encrypted page(s) fail their integrity check"
    ),
    "integrity.structure": "the database structure is damaged: {detail}",
    "integrity.tampered": "the audit log was tampered with: {problem}",
    "audit.missing": "entry {seq} is missing",
    "audit.not_following": "entry {seq} does not follow entry {previous}",
    "audit.altered": "entry {seq} was altered",
    "audit.truncated": "the log ends at entry {count} but entry {written} was written",
    "audit.anchor_altered": "the audit anchor of {name} in the vault was altered",
    "audit.rewritten": (
        "the audit log was rewritten: entry {seq}, which {name}'s session saw, is missing or changed"
    ),
    "cli.audit_tampered": "audit log tampered with: {problem}",
    "cli.loose_files": (
        "other users of this computer could read or change {paths}; made private again now (the "
        "database itself is intact)"
    ),
    "notice.bad_paper": "{paper!r}: use a4 or letter",
    "notice.block_too_big": "a block of this notice does not fit on a page",
    "notice.too_many_pages": "this notice would run past 50 pages",
    "notice.unknown_kind": "{kind!r} is not a kind of notice ({kinds})",
    "notice.field_not_given": "is needed by this notice but was not given",
    # Vocabulary values named in the command line's answers (English keeps the stored value).
    "outcome.reached": "reached",
    "outcome.no_answer": "no_answer",
    "outcome.wrong_number": "wrong_number",
    "outcome.message_left": "message_left",
    "outcome.busy": "busy",
    "outcome.declined": "declined",
    "channel.phone": "phone",
    "channel.sms": "sms",
    "channel.email": "email",
    "channel.visit": "visit",
    "channel.messenger": "messenger",
    "channel.letter": "letter",
    "channel.check-in": "check-in by the citizen",
    "case_status.open": "open",
    "case_status.in_progress": "in_progress",
    "case_status.waiting": "waiting",
    "case_status.closed": "closed",
    # Notice templates (data files reviewed by the embassy) and key-derivation parameters.
    "template.in_file": "{source}: {message}",
    "template.non_empty_string": "'{key}' must be a non-empty string",
    "template.strings_only": "[{key}] must hold strings only",
    "template.body_table": "each [[body]] entry must be a table",
    "template.body_kind": "each [[body]] entry needs exactly one of {kinds}",
    "template.bullets": "'bullets' must be a list of strings",
    "template.fields": "'fields' must be a list of [label, value] pairs",
    "template.string": "'{kind}' must be a string",
    "template.id": "'id' must be {expected!r}",
    "template.language": "'language' must be {expected!r}",
    "template.version": "'version' must be a positive integer",
    "template.labels_missing": "[labels] lacks {keys}",
    "template.body_array": "'body' must be an array of tables ([[body]])",
    "template.texts_missing": "[texts] lacks {keys}",
    "template.letter_body": "a letter needs a [[body]]",
    "template.unknown_fields": "unknown fields {fields}",
    "template.missing": "no such template",
    "kdf.whole_number": "{name} must be a whole number",
    "kdf.memory_low": (
        "memory of {memory} KiB is below the required minimum of {minimum} KiB (64 MiB); refusing "
        "weak key-derivation parameters"
    ),
    "kdf.memory_high": "memory of {memory} KiB is more than 4 GiB",
    "kdf.iterations": "iterations must be between 1 and {max}",
    "kdf.lanes": "lanes must be between 1 and {max}",
    "kdf.object": "parameters must be a JSON object",
    "kdf.algorithm": "algorithm must be {expected!r}",
    "kdf.missing": "missing {keys}",
    "print.not_started": "the printer could not be started; check that it is on and try again",
    "print.stopped": "the printer stopped taking pages; check it and print again",
    "print.not_pdf": "the notice could not be read back as a PDF",
    "notice.not_a_language": "{lang!r} is not a notice language ({languages})",
    "notice.give_language": "give at least one language",
    "notice.unknown_block": "unknown block {kind!r}",
    # argparse's own words, as argparse writes them in English (embassy_desk/cli/localized.py reads
    # its error messages back through these templates, so they must match it word for word).
    "argparse.usage": "usage: ",
    "argparse.error": "{prog}: error: {message}",
    "argparse.argument": "argument {argument}: {message}",
    "argparse.required": "the following arguments are required: {names}",
    "argparse.one_required": "one of the arguments {names} is required",
    "argparse.invalid_choice": "invalid choice: {value} (choose from {choices})",
    "argparse.invalid_value": "invalid {type} value: {value}",
    "argparse.unrecognized": "unrecognized arguments: {args}",
    "argparse.expected_one": "expected one argument",
    "argparse.expected_at_most_one": "expected at most one argument",
    "argparse.expected_at_least_one": "expected at least one argument",
    "argparse.expected_count": "expected {count} argument",
    "argparse.expected_counts": "expected {count} arguments",
    "argparse.not_allowed_with": "not allowed with argument {other}",
    "argparse.ignored_explicit": "ignored explicit argument {value}",
    "argparse.ambiguous": "ambiguous option: {option} could match {matches}",
    "argparse.unknown_parser": "unknown parser {name} (choices: {choices})",
}
# Areas keep their English texts in modules of their own (their ru/kk texts in ``ru-AREA.toml``).
for _area in AREAS:
    CATALOG.update(_area)

# Params whose values are shown with repr() in English ({value!r}) are quoted the same way in every
# language; the conversion is part of the placeholder, so translations keep it.


class Msg(str):
    """A coded message; its ``str`` value is the English text.

    ``Msg(code, **params)``: ``code`` must be in :data:`CATALOG` (or be one of the structural codes
    ``text``, ``field`` and ``list``). Pickles by code and params, so messages cross process pools.
    """

    code: str
    params: Mapping[str, Param]

    def __new__(cls, code: str, /, **params: Param) -> Msg:
        text = _format(code, params, CANONICAL)
        made = super().__new__(cls, text)
        made.code = code
        made.params = params
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.code, dict(self.params)))

    def render(self, language: str) -> str:
        """This message in ``language`` (English where a text is missing)."""
        return _format(self.code, self.params, language)


def _rebuild(code: str, params: dict[str, Param]) -> Msg:
    return Msg(code, **params)


def text(value: str) -> Msg:
    """Text not yet given a code: shown as it is in every language."""
    return value if isinstance(value, Msg) else Msg("text", text=value)


def field_name(name: str) -> Msg:
    """The name of field ``name`` (``surname``, ``national_id``), translated where the catalog has it."""
    return Msg("field", name=name)


def joined(items: tuple[Msg, ...]) -> Msg:
    """Several messages shown as one, separated by "; "."""
    return Msg("list", items=items)


def as_msg(value: str) -> Msg:
    """``value`` as a message: itself if it is one, else verbatim text."""
    return value if isinstance(value, Msg) else text(value)


# Russian plural categories of the CLDR: one (1, 21, 101…), few (2-4, 22-24…), many (the rest).
def _plural_index(number: int) -> int:
    n = abs(number)
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


class _Formatter(string.Formatter):
    def __init__(self, language: str) -> None:
        self.language = language

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        # Conversions are applied to the raw value (the typed text), never to a rendered message.
        return value if conversion is None else super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec == "n":
            # A count not known (None shown as "?") is written as it is.
            return format_number(value, self.language) if isinstance(value, int | float) else str(value)
        if format_spec.startswith("plural:"):
            forms = format_spec[len("plural:") :].split("|")
            # A value that is no count (a caller passed text) takes the "many" form, never an error:
            # the message must still reach the person.
            try:
                index = _plural_index(int(value))
            except (TypeError, ValueError):
                index = len(forms) - 1
            return forms[min(index, len(forms) - 1)]
        if isinstance(value, Msg):
            return _format(value.code, value.params, self.language)
        if isinstance(value, tuple):
            return "; ".join(_format(item.code, item.params, self.language) for item in value)
        if isinstance(value, datetime):
            return format_datetime(value, self.language)
        if isinstance(value, date):
            return format_date(value, self.language)
        return super().format_field(value, format_spec)


# One written form per language for dates, times and numbers, in the window and the command line
# alike. Dates are day-first in every language because that is how the form takes them (and how the
# post's country writes them); only ``str(error)``, the canonical English of logs and tests, keeps ISO.
CANONICAL = ""
_DATE_FORMATS = {CANONICAL: "%Y-%m-%d", "en": "%d.%m.%Y", "ru": "%d.%m.%Y", "kk": "%d.%m.%Y"}
_GROUP_SEPARATORS = {"en": ",", "ru": "\u00a0", "kk": "\u00a0"}
_DECIMAL_SEPARATORS = {"en": ".", "ru": ",", "kk": ","}


def format_date(day: date, language: str) -> str:
    """``day`` as the window and the command line show it: 07.12.2026 (the same in en, ru and kk)."""
    return day.strftime(_DATE_FORMATS.get(language, _DATE_FORMATS[DEFAULT_LANGUAGE]))


def format_datetime(moment: datetime, language: str) -> str:
    """A date and a time to the minute, e.g. "07.12.2026 18:32"; a moment with a time zone (stored
    stamps are UTC) is shown in the computer's time zone, a naive one as it is."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return f"{format_date(local.date(), language)} {local:%H:%M}"


def format_number(number: int | float, language: str, *, decimals: int = 0) -> str:
    """``number`` with the language's digit grouping: 5,004 in English, 5 004 in Russian and Kazakh."""
    grouped = f"{number:,.{decimals}f}"
    whole, _, fraction = grouped.partition(".")
    group = _GROUP_SEPARATORS.get(language, ",")
    text = whole.replace(",", group)
    return f"{text}{_DECIMAL_SEPARATORS.get(language, '.')}{fraction}" if fraction else text


@functools.cache
def _translations(language: str) -> dict[str, str]:
    if language in (DEFAULT_LANGUAGE, CANONICAL):
        return {}
    # ``ru.toml`` holds the core's texts; each area may ship its own ``ru-AREA.toml`` (sync, hq, ...).
    paths = [messages_dir() / f"{language}.toml", *sorted(messages_dir().glob(f"{language}-*.toml"))]
    flat: dict[str, str] = {}
    for path in paths:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            log.warning("message texts in %s cannot be read; English is shown", path.name)
            continue
        _flatten(data, flat)
    return flat


def _flatten(data: Mapping[str, Any], flat: dict[str, str]) -> None:
    def walk(prefix: str, table: Mapping[str, Any]) -> None:
        for key, value in table.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, Mapping):
                walk(name, value)
            else:
                flat[name] = str(value)

    walk("", data)


def translations(language: str) -> Mapping[str, str]:
    """Every code -> template of ``language`` as shipped (fields as ``field.<name>``)."""
    return _translations(language)


def _format(code: str, params: Mapping[str, Param], language: str) -> str:
    if code == "text":
        return str(params["text"])
    if code == "field":
        name = str(params["name"])
        return _translations(language).get(f"field.{name}", name)
    if code == "list":
        items = params["items"]
        assert isinstance(items, tuple)
        return "; ".join(_format(item.code, item.params, language) for item in items)
    english = CATALOG.get(code)
    if english is None:
        # A code missing from the catalog is a programming error (a test scans for them), but the
        # person must still see that something was refused rather than a crash.
        log.warning("message code %s is not in the catalog", code)
        return " ".join([code, *(str(value) for value in params.values())])
    template = _translations(language).get(code) or english
    try:
        return _Formatter(language).vformat(template, (), params)
    except (KeyError, IndexError, ValueError):
        # A broken translation must never hide the error itself.
        log.warning("message %s has a broken %s text", code, language)
        return _Formatter(CANONICAL).vformat(english, (), params)


def placeholders(template: str) -> set[str]:
    """Names of the ``{placeholders}`` of a template (for the catalog tests)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(item: BaseException | str, language: str) -> str:
    """The text of an error or message in ``language`` ("en", "ru", "kk"); English otherwise."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    whole = getattr(item, "msg", None)  # an EmbassyDeskError's whole message (field and row included)
    if isinstance(whole, Msg):
        return whole.render(language)
    if isinstance(item, Msg):
        return item.render(language)
    return str(item)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The interface language the POSIX locale variables ask for: "ru", "kk" or "en".

    ``LANGUAGE`` (a ``:``-separated preference list) wins, then ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG``, as gettext reads them; ``ru_RU.UTF-8`` counts as ``ru``.
    """
    env = os.environ if environ is None else environ
    candidates: list[str] = []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        candidates.extend(value.split(":") if name == "LANGUAGE" else [value])
        if name != "LANGUAGE":
            break
    for candidate in candidates:
        code = candidate.split(".")[0].split("@")[0].split("_")[0].casefold()
        if code in LANGUAGES:
            return code
        if code in ("c", "posix"):
            return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
