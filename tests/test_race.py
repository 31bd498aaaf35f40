"""Races start every contestant from the same weights and train them in turns."""

import numpy as np

from tfdesk.core.callbacks import Callback
from tfdesk.core.race import Race, contestants

from helpers import tiny_digits


def _named(experiments):
    return [(f"{e.optimizer.name} · {e.training.batch_mode}", e) for e in experiments]


class _Log(Callback):
    def __init__(self, index, order):
        self.index, self.order = index, order

    def on_chunk(self, session, chunk):
        self.order.append((self.index, "StepLosses"))

    def on_epoch_end(self, session, metrics):
        self.order.append((self.index, "EpochMetrics"))


def test_every_contestant_starts_from_the_same_weights_and_trains_in_turns():
    base = tiny_digits()
    experiments = contestants(base, ["gradient_descent", "adam", "rmsprop"], ["mini", "full"])
    assert [(e.optimizer.name, e.optimizer.learning_rate, e.training.batch_mode)
            for e in experiments[:2]] == [("gradient_descent", 0.1, "mini"),
                                          ("gradient_descent", 0.1, "full")]
    order = []
    race = Race(_named(experiments), lambda i: [_Log(i, order)])
    first = race.trainers[0].variable_values()
    for trainer in race.trainers[1:]:
        for name, value in trainer.variable_values().items():
            np.testing.assert_array_equal(value, first[name])
    assert race.run(2)
    epochs = [i for i, kind in order if kind == "EpochMetrics"]
    assert epochs == list(range(6)) * 2  # one epoch each, in turn
    steps = {i: sum(1 for j, kind in order if j == i and kind == "StepLosses") for i in range(6)}
    assert all(count >= 2 for count in steps.values())
    assert race.trainers[1].step == 2  # full batch: one step an epoch
    race.close()


def test_a_stopped_race_ends_between_epochs():
    calls = []

    class StopAfterFirst(Callback):
        def on_epoch_end(self, session, metrics):
            calls.append(metrics)
            race.stop()
    race = Race(_named(contestants(tiny_digits(), ["adam"], ["mini", "stochastic"])),
                lambda i: [StopAfterFirst()])
    assert not race.run(5)
    assert race.trainers[1].epoch == 0 and len(calls) == 1
    race.close()


def test_a_pause_before_the_race_is_built_holds_and_a_diverging_contestant_drops_out():
    base = tiny_digits()
    base.optimizer.learning_rate = 1e30  # the base optimizer keeps the base's rate
    base.optimizer.name = "gradient_descent"
    order = []
    race = Race(_named(contestants(base, ["gradient_descent", "adam"], ["mini"])),
                lambda i: [_Log(i, order)])
    assert race.run(2)
    assert list(race.out) == [0] and "learning rate" in race.out[0]
    assert sum(1 for i, kind in order if i == 1 and kind == "EpochMetrics") == 2
    race.close()


def test_a_convolutional_network_races_from_the_same_filters():
    from test_conv_layers import small_conv

    experiments = contestants(small_conv(), ["gradient_descent", "adam"], ["mini"])
    race = Race(_named(experiments), lambda i: [])
    first = race.trainers[0].variable_values()
    assert first["conv_layer/weight1"].shape == (3, 3, 1, 4)
    np.testing.assert_array_equal(race.trainers[1].variable_values()["conv_layer/weight1"],
                                  first["conv_layer/weight1"])
    assert race.run(1)
    after = [trainer.variable_values()["conv_layer/weight1"] for trainer in race.trainers]
    assert not np.allclose(after[0], first["conv_layer/weight1"])  # both trained, differently
    assert not np.allclose(after[0], after[1])
    race.close()
