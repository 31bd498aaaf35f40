"""The device panel (GPUs, TensorFlow's view, the device to train on) and the
evaluation panel (test accuracy, confusion matrix, the images behind a cell)."""

import os
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QProgressBar, QTableWidget, QWidget
from sklearn.datasets import load_digits

from tfdesk.core.devices import GpuInfo, TfDevice
from tfdesk.gui.device_panel import DevicePanel
from tfdesk.gui.evaluation_panel import EvaluationPanel

SHOTS = Path("/tmp/shots")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake nvidia-smi is a bash script")

GTX_1080_TI = GpuInfo(0, "NVIDIA GeForce GTX 1080 Ti", "384.98", 562, 11172, 3, 30)
CPU = TfDevice("/physical_device:CPU:0", "CPU", None)
TF_GPU0 = TfDevice("/physical_device:GPU:0", "GPU", (8, 6))


def visible_text(widget: QWidget) -> str:
    """Everything a student can read in the widget, one line per label or bar."""
    lines = [
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    ]
    lines += [bar.text() for bar in widget.findChildren(QProgressBar) if bar.isVisibleTo(widget)]
    return "\n".join(lines)


def combo_items(panel: DevicePanel) -> list[str]:
    combo = panel.findChild(QComboBox)
    return [combo.itemText(i) for i in range(combo.count())]


def save_shot(widget: QWidget, name: str, qtbot) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    widget.grab().save(str(SHOTS / name))


# ---- device panel ---------------------------------------------------------------


def shown_panel(qtbot, query=None) -> DevicePanel:
    panel = DevicePanel(query=query)
    qtbot.addWidget(panel)
    panel.resize(640, 300)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def answered_once(qtbot, panel: DevicePanel, text: str) -> None:
    qtbot.waitUntil(lambda: text in visible_text(panel), timeout=5000)


def test_device_panel_shows_gpu_from_injected_query(qtbot):
    gpu = GpuInfo(0, "NVIDIA GeForce RTX 3060", "535.104", 1024, 12288, 40, 55)
    panel = shown_panel(qtbot, lambda: ([gpu], "nvml", None))
    answered_once(qtbot, panel, "RTX 3060")

    text = visible_text(panel)
    assert "1024 / 12288 MiB" in text
    assert "40 % busy" in text
    assert "55 °C" in text
    assert "No NVIDIA GPU" not in text
    bar = panel.findChild(QProgressBar)
    assert (bar.value(), bar.maximum()) == (1024, 12288)
    # Before TensorFlow is asked, the driver's GPUs are the best guess.
    assert combo_items(panel) == ["CPU", "GPU 0"]


def test_device_panel_shows_what_a_card_could_not_report(qtbot):
    # Consumer cards answer "[N/A]" for some readings.
    gpus = [
        GpuInfo(0, "Tesla K80", "470.57.02", 0, 11441, 0, 34),
        GpuInfo(1, "NVIDIA GeForce RTX 3060", "470.57.02", None, 12288, None, None),
    ]
    panel = shown_panel(qtbot, lambda: (gpus, "nvidia-smi", None))
    answered_once(qtbot, panel, "RTX 3060")
    answered_once(qtbot, panel, "12288 MiB, use unknown")  # both cards' rows, not only the first

    text = visible_text(panel)
    assert "0 / 11441 MiB" in text
    assert "12288 MiB, use unknown" in text
    assert "34 °C" in text
    assert len(panel.findChildren(QProgressBar)) == 2


@posix_only
def test_device_panel_with_fake_nvidia_smi(qtbot, tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "nvidia-smi"
    script.write_text(
        "#!/bin/bash\necho '0, NVIDIA GeForce GTX 1080 Ti, 384.98, 562, 11172, 3, 30'\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("TFDESK_NO_NVML", "1")

    panel = shown_panel(qtbot)
    answered_once(qtbot, panel, "GTX 1080 Ti")

    text = visible_text(panel)
    assert "562 / 11172 MiB" in text
    assert "1 GPU: NVIDIA GeForce GTX 1080 Ti, 562 / 11172 MiB used, 3% busy, 30 °C." in text

    panel.set_tensorflow_devices([CPU, TfDevice("/physical_device:GPU:0", "GPU", (6, 1))])
    assert "TensorFlow sees: CPU, GPU:0 (compute capability 6.1)" in visible_text(panel)
    panel.resize(640, 300)
    save_shot(panel, "devices.png", qtbot)


def test_device_panel_without_nvidia_smi_says_cpu_is_fine(qtbot, tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv("TFDESK_NO_NVML", "1")

    panel = shown_panel(qtbot)
    answered_once(qtbot, panel, "nvidia-smi: command not found")

    text = visible_text(panel)
    assert "No NVIDIA GPU found" in text
    assert "fine for the digits" in text
    assert panel.findChild(QProgressBar) is None
    assert combo_items(panel) == ["CPU"]


def test_refresh_timer_runs_only_while_visible(qtbot):
    calls = []

    def query():
        calls.append(1)
        return [GTX_1080_TI], "nvml", None

    panel = DevicePanel(query=query)
    qtbot.addWidget(panel)
    assert not panel.refresh_timer.isActive()
    assert calls == []  # nobody is looking, so nobody asks the driver

    panel.show()
    assert panel.refresh_timer.isActive()
    qtbot.waitUntil(lambda: len(calls) == 1)

    panel.hide()
    assert not panel.refresh_timer.isActive()

    panel.show()
    assert panel.refresh_timer.isActive()
    qtbot.waitUntil(lambda: len(calls) == 2)


def test_only_one_driver_query_at_a_time(qtbot):
    release = threading.Event()
    calls = []

    def slow_query():
        calls.append(1)
        release.wait(5)
        return [GTX_1080_TI], "nvidia-smi", None

    panel = shown_panel(qtbot, slow_query)
    try:
        qtbot.waitUntil(lambda: len(calls) == 1)
        panel.refresh()
        panel.refresh()
        qtbot.wait(50)
        assert len(calls) == 1
    finally:
        release.set()
    answered_once(qtbot, panel, "GTX 1080 Ti")
    panel.refresh()
    qtbot.waitUntil(lambda: len(calls) == 2)


def test_driver_gpu_that_tensorflow_cannot_use(qtbot):
    panel = shown_panel(qtbot, lambda: ([GTX_1080_TI], "nvidia-smi", None))
    answered_once(qtbot, panel, "GTX 1080 Ti")

    panel.set_tensorflow_devices([CPU])

    text = visible_text(panel)
    assert "TensorFlow sees: CPU" in text
    assert "The NVIDIA driver sees the GPU hardware, but TensorFlow sees none" in text
    assert combo_items(panel) == ["CPU"]


def test_tensorflow_gpu_becomes_a_training_choice(qtbot):
    panel = shown_panel(qtbot, lambda: ([GTX_1080_TI], "nvidia-smi", None))
    answered_once(qtbot, panel, "GTX 1080 Ti")
    panel.set_tensorflow_devices([CPU, TF_GPU0])

    assert "TensorFlow sees: CPU, GPU:0 (compute capability 8.6)" in visible_text(panel)
    assert "TensorFlow sees none" not in visible_text(panel)
    assert combo_items(panel) == ["CPU", "GPU 0"]


def test_choosing_a_device_emits_device_chosen(qtbot):
    panel = shown_panel(qtbot, lambda: ([GTX_1080_TI], "nvidia-smi", None))
    answered_once(qtbot, panel, "GTX 1080 Ti")
    panel.set_tensorflow_devices([CPU, TF_GPU0])
    combo = panel.findChild(QComboBox)
    assert panel.selected_device() == "cpu"

    with qtbot.waitSignal(panel.deviceChosen, timeout=1000) as chosen:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert chosen.args == ["gpu:0"]
    assert panel.selected_device() == "gpu:0"

    # Loading an experiment selects its device without pretending the student chose it.
    with qtbot.assertNotEmitted(panel.deviceChosen):
        panel.set_selected_device("cpu")
    assert combo.currentText() == "CPU"


def test_selected_device_survives_a_machine_without_it(qtbot):
    panel = shown_panel(qtbot, lambda: ([], "none", None))
    answered_once(qtbot, panel, "No NVIDIA GPU found")

    panel.set_selected_device("gpu:1")
    panel.refresh()
    qtbot.wait(100)

    assert panel.selected_device() == "gpu:1"
    assert panel.findChild(QComboBox).currentText() == "GPU 1 (not available here)"


# ---- evaluation panel --------------------------------------------------------------

# Hand-made mistakes: (true, predicted, how many).
MISTAKES = [(3, 8, 4), (9, 5, 2), (1, 7, 1)]


@pytest.fixture(scope="module")
def digits_test_set():
    digits = load_digits()
    images = digits.data[-360:] / 16.0
    labels = digits.target[-360:].copy()
    predicted = labels.copy()
    for true, wrong, count in MISTAKES:
        predicted[np.flatnonzero(labels == true)[:count]] = wrong
    confusion = np.zeros((10, 10), dtype=int)
    np.add.at(confusion, (labels, predicted), 1)
    return images, labels, predicted, confusion


def evaluated_panel(qtbot, data) -> EvaluationPanel:
    images, labels, predicted, confusion = data
    panel = EvaluationPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 560)
    panel.show_evaluation(
        accuracy=float(np.mean(labels == predicted)),
        loss=0.089,
        confusion=confusion,
        class_names=[str(d) for d in range(10)],
        images=images,
        image_shape=(8, 8),
        labels=labels,
        predicted=predicted,
    )
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def click_cell(qtbot, table: QTableWidget, row: int, column: int) -> None:
    rect = table.visualItemRect(table.item(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def thumbnails(panel: EvaluationPanel) -> list[QLabel]:
    return [
        label
        for label in panel.findChildren(QLabel)
        if not label.pixmap().isNull() and label.isVisibleTo(panel)
    ]


def test_accuracy_sentence(qtbot, digits_test_set):
    panel = evaluated_panel(qtbot, digits_test_set)
    # 7 of the 360 are wrong: 353 / 360 = 98.06 %.
    assert "Test accuracy 98.1 % (loss 0.089) on 360 images" in visible_text(panel)


def test_clicking_a_cell_shows_exactly_its_images(qtbot, digits_test_set):
    images, labels, predicted, confusion = digits_test_set
    panel = evaluated_panel(qtbot, digits_test_set)
    table = panel.findChild(QTableWidget)
    assert thumbnails(panel) == []

    click_cell(qtbot, table, 3, 8)
    assert "true 3, predicted 8: 4 images" in visible_text(panel)
    shown = thumbnails(panel)
    assert len(shown) == 4
    # Each is the real test image, upscaled to sharp square pixels, ink dark on light.
    first = np.flatnonzero((labels == 3) & (predicted == 8))[0]
    picture = shown[0].pixmap().toImage()
    assert (picture.width(), picture.height()) == (48, 48)
    grey = np.array(
        [[picture.pixelColor(6 * c + 3, 6 * r + 3).red() for c in range(8)] for r in range(8)]
    )
    np.testing.assert_allclose(grey, 255 * (1 - images[first].reshape(8, 8)), atol=1)

    click_cell(qtbot, table, 3, 3)
    assert len(thumbnails(panel)) == confusion[3, 3] == np.sum(labels == 3) - 4
    assert f"true 3, predicted 3: {confusion[3, 3]} images" in visible_text(panel)

    click_cell(qtbot, table, 1, 7)
    assert len(thumbnails(panel)) == 1
    assert "true 1, predicted 7: 1 image" in visible_text(panel)

    click_cell(qtbot, table, 0, 1)
    assert thumbnails(panel) == []
    assert "true 0, predicted 1: no images" in visible_text(panel)


def test_arrow_keys_walk_the_matrix(qtbot, digits_test_set):
    panel = evaluated_panel(qtbot, digits_test_set)
    table = panel.findChild(QTableWidget)
    click_cell(qtbot, table, 9, 4)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert "true 9, predicted 5: 2 images" in visible_text(panel)
    assert len(thumbnails(panel)) == 2


def test_diagonal_is_green_and_mistakes_are_red(qtbot, digits_test_set):
    panel = evaluated_panel(qtbot, digits_test_set)
    table = panel.findChild(QTableWidget)

    def colour(row, column):
        return table.item(row, column).background().color()

    right = colour(3, 3)
    assert right.green() > right.red() + 40
    many_wrong, one_wrong = colour(3, 8), colour(1, 7)
    assert many_wrong.red() > many_wrong.green() + 40
    assert one_wrong.red() > one_wrong.green()
    # More mistakes, deeper red.
    assert many_wrong.green() < one_wrong.green()
    assert colour(0, 1).name() == "#ffffff"
    assert table.item(3, 8).text() == "4"
    assert table.horizontalHeaderItem(8).text() == "8"

    click_cell(qtbot, table, 3, 8)
    save_shot(panel, "evaluation.png", qtbot)


def test_clear_shows_the_placeholder(qtbot, digits_test_set):
    panel = evaluated_panel(qtbot, digits_test_set)
    click_cell(qtbot, panel.findChild(QTableWidget), 3, 8)

    panel.clear()

    text = visible_text(panel)
    assert "Train, then press Evaluate (Ctrl+E)" in text
    assert "Test accuracy" not in text
    assert thumbnails(panel) == []
