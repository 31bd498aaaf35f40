"""The data-file loaders, on real files written to tmp_path: good files load,
and every bad one raises DataFileError with a message that says what is wrong."""

import gzip
import io
import struct
import time
import tracemalloc
import zipfile

import numpy as np
import pytest
from numpy.lib import format as npy_format

from tfdesk.core.csv_files import load_csv
from tfdesk.core.data_files import load_file
from tfdesk.core.errors import DataFileError
from tfdesk.core.idx_files import load_idx
from tfdesk.core.npz_files import load_npz
from tfdesk.core.raw_data import MAX_CLASSES, RawData


def idx_images(images: np.ndarray, magic: int = 0x803) -> bytes:
    n, h, w = images.shape
    return struct.pack(">IIII", magic, n, h, w) + images.astype(np.uint8).tobytes()


def idx_labels(labels, magic: int = 0x801) -> bytes:
    labels = np.asarray(labels, dtype=np.uint8)
    return struct.pack(">II", magic, len(labels)) + labels.tobytes()


def write(path, data: bytes, gz: bool = False):
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@pytest.fixture
def digits():
    rng = np.random.default_rng(0)
    return rng.integers(0, 256, (12, 28, 28), dtype=np.uint8), rng.integers(0, 10, 12, dtype=np.uint8)


# --- good files ------------------------------------------------------------------

def test_idx_pair_round_trips(tmp_path, digits):
    x, y = digits
    images = write(tmp_path / "train-images-idx3-ubyte", idx_images(x))
    labels = write(tmp_path / "my-labels", idx_labels(y))
    data = load_idx(images, labels)
    assert isinstance(data, RawData)
    assert data.x_train.dtype == np.float32 and data.x_train.shape == (12, 784)
    np.testing.assert_array_equal(data.x_train, x.reshape(12, -1))
    assert data.y_train.dtype == np.int64
    np.testing.assert_array_equal(data.y_train, y)
    assert data.x_test is None and data.y_test is None
    assert data.image_shape == (28, 28)
    assert data.value_max == 255


@pytest.mark.parametrize("gz", [False, True])
def test_idx_labels_path_is_derived_from_the_images_name(tmp_path, digits, gz):
    x, y = digits
    suffix = ".gz" if gz else ""
    images = write(tmp_path / f"train-images-idx3-ubyte{suffix}", idx_images(x), gz=gz)
    write(tmp_path / f"train-labels-idx1-ubyte{suffix}", idx_labels(y), gz=gz)
    data = load_file(images)
    np.testing.assert_array_equal(data.x_train, x.reshape(12, -1))
    np.testing.assert_array_equal(data.y_train, y)


def test_idx_folder_of_four_mnist_files(tmp_path, digits):
    x, y = digits
    write(tmp_path / "train-images-idx3-ubyte.gz", idx_images(x), gz=True)
    write(tmp_path / "train-labels-idx1-ubyte.gz", idx_labels(y), gz=True)
    write(tmp_path / "t10k-images-idx3-ubyte", idx_images(x[:5]))
    write(tmp_path / "t10k-labels-idx1-ubyte", idx_labels(y[:5]))
    data = load_file(tmp_path)
    assert data.x_train.shape == (12, 784) and data.x_test.shape == (5, 784)
    np.testing.assert_array_equal(data.x_test, x[:5].reshape(5, -1))
    np.testing.assert_array_equal(data.y_test, y[:5])
    assert data.image_shape == (28, 28)


def test_idx_folder_without_test_pair(tmp_path, digits):
    x, y = digits
    write(tmp_path / "train-images-idx3-ubyte", idx_images(x))
    write(tmp_path / "train-labels-idx1-ubyte", idx_labels(y))
    data = load_idx(tmp_path)
    assert data.x_test is None and len(data.y_train) == 12


def test_npz_images_round_trip(tmp_path, digits):
    x, y = digits
    path = tmp_path / "mnist.npz"
    np.savez(path, x_train=x, y_train=y, x_test=x[:3], y_test=y[:3])
    data = load_file(path)
    np.testing.assert_array_equal(data.x_train, x.reshape(12, -1))
    np.testing.assert_array_equal(data.y_test, y[:3])
    assert data.image_shape == (28, 28) and data.value_max == 255


def test_npz_flat_features_and_float_labels(tmp_path):
    x = np.array([[0.5, 2.0, 3.5], [1.0, 0.0, 7.25]])
    path = tmp_path / "data.npz"
    np.savez_compressed(path, x_train=x, y_train=np.array([1.0, 4.0]))
    data = load_npz(path)
    np.testing.assert_array_equal(data.x_train, x.astype(np.float32))
    np.testing.assert_array_equal(data.y_train, [1, 4])
    assert data.image_shape is None and data.x_test is None
    assert data.value_max == 7.25


def test_csv_with_header_round_trips(tmp_path):
    rng = np.random.default_rng(1)
    x, y = rng.integers(0, 17, (5, 64)), rng.integers(0, 10, 5)
    header = "label," + ",".join(f"p{i}" for i in range(64))
    rows = [",".join(map(str, [label, *row])) for label, row in zip(y, x)]
    path = tmp_path / "digits.csv"
    path.write_text("\n".join([header, *rows]) + "\n")
    data = load_file(path)
    np.testing.assert_array_equal(data.x_train, x.astype(np.float32))
    np.testing.assert_array_equal(data.y_train, y)
    assert data.image_shape == (8, 8) and data.x_test is None
    assert data.value_max == max(1, x.max())


def test_csv_without_header_not_square(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("0,0.5,0.25,3\n2,0.1,0.2,0.3\n\n")
    data = load_csv(path)
    np.testing.assert_array_equal(data.y_train, [0, 2])
    assert data.x_train.shape == (2, 3) and data.image_shape is None
    assert data.value_max == 3


# --- bad files -------------------------------------------------------------------

def test_idx_wrong_magic(tmp_path, digits):
    x, y = digits
    images = write(tmp_path / "a-images-idx3-ubyte", idx_images(x, magic=0))
    labels = write(tmp_path / "a-labels-idx1-ubyte", idx_labels(y))
    with pytest.raises(DataFileError, match="wrong magic number 0x00000000, expected 0x00000803 for IDX images"):
        load_idx(images, labels)


def test_idx_labels_file_given_as_images(tmp_path, digits):
    labels = write(tmp_path / "train-labels-idx1-ubyte", idx_labels(digits[1]))
    with pytest.raises(DataFileError, match="this is an IDX labels file"):
        load_idx(labels, labels)


def test_idx_truncated(tmp_path, digits):
    x, y = digits
    data = idx_images(x)[:16 + 1000]
    images = write(tmp_path / "train-images-idx3-ubyte", data)
    write(tmp_path / "train-labels-idx1-ubyte", idx_labels(y))
    with pytest.raises(DataFileError, match=r"truncated: header declares 12 images of 28×28 "
                                            r"\(9,408 bytes\) but the file holds 1,000"):
        load_idx(images)


def test_idx_truncated_gz(tmp_path, digits):
    x, y = digits
    images = write(tmp_path / "train-images-idx3-ubyte.gz", idx_images(x)[:500], gz=True)
    write(tmp_path / "train-labels-idx1-ubyte.gz", idx_labels(y), gz=True)
    with pytest.raises(DataFileError, match="truncated"):
        load_idx(images)


def test_idx_counts_disagree(tmp_path, digits):
    x, y = digits
    images = write(tmp_path / "train-images-idx3-ubyte", idx_images(x))
    write(tmp_path / "train-labels-idx1-ubyte", idx_labels(y[:10]))
    with pytest.raises(DataFileError, match="12 images but 10 labels"):
        load_idx(images)


def test_idx_missing_labels_file_names_the_expected_one(tmp_path, digits):
    images = write(tmp_path / "train-images-idx3-ubyte", idx_images(digits[0]))
    with pytest.raises(DataFileError, match="expected train-labels-idx1-ubyte"):
        load_idx(images)


def test_idx_folder_without_mnist_files(tmp_path):
    with pytest.raises(DataFileError, match="no train-images-idx3-ubyte"):
        load_file(tmp_path)


@pytest.mark.parametrize("gz", [False, True])
def test_idx_huge_declared_size_fails_fast_without_allocating(tmp_path, gz):
    header = struct.pack(">IIII", 0x803, 10**9, 28, 28)
    images = write(tmp_path / "train-images-idx3-ubyte", header + bytes(84), gz=gz)
    labels_header = struct.pack(">II", 0x801, 10**9)
    labels = write(tmp_path / "train-labels-idx1-ubyte", labels_header + bytes(92), gz=gz)
    assert gz or images.stat().st_size == 100
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(DataFileError, match="1,000,000,000 images of 28×28"):
            load_idx(images, labels)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - start < 2
    assert peak < 50 * 2**20


def test_idx_gz_declaring_less_than_the_cap_reads_only_what_is_there(tmp_path):
    # 100,000 images of 28×28 is within the budget, so the reader must stop at the real end.
    header = struct.pack(">IIII", 0x803, 10**5, 28, 28)
    images = write(tmp_path / "train-images-idx3-ubyte.gz", header + bytes(784 * 3), gz=True)
    tracemalloc.start()
    try:
        with pytest.raises(DataFileError, match="truncated"):
            load_idx(images, images)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 2**20


def test_idx_corrupt_gz(tmp_path, digits):
    x, y = digits
    packed = bytearray(gzip.compress(idx_images(x)))
    packed[len(packed) // 2:] = bytes(len(packed) - len(packed) // 2)  # keep the gzip magic, ruin the rest
    images = write(tmp_path / "train-images-idx3-ubyte.gz", bytes(packed))
    write(tmp_path / "train-labels-idx1-ubyte.gz", idx_labels(y), gz=True)
    with pytest.raises(DataFileError, match="gzip data is damaged"):
        load_idx(images)


def test_idx_empty_file(tmp_path, digits):
    images = write(tmp_path / "train-images-idx3-ubyte", b"")
    write(tmp_path / "train-labels-idx1-ubyte", idx_labels(digits[1]))
    with pytest.raises(DataFileError, match="the file is empty"):
        load_idx(images)


def test_idx_zero_images(tmp_path):
    images = write(tmp_path / "train-images-idx3-ubyte", struct.pack(">IIII", 0x803, 0, 28, 28))
    with pytest.raises(DataFileError, match="no data"):
        load_idx(images, images)


@pytest.mark.parametrize("name", ["train-images-idx3-ubyte", "mnist.npz", "data.csv"])
def test_missing_file(tmp_path, name):
    with pytest.raises(DataFileError, match="file not found") as info:
        load_file(tmp_path / name)
    assert str(info.value).startswith(str(tmp_path / name))


def test_unknown_format(tmp_path):
    path = write(tmp_path / "pictures.txt", b"1,2,3\n")
    with pytest.raises(DataFileError, match="supported formats: idx.*npz.*csv"):
        load_file(path)
    with pytest.raises(DataFileError, match="unknown format 'xls'"):
        load_file(path, fmt="xls")


def test_npz_images_of_different_sizes(tmp_path):
    path = tmp_path / "mixed.npz"
    np.savez(path, x_train=np.zeros((3, 28, 28), np.uint8), y_train=np.zeros(3, np.uint8),
             x_test=np.zeros((2, 32, 32), np.uint8), y_test=np.zeros(2, np.uint8))
    with pytest.raises(DataFileError, match="images of different sizes: x_train is 28×28, x_test is 32×32"):
        load_npz(path)


def test_npz_counts_disagree(tmp_path):
    path = tmp_path / "d.npz"
    np.savez(path, x_train=np.zeros((12, 4, 4)), y_train=np.zeros(10))
    with pytest.raises(DataFileError, match="12 images but 10 labels"):
        load_npz(path)


def test_npz_missing_key(tmp_path):
    path = tmp_path / "d.npz"
    np.savez(path, x_train=np.zeros((2, 4)), labels=np.zeros(2))
    with pytest.raises(DataFileError, match="missing y_train"):
        load_npz(path)


def test_npz_pickled_object_array_is_refused(tmp_path):
    path = tmp_path / "d.npz"
    objects = np.empty(2, dtype=object)
    objects[:] = [{"a": 1}, [2]]
    np.savez(path, x_train=objects, y_train=np.zeros(2))
    with pytest.raises(DataFileError, match="x_train holds Python objects"):
        load_npz(path)


def test_npz_not_a_zip(tmp_path):
    path = write(tmp_path / "d.npz", b"this is not an archive\n")
    with pytest.raises(DataFileError, match="not an .npz file"):
        load_npz(path)


def test_npz_cut_off_zip(tmp_path):
    good = tmp_path / "good.npz"
    np.savez(good, x_train=np.zeros((20, 8)), y_train=np.zeros(20))
    path = write(tmp_path / "d.npz", good.read_bytes()[:300])
    with pytest.raises(DataFileError, match="damaged"):
        load_npz(path)


def test_npz_header_claims_more_than_the_member_holds(tmp_path):
    path = tmp_path / "d.npz"
    buf = io.BytesIO()
    npy_format.write_array_header_1_0(buf, {"descr": "<f8", "fortran_order": False, "shape": (10**9, 784)})
    header = buf.getvalue()
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("x_train.npy", header + bytes(64))
        zf.writestr("y_train.npy", header + bytes(64))
    tracemalloc.start()
    try:
        with pytest.raises(DataFileError, match="x_train declares shape"):
            load_npz(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 2**20


def test_npz_non_finite_values(tmp_path):
    path = tmp_path / "d.npz"
    np.savez(path, x_train=np.array([[1.0, 2.0], [np.nan, 0.0]]), y_train=np.array([0, 1]))
    with pytest.raises(DataFileError, match="NaN or infinite values"):
        load_npz(path)


@pytest.mark.parametrize("labels, message", [
    ([0, -1], "label -1 at y_train\\[1\\] is out of range \\(0–999\\)"),
    ([MAX_CLASSES, 0], "label 1000 at y_train\\[0\\] is out of range"),
    ([0.0, 2.5], "label 2.5 at y_train\\[1\\] is not a whole number"),
])
def test_npz_labels_out_of_range(tmp_path, labels, message):
    path = tmp_path / "d.npz"
    np.savez(path, x_train=np.zeros((2, 3)), y_train=np.array(labels))
    with pytest.raises(DataFileError, match=message):
        load_npz(path)


def test_npz_empty_file(tmp_path):
    with pytest.raises(DataFileError, match="the file is empty"):
        load_npz(write(tmp_path / "d.npz", b""))


@pytest.mark.parametrize("text, message", [
    ("label,a,b\n1,2,3\n4,5,6\n7,8,9\n3,abc,1\n", "row 5, column 2: 'abc' is not a number"),
    ("1,2,3\n4,5\n", "row 2 has 2 columns but row 1 has 3"),
    ("1,2,3\n4,,6\n", "row 2, column 2 is empty"),
    ("1,2,3\n4,inf,6\n", "row 2, column 2: 'inf' is not a finite number"),
    ("1;2;3\n4;5;6\n", "only one column"),
    ("", "the file is empty"),
    ("label,a,b\n", "no data rows"),
])
def test_csv_bad_cells(tmp_path, text, message):
    path = tmp_path / "d.csv"
    path.write_text(text)
    with pytest.raises(DataFileError, match=message):
        load_csv(path)


@pytest.mark.parametrize("label, message", [
    ("12.5", "label 12.5 in row 7 is not a whole number"),
    ("-1", "label -1 in row 7 is out of range \\(0–999\\)"),
    ("1000", "label 1000 in row 7 is out of range"),
])
def test_csv_labels_out_of_range(tmp_path, label, message):
    # Row 7 of the file: a header, a blank line and four good rows come first.
    path = tmp_path / "d.csv"
    path.write_text("label,x,y\n\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n" + label + ",2,3\n")
    with pytest.raises(DataFileError, match=message):
        load_csv(path)


def test_csv_not_text(tmp_path):
    path = write(tmp_path / "d.csv", b"\xff\xfe\x00\x81binary")
    with pytest.raises(DataFileError, match="not a text file"):
        load_csv(path)
