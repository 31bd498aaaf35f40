import os
import tempfile

# Qt must never try to open a display in tests or CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Autosaves and other user data go to a scratch folder, never the user's own.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="tfdesk-test-data-")
# Keep TensorFlow's start-up chatter out of the test output.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import pytest


@pytest.fixture(autouse=True)
def no_worker_thread_left_running():
    """Fail any test that leaves a training thread running (napari's check)."""
    yield
    import sys

    worker = sys.modules.get("tfdesk.gui.worker")
    if worker is None:
        return
    running = [t.name for w in worker.started_workers for t in w.threads() if t.is_alive()]
    for w in worker.started_workers:
        w.shutdown(timeout=30)
    worker.started_workers.clear()
    assert not running, f"training thread(s) still running after the test: {running}"


def pytest_terminal_summary(terminalreporter):
    import sys

    fuzz = sys.modules.get("test_fuzz")
    if fuzz is not None and fuzz.CASES:
        terminalreporter.write_line(
            f"fuzz: {len(fuzz.CASES)} corrupted files tried; each loaded or gave tfdesk's own error")
    passed = [report.nodeid for report in terminalreporter.stats.get("passed", [])]
    for module, what in (("test_hostile_graphs.py", "hostile graphs refused or contained"),
                         ("test_hostile_inputs.py", "hostile inputs and commands handled")):
        count = sum(1 for nodeid in passed if nodeid.split("::")[0].endswith(module))
        if count:
            terminalreporter.write_line(f"hostile: {count} {what}")


@pytest.fixture
def editor(qtbot):
    """The layer stack editor on the course network, shown at the experiment panel's width."""
    from tfdesk.core.spec import course_experiment
    from tfdesk.gui.layer_editor import LayerStackEditor

    widget = LayerStackEditor()
    qtbot.addWidget(widget)
    widget.set_experiment(course_experiment())
    widget.resize(420, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window on a one-epoch digits run, TensorFlow loaded, with its own
    settings and data folder."""
    from PySide6.QtCore import QSettings

    from helpers import tiny_digits
    from tfdesk.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    w = MainWindow(experiment=tiny_digits(epochs=1), settings=settings,
                   data_folder=str(tmp_path / "data"))
    qtbot.addWidget(w)  # closed at teardown, which stops and joins the worker thread
    w.show()
    qtbot.waitUntil(lambda: w.tensorflow_version is not None, timeout=120_000)
    return w
