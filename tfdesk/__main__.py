"""`python -m tfdesk`: until the window lands, train the course's digits network headless."""

import sys

from .cli import main as cli_main


def main() -> int:
    return cli_main(sys.argv[1:] or ["--example", "digits"])


if __name__ == "__main__":
    sys.exit(main())
