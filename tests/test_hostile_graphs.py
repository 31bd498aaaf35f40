"""Hostile .meta graphs, built here: none may write, read, delete, hang or crash anything.

Each attack is one a `.meta` file can carry (tfdesk's own review found them all
working before): the file's saver made to write into the user's folders, move a
checkpoint away or run any op on opening; a loop that never ends; shapes that ask
for terabytes; an op that aborts TensorFlow while the graph is merely built; a
graph file of a gigabyte. The file is opened the way the window opens it.
"""

import os

import numpy as np
import pytest
import tensorflow as tf

from tfdesk.core.errors import CheckpointError
from tfdesk.core.foreign_graph import ForeignGraph, read_meta_graph
from tfdesk.core.graph_process import GraphProcess

v1 = tf.compat.v1


def _save(folder, build, saver_def_edit=None, meta_edit=None):
    """A checkpoint in folder of a small graph pixels -> scores, plus what `build` adds.

    build(x, w, scores) may return a tensor to add to the scores (0 × it: the way
    to the output then runs it). saver_def_edit(saver_def, graph) and
    meta_edit(meta_graph_def) change what is written, as a hostile file would."""
    graph = tf.Graph()
    with graph.as_default():
        x = v1.placeholder(tf.float32, (None, 64), name="pixels")
        w = tf.Variable(np.ones((64, 10), np.float32) / 64, name="w")
        scores = tf.matmul(x, w)
        extra = build(x, w, scores) if build else None
        if extra is not None:
            scores = scores + 0.0 * extra
        tf.identity(scores, name="scores")
        saver = v1.train.Saver()
        with v1.Session() as session:
            session.run(v1.global_variables_initializer())
            saver.save(session, str(folder / "model.ckpt"), write_meta_graph=False)
        saver_def = saver.as_saver_def()
        if saver_def_edit:
            saver_def_edit(saver_def, graph)
        meta = v1.train.export_meta_graph(saver_def=saver_def)
    if meta_edit:
        meta_edit(meta)
    (folder / "model.ckpt.meta").write_bytes(meta.SerializeToString())
    return folder / "model.ckpt.meta"


def _open(meta):
    graph = ForeignGraph(meta)
    graph.use_tensors("pixels:0", "scores:0")
    return graph


def test_a_plain_graph_still_opens_and_answers(tmp_path):
    graph = _open(_save(tmp_path, None))
    np.testing.assert_allclose(graph.predict(np.ones((2, 64))), np.ones((2, 10)), rtol=1e-5)


# ---- the file's own saver -----------------------------------------------------------


def test_the_files_restore_op_cannot_write_into_the_users_folders(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    victim = home / "notes.txt"
    victim.write_text("my notes")

    def edit(saver_def, graph):
        with graph.as_default(), tf.name_scope("save/"):  # the file's saver scope, re-entered
            w = graph.get_tensor_by_name("w:0")
            evil = tf.raw_ops.SaveV2(prefix=str(victim), tensor_names=["w"], shape_and_slices=[""],
                                     tensors=[tf.constant([6.0, 6.0])])
        saver_def.restore_op_name = evil.name
    graph = _open(_save(tmp_path, None, edit))
    graph.predict(np.ones((1, 64)))
    assert victim.read_text() == "my notes"
    assert sorted(p.name for p in home.iterdir()) == ["notes.txt"]


def test_the_files_saver_cannot_move_a_checkpoint_away(tmp_path):
    kept = tmp_path / "kept"
    kept.mkdir()
    _save(kept, None)
    before = sorted(p.name for p in kept.iterdir())
    attack = tmp_path / "attack"
    attack.mkdir()

    def edit(saver_def, graph):
        with graph.as_default(), tf.name_scope("save/"):  # the file's saver scope, re-entered
            merge = tf.raw_ops.MergeV2Checkpoints(checkpoint_prefixes=[str(kept / "model.ckpt")],
                                                  destination_prefix=str(tmp_path / "stolen"))
        saver_def.restore_op_name = merge.name
    _open(_save(attack, None, edit)).predict(np.ones((1, 64)))
    assert sorted(p.name for p in kept.iterdir()) == before


def test_a_restore_op_on_the_way_to_the_output_is_cut_out_not_run(tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    _save(secret, None)

    def read_elsewhere(x, w, scores):
        with tf.name_scope("save/"):  # the file's saver scope, re-entered
            stolen = tf.raw_ops.RestoreV2(prefix=str(secret / "model.ckpt"), tensor_names=["w"],
                                          shape_and_slices=[""], dtypes=[tf.float32])[0]
        return tf.reduce_sum(stolen)
    attack = tmp_path / "attack"
    attack.mkdir()
    with pytest.raises(CheckpointError, match="no tensor named 'scores:0'"):
        _open(_save(attack, read_elsewhere))


# ---- work without end ---------------------------------------------------------------


def test_a_loop_that_never_ends_is_refused_before_it_runs(tmp_path):
    def forever(x, w, scores):
        return tf.cast(tf.while_loop(lambda i: i >= 0, lambda i: i + 1, [tf.constant(0)]), tf.float32)
    with pytest.raises(CheckpointError, match=r"a loop or branch, which could run forever"):
        _open(_save(tmp_path, forever))


def test_a_loop_named_as_the_restore_op_is_never_run(tmp_path):
    def edit(saver_def, graph):
        with graph.as_default():
            loop = tf.while_loop(lambda i: i >= 0, lambda i: i + 1, [tf.constant(0)], name="spin")
        saver_def.restore_op_name = loop[0].op.name
    # Opening returns (the file's restore op is not run), and the loop is not on the way.
    graph = _open(_save(tmp_path, None, edit))
    assert graph.predict(np.ones((1, 64))).shape == (1, 10)


@pytest.mark.parametrize("bomb", ["fill", "one_hot", "range"])
def test_shapes_that_ask_for_terabytes_are_refused_before_anything_runs(tmp_path, bomb):
    def build(x, w, scores):
        if bomb == "fill":
            return tf.reduce_sum(tf.fill([2**40], 1.0))
        if bomb == "one_hot":
            return tf.reduce_sum(tf.one_hot(tf.argmax(scores, 1), 2**31 - 1))
        return tf.reduce_sum(tf.cast(tf.range(2**40, dtype=tf.int64), tf.float32))
    with pytest.raises(CheckpointError, match=r"values, more than tfdesk computes"):
        _open(_save(tmp_path, build))


def test_a_graph_file_of_a_gigabyte_is_refused_without_reading_it(tmp_path):
    meta = tmp_path / "model.ckpt.meta"
    with open(meta, "wb") as f:
        f.truncate(1024**3)  # sparse: nothing is written, and nothing must be read
    with pytest.raises(CheckpointError, match="too large for a graph file"):
        read_meta_graph(meta)


# ---- in a child process ---------------------------------------------------------------


def _gather_that_aborts(meta):
    # GatherV2 with batch_dims past the rank fails a CHECK in TensorFlow's shape
    # inference: SIGABRT, while the graph is imported. Written into the file only.
    for node in meta.graph_def.node:
        if node.op == "GatherV2":
            node.attr["batch_dims"].i = 5


def test_a_graph_that_crashes_tensorflow_takes_only_its_child_process(tmp_path):
    def gather(x, w, scores):
        return tf.reduce_sum(tf.gather(scores, [0], axis=1))
    meta = _save(tmp_path, gather, meta_edit=_gather_that_aborts)
    with pytest.raises(CheckpointError, match=r"TensorFlow stopped while working on this graph "
                                              r"\(signal SIGABRT\)"):
        GraphProcess(meta)
    # and this process goes on: a good graph opens beside it
    good = tmp_path / "good"
    good.mkdir()
    child = GraphProcess(_save(good, None))
    try:
        child.use_tensors("pixels:0", "scores:0")
        assert child.predict_probabilities(np.ones((1, 64))).shape == (1, 10)
    finally:
        child.close()


def test_a_child_that_overruns_is_stopped_and_said_so(tmp_path):
    meta = _save(tmp_path, None)
    with pytest.raises(CheckpointError, match=r"took more than 0.5 s and was stopped"):
        GraphProcess(meta, open_seconds=0.5)  # TensorFlow's import alone takes longer


@pytest.mark.slow
def test_an_allocation_past_the_memory_limit_fails_in_the_child(tmp_path):
    # A size the checks cannot see: the leading dimension comes from the input's values.
    def build(x, w, scores):
        rows = tf.cast(x[0, 0], tf.int32)
        return tf.reduce_sum(tf.fill(tf.stack([rows, 1024]), 1.0))
    child = GraphProcess(_save(tmp_path, build), memory_limit=2 * 1024**3)
    try:
        child.use_tensors("pixels:0", "scores:0")
        big = np.zeros((1, 64), np.float32)
        big[0, 0] = 2**20  # 4 GiB of floats
        # Out of memory, or stopped at the time limit while the allocator retries.
        with pytest.raises(CheckpointError, match="compute scores:0"):
            child.predict(big)
        assert child.predict(np.zeros((1, 64))).shape == (1, 10)  # still answering
    finally:
        child.close()
    assert os.getpid()  # this process is untouched
