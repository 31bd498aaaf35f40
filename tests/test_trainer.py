"""Training in a session: mini-batches, reproducibility, control and the lessons."""

import threading
import time

import numpy as np
import pytest

from tfdesk.core.errors import TrainingError
from tfdesk.core.spec import lesson_experiment
from tfdesk.core.trainer import EpochMetrics, StepLosses, Trainer

from helpers import tiny_digits


def _run(exp, epochs=None):
    events = []
    trainer = Trainer(exp)
    trainer.train(epochs, callback=events.append)
    steps = np.concatenate([e.losses for e in events if isinstance(e, StepLosses)])
    epochs_ = [e for e in events if isinstance(e, EpochMetrics)]
    return trainer, steps, epochs_


def test_mini_batch_training_reports_every_step_and_epoch_and_the_loss_falls():
    trainer, steps, epochs = _run(tiny_digits(epochs=3))
    assert trainer.steps_per_epoch() == len(trainer.data.x_train) // 32
    assert len(steps) == 3 * trainer.steps_per_epoch() == trainer.step
    assert [e.epoch for e in epochs] == [1, 2, 3]
    assert epochs[-1].train_loss < epochs[0].train_loss < steps[0]
    assert epochs[-1].val_accuracy > 0.85
    assert epochs[-1].val_loss is not None and epochs[-1].train_accuracy is not None


def test_batch_modes_set_the_number_of_steps_per_epoch():
    full = Trainer(tiny_digits(batch_mode="full"))
    sgd = Trainer(tiny_digits(batch_mode="stochastic"))
    n = len(full.data.x_train)
    assert (full.batch_size(), full.steps_per_epoch()) == (n, 1)
    assert (sgd.batch_size(), sgd.steps_per_epoch()) == (1, n)


def test_the_same_seed_gives_the_same_numbers_and_another_seed_does_not():
    a, steps_a, _ = _run(tiny_digits(epochs=2, seed=7))
    b, steps_b, _ = _run(tiny_digits(epochs=2, seed=7))
    c, steps_c, _ = _run(tiny_digits(epochs=2, seed=8))
    np.testing.assert_array_equal(steps_a, steps_b)
    for name, value in a.variable_values().items():
        np.testing.assert_array_equal(value, b.variable_values()[name])
    assert not np.array_equal(steps_a, steps_c)


def test_each_epoch_is_reshuffled():
    trainer = Trainer(tiny_digits())
    first, second = trainer.epoch_order(1), trainer.epoch_order(2)
    assert sorted(first) == list(range(len(trainer.data.x_train)))
    assert not np.array_equal(first, second)


def test_pause_resume_and_stop_from_another_thread():
    trainer = Trainer(tiny_digits(epochs=1000))
    result = {}
    worker = threading.Thread(target=lambda: result.update(r=trainer.train()))
    worker.start()
    time.sleep(0.5)
    trainer.pause()
    time.sleep(0.2)  # let the running chunk finish
    paused_at = trainer.step
    time.sleep(0.4)
    assert trainer.step == paused_at > 0
    trainer.resume()
    time.sleep(0.3)
    assert trainer.step > paused_at
    trainer.stop()
    worker.join(10)
    assert not worker.is_alive()
    assert result["r"].status == "stopped" and result["r"].epoch < 1000


def test_a_diverging_run_stops_with_a_message_that_suggests_a_smaller_learning_rate():
    exp = tiny_digits(epochs=5)
    exp.optimizer.name = "gradient_descent"
    exp.optimizer.learning_rate = 1e30
    trainer = Trainer(exp)
    with pytest.raises(TrainingError, match=r"the loss became (nan|inf).*learning rate 1e\+30.*try 1e\+29"):
        trainer.train()


def test_evaluate_gives_accuracy_and_a_confusion_matrix_on_the_test_split():
    trainer, _, _ = _run(tiny_digits(epochs=3))
    ev = trainer.evaluate()
    n_test = len(trainer.data.x_test)
    assert ev.confusion.shape == (10, 10) and ev.confusion.sum() == n_test
    assert ev.accuracy == pytest.approx(np.trace(ev.confusion) / n_test, abs=1e-6)
    assert ev.accuracy > 0.85
    # each row is one true digit: the split is stratified, so every digit is in the test set
    assert (ev.confusion.sum(axis=1) > 25).all()


def test_predict_gives_probabilities():
    trainer, _, _ = _run(tiny_digits(epochs=2))
    p = trainer.predict(trainer.data.x_test[:5])
    assert p.shape == (5, 10)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-5)
    assert trainer.predict(trainer.data.x_test[0]).shape == (1, 10)


def test_reset_weights_gives_back_the_initial_network():
    trainer = Trainer(tiny_digits())
    before = trainer.variable_values()
    trainer.train()
    trainer.reset_weights()
    assert trainer.epoch == 0
    for name, value in trainer.variable_values().items():
        np.testing.assert_array_equal(value, before[name])


def test_the_linear_lesson_recovers_the_line():
    trainer, _, _ = _run(lesson_experiment("linear"))
    values = trainer.variable_values()
    assert values["weight"][0] == pytest.approx(3.0, abs=0.1)
    assert values["bias"][0] == pytest.approx(10.0, abs=0.1)


def test_the_quadratic_exercise_fits_to_within_the_noise():
    trainer, _, _ = _run(lesson_experiment("quadratic"))
    data = trainer.data
    residual = trainer.predict(data.x_train) - data.y_train
    rmse = float(np.sqrt(np.mean(residual ** 2)))
    assert rmse < 1.2 * 0.2  # the points' noise has standard deviation 0.2
    w = trainer.variable_values()["weight"]
    assert w == pytest.approx([-4.0, 6.0], abs=0.3)
