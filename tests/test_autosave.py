"""Autosave keeps the latest and the best network of a run, and never a diverged one."""

import math

import numpy as np

from tfdesk.core.autosave import Autosaver, autosaved
from tfdesk.core.checkpoint import restore_weights
from tfdesk.core.trainer import EpochMetrics, Trainer

from helpers import tiny_digits


def _metrics(val_loss, epoch=1):
    return EpochMetrics(epoch=epoch, step=epoch * 10, train_loss=1.0, train_accuracy=0.5,
                        val_loss=val_loss, val_accuracy=0.5, seconds=0.1)


def test_latest_and_best_are_kept_and_restore(tmp_path):
    saver = Autosaver(tmp_path, interval=0.0)
    with Trainer(tiny_digits(epochs=3)) as trainer:
        trainer.train(callback=lambda e: saver.epoch_finished(trainer, e)
                      if isinstance(e, EpochMetrics) else None)
        final = trainer.predict(trainer.data.x_test[:4])
    found = autosaved(tmp_path)
    assert set(found) == {"latest", "best"}
    assert found["latest"]["epoch"] == 3
    # the validation loss fell every epoch here, so the best is the latest
    assert found["best"]["metrics"]["val_loss"] == found["latest"]["metrics"]["val_loss"]
    with Trainer(tiny_digits()) as fresh:
        restore_weights(fresh, tmp_path / "latest")
        np.testing.assert_allclose(fresh.predict(fresh.data.x_test[:4]), final, rtol=1e-6)


def test_the_best_stays_when_a_later_epoch_is_worse_and_a_diverged_one_is_not_saved(tmp_path):
    saver = Autosaver(tmp_path, interval=0.0)
    with Trainer(tiny_digits()) as trainer:
        trainer.epoch = 1
        saver.finish(trainer, _metrics(0.5, epoch=1))
        trainer.epoch = 2
        saver.finish(trainer, _metrics(0.9, epoch=2))
        trainer.epoch = 3
        saver.finish(trainer, _metrics(math.nan, epoch=3))
    found = autosaved(tmp_path)
    assert found["best"]["epoch"] == 1 and found["latest"]["epoch"] == 2


def test_a_failing_autosave_is_reported_not_raised_and_discard_removes_them(tmp_path):
    blocked = tmp_path / "not_a_folder"
    blocked.write_text("a file where the autosave folder should be")
    saver = Autosaver(blocked, interval=0.0)
    with Trainer(tiny_digits()) as trainer:
        saver.finish(trainer, _metrics(0.5))
        assert saver.problem and "Autosave failed" in saver.problem
        good = Autosaver(tmp_path / "auto", interval=0.0)
        good.finish(trainer, _metrics(0.5))
    assert autosaved(tmp_path / "auto")
    good.discard()
    assert autosaved(tmp_path / "auto") == {}


def test_autosaves_are_rate_limited(tmp_path):
    saver = Autosaver(tmp_path, interval=3600.0)
    with Trainer(tiny_digits()) as trainer:
        saver.epoch_finished(trainer, _metrics(0.5))
    assert autosaved(tmp_path) == {}
