"""Refresh resources/translations after changing the interface's words.

    python scripts/update_translations.py

pyside6-lupdate adds new strings from tfdesk/gui and tfdesk/core to the .ts (as
unfinished) and drops those no longer in the code; translate the new ones (Qt
Linguist, or by hand in the XML), then run this again to compile the .qm.
tests/test_translations.py fails until every string is translated and compiled.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "tfdesk_zh_TW.ts"


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def main() -> None:
    sources = sorted(str(p) for folder in ("tfdesk/gui", "tfdesk/core") for p in (ROOT / folder).rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(TS)], check=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    main()
