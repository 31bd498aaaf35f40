"""`python -m tfdesk` and the `tfdesk` command: open the window on the digits;
`--self-test` checks an installation (or a frozen build) without a window."""

import sys


def main() -> int:
    if "--self-test" in sys.argv[1:]:
        from .self_test import run

        return run()
    from .gui.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(main())
