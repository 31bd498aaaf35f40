"""The training session's rules (core/session.py): a stopped epoch is kept and goes on,
stop and pause asked for early hold, early stopping gives back the best weights, and a
run that goes wrong without a NaN is said in words."""

import threading
import time

import numpy as np

from tfdesk.core.callbacks import Callback
from tfdesk.core.checkpoint import read_sidecar
from tfdesk.core.events import StepLosses
from tfdesk.core.session import TrainingSession
from tfdesk.core import trainer as trainer_module

from helpers import tiny_digits


def _weights(session):
    return session.trainer.variable_values()


def _assert_same_weights(a, b):
    assert a.keys() == b.keys()
    for name in a:
        np.testing.assert_allclose(a[name], b[name], rtol=1e-5, atol=1e-6, err_msg=name)


class _StopInEpoch(Callback):
    """Stop after the first chunk of the given epoch."""

    def __init__(self, epoch):
        self.epoch = epoch

    def on_chunk(self, session, chunk: StepLosses) -> None:
        if chunk.epoch == self.epoch:
            session.stop()


class _Said(Callback):
    def __init__(self):
        self.messages = []

    def on_message(self, session, message) -> None:
        self.messages.append(message.text)


def _small_batches():
    # 10 examples a step: an epoch is many steps, so a stop lands inside one.
    return tiny_digits(epochs=2, batch_mode="mini", batch_size=10)


def test_a_stopped_epoch_keeps_its_steps_and_goes_on_where_it_stopped(tmp_path, monkeypatch):
    # Short chunks, so that a stop lands inside an epoch as it does on a bigger dataset.
    monkeypatch.setattr(trainer_module, "CHUNK_SECONDS", 0.001)
    # Once, Stop threw the epoch's work away uncounted: the next run repeated its shuffle
    # and checkpoints recorded an epoch behind the weights.
    straight = TrainingSession()
    straight.prepare(_small_batches())
    straight.train()
    steps = straight.trainer.steps_per_epoch()
    assert straight.trainer.step == 2 * steps

    stopped = TrainingSession([_StopInEpoch(2)])
    stopped.prepare(_small_batches())
    result = stopped.train()
    t = stopped.trainer
    assert result.status == "stopped"
    assert t.epoch == 1 and 0 < t.epoch_step < steps
    assert t.step == steps + t.epoch_step  # every trained step counted

    # Saved part-way and restored elsewhere: the rest of epoch 2, with epoch 2's shuffle.
    folder = stopped.save(tmp_path / "part-way")
    assert read_sidecar(folder)["epoch_step"] == t.epoch_step
    resumed = TrainingSession()
    resumed.restore(folder, _small_batches())
    assert resumed.trainer.epoch_step == t.epoch_step
    resumed.train(1)
    assert (resumed.trainer.epoch, resumed.trainer.step) == (2, 2 * steps)
    _assert_same_weights(_weights(resumed), _weights(straight))

    # And in the same session too.
    stopped.callbacks.callbacks = [c for c in stopped.callbacks.callbacks if not isinstance(c, _StopInEpoch)]
    stopped.train(1)
    assert (t.epoch, t.step) == (2, 2 * steps)
    _assert_same_weights(_weights(stopped), _weights(straight))
    for s in (straight, stopped, resumed):
        s.close()


def test_stop_asked_for_before_training_begins_holds():
    # Esc pressed while the network is being built must not be lost.
    session = TrainingSession()
    session.stop()
    session.prepare(tiny_digits(epochs=3))
    result = session.train()
    assert result.status == "stopped" and session.trainer.step == 0
    assert session.train(1).status == "finished"  # and it is used up
    session.close()


def test_pause_asked_for_before_the_network_is_built_holds():
    session = TrainingSession()
    session.pause()
    session.prepare(tiny_digits(epochs=2))
    results = []
    thread = threading.Thread(target=lambda: results.append(session.train()))
    thread.start()
    time.sleep(0.5)
    assert session.trainer.step == 0 and thread.is_alive()
    session.resume()
    thread.join(timeout=30)
    assert results[0].status == "finished" and session.trainer.epoch == 2
    session.close()


class _WorseFromEpoch3(Callback):
    """The validation loss reads far worse from epoch 3 on, as an overfitting network's does."""

    def on_epoch_end(self, session, m) -> None:
        if m.epoch >= 3:
            m.val_loss = 10.0 + m.epoch


def test_early_stopping_stops_and_gives_back_the_best_epochs_weights():
    said = _Said()
    best = {}

    class RememberEpoch2(Callback):
        def on_epoch_end(self, session, m):
            if m.epoch == 2:
                best.update(_weights(session))

    session = TrainingSession([_WorseFromEpoch3(), RememberEpoch2(), said])
    session.prepare(tiny_digits(epochs=10, early_stopping=True, patience=2))
    result = session.train()
    assert result.status == "stopped" and session.trainer.epoch == 4  # 2 epochs past the best
    _assert_same_weights(_weights(session), best)
    assert any("Stopped early at epoch 4" in m and "epoch 2" in m for m in said.messages)

    # Without the option, the same run goes to the end.
    session.prepare(tiny_digits(epochs=5, early_stopping=False))  # same network: goes on
    assert session.train().status == "finished" and session.trainer.epoch == 9
    session.close()


def test_a_run_at_a_far_too_large_learning_rate_is_said_with_a_smaller_rate_to_try():
    # At the cap (10) gradient descent "finished" at chance with no word: only NaN was caught.
    said = _Said()
    exp = tiny_digits(epochs=6)
    exp.optimizer.name = "gradient_descent"
    exp.optimizer.learning_rate = 10.0
    session = TrainingSession([said])
    session.prepare(exp)
    result = session.train()
    words = " ".join(said.messages) + (result.reason or "")
    assert "learning rate 10 is probably too large" in words, words
    assert "try 1" in words
    session.close()


def test_metrics_are_one_layout_and_count_the_test_sets_looks(tmp_path):
    session = TrainingSession()
    session.prepare(tiny_digits(epochs=1))
    session.train()
    no_exam = session.metrics()
    assert no_exam["version"] == 2 and no_exam["test_looks"] == 0
    assert "test_accuracy" not in no_exam  # never taken only to be saved
    session.evaluate("val")
    assert session.test_looks == 0
    session.evaluate("test")
    session.evaluate("test")
    folder = session.save(tmp_path / "ck")
    saved = read_sidecar(folder)["metrics"]
    assert saved["test_looks"] == 2 and 0 <= saved["test_accuracy"] <= 1
    again = TrainingSession()
    again.restore(folder, tiny_digits())
    assert again.test_looks == 2
    assert again.metrics() == saved  # saved again untouched, a checkpoint keeps its numbers
    again.prepare(tiny_digits(epochs=1, batch_size=20))  # same network, goes on: still counted
    again.train()
    assert again.test_looks == 2
    assert "test_accuracy" not in again.metrics()  # the exam was of weights that moved on
    again.reset_weights()  # a new network: a fresh exam
    assert again.test_looks == 0
    for s in (session, again):
        s.close()


def test_a_paced_run_takes_the_time_it_should_and_trains_the_same_steps():
    # At full speed the course network's run is over before a student looks up.
    full = TrainingSession()
    full.prepare(_small_batches())
    full.train(1)
    steps = full.trainer.steps_per_epoch()

    paced = TrainingSession()
    paced.pace = steps / 0.8  # the epoch in 0.8 s
    paced.prepare(_small_batches())
    chunks = []
    paced.callbacks.append(_Chunks(chunks))
    started = time.perf_counter()
    paced.train(1)
    took = time.perf_counter() - started
    assert 0.75 < took < 3.0, took
    assert len(chunks) >= 10  # small chunks: the curve moves smoothly
    assert paced.trainer.step == full.trainer.step
    _assert_same_weights(_weights(paced), _weights(full))

    # A step a second: Stop is heard during the wait, not after it.
    paced.pace = 1.0
    thread = threading.Thread(target=paced.train, args=(1,))
    thread.start()
    time.sleep(0.3)
    started = time.perf_counter()
    paced.stop()
    thread.join(timeout=10)
    assert not thread.is_alive() and time.perf_counter() - started < 0.5
    for s in (full, paced):
        s.close()


class _Chunks(Callback):
    def __init__(self, into):
        self.into = into

    def on_chunk(self, session, chunk) -> None:
        self.into.append(len(chunk.losses))
