# Convenience wrappers; dev.py is the portable entry point (Windows has no make).
PYTHON ?= python3

.PHONY: demo test bench lint
demo:
	$(PYTHON) dev.py demo
test:
	$(PYTHON) dev.py test
bench:
	$(PYTHON) dev.py bench
lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy
