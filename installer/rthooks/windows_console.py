"""PyInstaller runtime hook: give the windowed Windows executable a console for command-line use.

``embassy-desk.exe`` is built without a console so that a double click opens only the window. Typed in
a Command Prompt with arguments (``embassy-desk.exe self-test``), it attaches to that prompt's console so
its output is seen. Output redirected to a file already has valid handles and is left alone.
"""

import sys

if sys.platform == "win32" and len(sys.argv) > 1 and (sys.stdout is None or sys.stderr is None):
    import ctypes

    ATTACH_PARENT_PROCESS = -1
    if ctypes.windll.kernel32.AttachConsole(ATTACH_PARENT_PROCESS):
        if sys.stdout is None:
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        if sys.stderr is None:
            sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        if sys.stdin is None:
            sys.stdin = open("CONIN$", encoding="utf-8", errors="replace")  # noqa: SIM115
