"""The chunk loop computes what the course's loop computes (not timed: bench/train.py)."""

import numpy as np
import pytest
import tensorflow as tf

from tfdesk.core import dropout
from tfdesk.core.spec import LayerSpec, course_experiment, lesson_experiment
from tfdesk.core.trainer import EpochMetrics, StepLosses, Trainer

from helpers import tiny_digits


def _both_ways(exp, epochs=2):
    """Train two fresh trainers: the chunk loop, and the course's loop."""
    results = []
    for course_loop in (False, True):
        events = []
        trainer = Trainer(exp)
        if course_loop:
            for _ in range(epochs):
                trainer.train_epoch_course_loop(events.append)
        else:
            trainer.train(epochs, callback=events.append)
        losses = np.concatenate([e.losses for e in events if isinstance(e, StepLosses)])
        metrics = [e for e in events if isinstance(e, EpochMetrics)]
        results.append((trainer.variable_values(), losses, metrics, trainer.step))
        trainer.close()
    return results


def _assert_same(chunked, course):
    weights_a, losses_a, metrics_a, step_a = chunked
    weights_b, losses_b, metrics_b, step_b = course
    assert step_a == step_b == len(losses_a) == len(losses_b)
    np.testing.assert_allclose(losses_a, losses_b, rtol=1e-4, atol=1e-5)
    for name in weights_b:
        np.testing.assert_allclose(weights_a[name], weights_b[name], rtol=1e-4, atol=1e-5,
                                   err_msg=name)
    assert len(metrics_a) == len(metrics_b)
    for a, b in zip(metrics_a, metrics_b):
        assert a.train_loss == pytest.approx(b.train_loss, rel=1e-4)
        if b.val_loss is not None:
            assert a.val_loss == pytest.approx(b.val_loss, rel=1e-4)
        if b.train_accuracy is not None:
            assert a.train_accuracy == pytest.approx(b.train_accuracy, abs=1e-6)


def test_the_course_network_with_dropout_and_adam_trains_to_the_same_weights():
    exp = course_experiment()  # 25 relu units with dropout 0.2, He init, Adam
    exp.training.epochs = 2
    _assert_same(*_both_ways(exp))


@pytest.mark.parametrize("optimizer", ["gradient_descent", "momentum", "adagrad", "rmsprop"])
def test_every_optimizer_matches_the_course_loop(optimizer):
    exp = tiny_digits()
    exp.optimizer.name = optimizer
    exp.model.hidden_layers = [LayerSpec(16, "tanh", 0.1), LayerSpec(12, "sigmoid")]
    _assert_same(*_both_ways(exp, epochs=1))


@pytest.mark.parametrize("mode", ["full", "stochastic"])
def test_full_batch_and_stochastic_take_the_same_path(mode):
    exp = tiny_digits(batch_mode=mode)
    _assert_same(*_both_ways(exp, epochs=3 if mode == "full" else 1))


def test_the_curve_lessons_match_the_course_loop():
    _assert_same(*_both_ways(lesson_experiment("quadratic"), epochs=5))


def test_chunks_adapt_so_that_the_window_hears_from_training_often():
    exp = tiny_digits(epochs=2)
    chunks = []
    trainer = Trainer(exp)
    trainer.train(callback=lambda e: chunks.append(e) if isinstance(e, StepLosses) else None)
    # More than one chunk an epoch (stop and pause are looked at between them), and
    # no chunk crosses an epoch's end.
    assert len(chunks) > 2
    assert sum(len(c.losses) for c in chunks) == 2 * trainer.steps_per_epoch()
    assert [c.epoch for c in chunks] == sorted(c.epoch for c in chunks)


def test_dropouts_numbers_for_a_chunk_are_each_steps_own():
    """A chunk's steps drawn at once (the chunk loops) are the steps drawn one at a
    time (the course's loop), whatever the step and however n splits into Philox's fours."""
    for batch, units in ((32, 25), (3, 7), (1, 1)):
        [at_once] = dropout.for_steps([(1000, units)], 13, tf.zeros((6, batch), tf.int32))
        assert at_once.shape == (6, batch, units)
        assert 0 <= np.min(at_once) and np.max(at_once) < 1
        for i in range(6):
            np.testing.assert_array_equal(at_once[i], dropout.uniforms(1000, 13 + i, batch, units))
    assert not np.array_equal(dropout.uniforms(1000, 0, 4, 8), dropout.uniforms(1001, 0, 4, 8))
    # Another batch size is another stream, not the same numbers at other steps.
    [other_batch] = dropout.for_steps([(1000, 8)], 0, tf.zeros((8, 2), tf.int32))
    assert not np.isin(dropout.uniforms(1000, 0, 4, 8), other_batch).any()
