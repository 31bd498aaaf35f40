"""TensorBoard event files: the graph once, each step's loss, each epoch's numbers, and
histograms of the weights at the end of each epoch (the window's setting and
tfdesk-train --logdir write the same files; `tensorboard --logdir …` shows them)."""

from __future__ import annotations

import numpy as np

from . import Callback


class TensorBoardLog(Callback):
    def __init__(self, logdir: str, histograms: bool = True):
        self.logdir = logdir
        self.histograms = histograms
        self._writer = None

    def on_train_begin(self, session, plan) -> None:
        if self._writer is None:
            import tensorflow as tf

            self._tf = tf
            with session.trainer.graph.as_default():  # FileWriter refuses to start in eager mode
                self._writer = tf.compat.v1.summary.FileWriter(self.logdir, session.trainer.graph)

    def _scalar(self, tag: str, value, step: int) -> None:
        if value is not None:
            summary = self._tf.compat.v1.Summary
            self._writer.add_summary(summary(value=[summary.Value(tag=tag, simple_value=float(value))]),
                                     step)

    def on_chunk(self, session, chunk) -> None:
        for i, loss in enumerate(chunk.losses):
            self._scalar("step/loss", loss, chunk.first_step + i)

    def on_epoch_end(self, session, m) -> None:
        for tag in ("train_loss", "train_accuracy", "val_loss", "val_accuracy"):
            self._scalar(f"epoch/{tag}", getattr(m, tag), m.epoch)
        if self.histograms:
            for name, values in session.trainer.variable_values().items():
                self._writer.add_summary(self._histogram(f"weights/{name}", values), m.epoch)
        self._writer.flush()

    def _histogram(self, tag: str, values: np.ndarray):
        v1 = self._tf.compat.v1
        counts, edges = np.histogram(values.ravel(), bins=30)
        proto = v1.HistogramProto(min=float(values.min()), max=float(values.max()),
                                  num=float(values.size), sum=float(values.sum()),
                                  sum_squares=float((values.astype(np.float64) ** 2).sum()))
        proto.bucket_limit.extend(edges[1:].tolist())
        proto.bucket.extend(counts.astype(float).tolist())
        return v1.Summary(value=[v1.Summary.Value(tag=tag, histo=proto)])

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def on_train_end(self, session, result) -> None:
        if self._writer is not None:
            self._writer.flush()
