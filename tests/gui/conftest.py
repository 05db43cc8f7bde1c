"""GUI tests drive real widgets with pytest-qt over a real encrypted workstation (see tests/conftest.py)."""

from __future__ import annotations

import os

# Qt reads the platform when the QApplication is made, which pytest-qt does lazily; set it first so the
# suite runs the same on a headless CI machine and on a desktop.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
