"""Write resources/pen_digits.npz: tfdesk's simulated mouse drawings for training.

    python scripts/make_pen_digits.py            # about 3 minutes on 2 cores

Every style of every digit (tfdesk/core/pen_digits.py) drawn PER_STYLE times by
hands from TRAINING_SEED, painted with the canvas's pen and turned into both
drawing formats, stored as a drawing collection (core/drawing_collection.py).
bench/drawing.py tests on hands from other seeds, never this one.
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tfdesk.core.drawing_collection import DrawingCollection, make_drawing  # noqa: E402
from tfdesk.core.pen_digits import CANVAS, TRAINING_SEED, drawings  # noqa: E402

PER_STYLE = 100
OUT = ROOT / "resources" / "pen_digits.npz"


def _collect(pen_digit):
    # A fixed time: the file comes out byte for byte the same from the same code.
    return make_drawing(pen_digit.strokes, pen_digit.digit, f"simulated hand: {pen_digit.style}",
                        pen_digit.pen_width, CANVAS, when=0.0)


def main() -> None:
    hands = drawings(TRAINING_SEED, PER_STYLE)
    with ProcessPoolExecutor() as pool:
        collection = DrawingCollection(list(pool.map(_collect, hands, chunksize=50)))
    collection.save(OUT)
    print(f"{len(collection)} drawings, {OUT.stat().st_size:,} bytes -> {OUT}")


if __name__ == "__main__":
    main()
