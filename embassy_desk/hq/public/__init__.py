"""HQ's public face (issue 14): the citizens' check-in page at ``/c/TOKEN`` and the SMS gateway's
inbound webhook, the only parts of HQ meant for the public internet. ``create_public_app`` builds
them as an application of their own, served on its own listener (``hq serve --public-port``,
``hq serve-public``) so the console and the sync API can stay on the ministry's closed network."""
