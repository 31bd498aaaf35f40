"""Where the icons, translations and pen digits are: resources/ beside the package
in a checkout (and an editable install), tfdesk/_resources in an installed wheel,
inside the bundle in a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    installed = Path(__file__).resolve().parent / "_resources"  # pip install . (pyproject.toml)
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"
