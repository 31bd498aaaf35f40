"""The progress bar under the Start button: epoch, step and ETA while training."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressBar, QWidget

SHOW_EVERY_MS = 100


class TrainingProgress(QProgressBar):
    """Shows the latest progress at most every SHOW_EVERY_MS.

    Progress arrives once a chunk (about 30 per second), and QProgressBar.setValue
    repaints at once rather than with the next frame: that cost 1.7 ms of the GUI
    thread each time, a tenth of a short run. Here the value changes with updates
    off, so the bar is painted with everything else."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextVisible(True)
        self._latest: tuple | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_EVERY_MS)
        self._timer.timeout.connect(self._show_latest)

    def show_progress(self, epoch: int, last_epoch: int, step: int, first_step: int, last_step: int,
                      eta: float) -> None:
        """Epochs and steps counted over the whole training of this network (a continued
        run goes on from where the last one stopped); the bar fills over this run."""
        self._latest = (epoch, last_epoch, step, first_step, last_step, eta)
        if not self._timer.isActive():
            self._show_latest()

    def show_text(self, text: str, value: int | None = None) -> None:
        """A state in words ("Finished in 3.1 s"), after the last progress held back."""
        self._show_latest()
        self._timer.stop()
        if value is not None:
            self.setValue(value)
        self.setFormat(text)

    def _show_latest(self) -> None:
        if self._latest is None:
            return
        epoch, last_epoch, step, first_step, last_step, eta = self._latest
        self._latest = None
        minutes, seconds = divmod(int(round(eta)), 60)
        self.setUpdatesEnabled(False)
        self.setRange(first_step, max(last_step, first_step + 1))
        self.setValue(step)
        self.setFormat(self.tr("epoch {0}/{1} · step {2}/{3} · ETA {4}:{5:02d}")
                       .format(epoch, last_epoch, step, last_step, minutes, seconds))
        self.setUpdatesEnabled(True)  # schedules one ordinary repaint
        self._timer.start()
