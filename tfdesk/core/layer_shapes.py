"""What each layer of a stack makes of its input: the output's shape and the number
of weights and biases it adds, or a SpecError naming the first layer that does not fit.

Shapes are (height, width, channels) while the data is an image, and (values,) while
it is a row. The input is both: dense layers read its row of pixels, and convolution
or pooling first lays the row out as a picture of one channel (graph.py, "x_image").
The layer editor shows these numbers as the student edits; Experiment.check_size
refuses a stack that does not fit before a graph is built (core/graph.py builds the
same shapes). The layers' scope names are here too, for the graph and the code view.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import SpecError
from .i18n import QT_TRANSLATE_NOOP
from .spec import LayerSpec

# Each kind of layer's variable scope: the course names its dense layers hidden_layer,
# and TensorFlow numbers a repeated scope (hidden_layer, hidden_layer_1, …).
SCOPES = {"dense": "hidden_layer", "conv": "conv_layer", "maxpool": "pool_layer", "flatten": "flatten"}


def layer_scope(kind: str, count: int) -> str:
    """The scope of the count-th layer (from 0) of this kind: conv_layer, conv_layer_1, …"""
    return SCOPES[kind] if count == 0 else f"{SCOPES[kind]}_{count}"


def short_label(layer: LayerSpec) -> str:
    """A layer in a run's legend: 64, conv 16, pool, flatten."""
    return {"dense": str(layer.units), "conv": f"conv {layer.filters}", "maxpool": "pool",
            "flatten": "flatten"}[layer.kind]


@dataclass(frozen=True)
class LayerShape:
    shape: tuple[int, ...]  # (height, width, channels) or (values,)
    parameters: int
    multiplies: int = 0  # per example: a filter's weights are used at every position

    @property
    def text(self) -> str:
        """8×8×16 or 128: how the editor writes the shape."""
        return _text(self.shape)


def windowed(size: int, kernel: int, stride: int, padding: str) -> int:
    """How many windows fit along one side: TensorFlow's rule for "same" and "valid"."""
    if padding == "same":
        return -(-size // stride)
    return (size - kernel) // stride + 1 if size >= kernel else 0


def layer_shape(layer: LayerSpec, shape: tuple[int, ...], where: str) -> LayerShape:
    """One layer on an input of this shape; `where` names it in an error."""
    if layer.kind == "flatten":
        values = 1
        for n in shape:
            values *= n
        return LayerShape((values,), 0)
    if layer.kind == "dense":
        if len(shape) != 1:
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "{layer} (dense): its input is {shape} feature maps; put a "
                                          "flatten layer before it"),
                layer=where, shape=_text(shape))
        weights = shape[0] * layer.units
        return LayerShape((layer.units,), weights + layer.units, weights)
    # conv and maxpool slide a window over an image
    if len(shape) != 3:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{layer} ({kind}): it needs an image, but its input is a row of "
                                      "{values:,} values; convolution and pooling go before any "
                                      "flatten or dense layer, on 8×8 or 28×28 images"),
            layer=where, kind=layer.kind, values=shape[0])
    height, width, channels = shape
    stride = layer.steps_by
    out_h = windowed(height, layer.kernel, stride, layer.padding)
    out_w = windowed(width, layer.kernel, stride, layer.padding)
    if out_h == 0 or out_w == 0:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{layer} ({kind}): its {kernel}×{kernel} window does not fit "
                                      "in its {shape} input; use a smaller window or padding "
                                      "\"same\""),
            layer=where, kind=layer.kind, kernel=layer.kernel, shape=_text(shape))
    if layer.kind == "maxpool":
        return LayerShape((out_h, out_w, channels), 0)
    weights = layer.kernel * layer.kernel * channels * layer.filters
    return LayerShape((out_h, out_w, layer.filters), weights + layer.filters, weights * out_h * out_w)


def stack_shapes(layers: list[LayerSpec], n_features: int, n_classes: int,
                 image: tuple[int, int] | None = None) -> list[LayerShape]:
    """Every hidden layer's LayerShape, then the output layer's. image: the input's
    (height, width) when it is a picture of n_features pixels."""
    shapes, problem = fitted_shapes(layers, n_features, n_classes, image)
    if problem is not None:
        raise problem
    return shapes


def fitted_shapes(layers: list[LayerSpec], n_features: int, n_classes: int,
                  image: tuple[int, int] | None = None) -> tuple[list[LayerShape], SpecError | None]:
    """The shapes of the layers that fit, and the problem of the first that does not
    (None when all do, the output layer too)."""
    shapes, shape = [], (n_features,)
    for i, layer in enumerate(layers):
        if i == 0 and image and layer.kind in ("conv", "maxpool"):
            shape = (image[0], image[1], 1)
        try:
            made = layer_shape(layer, shape, f"model.hidden_layers[{i}]")
        except SpecError as problem:
            return shapes, problem
        shapes.append(made)
        shape = made.shape
    if len(shape) != 1:
        return shapes, SpecError(
            QT_TRANSLATE_NOOP("core", "the output layer: its input is {shape} feature maps; end the "
                                      "hidden layers with a flatten layer"),
            shape=_text(shape))
    shapes.append(LayerShape((n_classes,), shape[0] * n_classes + n_classes, shape[0] * n_classes))
    return shapes, None


def _text(shape: tuple[int, ...]) -> str:
    return "×".join(str(n) for n in shape)
