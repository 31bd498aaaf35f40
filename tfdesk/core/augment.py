"""Augmentation: every epoch, each training image slightly shifted, turned, scaled,
sheared and drawn with a thinner or thicker pen.

It runs in the graph, beside the chunk loop: one session.run at the start of an
epoch rewrites the chunk loop's copy of the training images from the originals,
so the steps themselves cost nothing more (bench/train.py measures the epoch's
extra time). Validation and test images are fed from numpy and never touched.
The random numbers are stateless, keyed on the experiment's seed and the epoch,
so a run, and a resumed run, sees the same images every time.

The 8x8 digits are on-pixel counts of 4x4 blocks of a 32x32 bitmap: they are
blown up to 16x16 (each count repeated over a 2x2 block, so an unchanged image
comes back exactly), transformed there, and averaged back into blocks. At 32x32
the same took three times as long (150 ms an epoch for the default's 3,000
images) and read no drawings better.
"""

from __future__ import annotations

import math

import tensorflow as tf

# Chosen with bench/drawing.py (tuning seeds): larger changes hurt the test digits
# without helping drawings, which the drawing pipeline already centres and scales.
MAX_TURN_DEGREES = 8.0
MAX_SHEAR = 0.15
MAX_SCALE = 0.08  # +-8 %
MAX_SHIFT = 0.06  # of the image's side
MAX_PEN_CHANGE = 0.6  # -1: a pixel thinner on each side (at 16x16 or 28x28), +1: thicker

_UPSCALE = {(8, 8): 2, (28, 28): 1}


def augmented(images: tf.Tensor, image_shape: tuple[int, int], seed: int, epoch: tf.Tensor) -> tf.Tensor:
    """images (n, h*w) float32 in [0, 1] → the same images, each changed at random."""
    height, width = image_shape
    factor = _UPSCALE.get(tuple(image_shape), 1)
    n = tf.shape(images)[0]
    x = tf.reshape(images, [n, height, width, 1])
    if factor > 1:
        x = tf.repeat(tf.repeat(x, factor, axis=1), factor, axis=2)
    key = tf.stack([tf.constant(seed, tf.int64), tf.cast(epoch, tf.int64)])
    r = tf.random.stateless_uniform([n, 7], seed=key, minval=-1.0, maxval=1.0)
    x = _affine(x, r, height * factor, width * factor)
    x = _pen_width(x, r[:, 6] * MAX_PEN_CHANGE)
    if factor > 1:
        x = tf.nn.avg_pool2d(x, factor, factor, "VALID")
    return tf.reshape(tf.clip_by_value(x, 0.0, 1.0), [n, height * width])


def _affine(x, r, height, width):
    """Turn, shear and scale about the centre, then shift; bilinear, zeros outside."""
    turn = r[:, 0] * math.radians(MAX_TURN_DEGREES)
    shear = r[:, 1] * MAX_SHEAR
    scale_x, scale_y = 1.0 + r[:, 2] * MAX_SCALE, 1.0 + r[:, 3] * MAX_SCALE
    shift_x, shift_y = r[:, 4] * MAX_SHIFT * width, r[:, 5] * MAX_SHIFT * height
    cos, sin = tf.cos(turn), tf.sin(turn)
    # forward = rotate @ shear @ scale; the op wants output -> input, so invert.
    a, b = cos * scale_x, (cos * shear - sin) * scale_y
    c, d = sin * scale_x, (sin * shear + cos) * scale_y
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    cx, cy = (width - 1) / 2.0, (height - 1) / 2.0
    # input = inverse @ (output - centre - shift) + centre
    ox, oy = cx + shift_x, cy + shift_y
    transforms = tf.stack([ia, ib, cx - ia * ox - ib * oy,
                           ic, id_, cy - ic * ox - id_ * oy,
                           tf.zeros_like(ia), tf.zeros_like(ia)], axis=1)
    return tf.raw_ops.ImageProjectiveTransformV3(
        images=x, transforms=transforms, output_shape=tf.constant([height, width]),
        fill_value=tf.constant(0.0), interpolation="BILINEAR", fill_mode="CONSTANT")


def _pen_width(x, change):
    """Blend towards the image grown (change > 0) or shrunk (< 0) by one pixel."""
    grown = tf.nn.max_pool2d(x, 3, 1, "SAME")
    shrunk = -tf.nn.max_pool2d(-x, 3, 1, "SAME")
    change = change[:, None, None, None]
    return tf.where(change > 0, x + change * (grown - x), x - change * (shrunk - x))
