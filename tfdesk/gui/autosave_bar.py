"""The offer of the network kept from the last session, as a bar in the window.

A dialog covered the window seconds after it opened, also over a run the student
had already started, and while it was open Ctrl+Q did nothing. The bar blocks
nothing: the student restores, discards or ignores it; Start hides it (the kept
network stays on disk, in the autosave folder's last-session).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton

from ..core.metrics import read_metrics


class AutosaveBar(QFrame):
    restoreRequested = Signal(str)  # the folder to restore from
    discardRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("autosaveBar")
        self.setStyleSheet("#autosaveBar { background: #e7f1fb; border: 1px solid #9cc3e6;"
                           " border-radius: 4px; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.latest_button = QPushButton(self.tr("Restore the latest"))
        self.best_button = QPushButton(self.tr("Restore the best"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Delete the network kept from the last session."))
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Not now: keep it on disk and hide this bar."))
        close.clicked.connect(self.hide)
        self._folders: dict[str, str] = {}
        self.latest_button.clicked.connect(lambda: self._restore("latest"))
        self.best_button.clicked.connect(lambda: self._restore("best"))
        self.discard_button.clicked.connect(self._discard)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        for widget in (self.latest_button, self.best_button, self.discard_button, close):
            layout.addWidget(widget, 0, Qt.AlignVCenter)
        self.hide()

    def offer(self, folders: dict, sidecars: dict) -> None:
        """folders/sidecars: {"latest" | "best": …} of the last session's autosaves."""
        self._folders = dict(folders)
        latest = sidecars.get("latest") or sidecars["best"]
        metrics = read_metrics(latest)  # a hand-edited sidecar's odd values are left out
        detail = self.tr("epoch {0}").format(latest.get("epoch", 0))
        if "val_accuracy" in metrics:
            detail += self.tr(", validation accuracy {0:.1f} %").format(100 * metrics["val_accuracy"])
        self.text.setText(self.tr("tfdesk kept the network you trained last time ({0}, saved {1}).")
                          .format(detail, str(latest.get("saved_at", ""))[:16]))
        same = ("latest" in sidecars and "best" in sidecars
                and sidecars["latest"].get("step") == sidecars["best"].get("step"))
        self.latest_button.setText(self.tr("Restore it") if same else self.tr("Restore the latest"))
        self.latest_button.setVisible("latest" in folders)
        self.best_button.setVisible("best" in folders and not same)  # the same network twice
        self.show()

    def _restore(self, name: str) -> None:
        self.hide()
        self.restoreRequested.emit(self._folders[name])

    def _discard(self) -> None:
        self.hide()
        self.discardRequested.emit()
