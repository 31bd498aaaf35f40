"""Drawn digits: how often a network reads digits drawn with a mouse right.

    python -m bench.drawing            # the held-out test, about 3 minutes on 2 cores
    python -m bench.drawing --tune     # the choices behind the defaults, on tuning hands
    python -m bench.drawing --tune --configs default,convolutional   # some of them

The drawings are made here, not collected: every style of every digit
(tfdesk/core/pen_digits.py) written by simulated hands, painted with the
canvas's pen (tfdesk/core/strokes.py) and prepared by the canvas's own code
(tfdesk/core/drawing.py). The test hands come from TEST_SEED, which nothing
trains or tunes on; --tune uses TUNING_SEED; the shipped pen digits come from
TRAINING_SEED. Accuracy is per class (each digit counts the same), each digit's
styles equally often.

"New hands" networks train on every style (as the app does) and meet hands they
never saw. "New styles" networks train on the pen digits of half of the styles
and are tested on the other half, and the other way round: how well a network
reads a way of writing a digit that no training drawing used.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import numpy as np

from .common import machine, table  # noqa: F401  (sets TensorFlow's log level first)

from tfdesk.core.data import load_dataset, pen_digits_collection, with_drawings  # noqa: E402
from tfdesk.core.drawing import canvas_to_input  # noqa: E402
from tfdesk.core.drawing_collection import DrawingCollection  # noqa: E402
from tfdesk.core.pen_digits import STYLES, TEST_SEED, TUNING_SEED, drawings  # noqa: E402
from tfdesk.core.spec import LayerSpec, conv_experiment, course_experiment, default_experiment  # noqa: E402
from tfdesk.core.strokes import paint  # noqa: E402
from tfdesk.core.trainer import Trainer  # noqa: E402

STYLE_NAMES = [f"{digit} {style}" for digit, styles in STYLES.items() for style in styles]
# Half of each digit's styles, alternately: the two halves of the "new styles" test.
HALF_A = {name for i, name in enumerate(STYLE_NAMES) if i % 2 == 0}


def drawn_set(seed: int, per_style: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(8x8 inputs, digits, style names) of per_style drawings of every style."""
    hands = drawings(seed, per_style)
    x = np.stack([canvas_to_input(paint(h.strokes, 280, h.pen_width)) for h in hands])
    return x, np.array([h.digit for h in hands]), np.array([f"{h.digit} {h.style}" for h in hands])


def _style_of(writer: str) -> str:
    return writer.removeprefix("simulated hand: ")


class Result:
    def __init__(self, name, test_accuracy, predicted, digits, styles, seconds):
        self.name, self.test_accuracy, self.seconds = name, test_accuracy, seconds
        self.predicted, self.digits, self.styles = predicted, digits, styles

    def per_class(self) -> np.ndarray:
        return np.array([(self.predicted[self.digits == d] == d).mean() for d in range(10)])

    def accuracy(self) -> float:
        return float(self.per_class().mean())

    def per_style(self) -> dict[str, float]:
        return {s: float((self.predicted[self.styles == s] == self.digits[self.styles == s]).mean())
                for s in STYLE_NAMES if (self.styles == s).any()}

    def confusions(self, most: int = 6) -> list[tuple[str, int]]:
        wrong = self.predicted != self.digits
        pairs = Counter(f"{d} → {p}" for d, p in zip(self.digits[wrong], self.predicted[wrong]))
        return pairs.most_common(most)


def train_and_read(name, exp, drawn, pen_styles=None) -> Result:
    """Train exp and read the drawings; pen_styles keeps only those styles' pen digits."""
    x, digits, styles = drawn
    started = time.perf_counter()
    exp = exp.copy()
    if pen_styles is not None and exp.data.pen_digits:
        exp.data.pen_digits = False
        data = load_dataset(exp)
        pens = pen_digits_collection()
        kept = DrawingCollection([d for d in pens.drawings if f"{d.label} {_style_of(d.writer)}" in pen_styles])
        data = with_drawings(data, "pen_digits", kept, 1, exp.training.test_fraction, exp.training.seed)
        trainer = Trainer(exp, data)
    else:
        trainer = Trainer(exp)
    with trainer:
        trainer.train()
        test = trainer.evaluate("test").accuracy
        predicted = trainer.predict(x).argmax(axis=1)
    return Result(name, test, predicted, digits, styles, time.perf_counter() - started)


def new_styles(name, exp, drawn) -> Result:
    """Pen digits of half the styles train, the other half is read; both ways round."""
    x, digits, styles = drawn
    in_a = np.isin(styles, list(HALF_A))
    halves = []
    for train_half, read in ((HALF_A, ~in_a), (set(STYLE_NAMES) - HALF_A, in_a)):
        halves.append(train_and_read(name, exp, (x[read], digits[read], styles[read]), train_half))
    return Result(f"{name}, new styles", np.mean([h.test_accuracy for h in halves]),
                  np.concatenate([h.predicted for h in halves]),
                  np.concatenate([h.digits for h in halves]),
                  np.concatenate([h.styles for h in halves]), sum(h.seconds for h in halves))


def report(results: list[Result]) -> None:
    rows = [("", "drawn digits", "test digits")]
    rows += [(r.name, f"{r.accuracy() * 100:.1f} %", f"{r.test_accuracy * 100:.1f} %") for r in results]
    print(table("Read right (per class; test digits: scikit-learn's held-out 20 %)", rows))
    print()
    rows = [("", *[r.name.split(",")[0][:12] for r in results])]
    for digit in range(10):
        rows.append((str(digit), *[f"{r.per_class()[digit] * 100:.0f}" for r in results]))
    print(_wide_table("Per digit (%)", rows))
    print()
    rows = [("", *[r.name.split(",")[0][:12] for r in results])]
    for style in STYLE_NAMES:
        rows.append((style, *[f"{r.per_style().get(style, float('nan')) * 100:.0f}" for r in results]))
    print(_wide_table("Per style (%)", rows))
    print()
    for r in results:
        mixups = ", ".join(f"{pair} ×{n}" for pair, n in r.confusions()) or "none"
        print(f"{r.name}: most frequent misreadings (drawn → read): {mixups}  [{r.seconds:.0f} s]")


def _wide_table(title, rows):
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    lines = [title]
    for r in rows:
        lines.append("  " + "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                                      for i, (c, w) in enumerate(zip(r, widths))))
    return "\n".join(lines)


def _variant(exp, **changes):
    exp = exp.copy()
    for key, value in changes.items():
        part, name = key.split("__")
        setattr(getattr(exp, part), name, value)
    return exp


class _Scaled:
    """An experiment whose augmentation is `factor` times as strong (tuning only)."""

    def __init__(self, exp, factor):
        self.exp, self.factor = exp, factor


def _train_scaled(name, scaled, drawn) -> Result:
    from tfdesk.core import augment

    names = ("MAX_TURN_DEGREES", "MAX_SHEAR", "MAX_SCALE", "MAX_SHIFT", "MAX_PEN_CHANGE")
    saved = {n: getattr(augment, n) for n in names}
    try:
        for n in names:
            setattr(augment, n, saved[n] * scaled.factor)
        return train_and_read(name, scaled.exp, drawn)
    finally:
        for n, value in saved.items():
            setattr(augment, n, value)


def tuning_configs() -> dict:
    course = course_experiment()
    default = default_experiment()
    return {
        "course": course,
        "course + augment": _variant(course, data__augment=True),
        "course + pen": _variant(course, data__pen_digits=True),
        "course + pen + augment": _variant(course, data__pen_digits=True, data__augment=True),
        "100 + pen": _variant(default, model__hidden_layers=[LayerSpec(100, "relu", 0.2)],
                              data__augment=False),
        "100 + pen + augment": _variant(default, model__hidden_layers=[LayerSpec(100, "relu", 0.2)]),
        "default without augment": _variant(default, data__augment=False),
        "default": default,
        "default, 40 epochs": _variant(default, training__epochs=40),
        "default, augment ×0.5": _Scaled(default, 0.5),
        "default, augment ×2": _Scaled(default, 2.0),
        "convolutional": conv_experiment(),
        "convolutional without augment": _variant(conv_experiment(), data__augment=False),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="compare the candidate defaults on tuning hands")
    parser.add_argument("--per-style", type=int, default=50, help="drawings of each style (default 50)")
    parser.add_argument("--configs", help="with --tune: only these candidates, comma-separated")
    args = parser.parse_args()
    seed = TUNING_SEED if args.tune else TEST_SEED
    print(f"{machine()}; {args.per_style} drawings of each of {len(STYLE_NAMES)} styles, "
          f"{'tuning' if args.tune else 'test'} hands (seed {seed})\n")
    drawn = drawn_set(seed, args.per_style)
    if args.tune:
        chosen = args.configs.split(",") if args.configs else None
        results = [_train_scaled(name, exp, drawn) if isinstance(exp, _Scaled)
                   else train_and_read(name, exp, drawn) for name, exp in tuning_configs().items()
                   if chosen is None or name in chosen]
        for name, exp in (("default", default_experiment()), ("convolutional", conv_experiment()),
                          ("default without augment", _variant(default_experiment(), data__augment=False))):
            if chosen is None or name in chosen:
                results.append(new_styles(name, exp, drawn))
        report(results)
        return
    results = [train_and_read("default", default_experiment(), drawn),
               train_and_read("convolutional", conv_experiment(), drawn),
               train_and_read("course", course_experiment(), drawn),
               new_styles("default", default_experiment(), drawn),
               new_styles("convolutional", conv_experiment(), drawn)]
    report(results)
    by_name = {r.name: r.accuracy() for r in results}
    print(f"drawn_digits: default={by_name['default']:.3f} convolutional={by_name['convolutional']:.3f} "
          f"course={by_name['course']:.3f} default_new_styles={by_name['default, new styles']:.3f} "
          f"convolutional_new_styles={by_name['convolutional, new styles']:.3f}")


if __name__ == "__main__":
    main()
