"""Races start every contestant from the same weights and train them in turns."""

import numpy as np

from tfdesk.core.race import Race, contestants
from tfdesk.core.trainer import EpochMetrics, StepLosses

from helpers import tiny_digits


def _named(experiments):
    return [(f"{e.optimizer.name} · {e.training.batch_mode}", e) for e in experiments]


def test_every_contestant_starts_from_the_same_weights_and_trains_in_turns():
    base = tiny_digits()
    experiments = contestants(base, ["gradient_descent", "adam", "rmsprop"], ["mini", "full"])
    assert [(e.optimizer.name, e.optimizer.learning_rate, e.training.batch_mode)
            for e in experiments[:2]] == [("gradient_descent", 0.1, "mini"),
                                          ("gradient_descent", 0.1, "full")]
    race = Race(_named(experiments))
    first = race.trainers[0].variable_values()
    for trainer in race.trainers[1:]:
        for name, value in trainer.variable_values().items():
            np.testing.assert_array_equal(value, first[name])
    order = []
    assert race.run(2, lambda i, e: order.append((i, type(e).__name__)), lambda: False)
    epochs = [i for i, kind in order if kind == "EpochMetrics"]
    assert epochs == list(range(6)) * 2  # one epoch each, in turn
    steps = {i: sum(1 for j, kind in order if j == i and kind == "StepLosses") for i in range(6)}
    assert all(count >= 2 for count in steps.values())
    full = race.trainers[1]
    assert full.step == 2  # full batch: one step an epoch
    race.close()


def test_a_stopped_race_ends_between_epochs():
    race = Race(_named(contestants(tiny_digits(), ["adam"], ["mini", "stochastic"])))
    calls = []
    assert not race.run(5, lambda i, e: calls.append(e), lambda: len(calls) > 0)
    assert race.trainers[1].epoch == 0
    race.close()


def test_a_diverging_contestant_drops_out_and_the_others_go_on():
    base = tiny_digits()
    base.optimizer.learning_rate = 1e30  # the base optimizer keeps the base's rate
    base.optimizer.name = "gradient_descent"
    race = Race(_named(contestants(base, ["gradient_descent", "adam"], ["mini"])))
    events = []
    assert race.run(2, lambda i, e: events.append((i, e)), lambda: False)
    assert list(race.out) == [0] and "learning rate" in race.out[0]
    assert sum(1 for i, e in events if i == 1 and isinstance(e, EpochMetrics)) == 2
    assert any(isinstance(e, StepLosses) for _, e in events)
    race.close()
