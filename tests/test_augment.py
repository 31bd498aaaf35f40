"""Augmentation: new small changes of the training images every epoch, nothing else touched."""

import numpy as np
import pytest

from tfdesk.core.errors import SpecError
from tfdesk.core.spec import lesson_experiment
from tfdesk.core.trainer import Trainer

from helpers import tiny_digits
from test_engine import _assert_same, _both_ways


def _augmented(seed=0, epochs=1):
    exp = tiny_digits(epochs=epochs, seed=seed)
    exp.data.augment = True
    return exp


def test_each_epoch_changes_the_training_images_but_keeps_their_labels():
    trainer = Trainer(_augmented())
    original = trainer.data.x_train
    first, second = trainer.training_images(1), trainer.training_images(2)
    assert first.shape == original.shape and first.dtype == np.float32
    assert 0.0 <= first.min() and first.max() <= 1.0
    # Changed a little, differently every epoch...
    assert 0.03 < np.abs(first - original).mean() < 0.2
    assert np.abs(first - second).mean() > 0.03
    # ...but still the same digit: a nearest neighbour among the originals has its label.
    labels = trainer.data.y_train.argmax(axis=1)
    sample = np.arange(0, len(original), 7)
    distances = ((first[sample, None, :] - original[None, :, :]) ** 2).sum(axis=2)
    distances[np.arange(len(sample)), sample] = np.inf  # not the image itself
    assert (labels[distances.argmin(axis=1)] == labels[sample]).mean() > 0.85
    trainer.close()


def test_validation_and_test_images_are_never_changed():
    plain, augmented = Trainer(tiny_digits()), Trainer(_augmented())
    augmented.train(1)
    for split in ("val", "test"):
        np.testing.assert_array_equal(getattr(plain.data, f"x_{split}"),
                                      getattr(augmented.data, f"x_{split}"))
    # An unchanged network gives the same test loss either way: evaluation feeds the originals.
    fresh = Trainer(_augmented())
    assert fresh.evaluate("test").loss == pytest.approx(plain.evaluate("test").loss, rel=1e-6)
    for t in (plain, augmented, fresh):
        t.close()


def test_the_same_seed_gives_the_same_images_and_another_seed_others():
    a, b, c = Trainer(_augmented(0)), Trainer(_augmented(0)), Trainer(_augmented(5))
    np.testing.assert_array_equal(a.training_images(3), b.training_images(3))
    # A fresh session, a resumed run: epoch 3 is epoch 3.
    a.reset_weights()
    np.testing.assert_array_equal(a.training_images(3), b.training_images(3))
    same_split = Trainer(_augmented(0))
    assert not np.array_equal(c.training_images(3)[:10], same_split.training_images(4)[:10])
    for t in (a, b, c, same_split):
        t.close()


def test_the_chunk_loop_trains_on_the_augmented_images_as_the_course_loop_would():
    _assert_same(*_both_ways(_augmented(epochs=2), epochs=2))


def test_augmentation_needs_images():
    exp = lesson_experiment("linear")
    exp.data.augment = True
    with pytest.raises(SpecError, match="data.augment: the curve lessons have no images"):
        exp.validate()
