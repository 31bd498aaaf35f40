"""Before the window opens: a missing system library is named with its package, not aborted on."""

from tfdesk.gui import display_check

LDD = """\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
"""


def test_the_libraries_ldd_cannot_find_are_named_once_each():
    assert display_check.missing_libraries(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_the_message_names_the_debian_packages(monkeypatch, tmp_path):
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    monkeypatch.setattr(display_check, "xcb_plugin", lambda: plugin)

    class Done:
        stdout = LDD
    monkeypatch.setattr(display_check.subprocess, "run", lambda *a, **k: Done())
    message = display_check.problem()
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1, which are not installed" in message
    assert message.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1")


def test_qt_that_cannot_load_at_all_is_named_too(monkeypatch):
    # A minimal Debian without glib: PySide6 itself fails to import (found by the README run).
    def no_glib():
        raise ImportError("libglib-2.0.so.0: cannot open shared object file: No such file or directory")
    monkeypatch.setattr(display_check, "xcb_plugin", no_glib)
    message = display_check.problem()
    assert "Qt needs libglib-2.0.so.0" in message and message.endswith("apt-get install libglib2.0-0")


def test_on_this_machine_nothing_is_missing():
    assert display_check.problem() is None
