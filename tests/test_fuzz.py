"""Corrupted files of every kind tfdesk reads: each loads, or gives tfdesk's own error
naming the file, quickly and without a large allocation. Never another exception.

The corruptions are drawn from a fixed seed (so a failure reproduces): cut short,
bit flips, zeroed or repeated blocks, absurd sizes, empty files. The suite's case
count is printed at the end of the test run (conftest.py).
"""

from __future__ import annotations

import gzip
import json
import resource
import shutil
import struct
import time
import zlib
from pathlib import Path

import numpy as np
import pytest

from tfdesk.core.checkpoint import read_sidecar, restore_weights, save_checkpoint
from tfdesk.core.data import digits_dataset
from tfdesk.core.data_files import load_file
from tfdesk.core.errors import TfdeskError
from tfdesk.core.foreign_graph import ForeignGraph
from tfdesk.core.spec import Experiment
from tfdesk.core.trainer import Trainer

from helpers import tiny_digits

VARIANTS_PER_FILE = 16
SECONDS_PER_CASE = 10.0
CASES: list[str] = []  # read by conftest.py's summary line


def _mutations(data: bytes, seed: int) -> list[tuple[str, bytes]]:
    rng = np.random.default_rng(seed)
    n = len(data)
    out = [("empty", b""), ("one byte", data[:1]), ("cut in half", data[: n // 2]),
           ("last byte missing", data[:-1]), ("doubled", data + data),
           ("trailing junk", data + bytes(rng.integers(0, 256, 512, dtype=np.uint8)))]
    for bits in (1, 8, 64):
        flipped = bytearray(data)
        for position in rng.integers(0, n * 8, bits):
            flipped[position // 8] ^= 1 << (position % 8)
        out.append((f"{bits} bits flipped", bytes(flipped)))
    start = int(rng.integers(0, max(1, n - 64)))
    out.append(("64 bytes zeroed", data[:start] + bytes(64) + data[start + 64:]))
    out.append(("header zeroed", bytes(min(n, 32)) + data[32:]))
    out.append(("header all ones", b"\xff" * min(n, 16) + data[16:]))
    out.append(("cut at random", data[: int(rng.integers(1, n))]))
    out.append(("random bytes", bytes(rng.integers(0, 256, n, dtype=np.uint8))))
    out.append(("block repeated", data[: n // 3] + data[: n // 3] + data[n // 3:]))
    out.append(("shuffled blocks", b"".join(
        data[i:i + 97] for i in rng.permutation(range(0, n, 97)))))
    assert len(out) == VARIANTS_PER_FILE
    return out


def _expect_tfdesk_error_or_success(kind: str, name: str, path: Path, load) -> None:
    CASES.append(f"{kind}: {name}")
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        load()
    except TfdeskError as e:
        message = str(e)
        assert message and "Traceback" not in message, (kind, name, message)
        assert path.name in message or path.parent.name in message, (kind, name, message)
    except Exception as e:  # anything else is a bug in tfdesk's error handling
        pytest.fail(f"{kind}, {name}: {type(e).__name__}: {e}")
    assert time.perf_counter() - started < SECONDS_PER_CASE, (kind, name)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    assert grown_mb < 500, (kind, name, grown_mb)


def _fuzz_file(tmp_path: Path, kind: str, original: Path, load, seed: int) -> None:
    data = original.read_bytes()
    for name, corrupted in _mutations(data, seed):
        original.write_bytes(corrupted)
        _expect_tfdesk_error_or_success(kind, name, original, lambda: load(original))
    original.write_bytes(data)


@pytest.fixture(scope="module")
def digits():
    d = digits_dataset(0.1, 0.2, seed=0)
    images = (d.x_train.reshape(-1, 8, 8) * 16).round().astype(np.uint8)
    return images[:300], d.y_train.argmax(axis=1)[:300].astype(np.uint8)


def _idx(path: Path, array: np.ndarray) -> None:
    header = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    path.write_bytes(header + array.tobytes())


def test_idx_images_and_labels(tmp_path, digits):
    images, labels = digits
    _idx(tmp_path / "train-images-idx3-ubyte", images)
    _idx(tmp_path / "train-labels-idx1-ubyte", labels)
    load = lambda path: load_file(tmp_path / "train-images-idx3-ubyte", "idx")  # noqa: E731
    _fuzz_file(tmp_path, "IDX images", tmp_path / "train-images-idx3-ubyte", load, 1)
    _fuzz_file(tmp_path, "IDX labels", tmp_path / "train-labels-idx1-ubyte", load, 2)


def test_idx_gz(tmp_path, digits):
    images, labels = digits
    _idx(tmp_path / "raw", images)
    (tmp_path / "t-images-idx3-ubyte.gz").write_bytes(gzip.compress((tmp_path / "raw").read_bytes()))
    _idx(tmp_path / "raw", labels)
    (tmp_path / "t-labels-idx1-ubyte.gz").write_bytes(gzip.compress((tmp_path / "raw").read_bytes()))
    _fuzz_file(tmp_path, "IDX .gz", tmp_path / "t-images-idx3-ubyte.gz",
               lambda path: load_file(path, "idx"), 3)


def test_npz(tmp_path, digits):
    images, labels = digits
    path = tmp_path / "mnist.npz"
    np.savez(path, x_train=images[:200], y_train=labels[:200], x_test=images[200:],
             y_test=labels[200:])
    _fuzz_file(tmp_path, "npz", path, lambda p: load_file(p, "npz"), 4)
    np.savez_compressed(path, x_train=images[:200], y_train=labels[:200], x_test=images[200:],
                        y_test=labels[200:])
    _fuzz_file(tmp_path, "compressed npz", path, lambda p: load_file(p, "npz"), 5)


def test_csv(tmp_path, digits):
    images, labels = digits
    path = tmp_path / "digits.csv"
    rows = np.column_stack([labels[:150], images[:150].reshape(150, -1)])
    path.write_text("label," + ",".join(f"p{i}" for i in range(64)) + "\n"
                    + "\n".join(",".join(map(str, r)) for r in rows) + "\n")
    _fuzz_file(tmp_path, "CSV", path, lambda p: load_file(p, "csv"), 6)


def test_experiment_json(tmp_path):
    path = tmp_path / "experiment.json"
    tiny_digits().save(path)
    _fuzz_file(tmp_path, "experiment JSON", path, Experiment.load, 7)


@pytest.mark.parametrize("compressed", [True, False], ids=["as saved", "uncompressed"])
def test_drawing_collection(tmp_path, compressed):
    from tfdesk.core.drawing_collection import DrawingCollection, make_drawing
    from tfdesk.core.pen_digits import drawings

    path = tmp_path / "drawings.npz"
    collection = DrawingCollection([make_drawing(h.strokes, h.digit, "Mei", h.pen_width)
                                    for h in drawings(8, 1)[:6]])
    collection.save(path)
    if not compressed:  # the arrays' own bytes in the clear, for the bit flips to hit
        with np.load(path) as f:
            np.savez(path, **dict(f))
    _fuzz_file(tmp_path, "drawing collection", path, DrawingCollection.load, 12 + compressed)


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ck") / "save_model"
    with Trainer(tiny_digits(epochs=1)) as trainer:
        trainer.train()
        save_checkpoint(trainer, folder)
    return folder


@pytest.mark.parametrize("member", ["checkpoint_weight.ckpt.index",
                                    "checkpoint_weight.ckpt.data-00000-of-00001",
                                    "checkpoint_weight.ckpt.meta", "tfdesk.json", "checkpoint"])
def test_each_file_of_a_checkpoint(tmp_path, checkpoint, member):
    folder = tmp_path / "save_model"
    shutil.copytree(checkpoint, folder)
    trainer = Trainer(tiny_digits(epochs=1))

    def restore(_path):
        restore_weights(trainer, folder)
        read_sidecar(folder)

    def open_graph(_path):
        ForeignGraph(folder).close()

    loader = open_graph if member.endswith(".meta") else restore
    _fuzz_file(tmp_path, f"checkpoint {member}", folder / member, loader, zlib.crc32(member.encode()))
    if not member.endswith(".meta"):
        _fuzz_file(tmp_path, f"checkpoint {member} (graph)", folder / member, open_graph, 11)
    trainer.close()


def test_the_suite_is_large_enough():
    # Runs last in this module: every case above has been counted.
    assert len(CASES) >= 200, len(CASES)
    json.dumps(CASES)  # plain strings, for the summary
