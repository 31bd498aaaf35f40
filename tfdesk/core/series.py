"""A training run's numbers as the plot keeps them: growing columns of steps and epochs,
thinned for drawing, the view range that follows them, and the CSV they export to.

Plain numpy, no Qt: the window's plot (gui/plot_panel.py) draws what is here, and the
tests check the arithmetic without a window.
"""

from __future__ import annotations

import csv
import math

import numpy as np

MAX_DRAWN_STEPS = 20_000  # longer runs are drawn as the low and high of each group of steps
MAX_DRAWN_EPOCHS = 2_000  # longer runs draw every k-th epoch (and the last)

CSV_COLUMNS = ["run", "kind", "step", "epoch", "train_loss", "val_loss",
               "train_accuracy", "val_accuracy"]
# Column order of a run's epoch table; None arrives as NaN.
EPOCH, STEP, TRAIN_LOSS, VAL_LOSS, TRAIN_ACC, VAL_ACC = range(6)


class GrowingColumns:
    """Columns appended to in blocks, each of its own type. Capacity doubles when full,
    so ~30 appends a second stay cheap however long the run, and each column is a
    contiguous view that can go straight to setData without copying."""

    def __init__(self, width: int, capacity: int = 1024, dtypes=None):
        dtypes = dtypes or (np.float64,) * width
        self._columns = [np.empty(capacity, dtype) for dtype in dtypes]
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def append(self, block) -> None:
        """Append `block`: one array of n values for each column (or a (width, n) array)."""
        end = self._size + len(block[0])
        capacity = len(self._columns[0])
        for i, (column, values) in enumerate(zip(self._columns, block)):
            if end > capacity:
                grown = np.empty(max(end, 2 * capacity), column.dtype)
                grown[:self._size] = column[:self._size]
                self._columns[i] = column = grown
            column[self._size:end] = values
        self._size = end

    def column(self, index: int) -> np.ndarray:
        return self._columns[index][:self._size]


def step_columns() -> GrowingColumns:
    """A run's (step, loss) columns: whole step numbers (exact up to 2^31) and float32
    losses, as the engine computes them. 8 bytes a step: an hour's run at full speed
    once took over 1 GB as pairs of float64."""
    return GrowingColumns(2, dtypes=(np.int32, np.float32))


def nan_if_none(value: float | None) -> float:
    return math.nan if value is None else float(value)


def csv_number(value: float) -> str:
    # 9 significant digits round-trip float32 losses exactly; NaN (no value) is blank.
    return "" if math.isnan(value) else f"{value:.9g}"


def every_kth(n: int, limit: int) -> slice | np.ndarray:
    """Indices of at most about `limit` of n points, evenly spaced, the last included."""
    if n <= limit:
        return slice(None)
    indices = np.arange(0, n, -(-n // limit))
    return indices if indices[-1] == n - 1 else np.append(indices, n - 1)


def thinned_epochs(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # Thousands of epochs (a long run of a small network) as wide antialiased lines
    # cost more to paint than everything else together.
    shown = every_kth(len(x), MAX_DRAWN_EPOCHS)
    return x[shown], y[shown]


def thinned_steps(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return peaks(x, y, MAX_DRAWN_STEPS)


def peaks(x: np.ndarray, y: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """At most about `limit` points that keep every group's lowest and highest loss.

    Handing pyqtgraph all of a long run at every redraw made each redraw cost more as
    the run grew (a 180 ms stall at 450,000 steps); this costs a few numpy passes."""
    n = len(x)
    if n <= limit:
        return x, y
    group = -(-2 * n // limit)  # ceil(n / (limit / 2)): two points a group
    whole = n // group * group
    ys = y[:whole].reshape(-1, group)
    xs = x[:whole].reshape(-1, group)
    low_first = ys.argmin(axis=1) < ys.argmax(axis=1)  # keep each pair in step order
    lows, highs = ys.min(axis=1), ys.max(axis=1)
    px = np.column_stack([xs[:, 0], xs[:, -1]]).ravel()
    py = np.column_stack([np.where(low_first, lows, highs), np.where(low_first, highs, lows)]).ravel()
    return np.concatenate([px, x[whole:]]), np.concatenate([py, y[whole:]])


class FollowedRange:
    """The plotted extent of the data, and the view range that grows in jumps to hold it."""

    def __init__(self, following: bool = True):
        self.following = following
        self.planned_step = 0
        self.last_step = 0.0
        self.low = math.inf  # the smallest and largest positive losses seen
        self.high = 0.0
        self.x_end: float | None = None
        self.y_range: tuple[float, float] | None = None

    def saw(self, last_step: float, losses: np.ndarray) -> None:
        self.last_step = max(self.last_step, float(last_step))
        finite = losses[np.isfinite(losses) & (losses > 0)]
        if finite.size:
            self.low = min(self.low, float(finite.min()))
            self.high = max(self.high, float(finite.max()))

    def next_x_end(self) -> float | None:
        needed = max(self.planned_step, self.last_step, 1.0)
        if self.x_end is not None and needed <= self.x_end:
            return None
        # Without a plan, leave room for as many steps again.
        self.x_end = needed if needed == self.planned_step else needed * 1.5
        return self.x_end

    def next_y_range(self, log: bool) -> tuple[float, float] | None:
        if self.high <= 0:
            return None
        if log:  # pyqtgraph's log view range is in decades
            bottom, top = math.log10(self.low), math.log10(self.high)
            if self.y_range and self.y_range[0] <= bottom and top <= self.y_range[1]:
                return None
            self.y_range = (math.floor(bottom * 2) / 2 - 0.25, math.ceil(top * 2) / 2 + 0.1)
        else:
            if self.y_range and self.high <= self.y_range[1]:
                return None
            self.y_range = (0.0, self.high * 1.08)
        return self.y_range


def write_csv(path, runs) -> None:
    """runs: (label, steps, epochs) of each run. One row per step and one per epoch; UTF-8
    with a byte-order mark, so that spreadsheet programs read non-ASCII run labels."""
    with open(path, "w", newline="", encoding="utf-8-sig") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_COLUMNS)
        for label, steps, epochs in runs:
            writer.writerows((label, "step", int(step), "", csv_number(loss), "", "", "")
                             for step, loss in zip(steps.column(0).tolist(), steps.column(1).tolist()))
            rows = zip(*(epochs.column(i).tolist() for i in range(6)))
            writer.writerows((label, "epoch", int(step), int(epoch), *map(csv_number, rest))
                             for epoch, step, *rest in rows)
