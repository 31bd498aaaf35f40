"""`python -m tfdesk` and the `tfdesk` command: open the window on the digits."""

import sys


def main() -> int:
    from .gui.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(main())
