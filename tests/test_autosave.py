"""Autosave keeps the latest and the best network of a run, and never a diverged one."""

import numpy as np

from tfdesk.core.callbacks import Callback
from tfdesk.core.callbacks.autosave import Autosave, autosaved, discard
from tfdesk.core.checkpoint import restore_weights
from tfdesk.core.session import TrainingSession
from tfdesk.core.trainer import Trainer

from helpers import tiny_digits


def _session(*callbacks):
    return TrainingSession(list(callbacks))


def test_latest_and_best_are_kept_and_restore(tmp_path):
    session = _session(Autosave(tmp_path, interval=0.0))
    session.prepare(tiny_digits(epochs=3))
    session.train()
    final = session.trainer.predict(session.data.x_test[:4])
    found = autosaved(tmp_path)
    assert set(found) == {"latest", "best"}
    assert found["latest"]["epoch"] == 3 and found["latest"]["metrics"]["version"] == 2
    with Trainer(tiny_digits()) as fresh:
        restore_weights(fresh, tmp_path / "latest")
        np.testing.assert_allclose(fresh.predict(fresh.data.x_test[:4]), final, rtol=1e-6)
    session.close()


class _Worse(Callback):
    """From epoch 3 on, the validation loss is reported far worse than it is."""

    def on_epoch_end(self, session, m) -> None:
        if m.epoch >= 3:
            m.val_loss = 10.0 + m.epoch


def test_the_best_is_the_best_epoch_even_between_timed_saves_and_after_a_stop(tmp_path):
    # Once, the best was only compared when a save was due (every 10 s): a short run had
    # one candidate, and after Stop later weights were saved under an earlier epoch's loss.
    session = _session(_Worse(), Autosave(tmp_path, interval=3600.0))  # no timed save at all
    session.prepare(tiny_digits(epochs=5))
    best_weights = {}

    class Remember(Callback):
        def on_epoch_end(self, s, m):
            if m.epoch == 2:
                best_weights.update(s.trainer.variable_values())
    session.callbacks.append(Remember())
    session.train()
    found = autosaved(tmp_path)
    assert found["latest"]["epoch"] == 5
    assert found["best"]["epoch"] == 2 and found["best"]["metrics"]["val_loss"] < 10
    with Trainer(tiny_digits()) as fresh:
        restore_weights(fresh, tmp_path / "best")
        assert fresh.epoch == 2
        for name, value in fresh.variable_values().items():
            np.testing.assert_allclose(value, best_weights[name], rtol=1e-6)
    session.close()


def test_a_diverged_network_is_not_saved(tmp_path):
    exp = tiny_digits(epochs=2)
    exp.optimizer.name, exp.optimizer.learning_rate = "gradient_descent", 1e30
    session = _session(Autosave(tmp_path, interval=0.0))
    session.prepare(exp)
    assert session.train().status == "failed"
    assert autosaved(tmp_path) == {}
    session.close()


def test_a_failing_autosave_is_said_not_raised_and_discard_removes_them(tmp_path):
    blocked = tmp_path / "not_a_folder"
    blocked.write_text("a file where the autosave folder should be")
    said = []

    class Listen(Callback):
        def on_message(self, s, message):
            said.append(message.text)
    session = _session(Autosave(blocked, interval=0.0), Listen())
    session.prepare(tiny_digits())
    assert session.train().status == "finished"
    assert said and "Autosave failed" in said[0] and len(said) == 1  # said once, not every epoch
    good = _session(Autosave(tmp_path / "auto", interval=0.0))
    good.prepare(tiny_digits())
    good.train()
    assert autosaved(tmp_path / "auto")
    discard(tmp_path / "auto")
    assert autosaved(tmp_path / "auto") == {}
    session.close()
    good.close()
