"""Before the window: can Qt's X11 plugin load on this Linux desktop?

When a library the xcb plugin needs is missing, Qt aborts the process with
"Could not load the Qt platform plugin xcb" and names the wrong library or none
(a fresh Debian lacked libxcb-icccm4 and libxcb-keysyms1; Qt blamed libxcb-cursor0,
which was there). tfdesk asks the dynamic linker itself, names what is missing and
the Debian/Ubuntu packages that bring it, and exits cleanly instead.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

# The X11 libraries Qt's xcb plugin links to, and the Debian/Ubuntu package of each.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6", "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1", "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.M)


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ldd could not find, in its order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def xcb_plugin() -> Path | None:
    """Qt's X11 plugin, when this start will use it."""
    if not sys.platform.startswith("linux"):
        return None
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, …: not this plugin
    if not chosen and not os.environ.get("DISPLAY"):
        return None  # no X11 display to talk to (a Wayland session picks its own plugin)
    from PySide6.QtCore import QLibraryInfo

    plugin = Path(QLibraryInfo.path(QLibraryInfo.PluginsPath)) / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def problem() -> str | None:
    """A message naming the missing libraries and their packages, or None when all is there."""
    try:
        plugin = xcb_plugin()
    except ImportError as e:  # Qt itself cannot load: a library of its own is missing (glib)
        return _message(re.findall(r"(lib[\w.+-]+\.so[.\d]*)", str(e)) or [str(e)], "Qt")
    if plugin is None:
        return None
    try:
        done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None  # no ldd: let Qt try
    missing = missing_libraries(done.stdout)
    return _message(missing, "Qt's X11 plugin") if missing else None


def _message(missing: list[str], who: str) -> str:
    packages = [PACKAGES[name] for name in missing if name in PACKAGES]
    install = (f"\nOn Debian or Ubuntu: sudo apt-get install {' '.join(packages)}" if packages else "")
    return (f"tfdesk cannot open its window: {who} needs {', '.join(missing)}, "
            f"which {'is' if len(missing) == 1 else 'are'} not installed.{install}")
