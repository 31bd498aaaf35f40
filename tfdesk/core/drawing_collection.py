"""A collection of labelled drawings: the student's own handwriting as training data.

One .npz file holds the whole collection: for every drawing its strokes (so it
can be painted again), the model inputs it gives in both drawing formats (the
8x8 digits and 28x28 MNIST), its label, when it was drawn, who drew it, and the
pen width. The same file is what File ▸ Export drawings writes and Import reads,
so an instructor can merge a class's collections into one and hand it back.

Reading goes through npz_files.read_npz (sizes checked before anything is
allocated, no pickles), then every array is checked against every other: a
damaged or hostile file is refused with one sentence, never half-loaded.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .drawing import NothingDrawn, canvas_to_input
from .errors import DataFileError, TfdeskError
from .i18n import QT_TRANSLATE_NOOP, Words
from .input_formats import IMAGE_FORMATS
from .strokes import as_strokes, paint

FORMAT_VERSION = 1
MAX_DRAWINGS = 100_000
MAX_POINTS = 20_000_000  # about 100 points a stroke is usual
MAX_BYTES = 400 * 1024**2
MAX_WRITER = 64  # characters of a writer's name
MAX_CANVAS = 2048  # logical pixels; the points' half precision is a pixel or better below it
# What each drawing format stores: its values and their top (core/input_formats.py).
FORMATS = {f.name: (f.size, f.stored_max) for f in IMAGE_FORMATS.values()}
_KEYS = ("version", "labels", "writers", "times", "pen_widths", "canvas_sides",
         "stroke_counts", "point_counts", "points", "digits8x8", "mnist28")


@dataclass
class Drawing:
    strokes: list  # (n, 2) float32 arrays, canvas pixels
    label: int
    writer: str
    time: float  # seconds since the epoch
    pen_width: float
    canvas_side: float  # the canvas the strokes were drawn on (logical pixels)
    inputs: dict = field(default_factory=dict)  # format -> stored counts (uint8)

    def model_input(self, input_format: str) -> np.ndarray:
        """The float32 vector in [0, 1] a network of this format is fed."""
        return self.inputs[input_format].astype(np.float32) / FORMATS[input_format][1]


def make_drawing(strokes, label: int, writer: str = "", pen_width: float = 20.0,
                 canvas_side: float = 280.0, when: float | None = None,
                 canvas: np.ndarray | None = None) -> Drawing:
    """A drawing from its strokes, with the model inputs of the canvas it was drawn on
    (or, without one, of the strokes painted by the canvas's pen)."""
    strokes = as_strokes(strokes)
    if not strokes:
        raise NothingDrawn()
    if not 0 <= int(label) <= 9:
        raise TfdeskError(
            QT_TRANSLATE_NOOP("core", "a drawing's label is a digit 0–9, not {label!r}"),
            label=label)
    if canvas is None:
        canvas = paint(strokes, int(np.ceil(canvas_side)), pen_width)
    inputs = {}
    for name, (size, scale) in FORMATS.items():
        inputs[name] = np.round(canvas_to_input(canvas, name) * scale).astype(np.uint8)
    # Numbers as the file keeps them, so a drawing is the same before and after a save.
    return Drawing(strokes, int(label), str(writer)[:MAX_WRITER],
                   time.time() if when is None else float(when),
                   float(np.float32(pen_width)), float(np.float32(canvas_side)), inputs)


class DrawingCollection:
    def __init__(self, drawings: list[Drawing] | None = None):
        self.drawings: list[Drawing] = list(drawings or [])

    def __len__(self) -> int:
        return len(self.drawings)

    def __getitem__(self, index: int) -> Drawing:
        return self.drawings[index]

    def add(self, drawing: Drawing) -> None:
        if len(self.drawings) >= MAX_DRAWINGS:
            raise TfdeskError(
                QT_TRANSLATE_NOOP("core", "the collection is full ({limit:,} drawings)"),
                limit=MAX_DRAWINGS)
        self.drawings.append(drawing)

    def remove(self, indices) -> None:
        gone = set(int(i) for i in indices)
        self.drawings = [d for i, d in enumerate(self.drawings) if i not in gone]

    def merge(self, other: "DrawingCollection") -> int:
        """Add the drawings of other that are not here already; how many were new."""
        seen = {_identity(d) for d in self.drawings}
        new = [d for d in other.drawings if _identity(d) not in seen]
        if len(self.drawings) + len(new) > MAX_DRAWINGS:
            raise TfdeskError(
                QT_TRANSLATE_NOOP("core", "together the collections hold more than {limit:,} "
                                          "drawings"),
                limit=MAX_DRAWINGS)
        self.drawings.extend(new)
        return len(new)

    def labels(self) -> np.ndarray:
        return np.array([d.label for d in self.drawings], dtype=np.int64)

    def inputs(self, input_format: str) -> np.ndarray:
        """(n, features) float32 in [0, 1]: every drawing as a network of this format sees it."""
        size, _ = FORMATS[input_format]
        if not self.drawings:
            return np.zeros((0, size), np.float32)
        return np.stack([d.model_input(input_format) for d in self.drawings])

    def counts(self) -> np.ndarray:
        """How many drawings of each digit."""
        return np.bincount(self.labels(), minlength=10)

    # ---- files ------------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        """Write the collection; the old file is replaced only once the new one is complete."""
        path = Path(path)
        arrays = self._arrays()
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".saving",
                                             dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as f:
                np.savez_compressed(f, **arrays)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temporary, path)
        except OSError as e:
            Path(temporary).unlink(missing_ok=True)
            raise TfdeskError(
                QT_TRANSLATE_NOOP("core", "{path}: cannot save the drawings ({reason})"),
                path=path, reason=e.strerror or str(e)) from None

    def _arrays(self) -> dict:
        d = self.drawings
        strokes = [s for drawing in d for s in drawing.strokes]
        return {
            "version": np.array(FORMAT_VERSION, np.int32),
            "labels": np.array([x.label for x in d], np.int16),
            "writers": np.array([x.writer for x in d], dtype=f"<U{MAX_WRITER}"),
            "times": np.array([x.time for x in d], np.float64),
            "pen_widths": np.array([x.pen_width for x in d], np.float32),
            "canvas_sides": np.array([x.canvas_side for x in d], np.float32),
            "stroke_counts": np.array([len(x.strokes) for x in d], np.int32),
            "point_counts": np.array([len(s) for s in strokes], np.int32),
            # Half precision: an eighth of a pixel on the 280-pixel canvas, half the size.
            "points": (np.concatenate(strokes).astype(np.float16) if strokes
                       else np.zeros((0, 2), np.float16)),
            **{name: (np.stack([x.inputs[name] for x in d]) if d
                      else np.zeros((0, size), np.uint8))
               for name, (size, _) in FORMATS.items()},
        }

    @classmethod
    def load(cls, path: str | Path) -> "DrawingCollection":
        from .npz_files import read_npz

        path = Path(path)
        a = read_npz(path, _KEYS, expected=Words(QT_TRANSLATE_NOOP(
                         "core", "a tfdesk drawing collection (File ▸ Export drawings)")),
                     budget=MAX_BYTES, bytes_per_value=1)
        return cls(_drawings_from(path, a))


def _identity(d: Drawing) -> tuple:
    # What survives a save unchanged (the points are rounded to half precision).
    return (d.label, d.time, d.writer, d.inputs["digits8x8"].tobytes())


def _drawings_from(path: Path, a: dict) -> list[Drawing]:
    def bad(problem, **fields):
        return DataFileError(path, QT_TRANSLATE_NOOP("core", "not a usable drawing collection: {problem}"),
                             problem=Words(problem, **fields))

    if a["version"].shape != () or a["version"].dtype.kind not in "iu":
        raise bad(QT_TRANSLATE_NOOP("core", "its version is not a whole number"))
    if int(a["version"]) != FORMAT_VERSION:
        raise bad(
            QT_TRANSLATE_NOOP("core", "it was written in format {version}; this tfdesk reads format "
                                      "{format_version}"),
            version=int(a["version"]), format_version=FORMAT_VERSION)
    n = a["labels"].shape[0] if a["labels"].ndim == 1 else -1
    if not 0 <= n <= MAX_DRAWINGS:
        raise bad(
            QT_TRANSLATE_NOOP("core", "labels must be a list of at most {limit:,} digits"),
            limit=MAX_DRAWINGS)
    for key in ("writers", "times", "pen_widths", "canvas_sides", "stroke_counts"):
        if a[key].shape != (n,):
            raise bad(
                QT_TRANSLATE_NOOP("core", "{key} has shape {shape}, but there are {count} labels"),
                key=key, shape=a[key].shape, count=n)
    for key, (size, top) in FORMATS.items():
        if a[key].shape != (n, size) or a[key].dtype != np.uint8 or (a[key] > top).any():
            raise bad(
                QT_TRANSLATE_NOOP("core", "{key} must be {count} × {size} values 0–{top}"),
                key=key, count=n, size=size, top=top)
    if a["labels"].dtype.kind not in "iu" or ((a["labels"] < 0) | (a["labels"] > 9)).any():
        raise bad(QT_TRANSLATE_NOOP("core", "labels must be digits 0–9"))
    if a["writers"].dtype.kind != "U":
        raise bad(QT_TRANSLATE_NOOP("core", "writers must be text"))
    for key in ("times", "pen_widths", "canvas_sides"):
        if a[key].dtype.kind != "f" or not np.isfinite(a[key]).all():
            raise bad(QT_TRANSLATE_NOOP("core", "{key} must be finite numbers"), key=key)
    if ((a["pen_widths"] <= 0) | (a["pen_widths"] > 200)).any() or \
            ((a["canvas_sides"] < 8) | (a["canvas_sides"] > MAX_CANVAS)).any():
        raise bad(QT_TRANSLATE_NOOP("core", "a pen width or canvas size is out of range"))
    strokes_each, points_each = a["stroke_counts"], a["point_counts"]
    if strokes_each.dtype.kind not in "iu" or points_each.dtype.kind not in "iu" or \
            points_each.ndim != 1 or (strokes_each < 1).any() or (points_each < 1).any():
        raise bad(
            QT_TRANSLATE_NOOP("core", "every drawing needs at least one stroke of at least one point"))
    if int(strokes_each.sum()) != len(points_each):
        raise bad(
            QT_TRANSLATE_NOOP("core", "the drawings have {strokes} strokes in all, but "
                                      "{stored} are stored"),
            strokes=int(strokes_each.sum()), stored=len(points_each))
    points = a["points"]
    if points.ndim != 2 or points.shape[1] != 2 or points.dtype.kind != "f" or \
            len(points) > MAX_POINTS or int(points_each.sum()) != len(points):
        raise bad(QT_TRANSLATE_NOOP("core", "the stroke points do not add up"))
    if not np.isfinite(points).all():
        raise bad(QT_TRANSLATE_NOOP("core", "a stroke point is not a finite number"))
    stroke_list = np.split(points.astype(np.float32), np.cumsum(points_each)[:-1]) if n else []
    per_drawing = np.split(np.arange(len(points_each)), np.cumsum(strokes_each)[:-1]) if n else []
    return [Drawing([stroke_list[j] for j in per_drawing[i]], int(a["labels"][i]),
                    str(a["writers"][i]), float(a["times"][i]), float(a["pen_widths"][i]),
                    float(a["canvas_sides"][i]),
                    {name: a[name][i].copy() for name in FORMATS})
            for i in range(n)]


class DrawingLibrary:
    """The student's own collection, kept in one file that every change is saved to.

    A damaged file is never overwritten: it is moved aside (its name says so) and
    the library starts empty, with `problem` saying what happened."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.problem: Words | None = None  # English as a str; the window translates it
        self.collection = DrawingCollection()
        if self.path.exists():
            try:
                self.collection = DrawingCollection.load(self.path)
            except TfdeskError as e:
                aside = self.path.with_name(
                    f"{self.path.stem}-damaged-{time.strftime('%Y%m%d-%H%M%S')}{self.path.suffix}")
                try:
                    os.replace(self.path, aside)
                except OSError:
                    self.problem = Words(QT_TRANSLATE_NOOP(
                        "core", "Your drawings could not be read ({error}); it was left as it is and a "
                                "new collection was started."), error=e)
                else:
                    self.problem = Words(QT_TRANSLATE_NOOP(
                        "core", "Your drawings could not be read ({error}); it was kept as {aside} and a "
                                "new collection was started."), error=e, aside=aside)

    def __len__(self) -> int:
        return len(self.collection)

    def add(self, drawing: Drawing) -> None:
        self.collection.add(drawing)
        self._save_or_undo(lambda: self.collection.drawings.pop())

    def remove(self, indices) -> None:
        before = list(self.collection.drawings)
        self.collection.remove(indices)
        self._save_or_undo(lambda: setattr(self.collection, "drawings", before))

    def restore(self, drawings: list[Drawing]) -> None:
        """Back to an earlier list of drawings (an undone removal)."""
        before = list(self.collection.drawings)
        self.collection.drawings = list(drawings)
        self._save_or_undo(lambda: setattr(self.collection, "drawings", before))

    def import_file(self, path: str | Path) -> int:
        """Merge a collection file into this one; how many drawings were new."""
        other = DrawingCollection.load(path)
        before = list(self.collection.drawings)
        added = self.collection.merge(other)
        self._save_or_undo(lambda: setattr(self.collection, "drawings", before))
        return added

    def export(self, path: str | Path) -> None:
        if Path(path).resolve() == self.path.resolve():
            raise TfdeskError(
                QT_TRANSLATE_NOOP("core", "{path} is the collection itself; export to another file"),
                path=path)
        self.collection.save(path)

    def _save_or_undo(self, undo) -> None:
        # In memory and on disk agree: a change that cannot be saved is taken back.
        try:
            self.collection.save(self.path)
        except TfdeskError:
            undo()
            raise
