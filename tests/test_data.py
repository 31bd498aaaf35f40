"""The datasets as the model sees them: digits split by class, the lessons' points, files."""

import gzip
import struct

import numpy as np
import pytest

from tfdesk.core.data import curve_dataset, digits_dataset, load_dataset
from tfdesk.core.errors import DataFileError
from tfdesk.core.spec import DataSpec, Experiment


def test_digits_are_scaled_split_by_class_and_one_hot():
    d = digits_dataset(0.1, 0.2, seed=0)
    total = len(d.x_train) + len(d.x_val) + len(d.x_test)
    assert total == 1797 and len(d.x_test) == 360 and len(d.x_val) == 180
    assert d.x_train.dtype == np.float32 and d.x_train.shape[1] == 64
    assert 0.0 == d.x_train.min() and d.x_train.max() == 1.0
    assert set(np.unique(d.y_train.sum(axis=1))) == {1.0}
    # stratified: each digit is about a tenth of every split
    for y in (d.y_train, d.y_val, d.y_test):
        share = y.sum(axis=0) / len(y)
        assert np.all(np.abs(share - 0.1) < 0.02)
    assert d.input_format == "digits8x8" and d.image_shape == (8, 8)


def test_the_seed_decides_the_split():
    a, b, c = digits_dataset(0.1, 0.2, 0), digits_dataset(0.1, 0.2, 0), digits_dataset(0.1, 0.2, 1)
    np.testing.assert_array_equal(a.x_test, b.x_test)
    assert not np.array_equal(a.x_test, c.x_test)


@pytest.mark.parametrize("source, w, b", [("linear", [3.0], 10.0), ("quadratic", [-4.0, 6.0], 1.0)])
def test_curve_lessons_are_100_noisy_points_on_the_slides_curves(source, w, b):
    d = curve_dataset(source, 0.0, 0.0, seed=0)
    assert d.x_train.shape == (100,) and d.task == "regression"
    x = d.x_train.astype(np.float64)
    truth = b + sum(wk * x ** (k + 1) for k, wk in enumerate(w))
    noise = d.y_train - truth
    assert 0.1 < noise.std() < 0.3 and abs(noise.mean()) < 0.1


def _write_idx(folder, prefix, images, labels):
    with gzip.open(folder / f"{prefix}-images-idx3-ubyte.gz", "wb") as f:
        f.write(struct.pack(">IIII", 0x803, *images.shape) + images.tobytes())
    with gzip.open(folder / f"{prefix}-labels-idx1-ubyte.gz", "wb") as f:
        f.write(struct.pack(">II", 0x801, len(labels)) + labels.tobytes())


def test_an_mnist_folder_becomes_28x28_inputs_in_0_1_with_its_own_test_split(tmp_path):
    rng = np.random.default_rng(0)
    for prefix, n in (("train", 300), ("t10k", 50)):
        _write_idx(tmp_path, prefix, rng.integers(0, 256, (n, 28, 28), dtype=np.uint8),
                   (np.arange(n) % 10).astype(np.uint8))
    exp = Experiment(data=DataSpec(source="file", path=str(tmp_path)))
    d = load_dataset(exp)
    assert d.input_format == "mnist28" and d.n_features == 784 and d.n_classes == 10
    assert len(d.x_test) == 50 and len(d.x_train) + len(d.x_val) == 300
    assert d.x_train.max() <= 1.0 and d.x_train.min() >= 0.0


def test_a_file_with_a_single_class_is_refused(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("".join(f"3,{i},{i}\n" for i in range(20)))
    with pytest.raises(DataFileError, match="one.csv: every example has the same label"):
        load_dataset(Experiment(data=DataSpec(source="file", path=str(path))))
