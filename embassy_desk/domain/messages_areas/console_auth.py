"""The HQ console's sign-in, sessions, operator accounts and their CLI (issue 13).

Codes start with ``consoleauth.``."""

CATALOG: dict[str, str] = {
    "consoleauth.sign_in": "Sign in",
    "consoleauth.user_name": "User name",
    "consoleauth.password": "Password",
    "consoleauth.wrong": "The user name or password is not right.",
    "consoleauth.wait": "Too many wrong attempts. Try again in {seconds} s.",
    "consoleauth.locked": "This account is locked after too many wrong attempts. An administrator can "
    "unlock it with 'embassy-desk hq operator unlock'.",
    "consoleauth.language": "Language",
    "consoleauth.language_en": "English",
    "consoleauth.language_ru": "Русский",
    "consoleauth.language_kk": "Қазақша",
    "consoleauth.language_set": "Apply",
    "consoleauth.bad_language_form": "The console does not speak that language.",
    "consoleauth.bad_name": "an operator's name is 1 to 100 letters, digits or . _ @ - (no spaces)",
    "consoleauth.bad_language": "must be one of {languages}",
    "consoleauth.exists": "There is already an operator called {name}.",
    "consoleauth.not_found": "There is no operator called {name}.",
    "consoleauth.cli_added": "Operator {name} added ({role}, language {language}).",
    "consoleauth.cli_unlocked": "Operator {name} unlocked; their failed attempts are forgotten.",
    "consoleauth.cli_removed": "Operator {name} removed; their sessions have ended.",
    "consoleauth.cli_language": "Operator {name} now sees the console in {language}.",
    "consoleauth.cli_no_operators": "No operators yet. Add one with "
    "'embassy-desk hq operator add NAME --role admin'.",
}
