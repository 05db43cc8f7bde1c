"""The Qt (PySide6) desktop interface. The only package that may import Qt."""

from embassy_desk.gui.pyside_fixes import guard_singletons

guard_singletons()
