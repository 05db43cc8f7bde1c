"""The bundle's entry point: the same ``embassy-desk`` command as the one pip installs.

With no sub-command it opens the window; with one (``--version``, ``self-test``, ``registry ...``) it runs
the command line (see embassy_desk/cli/main.py). ``freeze_support`` lets the import's worker processes
start from the frozen executable where workers are spawned rather than forked (Windows, macOS).
"""

import multiprocessing
import sys

from embassy_desk.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
