"""What the machine has: the GPUs the NVIDIA driver sees, what TensorFlow can
use, and which device to train on.

The driver is asked on a Python thread because nvidia-smi can hang for seconds
(it is given a timeout); the panel polls for the answer with a timer, so no Qt
signal is emitted off the GUI thread (see worker.py for why that matters). TensorFlow's own list is never computed here: importing
TensorFlow takes seconds and belongs to the worker, which hands the list in
through set_tensorflow_devices().
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from tfdesk.core.devices import DeviceReport, GpuInfo, TfDevice, query_gpus

from .server_box import ServerBox

GpuQuery = Callable[[], tuple[list[GpuInfo], str, str | None]]

REFRESH_MS = 3000
POLL_MS = 50  # how often the panel looks for the driver's answer while it is awaited

_driver_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tfdesk-gpu-query")


def _ask_driver(query: GpuQuery):
    """Runs on the query thread."""
    try:
        return query()
    except Exception as e:  # an answer must always come, or refreshing stops for good
        return ([], "none", f"asking the driver failed: {e}")


class DevicePanel(QWidget):
    """Shows the GPUs and lets the student pick the device to train on."""

    deviceChosen = Signal(str)  # "cpu" or "gpu:N"

    def __init__(self, parent: QWidget | None = None, query: GpuQuery | None = None):
        super().__init__(parent)
        self._query = query or functools.partial(query_gpus, timeout=3.0)
        self._driver_answer: tuple[list[GpuInfo], str, str | None] | None = None
        self._tf_devices: list[TfDevice] | None = None
        self._pending: Future | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect_answer)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

        self._gpu_box = QGroupBox(self.tr("Graphics cards (as the NVIDIA driver sees them)"))
        self._gpu_box.setToolTip(
            self.tr(
                "A GPU (graphics card) does the many multiplications of a network in "
                "parallel. The list refreshes every few seconds while this panel is open."
            )
        )
        self._gpu_grid = QGridLayout(self._gpu_box)
        self._gpu_grid.setColumnStretch(0, 1)
        self._gpu_rows: list[_GpuRow] = []
        self._no_gpu_label = QLabel(self.tr("Asking the NVIDIA driver…"))
        self._no_gpu_label.setWordWrap(True)
        self._gpu_grid.addWidget(self._no_gpu_label, 0, 0, 1, 4)

        self._tf_label = QLabel()
        self._tf_label.setWordWrap(True)
        self._tf_label.setToolTip(
            self.tr(
                "The devices TensorFlow itself can train on. A GPU the driver sees is of "
                "no use if TensorFlow cannot see it too."
            )
        )
        self._show_tf_devices()

        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._device_combo = QComboBox()
        self._device_combo.setToolTip(
            self.tr(
                "Where the weights and biases are updated during training. The CPU is fine "
                "for the small digits; a GPU pays off for bigger networks and data."
            )
        )
        self._device_combo.addItem(self.tr("CPU"), "cpu")
        self._device_combo.activated.connect(self._on_device_activated)
        choose_label = QLabel(self.tr("&Train on:"))
        choose_label.setBuddy(self._device_combo)
        choose_form = QFormLayout()
        choose_form.addRow(choose_label, self._device_combo)

        layout = QVBoxLayout(self)
        layout.addWidget(self._gpu_box)
        layout.addWidget(self._tf_label)
        layout.addWidget(self._summary)
        layout.addLayout(choose_form)
        self.server = ServerBox()
        # This computer's devices are not where a server trains: its own are in the box.
        self.server.changed.connect(lambda: self._device_combo.setEnabled(self.server.server() is None))
        layout.addWidget(self.server)
        layout.addStretch(1)

    # ---- public API -------------------------------------------------------------

    def selected_device(self) -> str:
        return self._device_combo.currentData()

    def set_selected_device(self, device: str) -> None:
        """Select device without emitting deviceChosen. A device this machine
        lacks (an experiment from another computer) stays selected, marked as
        not available, rather than being changed behind the student's back."""
        self._ensure_choice(device)
        self._device_combo.setCurrentIndex(self._device_combo.findData(device))

    def set_tensorflow_devices(self, devices: list[TfDevice]) -> None:
        self._tf_devices = list(devices)
        self._show_tf_devices()
        self._show_report()

    @Slot()
    def summary_text(self) -> str:
        """The plain-words device sentence, for the About box."""
        return self._summary.text()

    def refresh(self) -> None:
        """Ask the driver again, unless an earlier question is still unanswered."""
        if self._pending is not None:
            return
        self._pending = _driver_thread.submit(_ask_driver, self._query)
        self._poll.start()

    @property
    def refresh_timer(self) -> QTimer:
        return self._timer

    # ---- visibility: refresh only while someone can see it -------------------------

    def showEvent(self, event):
        super().showEvent(event)
        self.refresh()
        self._timer.start()

    def hideEvent(self, event):
        self._timer.stop()
        super().hideEvent(event)

    # ---- internals ------------------------------------------------------------------

    def _collect_answer(self) -> None:
        if self._pending is None or not self._pending.done():
            return
        result = self._pending.result()
        self._pending = None
        self._poll.stop()
        self._on_answered(result)

    def _on_answered(self, result) -> None:
        self._driver_answer = result
        self._show_gpus(result[0])
        self._show_report()

    def _show_gpus(self, gpus: list[GpuInfo]) -> None:
        if [g.name for g in gpus] != [row.name for row in self._gpu_rows]:
            for row in self._gpu_rows:
                row.remove()
            self._gpu_rows = [_GpuRow(self, self._gpu_grid, i + 1, g.name) for i, g in enumerate(gpus)]
        for row, gpu in zip(self._gpu_rows, gpus):
            row.update(gpu)
        self._no_gpu_label.setVisible(not gpus)
        self._no_gpu_label.setText(
            self.tr(
                "None found. On the course slide, “bash: nvidia-smi: command not found” "
                "means just this: no NVIDIA card, or no driver for it."
            )
        )

    def _show_tf_devices(self) -> None:
        if self._tf_devices is None:
            self._tf_label.setText(
                self.tr("TensorFlow sees: not asked yet (loading TensorFlow takes a few seconds).")
            )
            return
        names = ", ".join(self._tf_device_label(d) for d in self._tf_devices)
        self._tf_label.setText(self.tr("TensorFlow sees: {devices}").format(devices=names or "—"))

    def _show_report(self) -> None:
        if self._driver_answer is None:
            return
        gpus, source, problem = self._driver_answer
        report = DeviceReport(gpus, source, driver_problem=problem, tf_devices=self._tf_devices)
        # The core words these sentences (once, for the CLI too); the window translates them.
        translate = QCoreApplication.translate
        self._summary.setText(" ".join(
            translate(context, template).format(**{
                name: translate(context, value) if isinstance(value, str) else value
                for name, value in fields.items()})  # a reason may be a marked sentence too
            for context, template, fields in report.summary_sentences()))
        self._update_choices(report.training_devices())

    def _update_choices(self, devices: list[str]) -> None:
        selected = self.selected_device()
        self._device_combo.clear()
        for device in devices:
            self._device_combo.addItem(self._device_label(device), device)
        self.set_selected_device(selected)

    def _ensure_choice(self, device: str) -> None:
        if self._device_combo.findData(device) < 0:
            label = self.tr("{device} (not available here)").format(device=self._device_label(device))
            self._device_combo.addItem(label, device)

    def _device_label(self, device: str) -> str:
        if device == "cpu":
            return self.tr("CPU")
        return self.tr("GPU {index}").format(index=device.split(":")[1])

    def _tf_device_label(self, device: TfDevice) -> str:
        index = device.name.rsplit(":", 1)[-1]
        if device.device_type != "GPU":
            return device.device_type if index == "0" else f"{device.device_type}:{index}"
        label = f"GPU:{index}"
        if device.compute_capability:
            major, minor = device.compute_capability
            label += self.tr(" (compute capability {major}.{minor})").format(major=major, minor=minor)
        return label

    @Slot(int)
    def _on_device_activated(self, index: int) -> None:
        self.deviceChosen.emit(self._device_combo.itemData(index))


class _GpuRow:
    """One GPU's name, memory bar, utilisation and temperature in the panel's grid."""

    # Not a QObject: its words are translated in the panel's context.
    def __init__(self, panel: DevicePanel, grid: QGridLayout, row: int, name: str):
        translate = QCoreApplication.translate
        self.name = name
        self._name = QLabel(name)
        font = self._name.font()
        font.setBold(True)
        self._name.setFont(font)
        self._memory = QProgressBar()
        self._memory.setMinimumWidth(160)
        self._memory.setMaximumWidth(220)
        self._memory.setToolTip(translate(
            "DevicePanel", "Graphics memory in use. The weights, biases and each batch must fit in it."))
        self._busy = QLabel()
        self._busy.setToolTip(translate("DevicePanel", "How busy the GPU was during the last moment."))
        self._temperature = QLabel()
        self._temperature.setToolTip(translate("DevicePanel", "GPU temperature."))
        self._widgets = (self._name, self._memory, self._busy, self._temperature)
        for column, widget in enumerate(self._widgets):
            grid.addWidget(widget, row, column)
            # A layout shows a widget added to a visible panel one event later; the row
            # should appear together with the summary line that names the same GPU.
            widget.show()

    def update(self, gpu: GpuInfo) -> None:
        translate = QCoreApplication.translate
        self._name.setToolTip(translate("DevicePanel", "GPU {index}, driver {driver}").format(
            index=gpu.index, driver=gpu.driver))
        used, total = gpu.memory_used_mib, gpu.memory_total_mib
        if used is not None and total:
            self._memory.setRange(0, total)
            self._memory.setValue(min(used, total))
            self._memory.setFormat(translate("DevicePanel", "{used} / {total} MiB").format(
                used=used, total=total))
        elif total:
            self._memory.setRange(0, total)
            self._memory.setValue(0)
            self._memory.setFormat(translate("DevicePanel", "{total} MiB, use unknown").format(total=total))
        else:
            self._memory.setRange(0, 1)
            self._memory.setValue(0)
            self._memory.setFormat(translate("DevicePanel", "memory unknown"))
        busy = gpu.utilization_percent
        self._busy.setText(
            translate("DevicePanel", "{percent} % busy").format(percent=busy) if busy is not None else "")
        temperature = gpu.temperature_c
        self._temperature.setText(
            translate("DevicePanel", "{degrees} °C").format(degrees=temperature)
            if temperature is not None else "")

    def remove(self) -> None:
        for widget in self._widgets:
            widget.deleteLater()
