"""The plot's numbers without a window (core/series.py): columns that grow, thinning that
keeps every spike, a view range that moves in jumps, and the CSV a spreadsheet reads."""

import csv
import math

import numpy as np

from tfdesk.core.series import (
    CSV_COLUMNS, FollowedRange, GrowingColumns, every_kth, peaks, step_columns, write_csv,
)


def test_growing_columns_keep_every_value_past_many_doublings():
    columns = GrowingColumns(2, capacity=4)
    expected = []
    for start in range(0, 1000, 7):
        block = np.array([np.arange(start, start + 7), np.arange(start, start + 7) * 0.5])
        columns.append(block)
        expected.extend(range(start, start + 7))
    assert len(columns) == len(expected)
    np.testing.assert_array_equal(columns.column(0), expected)
    np.testing.assert_array_equal(columns.column(1), np.array(expected) * 0.5)


def test_a_runs_steps_take_8_bytes_each_and_stay_exact_past_float32s_whole_numbers():
    # An hour's run at full speed passed 1 GB as pairs of float64.
    steps = step_columns()
    first = 2**24 + 1  # float32 has no such whole number
    for start in range(first, first + 100_000, 1000):
        steps.append((np.arange(start, start + 1000, dtype=np.int32), np.full(1000, 0.3, np.float32)))
    assert steps.column(0).nbytes + steps.column(1).nbytes == 8 * len(steps)
    assert int(steps.column(0)[0]) == first and int(steps.column(0)[-1]) == first + 99_999
    px, py = peaks(steps.column(0), steps.column(1), 2_000)
    assert int(px[0]) == first and int(px[-1]) == first + 99_999


def test_thinning_a_long_run_keeps_each_groups_lowest_and_highest_loss_in_step_order():
    rng = np.random.default_rng(0)
    n = 450_000
    x = np.arange(1, n + 1, dtype=float)
    y = rng.uniform(0.1, 0.2, n)
    y[123_456] = 50.0  # one spike, as a too-large learning rate gives
    y[300_001] = 0.001
    px, py = peaks(x, y, 20_000)
    assert len(px) <= 20_100
    assert 50.0 in py and 0.001 in py  # a spike never disappears from the drawn curve
    assert np.all(np.diff(px) >= 0)
    assert px[0] == 1 and px[-1] == n
    short = np.arange(10.0)
    assert peaks(short, short, 20_000)[0] is short  # a short run is drawn as it is


def test_every_kth_spreads_evenly_and_keeps_the_last_epoch():
    shown = every_kth(10_001, 2_000)
    assert shown[0] == 0 and shown[-1] == 10_000
    assert len(shown) <= 2_001
    assert every_kth(50, 2_000) == slice(None)


def test_the_view_follows_the_run_in_jumps_not_at_every_step():
    r = FollowedRange()
    r.saw(10, np.array([2.3, 2.1]))
    first = r.next_x_end()
    assert first == 15.0  # room for as many steps again
    r.saw(14, np.array([1.0]))
    assert r.next_x_end() is None  # still inside: the axis stays still
    r.saw(16, np.array([0.9]))
    assert r.next_x_end() == 24.0
    r.planned_step = 780  # the run's length is known: the axis shows all of it at once
    assert r.next_x_end() == 780

    assert r.next_y_range(log=False) == (0.0, 2.3 * 1.08)
    assert r.next_y_range(log=False) is None
    r.saw(17, np.array([np.nan, np.inf, -1.0]))  # not numbers that can be drawn: ignored
    assert math.isfinite(r.high) and r.low == 0.9
    low, high = r.next_y_range(log=True)
    assert low <= math.log10(0.9) and high >= math.log10(2.3)


def test_csv_has_a_row_per_step_and_per_epoch_and_reads_back_a_chinese_label(tmp_path):
    steps = step_columns()
    steps.append((np.array([1, 2, 3], np.int32), np.array([2.5, 2.25, 2.0], np.float32)))
    epochs = GrowingColumns(6)
    epochs.append(np.array([[1.0], [3.0], [2.25], [math.nan], [0.5], [math.nan]]))
    path = tmp_path / "losses.csv"
    write_csv(path, [("梯度下降 · 25", steps, epochs)])
    with open(path, newline="", encoding="utf-8-sig") as file:
        rows = list(csv.reader(file))
    assert rows[0] == CSV_COLUMNS
    assert [r[1] for r in rows[1:]] == ["step", "step", "step", "epoch"]
    assert rows[1][0] == "梯度下降 · 25"
    assert float(rows[2][4]) == np.float32(2.25)  # losses round-trip exactly
    epoch = dict(zip(CSV_COLUMNS, rows[4]))
    assert epoch["step"] == "3" and epoch["epoch"] == "1"
    assert epoch["val_loss"] == "" and epoch["train_accuracy"] == "0.5"  # no value: blank
