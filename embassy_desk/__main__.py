import sys

from embassy_desk.cli.main import main

sys.exit(main())
