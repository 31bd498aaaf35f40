"""Run on: this computer, or a lab's TensorFlow server (tfdesk-server, core/remote.py).

The address is remembered in the settings. Connect asks the worker to reach the
server and list its devices; the answer, or why there is none, is shown here, and
so is where the network being trained lives once a run starts.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)


class ServerBox(QGroupBox):
    connectRequested = Signal(str)  # the address typed
    changed = Signal()  # the place to train changed (the window remembers it)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Run on"), parent)
        self.setObjectName("runOn")
        self.here = QRadioButton(self.tr("This &computer"))
        self.here.setObjectName("runHere")
        self.remote = QRadioButton(self.tr("A lab &server:"))
        self.remote.setObjectName("runOnServer")
        self.remote.setToolTip(self.tr(
            "Train on a TensorFlow server of the lab (tfdesk-server). The plot, the drawing and "
            "the checkpoints stay on this computer."))
        group = QButtonGroup(self)
        group.addButton(self.here)
        group.addButton(self.remote)
        self.here.setChecked(True)
        self.address = QLineEdit()
        self.address.setObjectName("serverAddress")
        self.address.setPlaceholderText("grpc://127.0.0.1:2222")
        self.address.setToolTip(self.tr(
            "The address tfdesk-server printed, as grpc://host:port. From a laptop, forward the "
            "port with SSH first and use grpc://127.0.0.1:PORT."))
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.setObjectName("connectServer")
        self.connect_button.setToolTip(self.tr("Reach the server and list its devices."))
        self.status = QLabel(self.tr("Training runs on this computer."))
        self.status.setObjectName("serverStatus")
        self._devices = ""  # the last server's devices, as said
        self.status.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(self.here, 0, 0, 1, 3)
        grid.addWidget(self.remote, 1, 0)
        grid.addWidget(self.address, 1, 1)
        grid.addWidget(self.connect_button, 1, 2)
        grid.addWidget(self.status, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.here.toggled.connect(self._choice_changed)
        self.address.textEdited.connect(lambda _text: self._typed())
        self.address.returnPressed.connect(self._connect)
        self.connect_button.clicked.connect(self._connect)
        self._choice_changed()

    def server(self) -> str | None:
        """The server to train on, or None for this computer."""
        text = self.address.text().strip()
        return text if self.remote.isChecked() and text else None

    def set_server(self, address: str, chosen: bool) -> None:
        """From the settings (before the window listens to `changed`)."""
        self.blockSignals(True)
        self.address.setText(address)
        (self.remote if chosen and address else self.here).setChecked(True)
        self.blockSignals(False)
        self._choice_changed()

    def show_devices(self, address: str, devices: list) -> None:
        """The worker reached the server: its (name, type, bytes) devices."""
        names = ", ".join(
            f"{kind}:{name.rsplit(':', 1)[-1]}" + (f" ({size / 1024**3:.1f} GB)" if kind == "GPU" and size else "")
            for name, kind, size in devices)
        self._devices = self.tr("{address} answers. Its devices: {devices}.").format(
            address=address, devices=names or "—")
        self.status.setText(self._devices + " " + self.tr("Start trains there."))

    def show_problem(self, text: str) -> None:
        self.status.setText("⚠ " + text)

    def show_training_place(self, place: str | None, device: str | None) -> None:
        """Where the network being trained lives (after Start), None for this computer."""
        if place is None:
            self.status.setText(self.tr("Training runs on this computer."))
        else:
            training = self.tr("Training on {address}, on its {device}.").format(address=place, device=device)
            self.status.setText(f"{self._devices}\n{training}" if self._devices else training)

    def _typed(self) -> None:
        self._devices = ""  # another server's, perhaps
        if not self.remote.isChecked():
            self.remote.setChecked(True)
        self.changed.emit()

    def _connect(self) -> None:
        text = self.address.text().strip()
        if not text:
            self.show_problem(self.tr("Type the server's address first, e.g. grpc://127.0.0.1:2222."))
            return
        self.remote.setChecked(True)
        self.status.setText(self.tr("Reaching {address}…").format(address=text))
        self.connectRequested.emit(text)

    def _choice_changed(self, *_args) -> None:
        if self.here.isChecked():
            self.status.setText(self.tr("Training runs on this computer."))
        self.changed.emit()
