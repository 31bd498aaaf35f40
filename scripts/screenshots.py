"""Take the README's screenshots offscreen: `python scripts/screenshots.py [folder [set …]]`,
the sets being window, lessons, drawing, conv, server and chinese (all when none is named).

Each picture shows the app in real use (training on the real data, a digit drawn
with simulated mouse events), so look at them before committing them.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from PySide6.QtCore import QElapsedTimer, QSettings  # noqa: E402  (PySide6 before pyqtgraph)
from PySide6.QtWidgets import QApplication, QSpinBox, QTableWidget  # noqa: E402

from qt_helpers import stroke  # noqa: E402
from tfdesk.gui import language  # noqa: E402
from tfdesk.gui.main_window import MainWindow  # noqa: E402

SEVEN = [(70, 60), (230, 60), (130, 250)]


def wait_until(app, condition, timeout_ms=120_000):
    clock = QElapsedTimer()
    clock.start()
    while not condition():
        if clock.elapsed() > timeout_ms:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.005)


def open_window(app, settings_path: Path) -> MainWindow:
    """The window as a student first sees it (fresh settings), TensorFlow loaded."""
    w = MainWindow(settings=QSettings(str(settings_path), QSettings.IniFormat),
                   data_folder=str(settings_path.parent))
    w.resize(1400, 860)
    w.show()
    wait_until(app, lambda: w.tensorflow_version is not None)
    return w


def window_mid_training(app, folder: Path, settings_path: Path, name="window.png") -> None:
    w = open_window(app, settings_path)
    w.start_action.trigger()
    wait_until(app, lambda: w.progress.value() > w.progress.maximum() * 0.35)
    before = w.draw.verdict.text()
    stroke(w.draw.canvas, SEVEN)
    wait_until(app, lambda: w.draw.verdict.text() != before, 10_000)
    w.grab().save(str(folder / name))
    w.close()


def chinese_window(app, folder: Path, settings_path: Path) -> None:
    translators = language.install(app, "zh_TW")
    try:
        window_mid_training(app, folder, settings_path, "window_zh_TW.png")
    finally:
        language.uninstall(app, translators)


def lesson_views(app, folder: Path, settings_path: Path) -> None:
    """The curve lesson after training, and the first layer's weights mid-training."""
    w = open_window(app, settings_path)
    w.data_choice.setCurrentIndex(w.data_choice.findData("quadratic"))
    w.data_choice.activated.emit(w.data_choice.currentIndex())
    w.optimizer.findChild(QSpinBox, "epochs").setValue(300)
    finished = []
    w.worker.trainingFinished.connect(lambda *a: finished.append(a))
    w.start_action.trigger()
    wait_until(app, lambda: finished)
    wait_until(app, lambda: w.curve.learned is not None, 10_000)
    w.curve_dock.resize(560, 460)
    w.curve.grab().save(str(folder / "curve.png"))

    w.data_choice.setCurrentIndex(w.data_choice.findData("digits"))
    w.data_choice.activated.emit(w.data_choice.currentIndex())
    w.weights_dock.show()
    w.weights_dock.raise_()
    finished.clear()
    w.start_action.trigger()
    # The progress bar still shows the lesson's finished run until the new one reports.
    wait_until(app, lambda: w.weights.tiles.images is not None and w.plot.step_count() > 1500)
    w.weights.grab().save(str(folder / "weights.png"))
    w.stop_action.trigger()
    wait_until(app, lambda: finished)

    from tfdesk.gui.code_view import CodeView

    w.code_action.trigger()
    code = w.findChild(CodeView)
    code.resize(760, 560)
    app.processEvents()
    code.grab().save(str(folder / "code.png"))
    code.close()

    w.inspector_dock.show()
    w.inspector_dock.raise_()
    wait_until(app, lambda: w.inspector.find_item("hidden_layer/weight1") is not None, 10_000)
    w.inspector.search.setText("hidden_layer")
    w.inspector.tree.setCurrentItem(w.inspector.find_item("hidden_layer/weight1"))
    wait_until(app, lambda: w.inspector.shown_value is not None, 10_000)
    w.inspector_dock.setFloating(True)
    w.inspector_dock.resize(620, 720)
    app.processEvents()
    w.inspector.grab().save(str(folder / "graph.png"))

    from tfdesk.gui.race_window import RaceWindow

    w.race_action.trigger()
    race = w.findChild(RaceWindow)
    for mode in ("full", "stochastic"):
        race.mode_boxes[mode].setChecked(True)
    race.epochs.setValue(15)
    ended = []
    w.worker.raceFinished.connect(lambda *a: ended.append(a))
    race.start_button.click()
    wait_until(app, lambda: ended, 300_000)
    app.processEvents()
    race.grab().save(str(folder / "race.png"))
    w.close()


def _draw_hand(window, hand) -> None:
    window.draw.clear()
    window.draw.brush_spin.setValue(round(hand.pen_width))
    for points in hand.strokes:
        stroke(window.draw.canvas, [tuple(p) for p in points], step=1e9)


def drawing_views(app, folder: Path, settings_path: Path) -> None:
    """An unsure answer of the course network, and the gallery of a student's drawings."""
    import numpy as np

    from tfdesk.core.pen_digits import STYLES, write
    from tfdesk.core.spec import course_experiment

    w = open_window(app, settings_path)
    w._show_experiment(course_experiment())
    finished = []
    w.worker.trainingFinished.connect(lambda *a: finished.append(a))
    w.start_action.trigger()
    wait_until(app, lambda: finished)
    rng = np.random.default_rng(5)
    for attempt in range(60):  # hands the course network hesitates over
        digit, style = [(1, "flag and base"), (4, "closed"), (8, "two loops")][attempt % 3]
        _draw_hand(w, write(digit, style, rng))
        wait_until(app, lambda: w.draw.bars.probabilities() is not None, 10_000)
        app.processEvents()
        if "unsure" in w.draw.verdict.text():
            break
    w.draw_dock.setFloating(True)
    w.draw_dock.resize(560, 520)
    app.processEvents()
    w.draw.grab().save(str(folder / "unsure.png"))

    for index in range(14):
        digit = index % 10
        styles = list(STYLES[digit])
        _draw_hand(w, write(digit, styles[index % len(styles)], rng))
        w.draw.add_as(digit)
    gallery = w.show_gallery()
    gallery.writer.setText("Mei")
    gallery.resize(640, 420)
    app.processEvents()
    gallery.grab().save(str(folder / "gallery.png"))
    w.close()


def conv_views(app, folder: Path, settings_path: Path) -> None:
    """The layer editor with the convolutional preset, and its filters and the maps they
    make of a drawn 7, mid-training."""
    from tfdesk.core.spec import conv_experiment

    w = open_window(app, settings_path)
    w._show_experiment(conv_experiment())
    w.weights_dock.show()
    w.weights_dock.raise_()
    w.start_action.trigger()
    wait_until(app, lambda: w.progress.value() > w.progress.maximum() * 0.3)
    stroke(w.draw.canvas, SEVEN)
    wait_until(app, lambda: w.weights.maps.images is not None, 10_000)
    w.stop_action.trigger()
    app.processEvents()
    w.weights_dock.setFloating(True)
    w.weights_dock.resize(520, 640)
    app.processEvents()
    w.weights.grab().save(str(folder / "filters.png"))
    w.layers.findChild(QTableWidget, "layerTable").selectRow(3)  # Conv 2: its stride and padding
    app.processEvents()
    w.layers.grab().save(str(folder / "conv_editor.png"))
    w.close()


def server_views(app, folder: Path, settings_path: Path) -> None:
    """The Devices panel of a window training on a tfdesk-server (started here)."""
    from test_remote import Server

    server = Server()
    try:
        w = open_window(app, settings_path)
        w.devices_dock.show()
        w.devices_dock.raise_()
        box = w.devices.server
        box.address.setText(server.address)
        answered = []
        w.worker.serverDevices.connect(lambda *a: answered.append(a))
        box.connect_button.click()
        wait_until(app, lambda: answered, 30_000)
        finished = []
        w.worker.trainingFinished.connect(lambda *a: finished.append(a))
        w.start_action.trigger()
        wait_until(app, lambda: "Training on" in box.status.text(), 60_000)
        wait_until(app, lambda: w.progress.value() > w.progress.maximum() * 0.3)
        w.devices_dock.setFloating(True)
        w.devices_dock.resize(460, 520)
        app.processEvents()
        w.devices.grab().save(str(folder / "server.png"))
        w.stop_action.trigger()
        wait_until(app, lambda: finished)
        w.close()
    finally:
        server.stop()


SETS = {"window": window_mid_training, "lessons": lesson_views, "drawing": drawing_views,
        "conv": conv_views, "server": server_views, "chinese": chinese_window}


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    for name in sys.argv[2:] or SETS:
        with tempfile.TemporaryDirectory() as scratch:  # fresh settings: the default layout
            SETS[name](app, folder, Path(scratch) / "settings.ini")
    print(f"saved in {folder}/")


if __name__ == "__main__":
    main()
