"""The HQ web console: navigation, page frame and shared words (issue 13).

Codes start with ``console.``."""

CATALOG: dict[str, str] = {
    "console.product": "Embassy Desk headquarters",
    "console.title": "Console",
    "console.nav_overview": "Overview",
    "console.nav_advisories": "Advisories",
    "console.nav_audit": "Audit",
    "console.sign_out": "Sign out",
    "console.role_admin": "admin",
    "console.role_analyst": "analyst",
    "console.forbidden": "Your role may not open this page.",
    "console.csrf_refused": "The form had expired or was not sent by this console. Please try again.",
    "console.not_found": "There is no such page.",
    "console.back_to_overview": "Back to the overview",
    "console.add_post": "Add a post",
    "console.post_code": "Code (2 to 32 letters, digits or '-')",
    "console.post_name": "Name",
    "console.post_name_empty": "A post needs a name.",
}
