"""PyInstaller's entry point (build_exe.spec): the same start as `python -m tfdesk`."""

import sys

from tfdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
