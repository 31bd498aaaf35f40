"""The plot's read-out of the point under the pointer, and its export buttons.

A mixin of LossPlot (plot_panel.py).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg  # after PySide6 (plot_panel imports it first)
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core.series import EPOCH, STEP, TRAIN_ACC, TRAIN_LOSS, VAL_ACC, VAL_LOSS
from .plot_runs import Run


class PlotHover:
    # --- hover read-out -------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._show_hover_hint()
        return False

    def _show_hover(self, text: str) -> None:
        """The read-out, cut with "…" where the panel is narrower than it."""
        metrics = self.hover_label.fontMetrics()
        self.hover_label.setToolTip(text)
        self.hover_label.setText(metrics.elidedText(text, Qt.ElideRight, max(
            40, self.hover_label.width() - 2 * self.hover_label.indent())))

    def _hover_loss(self, scene_pos) -> None:
        run = self._current
        view = self.loss_plot.getPlotItem().vb
        if run is None or not view.sceneBoundingRect().contains(scene_pos):
            self._show_hover_hint()
            return
        step = round(view.mapSceneToView(scene_pos).x())
        parts = []
        steps = run.steps.column(0)
        index = np.searchsorted(steps, step)
        if index < len(steps) and steps[index] == step:
            parts.append(self.tr("step {step}: loss {loss}").format(
                step=step, loss=f"{run.steps.column(1)[index]:.4g}"))
        epoch = self._nearest_epoch(run, step, view)
        if epoch is not None:
            text = self.tr("epoch {epoch}: training {train}").format(
                epoch=int(run.epochs.column(EPOCH)[epoch]),
                train=f"{run.epochs.column(TRAIN_LOSS)[epoch]:.4g}")
            val_loss = run.epochs.column(VAL_LOSS)[epoch]
            if not math.isnan(val_loss):
                text += self.tr(", validation {val}").format(val=f"{val_loss:.4g}")
            parts.append(text)
        if parts:
            self._show_hover("  ·  ".join(parts))
        else:
            self._show_hover_hint()

    def _hover_accuracy(self, scene_pos) -> None:
        run = self._current
        view = self.accuracy_plot.getPlotItem().vb
        epoch = None
        if run is not None and view.sceneBoundingRect().contains(scene_pos):
            step = view.mapSceneToView(scene_pos).x()
            epoch = self._nearest_epoch(run, step, view, anywhere=True)
        if epoch is None:
            self._show_hover_hint()
            return
        text = self.tr("epoch {epoch} (step {step}): training accuracy {train}").format(
            epoch=int(run.epochs.column(EPOCH)[epoch]),
            step=int(run.epochs.column(STEP)[epoch]),
            train=self._percent(run.epochs.column(TRAIN_ACC)[epoch]))
        val_acc = run.epochs.column(VAL_ACC)[epoch]
        if not math.isnan(val_acc):
            text += self.tr(", validation accuracy {val}").format(val=self._percent(val_acc))
        self._show_hover(text)

    def _show_hover_hint(self) -> None:
        self.hover_label.setText(self.tr("Point at a curve to read its values."))
        self.hover_label.setToolTip(self.tr("The loss or accuracy at the point under the mouse pointer."))

    @staticmethod
    def _percent(fraction: float) -> str:
        return "–" if math.isnan(fraction) else f"{100 * fraction:.1f} %"

    @staticmethod
    def _nearest_epoch(run: Run, step: float, view: pg.ViewBox,
                       anywhere: bool = False) -> int | None:
        """Index of the epoch whose end is nearest `step`; unless `anywhere`, only
        if it is within a few pixels, so the read-out names the point under the mouse."""
        epoch_steps = run.epochs.column(STEP)
        if epoch_steps.size == 0:
            return None
        nearest = int(np.argmin(np.abs(epoch_steps - step)))
        if anywhere:
            return nearest
        pixel = view.viewPixelSize()[0]
        return nearest if abs(epoch_steps[nearest] - step) <= 6 * pixel else None

    # --- export buttons -------------------------------------------------------------

    def _ask_path(self, title: str, file_filter: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, "", file_filter)
        return path

    def _export_png_clicked(self) -> None:
        self._export_with_dialog(self.tr("Export plot as PNG"),
                                 self.tr("PNG image (*.png)"), ".png", self.export_png)

    def _export_csv_clicked(self) -> None:
        self._export_with_dialog(self.tr("Export values as CSV"),
                                 self.tr("CSV table (*.csv)"), ".csv", self.export_csv)

    def _export_with_dialog(self, title: str, file_filter: str, suffix: str,
                            export) -> None:
        path = self._ask_path(title, file_filter)
        if not path:
            return
        if not Path(path).suffix:
            path += suffix
        try:
            export(path)
        except OSError as error:
            QMessageBox.warning(self, title, str(error))
