"""How fast training runs for watching: full speed, or a number of steps a second.

Not part of the experiment (a file trained by tfdesk-train runs at full speed): a
setting of the window, kept in its settings, that the worker's session holds to
between chunks of steps (core/trainer.py, _keep_pace)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

# Steps a second; 0 is full speed. The default, 1,000, shows the course network's 80
# epochs (3,120 steps) as a curve falling over about 3 s instead of a finished plot
# after half a second, and leaves the default digits experiment (about 1,000 steps a
# second on a 2-core laptop) as fast as it was.
PACES = (0, 1000, 200, 50, 10)
DEFAULT_PACE = 1000


class PaceChoice(QComboBox):
    paceChanged = Signal(float)  # steps a second, 0: full speed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pace")
        for pace in PACES:
            text = self.tr("Full speed") if pace == 0 else self.tr("{0:,} steps a second").format(pace)
            self.addItem(text, pace)
        self.setToolTip(self.tr(
            "How fast training runs, so that you can watch the loss fall. Full speed is as fast "
            "as this computer trains; the network learns the same either way. It can be changed "
            "while training runs."))
        self.set_pace(DEFAULT_PACE)
        self.currentIndexChanged.connect(lambda _i: self.paceChanged.emit(float(self.pace())))

    def pace(self) -> int:
        return int(self.currentData())

    def set_pace(self, pace) -> None:
        """Choose `pace` if offered, else the default (settings from another version)."""
        try:
            index = self.findData(int(pace))
        except (TypeError, ValueError):
            index = -1
        self.setCurrentIndex(index if index >= 0 else self.findData(DEFAULT_PACE))
