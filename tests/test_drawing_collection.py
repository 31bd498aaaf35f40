"""The student's drawings as training data: saved, reloaded, merged, mixed in, and
corrupt or hostile collection files refused with a sentence."""

import io
import math
import zipfile

import numpy as np
import pytest

from tfdesk.core.data import load_dataset
from tfdesk.core.drawing import NothingDrawn, canvas_to_input
from tfdesk.core.drawing_collection import DrawingCollection, make_drawing
from tfdesk.core.errors import DataFileError, SpecError, TfdeskError
from tfdesk.core.pen_digits import drawings
from tfdesk.core.spec import course_experiment
from tfdesk.core.strokes import paint


def _collection(seed=4, per_style=1, writer="Mei"):
    return DrawingCollection([
        make_drawing(h.strokes, h.digit, writer, h.pen_width, when=1_700_000_000.0 + i)
        for i, h in enumerate(drawings(seed, per_style))])


def test_a_drawing_keeps_its_strokes_and_what_the_network_sees_in_both_formats():
    hand = drawings(4, 1)[5]
    drawing = make_drawing(hand.strokes, hand.digit, "Mei", hand.pen_width)
    canvas = paint(hand.strokes, 280, hand.pen_width)
    for name in ("digits8x8", "mnist28"):
        np.testing.assert_allclose(drawing.model_input(name), canvas_to_input(canvas, name), atol=0.01)
    assert drawing.writer == "Mei" and drawing.label == hand.digit


def test_an_empty_drawing_or_a_label_that_is_no_digit_is_refused():
    with pytest.raises(NothingDrawn):
        make_drawing([], 3)
    with pytest.raises(TfdeskError, match="label is a digit 0–9"):
        make_drawing([[(10, 10), (50, 50)]], 12)


def test_a_collection_saves_and_reloads_exactly(tmp_path):
    collection = _collection()
    path = tmp_path / "drawings.npz"
    collection.save(path)
    again = DrawingCollection.load(path)
    assert len(again) == len(collection) == 22
    for a, b in zip(collection, again):
        assert (a.label, a.writer, a.time, a.pen_width) == (b.label, b.writer, b.time, b.pen_width)
        for s, t in zip(a.strokes, b.strokes):
            np.testing.assert_allclose(s, t, atol=0.13)
        for name in a.inputs:
            np.testing.assert_array_equal(a.inputs[name], b.inputs[name])
    np.testing.assert_array_equal(again.counts(), collection.counts())


def test_merging_adds_only_drawings_not_there_yet(tmp_path):
    mine, theirs = _collection(4, writer="Mei"), _collection(5, writer="Tom")
    assert mine.merge(theirs) == 22
    assert mine.merge(theirs) == 0
    assert len(mine) == 44 and {d.writer for d in mine} == {"Mei", "Tom"}
    mine.remove([0, 1, 2])
    assert len(mine) == 41


def test_an_empty_collection_saves_and_loads(tmp_path):
    DrawingCollection().save(tmp_path / "none.npz")
    assert len(DrawingCollection.load(tmp_path / "none.npz")) == 0


def test_a_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "drawings.npz"
    _collection().save(path)
    before = path.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(np, "savez_compressed", full_disk)
    with pytest.raises(TfdeskError, match="cannot save the drawings.*No space left"):
        _collection(6).save(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["drawings.npz"]


def test_drawings_mix_into_training_and_keep_a_held_out_share(tmp_path):
    path = tmp_path / "drawings.npz"
    _collection(4, per_style=3).save(path)  # 66 drawings
    exp = course_experiment()
    plain = load_dataset(exp)
    exp.data.drawings, exp.data.drawings_weight = str(path), 3
    mixed = load_dataset(exp)
    held = len(mixed.drawing_tests["drawings"][0])
    assert held == math.ceil(66 * exp.training.test_fraction)
    assert len(mixed.x_train) == len(plain.x_train) + 3 * (66 - held)
    np.testing.assert_array_equal(mixed.x_test, plain.x_test)  # the test split is the digits'
    np.testing.assert_array_equal(mixed.x_val, plain.x_val)


def test_drawings_need_digit_images():
    exp = course_experiment()
    exp.data.source = "linear"
    exp.data.pen_digits = True
    with pytest.raises(SpecError, match="data.pen_digits: the curve lessons have no images"):
        exp.validate()


# ---- files that are not collections -----------------------------------------------


def _rewrite(path, **changes):
    """The collection at path with some of its arrays replaced (or removed with None)."""
    with np.load(path) as f:
        arrays = dict(f)
    for key, value in changes.items():
        if value is None:
            arrays.pop(key)
        else:
            arrays[key] = value
    np.savez(path, **arrays)


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "drawings.npz"
    _collection().save(path)
    return path


@pytest.mark.parametrize("changes, message", [
    ({"labels": None}, "missing labels"),
    ({"labels": np.full(22, 11, np.int16)}, "labels must be digits 0–9"),
    ({"writers": np.array(["x"] * 21)}, "writers has shape"),
    ({"digits8x8": np.full((22, 64), 17, np.uint8)}, "digits8x8 must be 22 × 64 values 0–16"),
    ({"point_counts": np.array([1] * 5, np.int32)}, "strokes in all"),
    ({"points": np.full((3, 2), np.nan, np.float16)}, "do not add up"),
    ({"times": np.full(22, np.inf)}, "times must be finite"),
    ({"version": np.array(99)}, "format 99; this tfdesk reads format 1"),
    ({"pen_widths": np.full(22, -3.0, np.float32)}, "pen width or canvas size is out of range"),
    ({"writers": np.array([object()] * 22, dtype=object)}, "Python objects"),
])
def test_a_damaged_collection_is_refused_naming_the_problem(saved, changes, message):
    _rewrite(saved, **changes)
    with pytest.raises(DataFileError, match=message) as info:
        DrawingCollection.load(saved)
    assert str(saved) in str(info.value)


def test_a_huge_declared_array_is_refused_before_it_is_read(saved):
    # A small archive whose points say they take 2^41 bytes.
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f2", "fortran_order": False, "shape": (2**39, 2)})
    bomb = saved.with_name("bomb.npz")
    with zipfile.ZipFile(saved) as zf, zipfile.ZipFile(bomb, "w") as out:
        for item in zf.infolist():
            if item.filename != "points.npy":
                out.writestr(item.filename, zf.read(item))
        out.writestr("points.npy", header.getvalue() + bytes(64))
    with pytest.raises(DataFileError, match="points declares shape"):
        DrawingCollection.load(bomb)


@pytest.mark.parametrize("content", [b"", b"not a zip", b"\x93NUMPY...", b"PK\x03\x04broken"])
def test_files_that_are_no_collection_at_all(tmp_path, content):
    path = tmp_path / "bad.npz"
    path.write_bytes(content)
    with pytest.raises(DataFileError):
        DrawingCollection.load(path)


def test_a_folder_or_missing_file_is_refused(tmp_path):
    with pytest.raises(DataFileError, match="this is a folder, not a file"):
        DrawingCollection.load(tmp_path)
    with pytest.raises(DataFileError, match="file not found"):
        DrawingCollection.load(tmp_path / "gone.npz")
