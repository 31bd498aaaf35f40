"""How the network learns: the optimizer and its settings, and how training walks the data.

The panel keeps its own copies of experiment.optimizer and experiment.training and
writes them back with `apply_to`; a value the student never touched goes back
exactly as it came in, even where a spin box shows it rounded.
"""

from __future__ import annotations

import copy
import math
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tfdesk.core.spec import OPTIMIZERS, Experiment, OptimizerSpec, TrainingSpec
from tfdesk.gui.pace_choice import PaceChoice
from tfdesk.gui.range_note import RangeNote
from tfdesk.gui.words import optimizer_label

MAX_BATCH = 10_000_000
MAX_SPLIT = 0.5  # per held-out share
MAX_HELD_OUT = 0.89  # validation + test together must leave at least 10% to train on

# Which of the optimizer's own settings each optimizer uses (the rest stay hidden).
OPTIMIZER_SETTINGS = {
    "gradient_descent": (),
    "adagrad": ("initial_accumulator",),
    "momentum": ("momentum", "nesterov"),
    "adam": ("beta1", "beta2", "epsilon"),
    "rmsprop": ("decay", "epsilon"),
}

_PARTIAL_NUMBER = re.compile(r"[0-9]*\.?[0-9]*(?:[eE][-+]?[0-9]*)?")


class LogStepSpinBox(QDoubleSpinBox):
    """A spin box for values spanning many powers of ten (0.003, 1e-8).

    It shows numbers as written by hand and steps by the leading digit, so the
    arrows go 0.001 → 0.002 → … → 0.009 → 0.01 → 0.02 rather than by a fixed amount.
    """

    def __init__(self, low: float, high: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # QDoubleSpinBox rounds every value to its decimals; enough of them keep 1e-8 intact.
        self.setDecimals(20)
        self.setRange(low, high)

    def textFromValue(self, value: float) -> str:
        return re.sub(r"e([-+])0*(\d)", r"e\1\2", f"{value:.6g}").replace("e+", "e")

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        if not _PARTIAL_NUMBER.fullmatch(text):
            return QValidator.State.Invalid, text, pos
        try:
            value = float(text)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:
        value = self.value()
        for _ in range(abs(steps)):
            # Stepping down from 0.01 gives 0.009, so the digit below counts there.
            nudge = 1e-9 if steps > 0 else -1e-9
            step = 10 ** math.floor(math.log10(value) + nudge)
            value = float(f"{value + math.copysign(step, steps):.12g}")
        self.setValue(min(max(value, self.minimum()), self.maximum()))


class OptimizerPanel(QWidget):
    """Edits experiment.optimizer and experiment.training."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optimizer = OptimizerSpec()
        self._training = TrainingSpec()
        self._loading = False

        self.range_note = RangeNote(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_optimizer_box())
        layout.addWidget(self._build_training_box())
        layout.addWidget(self.range_note)
        layout.addStretch(1)
        for spin, what in ((self._learning_rate, self.tr("Learning rate")),
                           (self._epochs, self.tr("Epochs")), (self._batch_size, self.tr("Batch size")),
                           (self._seed, self.tr("Seed"))):
            self.range_note.watch(spin, what)

        self.set_experiment(Experiment())

    # ---- public API ---------------------------------------------------------

    def set_experiment(self, exp: Experiment) -> None:
        self._optimizer = copy.deepcopy(exp.optimizer)
        self._training = copy.deepcopy(exp.training)
        # A batch cannot be larger than the training set the panel was told about.
        self._training.batch_size = min(self._training.batch_size, self._batch_size.maximum())
        self._show_values()

    def apply_to(self, exp: Experiment) -> None:
        exp.optimizer = copy.deepcopy(self._optimizer)
        exp.training = copy.deepcopy(self._training)

    def set_training_size(self, n: int) -> None:
        """Cap the mini-batch size at the number of training examples."""
        self._batch_size.setMaximum(max(1, n))
        self._batch_size.setToolTip(self._batch_size_tip + " " + self.tr(
            "At most {n} here: the whole training set.").format(n=f"{max(1, n):,}"))

    # ---- building ---------------------------------------------------------------

    def _build_optimizer_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Optimizer"), self)
        box.setToolTip(self.tr("The optimizer changes the weights and biases after every batch "
                               "so that the loss gets smaller."))
        form = QFormLayout(box)
        self._form = form

        self._name = QComboBox(box)
        self._name.setObjectName("optimizer")
        tips = {
            "gradient_descent": self.tr("Steps straight downhill on the loss: learning rate × gradient. "
                                        "The course's first optimizer."),
            "adagrad": self.tr("Gives every weight its own step size, shrinking it for weights "
                               "that have already moved a lot."),
            "momentum": self.tr("Keeps a running velocity, so steps keep going the way they have been "
                                "going, like a ball rolling downhill."),
            "adam": self.tr("Momentum plus a step size per weight. A good first choice."),
            "rmsprop": self.tr("Divides each step by a running average of recent gradient sizes, "
                               "so steep and flat directions move at similar speeds."),
        }
        for i, name in enumerate(OPTIMIZERS):
            self._name.addItem(optimizer_label(name), name)
            self._name.setItemData(i, tips[name], Qt.ItemDataRole.ToolTipRole)
        self._name.setToolTip(self.tr("How the weights and biases are changed to make the loss smaller."))
        self._name.currentIndexChanged.connect(self._optimizer_chosen)
        form.addRow(self.tr("Optimizer:"), self._name)

        self._learning_rate = LogStepSpinBox(1e-6, 10.0, box)
        self._learning_rate.setObjectName("learning_rate")
        self._learning_rate.setToolTip(self.tr(
            "How big a step the optimizer takes on each update. Too big and the loss jumps around "
            "or grows; too small and training crawls. The arrows step 0.001 → 0.002 → … → 0.01."))
        self._learning_rate.valueChanged.connect(self._optimizer_field("learning_rate"))
        form.addRow(self.tr("Learning rate:"), self._learning_rate)

        self._settings: dict[str, QWidget] = {}
        self._add_fraction_row("momentum", self.tr("Momentum:"), 0.999, 3, self.tr(
            "How much of the last step carries into the next one (0.9 = 90%)."))
        nesterov = QCheckBox(self.tr("Nesterov momentum"), box)
        nesterov.setToolTip(self.tr("Look ahead: measure the gradient where the momentum is about "
                                    "to carry the weights. Often a little steadier."))
        nesterov.toggled.connect(self._optimizer_field("nesterov"))
        form.addRow("", nesterov)
        self._settings["nesterov"] = nesterov
        nesterov.setObjectName("nesterov")
        self._add_fraction_row("beta1", self.tr("β1:"), 0.999, 3, self.tr(
            "How slowly Adam's average of the gradients forgets old steps (its momentum)."))
        self._add_fraction_row("beta2", self.tr("β2:"), 0.9999, 4, self.tr(
            "How slowly Adam's average of the squared gradients forgets; it sets each weight's step size."))
        self._add_fraction_row("decay", self.tr("Decay:"), 0.999, 3, self.tr(
            "How slowly RMSProp's average of the squared gradients forgets old steps."))
        epsilon = LogStepSpinBox(1e-12, 1.0, box)
        epsilon.setToolTip(self.tr("A tiny number added before dividing, so a step never divides by zero."))
        epsilon.valueChanged.connect(self._optimizer_field("epsilon"))
        form.addRow(self.tr("ε (epsilon):"), epsilon)
        self._settings["epsilon"] = epsilon
        epsilon.setObjectName("epsilon")
        accumulator = LogStepSpinBox(1e-8, 100.0, box)
        accumulator.setToolTip(self.tr("Adagrad's starting sum of squared gradients; larger values "
                                       "make the first steps smaller."))
        accumulator.valueChanged.connect(self._optimizer_field("initial_accumulator"))
        form.addRow(self.tr("Initial accumulator:"), accumulator)
        self._settings["initial_accumulator"] = accumulator
        accumulator.setObjectName("initial_accumulator")
        return box

    def _add_fraction_row(self, field: str, label: str, high: float, decimals: int, tip: str) -> None:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(field)
        spin.setRange(0.0, high)
        spin.setDecimals(decimals)
        spin.setSingleStep(0.01)
        spin.setToolTip(tip)
        spin.valueChanged.connect(self._optimizer_field(field))
        self._form.addRow(label, spin)
        self._settings[field] = spin

    def _build_training_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Training"), self)
        form = QFormLayout(box)

        modes = QVBoxLayout()
        modes.setSpacing(2)
        self._modes = QButtonGroup(box)
        self._mode_buttons: dict[str, QRadioButton] = {}
        for mode, text, tip in (
            ("full", self.tr("Full batch (batch gradient descent)"), self.tr(
                "Every update looks at the whole training set: the best direction, "
                "but slow, with one update per epoch.")),
            ("stochastic", self.tr("Stochastic (one example a step)"), self.tr(
                "Every update looks at one example: many quick updates, "
                "but each direction is rather random.")),
            ("mini", self.tr("Mini-batch of"), self.tr(
                "Every update looks at a small batch: the compromise, fast and stable. "
                "The course's choice.")),
        ):
            button = QRadioButton(text, box)
            button.setToolTip(tip)
            button.setObjectName(f"batch_mode_{mode}")
            self._modes.addButton(button)
            self._mode_buttons[mode] = button
        self._modes.buttonToggled.connect(self._mode_toggled)
        self._batch_size = QSpinBox(box)
        self._batch_size.setObjectName("batch_size")
        self._batch_size.setRange(1, MAX_BATCH)
        self._batch_size.setGroupSeparatorShown(True)
        self._batch_size.setSuffix(self.tr(" examples"))
        self._batch_size_tip = self.tr("How many examples each update looks at.")
        self._batch_size.setToolTip(self._batch_size_tip)
        self._batch_size.valueChanged.connect(self._training_field("batch_size"))
        mini = QHBoxLayout()
        mini.addWidget(self._mode_buttons["mini"])
        mini.addWidget(self._batch_size)
        mini.addStretch(1)
        modes.addWidget(self._mode_buttons["full"])
        modes.addWidget(self._mode_buttons["stochastic"])
        modes.addLayout(mini)
        form.addRow(self.tr("Batches:"), modes)

        self._epochs = QSpinBox(box)
        self._epochs.setObjectName("epochs")
        self._epochs.setRange(1, 1_000_000)
        self._epochs.setGroupSeparatorShown(True)
        self._epochs.setToolTip(self.tr("One epoch is one pass over every training example."))
        self._epochs.valueChanged.connect(self._training_field("epochs"))

        self._shuffle = QCheckBox(self.tr("Reshuffle every epoch"), box)
        self._shuffle.setObjectName("shuffle")
        self._shuffle.setToolTip(self.tr("Deal the examples into batches in a new order each epoch, "
                                         "as the course's training loop does."))
        self._shuffle.toggled.connect(self._training_field("shuffle"))
        epochs = QHBoxLayout()
        epochs.addWidget(self._epochs, 1)
        epochs.addWidget(self._shuffle)
        form.addRow(self.tr("Epochs:"), epochs)

        self._early = QCheckBox(self.tr("Stop &early:"), box)
        self._early.setObjectName("early_stopping")
        self._early.setToolTip(self.tr(
            "Stop when the validation loss has not improved for this many epochs, and go back "
            "to the weights of the best epoch: an answer to \"how many epochs?\" that the "
            "validation set gives."))
        self._early.toggled.connect(self._training_field("early_stopping"))
        self._patience = QSpinBox(box)
        self._patience.setObjectName("patience")
        self._patience.setRange(1, 100_000)
        self._patience.setPrefix(self.tr("after "))
        self._patience.setSuffix(self.tr(" epochs without progress"))
        self._patience.setToolTip(self._early.toolTip())
        self._patience.valueChanged.connect(self._training_field("patience"))
        self._early.toggled.connect(self._patience.setEnabled)
        form.addRow(self._early, self._patience)  # in the label column: the panel stays narrow

        self._validation = self._split_spin(self.tr(
            "The share of examples kept aside to check progress during training (0.1 = 10%); "
            "the network never trains on them."))
        self._test = self._split_spin(self.tr(
            "The share of examples kept aside for the final test accuracy (0.2 = 20%); "
            "used only once training is done."))
        self._validation.setObjectName("validation_fraction")
        self._test.setObjectName("test_fraction")
        self._validation.valueChanged.connect(self._split_changed("validation_fraction"))
        self._test.valueChanged.connect(self._split_changed("test_fraction"))
        held_out = QHBoxLayout()
        for text, spin in ((self.tr("validation"), self._validation), (self.tr("test"), self._test)):
            label = QLabel(text, box)
            label.setToolTip(spin.toolTip())
            label.setBuddy(spin)
            held_out.addWidget(label)
            held_out.addWidget(spin, 1)
        form.addRow(self.tr("Held out:"), held_out)

        self._seed = QSpinBox(box)
        self._seed.setObjectName("seed")
        self._seed.setRange(0, 2**31 - 1)
        self._seed.setToolTip(self.tr("Fixes the random starting weights, the data split and the shuffling: "
                                      "the same seed gives the same run."))
        self._seed.valueChanged.connect(self._training_field("seed"))
        form.addRow(self.tr("Seed:"), self._seed)
        self.pace = PaceChoice(box)  # the window's setting, not the experiment's
        form.addRow(self.tr("Pace:"), self.pace)
        return box

    def _split_spin(self, tip: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(0.0, MAX_SPLIT)
        spin.setDecimals(2)
        spin.setSingleStep(0.05)
        spin.setToolTip(tip)
        return spin

    # ---- showing and editing -----------------------------------------------------

    def _show_values(self) -> None:
        self._loading = True
        o, t = self._optimizer, self._training
        self._name.setCurrentIndex(max(0, self._name.findData(o.name)))
        self._learning_rate.setValue(o.learning_rate)
        for field, widget in self._settings.items():
            if isinstance(widget, QCheckBox):
                widget.setChecked(getattr(o, field))
            else:
                widget.setValue(getattr(o, field))
        self._mode_buttons[t.batch_mode].setChecked(True)
        self._batch_size.setValue(t.batch_size)
        self._epochs.setValue(t.epochs)
        self._shuffle.setChecked(t.shuffle)
        self._early.setChecked(t.early_stopping)
        self._patience.setValue(t.patience)
        self._patience.setEnabled(t.early_stopping)
        self._limit_splits()
        self._validation.setValue(t.validation_fraction)
        self._test.setValue(t.test_fraction)
        self._seed.setValue(t.seed)
        self._loading = False
        self._show_optimizer_settings()
        self._batch_size.setEnabled(t.batch_mode == "mini")

    def _optimizer_field(self, field: str):
        def store(value) -> None:
            if not self._loading:
                setattr(self._optimizer, field, value)
                self.changed.emit()
        return store

    def _training_field(self, field: str):
        def store(value) -> None:
            if not self._loading:
                setattr(self._training, field, value)
                self.changed.emit()
        return store

    def _split_changed(self, field: str):
        store = self._training_field(field)

        def changed(value: float) -> None:
            store(value)
            if not self._loading:
                self._limit_splits()
        return changed

    def _limit_splits(self) -> None:
        t = self._training
        self._validation.setMaximum(min(MAX_SPLIT, MAX_HELD_OUT - t.test_fraction))
        self._test.setMaximum(min(MAX_SPLIT, MAX_HELD_OUT - t.validation_fraction))

    def _optimizer_chosen(self) -> None:
        if not self._loading:
            self._optimizer.name = self._name.currentData()
            self._show_optimizer_settings()
            self.changed.emit()

    def _show_optimizer_settings(self) -> None:
        wanted = OPTIMIZER_SETTINGS[self._optimizer.name]
        # Hide before showing, so the panel never briefly asks for room for every row.
        for visible in (False, True):
            for field, widget in self._settings.items():
                if (field in wanted) == visible:
                    self._form.setRowVisible(widget, visible)

    def _mode_toggled(self, button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        mode = next(m for m, b in self._mode_buttons.items() if b is button)
        self._batch_size.setEnabled(mode == "mini")
        if not self._loading:
            self._training.batch_mode = mode
            self.changed.emit()
