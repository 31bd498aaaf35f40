"""The compiled chunk (XLA) computes what the chunk loop and the course's loop compute,
falls back to the chunk loop when XLA fails, and changes nothing in a checkpoint
(not timed: bench/train.py)."""

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import tensorflow as tf

from tfdesk.core import compiled_chunk
from tfdesk.core.checkpoint import save_checkpoint
from tfdesk.core.engine import TRAINING_DATA
from tfdesk.core.foreign_graph import ForeignGraph
from tfdesk.core.spec import LayerSpec, course_experiment, lesson_experiment
from tfdesk.core.trainer import EpochMetrics, StepLosses, Trainer

from helpers import tiny_digits
from test_engine import _assert_same

v1 = tf.compat.v1
HERE = Path(__file__).parent


def _trained(trainer, epochs, course_loop=False):
    """(weights, losses, epoch metrics, step, the path of each chunk) after `epochs` epochs."""
    events, paths = [], []

    def record(event):
        events.append(event)
        if isinstance(event, StepLosses):
            paths.append(trainer.engine_path)
    if course_loop:
        for _ in range(epochs):
            trainer.train_epoch_course_loop(record)
    else:
        trainer.train(epochs, callback=record)
    losses = np.concatenate([e.losses for e in events if isinstance(e, StepLosses)])
    metrics = [e for e in events if isinstance(e, EpochMetrics)]
    result = (trainer.variable_values(), losses, metrics, trainer.step)
    trainer.close()
    return result, paths


def _compiled_against_course_loop(exp, epochs):
    compiled = Trainer(exp, xla="on")
    assert compiled.compile_xla(), compiled.xla_error
    result, paths = _trained(compiled, epochs)
    assert set(paths) == {"xla"}
    course, _ = _trained(Trainer(exp, xla="off"), epochs, course_loop=True)
    _assert_same(result, course)


def test_the_course_network_with_dropout_trains_to_the_course_loops_weights():
    exp = course_experiment()  # 25 relu units with dropout 0.2, He init, Adam
    _compiled_against_course_loop(exp, epochs=2)


def test_augmented_images_train_to_the_course_loops_weights():
    exp = tiny_digits(epochs=2)
    exp.data.augment = True
    exp.model.hidden_layers = [LayerSpec(25, "relu", 0.2)]
    _compiled_against_course_loop(exp, epochs=2)


@pytest.mark.parametrize("optimizer", ["gradient_descent", "momentum", "adagrad", "rmsprop"])
def test_every_optimizer_matches_the_course_loop(optimizer):
    exp = tiny_digits()
    exp.optimizer.name = optimizer
    exp.model.hidden_layers = [LayerSpec(16, "tanh", 0.1), LayerSpec(12, "sigmoid")]
    _compiled_against_course_loop(exp, epochs=1)


def test_a_curve_lesson_matches_the_course_loop():
    _compiled_against_course_loop(lesson_experiment("quadratic"), epochs=20)


def test_a_partial_chunk_trains_count_steps_and_a_warm_up_trains_none():
    """Calls always take `steps` rows; only the first `count` are trained."""
    exp = course_experiment()
    compiled, loop = Trainer(exp, xla="on"), Trainer(exp, xla="off")
    steps, batch = compiled.steps_per_epoch(), compiled.batch_size()
    before = compiled.variable_values()
    assert compiled.compile_xla()  # a call with count 0
    assert compiled.step == 0 and compiled.session.run(compiled.handles.global_step) == 0
    for name, value in compiled.variable_values().items():
        np.testing.assert_array_equal(value, before[name])

    rows = compiled.epoch_order(1)[:5 * batch].reshape(5, batch)
    losses, accuracies = compiled._runner.compiled.run(compiled.session, rows, steps)
    loop_losses, loop_accuracies = loop.handles.engine.run(loop.session, rows)
    assert len(losses) == len(accuracies) == 5 and 5 < steps
    np.testing.assert_allclose(losses, loop_losses, rtol=1e-5)
    np.testing.assert_allclose(accuracies, loop_accuracies)
    assert compiled.session.run(compiled.handles.global_step) == 5
    for name, value in loop.variable_values().items():
        np.testing.assert_allclose(compiled.variable_values()[name], value, rtol=1e-5, atol=1e-6)
    compiled.close()
    loop.close()


def test_training_goes_on_while_xla_compiles_and_then_switches():
    """The first losses come from the chunk loop, at once; the compile runs beside it on a
    thread pool of its own and writes nothing the chunk loop wrote in the meantime."""
    exp = course_experiment()
    trainer = Trainer(exp, xla="on")
    started = time.perf_counter()
    first_loss = []
    epochs = 0
    while trainer.engine_path != "xla" and epochs < 400:
        trainer.train(1, callback=lambda e: first_loss.append(time.perf_counter() - started)
                      if isinstance(e, StepLosses) and not first_loss else None)
        epochs += 1
    assert trainer.engine_path == "xla", trainer.xla_error
    assert 1 < epochs < 400 and first_loss[0] < 0.5
    assert trainer.session.run(trainer.handles.global_step) == trainer.step
    reference = Trainer(exp, xla="off")
    reference.train(epochs)
    for name, value in reference.variable_values().items():
        np.testing.assert_allclose(trainer.variable_values()[name], value, rtol=1e-4, atol=1e-5)
    trainer.close()
    reference.close()


def test_when_xla_cannot_compile_the_chunk_loop_trains_and_says_so(monkeypatch):
    def uncompilable_step(*args):
        loss, accuracy, update = training_step(*args)
        # Python inside the steps: XLA cannot compile it.
        return tf.numpy_function(lambda x: x, [loss], tf.float32), accuracy, update

    training_step = compiled_chunk.training_step
    monkeypatch.setattr(compiled_chunk, "training_step", uncompilable_step)
    trainer = Trainer(tiny_digits(epochs=2), xla="on")
    assert not trainer.compile_xla()
    assert "numpy_function" in trainer.xla_error or "PyFunc" in trainer.xla_error, trainer.xla_error
    result = trainer.train()
    assert result.status == "finished" and trainer.step == 2 * trainer.steps_per_epoch()
    assert trainer.engine_path == "graph loop"
    assert trainer.evaluate("val").accuracy > 0.5
    trainer.reset_weights()  # a new session does not try again
    trainer.train(1)
    assert trainer.engine_path == "graph loop" and trainer.xla_error is not None
    trainer.close()


def test_xla_off_never_builds_it_and_a_short_run_does_not_compile(monkeypatch):
    monkeypatch.setenv("TFDESK_XLA", "off")
    off = Trainer(tiny_digits(epochs=1))
    assert not off.compile_xla()
    monkeypatch.delenv("TFDESK_XLA")
    short = Trainer(tiny_digits(epochs=3))  # "auto": 3 epochs of 39 steps
    short.train()
    for trainer in (off, short):
        assert trainer.engine_path == "graph loop" and trainer.xla_error is None
        assert not [op for op in trainer.graph.get_operations() if op.name.startswith("compiled_chunk")]
        trainer.close()
    monkeypatch.setattr(compiled_chunk, "XLA_MIN_STEPS", 100)
    long = Trainer(tiny_digits(epochs=3))
    long.train()
    assert [op for op in long.graph.get_operations() if op.name.startswith("compiled_chunk")]
    long.close()
    with pytest.raises(ValueError, match="xla: 'fast' is not one of auto, on, off"):
        Trainer(tiny_digits(), xla="fast")


def test_an_xla_trained_checkpoint_is_the_same_and_opens_in_the_course_notebook(tmp_path):
    exp = tiny_digits()
    exp.model.hidden_layers = [LayerSpec(25, "relu", 0.2)]
    compiled, loop = Trainer(exp, xla="on"), Trainer(exp, xla="off")
    with compiled.graph.as_default():
        saved_before = [v.op.name for v in v1.global_variables()]
        data_before = [v.op.name for v in v1.get_collection(TRAINING_DATA)]
    assert compiled.compile_xla()
    compiled.train()
    assert compiled.engine_path == "xla"
    with compiled.graph.as_default():
        assert [v.op.name for v in v1.global_variables()] == saved_before
        assert [v.op.name for v in v1.get_collection(TRAINING_DATA)] == data_before
        assert not v1.local_variables()
    loop.train()
    save_checkpoint(compiled, tmp_path / "xla")
    save_checkpoint(loop, tmp_path / "loop")
    prefix = "checkpoint_weight.ckpt"
    assert (tf.train.list_variables(str(tmp_path / "xla" / prefix))
            == tf.train.list_variables(str(tmp_path / "loop" / prefix)))

    x = compiled.data.x_test[:16]
    np.save(tmp_path / "x.npy", x)
    done = subprocess.run(
        [sys.executable, str(HERE / "course_notebook.py"), "load", str(tmp_path / "xla" / prefix),
         str(tmp_path / "x.npy"), str(tmp_path / "out.npy")],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    logits = compiled.session.run(compiled.handles.output, {compiled.handles.x: x})
    np.testing.assert_allclose(np.load(tmp_path / "out.npy"), logits, rtol=1e-5, atol=1e-6)
    opened = ForeignGraph(tmp_path / "xla")  # its ops checked, the compiled chunk's too
    np.testing.assert_allclose(opened.predict(x), compiled.predict(x), rtol=1e-5, atol=1e-6)
    opened.close()
    compiled.close()
    loop.close()
