import codecs
import csv

import numpy as np
import pytest
from PySide6 import QtCore
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

import pyqtgraph as pg  # after PySide6

from tfdesk.gui import plot_panel
from tfdesk.core.series import CSV_COLUMNS
from tfdesk.gui.plot_panel import LossPlot


@pytest.fixture
def plot(qtbot):
    widget = LossPlot()
    qtbot.addWidget(widget)
    return widget


def curves(plot_widget, name):
    return [item for item in plot_widget.getPlotItem().getViewBox().addedItems
            if isinstance(item, pg.PlotDataItem) and item.name() == name]


def the_curve(plot_widget, name):
    """The current run's curve: the one drawn on top."""
    return max(curves(plot_widget, name), key=lambda item: item.zValue())


def pen_alpha(item):
    return pg.mkPen(item.opts["pen"]).color().alpha()


def legend_texts(legend):
    return [label.text for _, label in legend.items]


def feed_run(plot, label, steps=200, epochs=4, has_accuracy=True, scale=2.0):
    plot.start_run(label, has_accuracy=has_accuracy)
    losses = scale * np.exp(-np.arange(1, steps + 1) / 50)
    per_epoch = steps // epochs
    for epoch in range(1, epochs + 1):
        first = (epoch - 1) * per_epoch + 1
        plot.add_steps(first, losses[first - 1:first - 1 + per_epoch])
        accuracy = (0.5 + 0.1 * epoch) if has_accuracy else None
        plot.add_epoch(epoch, epoch * per_epoch, float(losses[epoch * per_epoch - 1]),
                       0.1 * epoch, accuracy, accuracy and accuracy - 0.05)
    return losses


def test_steps_and_epochs_reach_the_curves(plot):
    losses = feed_run(plot, "run 1", steps=200, epochs=4)
    plot.redraw()

    x, y = the_curve(plot.loss_plot, "training loss (each step)").getData()
    np.testing.assert_array_equal(x, np.arange(1, 201))
    np.testing.assert_allclose(y, losses)

    x, y = the_curve(plot.loss_plot, "training loss (epoch)").getData()
    np.testing.assert_array_equal(x, [50, 100, 150, 200])
    np.testing.assert_allclose(y, losses[[49, 99, 149, 199]])
    _, y = the_curve(plot.loss_plot, "validation loss").getData()
    np.testing.assert_allclose(y, [0.1, 0.2, 0.3, 0.4])

    # accuracy is shown in percent
    x, y = the_curve(plot.accuracy_plot, "training accuracy").getData()
    np.testing.assert_array_equal(x, [50, 100, 150, 200])
    np.testing.assert_allclose(y, [60, 70, 80, 90])
    _, y = the_curve(plot.accuracy_plot, "validation accuracy").getData()
    np.testing.assert_allclose(y, [55, 65, 75, 85])
    assert plot.step_count() == 200


def test_missing_validation_values_leave_gaps_not_zeros(plot):
    plot.start_run("run 1")
    plot.add_epoch(1, 10, 1.0, None, 0.5, None)
    plot.add_epoch(2, 20, 0.8, 0.9, 0.6, 0.55)
    plot.redraw()
    _, y = the_curve(plot.loss_plot, "validation loss").getData()
    assert np.isnan(y[0]) and y[1] == pytest.approx(0.9)


def test_timer_redraws_on_its_own(plot, qtbot):
    plot.start_run("run 1")
    plot.add_steps(1, np.array([1.0, 0.5, 0.25]))
    qtbot.waitUntil(lambda: len(plot.drawn_points("training loss (each step)")[0]) == 3,
                    timeout=2000)


def test_while_training_a_redraw_draws_only_the_end_of_the_curves(plot, qtbot, monkeypatch):
    # Redrawing a whole curve repaints the whole plot; the window stalled for it.
    monkeypatch.setattr(plot_panel, "REDRAW_INTERVAL_MS", 5)
    plot.start_run("run 1")
    losses = 2.0 * np.exp(-np.arange(1, 12_001) / 3000) + np.random.default_rng(2).random(12_000) / 10
    settled = {name: the_curve(plot.loss_plot, name) for name in
               ("training loss (each step)", "training loss (epoch)")}
    rewrites = {name: [] for name in settled}
    for name, item in settled.items():
        item.sigPlotChanged.connect(lambda *_, name=name: rewrites[name].append(1))
    for chunk in range(40):
        first = chunk * 300 + 1
        plot.add_steps(first, losses[first - 1:first + 299])
        plot.add_epoch(chunk + 1, first + 299, float(losses[first + 298]), None, 0.5, None)
        steps_drawn = lambda: plot.drawn_points("training loss (each step)")  # noqa: E731
        qtbot.waitUntil(lambda: len(steps_drawn()[0]) == first + 299, timeout=2000)
        x, y = steps_drawn()
        # Every step so far, once each, in order: the settled part and the tail join up.
        np.testing.assert_array_equal(x, np.arange(1, first + 300))
        np.testing.assert_allclose(y, losses[:first + 299])
        qtbot.waitUntil(lambda: len(plot.drawn_points("training loss (epoch)")[0]) == chunk + 1,
                        timeout=2000)
    # 40 redraws of each curve; the whole curve was drawn again less and less often
    # (13 and 6 times with the tail allowed an eighth of the settled part).
    assert len(rewrites["training loss (each step)"]) <= 16
    assert len(rewrites["training loss (epoch)"]) <= 8


def _redraws_in(plot, qtbot, seconds, drawing):
    """Feed steps as training does, every 20 ms; count the loss curve's redraws."""
    seen, step = [], 1
    for _ in range(int(seconds / 0.02)):
        if drawing:
            plot.drawing_in_progress()
        plot.add_steps(step, np.full(10, 1.0))
        step += 10
        qtbot.wait(20)
        n = len(plot.drawn_points("training loss (each step)")[0])
        if not seen or seen[-1] != n:
            seen.append(n)
    return len(seen) - 1


def test_while_the_student_draws_the_plot_redraws_less_often(plot, qtbot):
    # The pen and the probability bars get the window's time; the plot still moves.
    plot.start_run("run 1")
    normal = _redraws_in(plot, qtbot, 1.2, drawing=False)
    drawing = _redraws_in(plot, qtbot, 1.2, drawing=True)
    assert normal >= 8  # every 100 ms
    assert 1 <= drawing <= normal // 2  # every 400 ms, after the redraw already due


def test_earlier_run_stays_faded_until_cleared(plot):
    first = feed_run(plot, "run 1", scale=2.0)
    feed_run(plot, "run 2", scale=1.0)
    plot.redraw()

    step_curves = curves(plot.loss_plot, "training loss (each step)")
    assert len(step_curves) == 2
    faded = min(step_curves, key=lambda item: item.zValue())
    current = max(step_curves, key=lambda item: item.zValue())
    np.testing.assert_allclose(faded.getData()[1], first)
    assert pen_alpha(faded) < pen_alpha(current)
    faded_epoch = min(curves(plot.loss_plot, "validation loss"), key=lambda i: i.zValue())
    assert faded_epoch.opts["symbol"] is None
    assert pen_alpha(faded_epoch) < 255
    assert "earlier runs" in legend_texts(plot.loss_legend)
    assert legend_texts(plot.loss_legend).count("validation loss") == 1
    assert plot.clear_earlier_button.isEnabled()
    assert plot.step_count() == 200

    plot.clear_earlier_runs()
    assert len(curves(plot.loss_plot, "training loss (each step)")) == 1
    assert len(curves(plot.accuracy_plot, "training accuracy")) == 1
    x, y = the_curve(plot.loss_plot, "training loss (each step)").getData()
    np.testing.assert_allclose(y, np.exp(-np.arange(1, 201) / 50))
    assert "earlier runs" not in legend_texts(plot.loss_legend)
    assert not plot.clear_earlier_button.isEnabled()


def test_an_earlier_run_keeps_its_spikes_in_a_few_points_and_all_its_values_in_the_csv(plot, tmp_path):
    plot.start_run("long run")
    losses = np.random.default_rng(1).random(50_000, dtype=np.float32)  # as the engine gives them
    plot.add_steps(1, losses)
    feed_run(plot, "next run")

    faded = min(curves(plot.loss_plot, "training loss (each step)"), key=lambda i: i.zValue())
    x, y = faded.getData()
    # Frozen: drawn from a few thousand points however the view moves, and from all of them
    # whatever the zoom, so its lowest and highest loss stay visible.
    assert len(x) <= 4_100 and x[0] == 1 and x[-1] == 50_000
    assert y.min() == losses.min() and y.max() == losses.max()
    assert not faded.opts["clipToView"] and not faded.opts["autoDownsample"]
    plot.export_csv(tmp_path / "runs.csv")
    with open(tmp_path / "runs.csv", encoding="utf-8-sig") as file:
        rows = [r for r in csv.DictReader(file) if r["run"] == "long run"]
    np.testing.assert_allclose([float(r["train_loss"]) for r in rows], losses, rtol=1e-8)


def test_clear_removes_every_run(plot):
    feed_run(plot, "run 1")
    feed_run(plot, "run 2")
    plot.clear()
    for plot_widget in (plot.loss_plot, plot.accuracy_plot):
        assert not [item for item in plot_widget.getPlotItem().getViewBox().addedItems
                    if isinstance(item, pg.PlotDataItem)]
    # The legend still says what each curve of the next run will be.
    assert legend_texts(plot.loss_legend) == [
        "training loss (each step)", "training loss (epoch)", "validation loss"]
    assert plot.step_count() == 0


def test_regression_run_hides_accuracy_plot(plot, qtbot):
    plot.show()
    qtbot.waitExposed(plot)
    feed_run(plot, "classifier")
    assert plot.accuracy_plot.isVisible()
    feed_run(plot, "regression", has_accuracy=False)
    assert not plot.accuracy_plot.isVisible()
    assert plot.loss_plot.getPlotItem().getAxis("bottom").labelText == "step"


def test_log_checkbox_switches_loss_axis_to_log(plot):
    feed_run(plot, "run 1")
    plot.redraw()
    plot.log_check.setChecked(True)
    assert plot.loss_plot.getPlotItem().getAxis("left").logMode
    assert the_curve(plot.loss_plot, "training loss (each step)").opts["logMode"][1]
    plot.log_check.setChecked(False)
    assert not plot.loss_plot.getPlotItem().getAxis("left").logMode
    assert plot.log_check.toolTip()


def test_a_run_started_on_a_log_scale_is_drawn_on_it(plot, qtbot):
    plot.log_check.setChecked(True)
    feed_run(plot, "run 1")
    plot.log_check.setChecked(False)
    qtbot.wait(50)  # the next run's curves are made ahead, in idle time
    plot.log_check.setChecked(True)
    feed_run(plot, "run 2")  # its curves were made while the scale was linear
    plot.redraw()
    for name in ("training loss (each step)", "training loss (epoch)", "validation loss"):
        assert all(item.opts["logMode"][1] for item in curves(plot.loss_plot, name))
        assert len(curves(plot.loss_plot, name)) == 2


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as file:
        reader = csv.DictReader(file)
        return reader.fieldnames, list(reader)


def test_csv_export_holds_every_run(plot, tmp_path):
    feed_run(plot, "run 1", steps=20, epochs=2)
    plot.start_run("線性迴歸", has_accuracy=False)
    plot.add_steps(1, np.array([3.5, 2.25], dtype=np.float32))
    plot.add_epoch(1, 2, 2.25, None, None, None)

    path = tmp_path / "losses.csv"
    plot.export_csv(path)
    columns, rows = read_csv(path)

    # the byte-order mark makes spreadsheet programs read the Chinese label right
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    assert columns == CSV_COLUMNS
    assert len(rows) == 20 + 2 + 2 + 1
    first_step = rows[0]
    assert (first_step["run"], first_step["kind"], first_step["step"]) == ("run 1", "step", "1")
    assert float(first_step["train_loss"]) == pytest.approx(2 * np.exp(-1 / 50))
    assert first_step["epoch"] == first_step["val_loss"] == ""
    epochs = [row for row in rows if row["run"] == "run 1" and row["kind"] == "epoch"]
    assert [(row["epoch"], row["step"]) for row in epochs] == [("1", "10"), ("2", "20")]
    assert float(epochs[1]["val_loss"]) == pytest.approx(0.2)
    assert float(epochs[1]["train_accuracy"]) == pytest.approx(0.7)
    assert float(epochs[1]["val_accuracy"]) == pytest.approx(0.65)
    regression = [row for row in rows if row["run"] == "線性迴歸"]
    assert [float(row["train_loss"]) for row in regression] == [3.5, 2.25, 2.25]
    assert regression[-1]["val_loss"] == regression[-1]["train_accuracy"] == ""


def test_png_export_writes_an_image(plot, qtbot, tmp_path):
    plot.resize(700, 450)
    plot.show()
    qtbot.waitExposed(plot)
    feed_run(plot, "run 1")
    path = tmp_path / "plot.png"
    plot.export_png(path)
    image = QImage(str(path))
    assert image.width() > 300 and image.height() > 200


def test_export_buttons_save_where_the_user_chose(plot, tmp_path, monkeypatch):
    feed_run(plot, "run 1", steps=10, epochs=1)
    chosen = tmp_path / "my_run"  # no suffix typed: the right one is added
    monkeypatch.setattr(plot, "_ask_path", lambda title, file_filter: str(chosen))
    plot.export_csv_button.click()
    _, rows = read_csv(tmp_path / "my_run.csv")
    assert len(rows) == 11
    plot.export_png_button.click()
    assert QImage(str(tmp_path / "my_run.png")).width() > 0

    monkeypatch.setattr(plot, "_ask_path", lambda title, file_filter: "")
    plot.export_csv_button.click()  # cancelled: nothing written, no error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my_run.csv", "my_run.png"]


def test_hundred_thousand_steps_are_drawn_downsampled(plot, qtbot):
    plot.resize(700, 450)
    plot.show()
    qtbot.waitExposed(plot)
    plot.start_run("long run")
    rng = np.random.default_rng(0)
    for chunk, first in enumerate(range(1, 100_001, 100)):
        plot.add_steps(first, rng.random(100))
        if chunk % 100 == 99:
            plot.redraw()
    step_curve = the_curve(plot.loss_plot, "training loss (each step)")
    x, y = step_curve.getOriginalDataset()
    assert plot.step_count() == 100_000
    # Handed to pyqtgraph: each group's lowest and highest loss, the last step included.
    assert len(x) <= 21_000 and x[0] == 1 and x[-1] == 100_000
    losses = np.random.default_rng(0).random(100_000)  # what the chunks above added
    assert y.max() == pytest.approx(losses.max()) and y.min() == pytest.approx(losses.min())
    assert step_curve.opts["autoDownsample"]
    assert step_curve.opts["downsampleMethod"] == "peak"
    assert step_curve.opts["clipToView"]
    qtbot.wait(50)
    # what is painted is a few points per pixel, not every step
    assert len(step_curve.curve.getData()[0]) < 10_000


def test_the_view_widens_in_jumps_to_hold_the_run_and_stops_following_after_a_zoom(plot, qtbot):
    plot.resize(700, 450)
    plot.show()
    plot.start_run("planned")
    plot.plan_steps(1_000)
    plot.add_steps(1, np.linspace(2.0, 1.0, 100))
    plot.redraw()
    (x0, x1), (y0, y1) = plot.loss_plot.getPlotItem().vb.viewRange()
    assert x0 <= 0 and 1_000 <= x1 < 1_100  # the whole run fits from the start
    assert y0 <= 0 and 2.0 <= y1 < 2.5
    plot.add_steps(101, np.linspace(1.0, 0.5, 100))  # falling losses: the view stays
    plot.redraw()
    assert plot.loss_plot.getPlotItem().vb.viewRange()[1][1] == y1
    plot.add_steps(201, np.full(10, 3.0))  # a loss above the view widens it
    plot.redraw()
    assert plot.loss_plot.getPlotItem().vb.viewRange()[1][1] >= 3.0
    plot.loss_plot.getPlotItem().vb.sigRangeChangedManually.emit([True, True])  # the user zooms
    plot.loss_plot.setXRange(0, 50)
    plot.add_steps(211, np.full(10, 9.0))
    plot.redraw()
    (x0, x1), (_, top) = plot.loss_plot.getPlotItem().vb.viewRange()
    assert x1 < 100 and top < 9.0


def test_a_new_run_shows_itself_after_a_long_run_and_a_stray_pan(plot, qtbot):
    plot.resize(700, 450)
    plot.show()
    plot.start_run("long")
    plot.plan_steps(20_000)
    plot.add_steps(1, np.linspace(2.0, 0.1, 20_000))
    plot.redraw()
    plot.loss_plot.getPlotItem().vb.sigRangeChangedManually.emit([True, True])  # a stray drag
    plot.loss_plot.setXRange(15_000, 25_000, padding=0)
    plot.start_run("short")  # a new network: steps from 1 again
    plot.plan_steps(300)
    plot.add_steps(1, np.linspace(2.3, 1.0, 100))
    plot.redraw()
    (x0, x1), (y0, y1) = plot.loss_plot.getPlotItem().vb.viewRange()
    assert x0 <= 0 and 300 <= x1 < 400  # not a sliver at the left of 20,000 steps
    assert 2.3 <= y1 < 3.0


def test_fit_brings_back_the_whole_run_after_a_zoom_and_follows_it_again(plot, qtbot):
    plot.resize(700, 450)
    plot.show()
    plot.start_run("run")
    plot.plan_steps(1_000)
    plot.add_steps(1, np.linspace(2.0, 1.0, 500))
    plot.redraw()
    plot.loss_plot.getPlotItem().vb.sigRangeChangedManually.emit([True, True])
    plot.loss_plot.setXRange(100, 120, padding=0)
    plot.loss_plot.setYRange(1.5, 1.6, padding=0)
    qtbot.mouseClick(plot.fit_button, QtCore.Qt.LeftButton)
    (x0, x1), (y0, y1) = plot.loss_plot.getPlotItem().vb.viewRange()
    assert x0 <= 0 and 1_000 <= x1 and y0 <= 0 and 2.0 <= y1
    plot.add_steps(501, np.full(10, 4.0))  # and it follows again
    plot.redraw()
    assert plot.loss_plot.getPlotItem().vb.viewRange()[1][1] >= 4.0


def test_both_plots_show_the_same_steps_whichever_one_is_zoomed(plot, qtbot):
    feed_run(plot, "run 1", steps=400)
    plot.redraw()
    x_range = lambda widget: widget.getPlotItem().getViewBox().viewRange()[0]  # noqa: E731
    qtbot.waitUntil(lambda: x_range(plot.accuracy_plot) == x_range(plot.loss_plot), timeout=1000)
    plot.loss_plot.setXRange(100, 200, padding=0)
    qtbot.waitUntil(lambda: x_range(plot.accuracy_plot) == pytest.approx([100, 200]), timeout=1000)
    plot.accuracy_plot.setXRange(150, 300, padding=0)
    qtbot.waitUntil(lambda: x_range(plot.loss_plot) == pytest.approx([150, 300]), timeout=1000)
    qtbot.wait(50)  # and they settle there, not bouncing back
    assert x_range(plot.loss_plot) == pytest.approx([150, 300])
    assert x_range(plot.accuracy_plot) == pytest.approx([150, 300])


def test_hover_reads_the_loss_under_the_mouse(plot, qtbot):
    plot.resize(700, 450)
    plot.show()
    qtbot.waitExposed(plot)
    losses = feed_run(plot, "run 1", steps=200, epochs=4)
    plot.redraw()
    qtbot.wait(20)

    view = plot.loss_plot.getPlotItem().vb
    plot.loss_plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(120, 1.0)))
    assert plot.hover_label.text() == f"step 120: loss {losses[119]:.4g}"

    plot.loss_plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(100, 1.0)))
    assert "epoch 2: training" in plot.hover_label.text()
    assert "validation 0.2" in plot.hover_label.text()

    view = plot.accuracy_plot.getPlotItem().vb
    plot.accuracy_plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(140, 50)))
    assert plot.hover_label.text() == (
        "epoch 3 (step 150): training accuracy 80.0 %, validation accuracy 75.0 %")

    # off the plot area, the read-out goes back to its hint
    plot.accuracy_plot.scene().sigMouseMoved.emit(QPointF(1, 1))
    assert "step" not in plot.hover_label.text()


def test_thousands_of_epochs_are_drawn_thinned_with_the_last_one_kept(plot, qtbot):
    plot.start_run("many epochs")
    for epoch in range(1, 5_001):
        plot.add_epoch(epoch, epoch * 10, 1.0 / epoch, 1.1 / epoch, 0.5, 0.6)
    plot.redraw()
    curve = the_curve(plot.loss_plot, "training loss (epoch)")
    x, y = curve.getOriginalDataset()
    assert 1_000 < len(x) <= 2_001
    assert x[0] == 10 and x[-1] == 50_000 and y[-1] == pytest.approx(1.0 / 5_000)
