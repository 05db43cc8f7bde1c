"""HQ's web console (issue 13): server-rendered pages under ``/console`` for the ministry's operators.

Layout: ``app.py`` builds the console's own FastAPI app (mounted by hq/app.py); ``context.py`` holds
what requests share; ``deps.py`` the session, role and CSRF dependencies; ``render.py`` renders a page
in the operator's language; one ``*_pages.py`` module per page with its JSON twin under ``/api``.
"""
