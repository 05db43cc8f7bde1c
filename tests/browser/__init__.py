"""Browser tests of HQ's web console: Debian's chromium driven by Playwright against a real ``hq serve``."""
