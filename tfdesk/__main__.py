"""`python -m tfdesk` and the `tfdesk` command: open the window on the digits;
`--self-test` checks an installation (or a frozen build) without a window."""

import multiprocessing
import sys


def main() -> int:
    # A frozen app's child processes (core/graph_process.py) start here too: this
    # hands them over to multiprocessing instead of opening a second window.
    multiprocessing.freeze_support()
    if "--self-test" in sys.argv[1:]:
        from .self_test import run

        return run()
    from .gui.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(main())
