"""The HQ console's sign-in, sessions, operator accounts and their CLI (issue 13).

Codes start with ``consoleauth.``."""

CATALOG: dict[str, str] = {
    "consoleauth.sign_in": "Sign in",
    "consoleauth.user_name": "User name",
    "consoleauth.password": "Password",
    "consoleauth.wrong": "The user name or password is not right.",
}
