"""Entry point of the frozen application (PyInstaller analyses this file)."""

import sys

from idcheck.launcher import main

if __name__ == "__main__":
    sys.exit(main())
