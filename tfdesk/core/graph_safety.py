"""What a foreign graph may contain before tfdesk builds any of it.

A `.meta` file is a whole program: besides matrices and activations it can hold
ops that read or write files, talk to the network or call Python. Every op,
including those inside the graph's function library, must be one a trainable
dense or convolutional network uses. The checkpoint ops of the file's own saver (SAVER_OPS) are
not checked here because they never get that far: foreign_graph.without_saver
cuts them, and all that depends on them, out of the graph before it is built,
and tfdesk restores the weights with a Saver of its own.
"""

from __future__ import annotations

from .errors import CheckpointError
from .i18n import QT_TRANSLATE_NOOP

# Arithmetic, comparisons, reductions, shapes, casts.
_MATH = {
    "Abs", "Add", "AddN", "AddV2", "All", "Any", "ArgMax", "ArgMin", "Cast", "Ceil", "Equal",
    "Exp", "Floor", "FloorDiv", "FloorMod", "Greater", "GreaterEqual", "Less", "LessEqual",
    "Log", "Log1p", "LogicalAnd", "LogicalNot", "LogicalOr", "MatMul", "BatchMatMulV2",
    "Maximum", "Mean", "Minimum", "Mul", "Neg", "NotEqual", "Pow", "Prod", "RealDiv",
    "Reciprocal", "ReciprocalGrad", "Rsqrt", "RsqrtGrad", "Select", "SelectV2", "Sign",
    "Sqrt", "SqrtGrad", "Square", "SquaredDifference", "Sub", "Sum", "Max", "Min",
    "DivNoNan", "Div", "TruncateDiv", "Range", "Cumsum", "ZerosLike", "OnesLike",
    "Fill", "Const", "Identity", "IdentityN", "NoOp", "StopGradient", "PreventGradient",
    "Shape", "ShapeN", "Size", "Rank", "Reshape", "ExpandDims", "Squeeze", "Pack", "Unpack",
    "ConcatV2", "Concat", "Slice", "StridedSlice", "StridedSliceGrad", "Tile", "Transpose",
    "GatherV2", "Gather", "ResourceGather", "BroadcastTo", "BroadcastGradientArgs",
    "BroadcastArgs", "Where", "OneHot", "InvertPermutation", "DynamicStitch", "Split", "SplitV",
    "Pad", "PadV2", "MirrorPad", "ClipByValue", "IsFinite", "IsNan", "IsInf", "CheckNumerics",
    "Assert", "Placeholder", "PlaceholderWithDefault", "TopKV2", "L2Loss", "Bincount",
}
# Activations, losses, convolution and pooling, and their gradients.
_NN = {
    "Relu", "ReluGrad", "Relu6", "Relu6Grad", "Elu", "EluGrad", "Selu", "SeluGrad",
    "Softplus", "SoftplusGrad", "Softsign", "SoftsignGrad", "Sigmoid", "SigmoidGrad",
    "Tanh", "TanhGrad", "LeakyRelu", "LeakyReluGrad", "Softmax", "LogSoftmax",
    "SoftmaxCrossEntropyWithLogits", "SparseSoftmaxCrossEntropyWithLogits", "BiasAdd",
    "BiasAddGrad", "InTopKV2",
    # Convolution and pooling layers
    "Conv2D", "Conv2DBackpropInput", "Conv2DBackpropFilter", "MaxPool", "MaxPoolV2",
    "MaxPoolGrad", "MaxPoolGradV2",
}
# Random numbers for initial weights and dropout.
_RANDOM = {
    "TruncatedNormal", "RandomUniform", "RandomStandardNormal", "RandomUniformInt",
    "StatelessRandomUniformV2", "StatelessRandomNormalV2", "StatelessTruncatedNormalV2",
    "StatelessRandomGetKeyCounter", "StatelessRandomGetKeyCounterAlg",
    "StatelessRandomUniform", "StatelessRandomNormal", "StatelessTruncatedNormal",
}
# Variables (reference and resource) and the optimizers' updates.
_VARIABLES = {
    "VariableV2", "Variable", "VarHandleOp", "ReadVariableOp", "AssignVariableOp",
    "AssignAddVariableOp", "AssignSubVariableOp", "VarIsInitializedOp", "Assign", "AssignAdd",
    "AssignSub", "IsVariableInitialized", "DestroyResourceOp",
    "ApplyGradientDescent", "ResourceApplyGradientDescent", "ApplyAdagrad", "ResourceApplyAdagrad",
    "ResourceApplyAdagradV2", "ApplyMomentum", "ResourceApplyMomentum", "ApplyAdam",
    "ResourceApplyAdam", "ApplyRMSProp", "ResourceApplyRMSProp", "ResourceApplyKerasMomentum",
    "ScatterAdd", "ResourceScatterAdd", "ResourceSparseApplyAdagrad",
}
# Loops (the chunk loop, TensorFlow 1 and 2 control flow) and their tensor arrays.
_CONTROL_FLOW = {
    "Enter", "Exit", "Merge", "Switch", "NextIteration", "LoopCond", "ControlTrigger",
    "While", "StatelessWhile", "If", "StatelessIf",
    "TensorArrayV3", "TensorArrayWriteV3", "TensorArrayReadV3", "TensorArrayGatherV3",
    "TensorArrayScatterV3", "TensorArraySizeV3", "TensorArrayConcatV3", "TensorArraySplitV3",
    "TensorArrayGradV3", "TensorListReserve", "TensorListSetItem", "TensorListGetItem",
    "TensorListStack", "TensorListFromTensor", "TensorListLength", "TensorListElementShape",
    "EmptyTensorList", "TensorListPushBack", "TensorListPopBack",
}
# Calls of a function of the graph's own library (the compiled chunk): each function
# is checked op by op, and a call may only name one of them (_foreign_calls).
_CALLS = {"PartitionedCall", "StatefulPartitionedCall"}
ALLOWED_OPS = frozenset(_MATH | _NN | _RANDOM | _VARIABLES | _CONTROL_FLOW | _CALLS)
# A Saver's subgraph writes, reads and merges checkpoint files.
SAVER_OPS = frozenset({"SaveV2", "RestoreV2", "MergeV2Checkpoints", "ShardedFilename",
                       "StringJoin", "Save", "SaveSlices", "Restore", "RestoreSlice",
                       "ShardedFilespec"})


def unsafe_ops(meta_graph_def) -> list[str]:
    """`name (OpType)` of every op outside the allow-list, in graph order (saver ops aside),
    and `name (calls X)` of every call, loop or branch naming X outside the graph's library."""
    library = {function.signature.name for function in meta_graph_def.graph_def.library.function}
    found = [f"{node.name} ({node.op})" for node in meta_graph_def.graph_def.node
             if node.op not in ALLOWED_OPS and node.op not in SAVER_OPS]
    found += _foreign_calls(meta_graph_def.graph_def.node, library, "")
    for function in meta_graph_def.graph_def.library.function:
        prefix = function.signature.name + "/"
        found += [f"{prefix}{node.name} ({node.op})" for node in function.node_def
                  if node.op not in ALLOWED_OPS]
        found += _foreign_calls(function.node_def, library, prefix)
    return found


def _foreign_calls(nodes, library: set[str], prefix: str) -> list[str]:
    """A function attribute may name any op, which TensorFlow then runs as a function:
    a call of WriteFile would pass the op check. Only the library's own are allowed."""
    found = []
    for node in nodes:
        for value in node.attr.values():
            names = [value.func.name] if value.HasField("func") else [f.name for f in value.list.func]
            found += [f"{prefix}{node.name} (calls {name})" for name in names if name not in library]
    return found


def check_meta_graph(meta_graph_def, path: str) -> None:
    """Raise CheckpointError naming the ops a graph must not run."""
    found = unsafe_ops(meta_graph_def)
    if len(found) > 8:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{path}: refused to run this graph. It holds operations a dense "
                                      "network does not need and that could read or write files, use "
                                      "the network or run code: {ops} and {more} more."),
            path=path, ops=", ".join(found[:8]), more=len(found) - 8)
    if found:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{path}: refused to run this graph. It holds operations a dense "
                                      "network does not need and that could read or write files, use "
                                      "the network or run code: {ops}."),
            path=path, ops=", ".join(found))
