"""Checkpoints: the course's folder layout, both ways of restoring, and saves that
cannot destroy a good checkpoint."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import tensorflow as tf

from tfdesk.core import checkpoint, folder_swap
from tfdesk.core.checkpoint import restore_weights, save_checkpoint
from tfdesk.core.errors import CheckpointError
from tfdesk.core.foreign_graph import ForeignGraph
from tfdesk.core.spec import LayerSpec
from tfdesk.core.trainer import Trainer

from helpers import tiny_digits

HERE = Path(__file__).parent


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A trainer after one epoch and its checkpoint in save_model/."""
    trainer = Trainer(tiny_digits(epochs=1))
    trainer.train()
    folder = tmp_path_factory.mktemp("ck") / "save_model"
    save_checkpoint(trainer, folder, {"test_accuracy": 0.5})
    return trainer, folder


def test_a_checkpoint_is_a_folder_like_the_slides_save_model(trained):
    trainer, folder = trained
    names = {p.name for p in folder.iterdir()}
    assert {"checkpoint", "checkpoint_weight.ckpt.index", "checkpoint_weight.ckpt.meta",
            "tfdesk.json"} <= names
    assert any(n.startswith("checkpoint_weight.ckpt.data-") for n in names)
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")]  # no leftovers
    sidecar = json.loads((folder / "tfdesk.json").read_text())
    assert sidecar["epoch"] == 1 and sidecar["step"] == trainer.step
    assert sidecar["class_names"] == [str(i) for i in range(10)]
    assert sidecar["input_format"] == "digits8x8"
    assert sidecar["metrics"] == {"test_accuracy": 0.5}
    assert set(sidecar["versions"]) >= {"tfdesk", "tensorflow", "numpy", "python"}
    assert sidecar["experiment"] == trainer.experiment.to_dict()


def test_restore_weights_into_the_graph_rebuilt_from_the_sidecar(trained):
    trainer, folder = trained
    fresh = Trainer(checkpoint.sidecar_experiment(folder))
    restore_weights(fresh, folder)
    x = trainer.data.x_test[:20]
    np.testing.assert_array_equal(fresh.predict(x), trainer.predict(x))
    assert (fresh.epoch, fresh.step) == (trainer.epoch, trainer.step)


def test_resuming_continues_the_optimizer_slots_and_the_epoch_count(tmp_path):
    straight = Trainer(tiny_digits())
    straight.train(3)
    first = Trainer(tiny_digits())
    first.train(2)
    save_checkpoint(first, tmp_path / "ck")
    resumed = Trainer(tiny_digits())
    restore_weights(resumed, tmp_path / "ck")
    assert resumed.epoch == 2
    resumed.train(1)
    assert resumed.epoch == 3 and resumed.step == straight.step
    for name, value in straight.variable_values().items():
        np.testing.assert_allclose(resumed.variable_values()[name], value, rtol=1e-5, atol=1e-6)


def test_a_checkpoint_of_another_network_lists_what_differs(trained):
    _, folder = trained
    exp = tiny_digits()
    exp.model.hidden_layers = [LayerSpec(30), LayerSpec(25)]
    with pytest.raises(CheckpointError) as err:
        restore_weights(Trainer(exp), folder)
    message = str(err.value)
    assert "hidden_layer/weight1: the network has shape [64, 30], the checkpoint [64, 25]" in message
    assert "hidden_layer_1/weight2 [30, 25]: not in the checkpoint" in message
    assert "output_layer/weight2 [25, 10]: in the checkpoint but not in this network" in message


def test_the_slides_load_graph_code_restores_a_tfdesk_checkpoint_and_tfdesks_opens_the_slides(
        trained, tmp_path):
    trainer, folder = trained
    x = trainer.data.x_test[:16]
    np.save(tmp_path / "x.npy", x)
    course_prefix = tmp_path / "save_model" / "checkpoint_weight.ckpt"
    for mode, prefix in (("load", folder / "checkpoint_weight.ckpt"), ("train", course_prefix)):
        done = subprocess.run(
            [sys.executable, str(HERE / "course_notebook.py"), mode, str(prefix),
             str(tmp_path / "x.npy"), str(tmp_path / f"{mode}.npy")],
            capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]

    # 1. the course's code, in a fresh process, gets tfdesk's logits
    with trainer.graph.as_default():
        logits = trainer.session.run(trainer.handles.output, {trainer.handles.x: x})
    np.testing.assert_allclose(np.load(tmp_path / "load.npy"), logits, rtol=1e-5, atol=1e-6)

    # 2. tfdesk opens the course's checkpoint (no sidecar) both ways
    course_probabilities = _softmax(np.load(tmp_path / "train.npy"))
    model = ForeignGraph(tmp_path / "save_model")
    assert (model.input_name, model.output_name) == ("input/x_input:0", "output_layer/output:0")
    assert model.sidecar is None
    np.testing.assert_allclose(model.predict(x), course_probabilities, rtol=1e-4, atol=1e-6)
    rebuilt = Trainer(tiny_digits())
    assert restore_weights(rebuilt, tmp_path / "save_model") is None
    np.testing.assert_allclose(rebuilt.predict(x), course_probabilities, rtol=1e-4, atol=1e-6)


def test_a_save_that_fails_part_way_leaves_the_previous_checkpoint(trained, tmp_path, monkeypatch):
    trainer, folder = trained
    target = tmp_path / "save_model"
    save_checkpoint(trainer, target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(checkpoint, "_write_sidecar", disk_full)  # after the Saver's files
    with pytest.raises(CheckpointError, match="No space left on device.*unchanged"):
        save_checkpoint(trainer, target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["save_model"]


def _save_and_die(trainer_epochs, target, die_after: str, two_renames: bool = False):
    """A child that trains, saves into target and dies (os._exit, no clean-up) right
    after `die_after` ("exchange" or the first "replace") in the swap."""
    code = f"""
import os, sys
sys.path.insert(0, {str(HERE)!r})
from helpers import tiny_digits
from tfdesk.core import checkpoint, folder_swap
from tfdesk.core.trainer import Trainer
t = Trainer(tiny_digits()); t.train({trainer_epochs})
if {two_renames!r}:
    folder_swap._exchange = lambda a, b: False  # a file system that cannot exchange
if {die_after!r} == "exchange":
    real_exchange = folder_swap._exchange
    def exchange_then_die(a, b):
        real_exchange(a, b)
        os._exit(9)
    folder_swap._exchange = exchange_then_die
else:
    real = os.replace
    def replace_then_die(a, b):
        real(a, b)
        os._exit(9)
    folder_swap.os.replace = replace_then_die
checkpoint.save_checkpoint(t, {str(target)!r})
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 9, done.stderr[-3000:]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_the_checkpoint_folder_never_goes_missing_even_when_killed_mid_save(trained, tmp_path):
    trainer, _ = trained
    target = tmp_path / "save_model"
    save_checkpoint(trainer, target)
    _save_and_die(2, target, "exchange")
    # The course's own restore code, at the worst moment: the folder is whole, and new.
    state = tf.train.get_checkpoint_state(str(target))
    assert state is not None and (target / "tfdesk.json").is_file()
    assert json.loads((target / "tfdesk.json").read_text())["epoch"] == 2
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "save_model"]
    assert len(leftovers) == 1 and ".saving-" in leftovers[0]  # the old copy, until the next save
    save_checkpoint(trainer, target)
    assert [p.name for p in tmp_path.iterdir()] == ["save_model"]


def test_with_two_renames_a_kill_in_between_leaves_a_loadable_checkpoint(trained, tmp_path):
    trainer, _ = trained
    target = tmp_path / "save_model"
    save_checkpoint(trainer, target)
    _save_and_die(2, target, "replace", two_renames=True)
    assert not target.exists()  # the moment of danger: only the copies beside it exist
    restored = Trainer(tiny_digits())
    restore_weights(restored, target)  # finds and puts back a finished copy
    assert target.is_dir() and restored.epoch == 2  # the newest finished copy


def test_leftovers_of_twenty_killed_saves_are_cleaned_up(trained, tmp_path):
    trainer, _ = trained
    target = tmp_path / "save_model"
    save_checkpoint(trainer, target)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    for i in range(20):
        (tmp_path / f".save_model.saving-{int(dead) + i * 7919}").mkdir()
    (tmp_path / f".save_model.old-{dead}").mkdir()
    save_checkpoint(trainer, target)
    assert [p.name for p in tmp_path.iterdir()] == ["save_model"]


def test_a_symlinked_checkpoint_folder_stays_a_link(trained, tmp_path):
    trainer, _ = trained
    real = tmp_path / "disk" / "save_model"
    save_checkpoint(trainer, real)
    link = tmp_path / "save_model"
    link.symlink_to(real, target_is_directory=True)
    save_checkpoint(trainer, link)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert (real / "tfdesk.json").is_file()
    assert sorted(p.name for p in real.parent.iterdir()) == ["save_model"]


def test_a_failed_second_rename_puts_the_old_checkpoint_back(trained, tmp_path, monkeypatch):
    # Windows: a file held open blocks the rename of the new copy into place.
    trainer, _ = trained
    target = tmp_path / "save_model"
    save_checkpoint(trainer, target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    monkeypatch.setattr(folder_swap, "_exchange", lambda a, b: False)
    real = os.replace

    def blocked(a, b):
        if Path(a).name.startswith(".save_model.saving-"):
            raise PermissionError(32, "The process cannot access the file", str(a))
        real(a, b)
    monkeypatch.setattr(folder_swap.os, "replace", blocked)
    with pytest.raises(CheckpointError, match="cannot access the file.*unchanged"):
        save_checkpoint(trainer, target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before


def test_saving_onto_a_file_or_a_folder_of_other_files_is_refused(trained, tmp_path):
    trainer, _ = trained
    a_file = tmp_path / "notes.txt"
    a_file.write_text("my notes")
    with pytest.raises(CheckpointError, match="is a file, not a folder"):
        save_checkpoint(trainer, a_file)
    assert a_file.read_text() == "my notes"
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.docx").write_text("precious")
    with pytest.raises(CheckpointError, match=r"holds files tfdesk did not write \(thesis.docx\)"):
        save_checkpoint(trainer, home)
    assert (home / "thesis.docx").read_text() == "precious"


@pytest.mark.parametrize("name", ["notes.ckpt.txt", "model.ckpt.bak", "old.ckpt.results"])
def test_only_tfdesks_own_file_names_count_as_a_checkpoint(trained, tmp_path, name):
    # Names that merely contain ".ckpt" were once taken for a checkpoint's: and deleted.
    trainer, _ = trained
    target = tmp_path / "save_model"
    save_checkpoint(trainer, target)
    mine = target / name
    if name.endswith("results"):
        mine.mkdir()
        (mine / "table.csv").write_text("1,2")
    else:
        mine.write_text("mine")
    with pytest.raises(CheckpointError, match=f"files tfdesk did not write \\({name}\\)"):
        save_checkpoint(trainer, target)
    assert mine.exists()


def test_a_read_only_folder_is_refused_and_the_previous_checkpoint_stays(trained, tmp_path, monkeypatch):
    trainer, _ = trained
    target = tmp_path / "save_model"
    save_checkpoint(trainer, target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    if os.geteuid() == 0:
        # root writes anywhere: the read-only folder's refusal is what mkdir raises there
        def read_only(self, *args, **kwargs):
            raise PermissionError(13, "Permission denied", str(self))
        monkeypatch.setattr(Path, "mkdir", read_only)
    else:
        tmp_path.chmod(0o555)
    try:
        with pytest.raises(CheckpointError, match="Permission denied"):
            save_checkpoint(trainer, target)
    finally:
        tmp_path.chmod(0o755)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before


def test_damaged_checkpoint_files_give_a_readable_error(trained, tmp_path):
    trainer, folder = trained
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(folder, broken)
    index = broken / "checkpoint_weight.ckpt.index"
    index.write_bytes(index.read_bytes()[:20])
    with pytest.raises(CheckpointError, match="cannot read the checkpoint"):
        restore_weights(Trainer(tiny_digits()), broken)
    (broken / "tfdesk.json").write_text("{ not json")
    with pytest.raises(CheckpointError, match="tfdesk.json: cannot read"):
        checkpoint.sidecar_experiment(broken)
    with pytest.raises(CheckpointError, match="no checkpoint here"):
        restore_weights(Trainer(tiny_digits()), tmp_path)


def test_a_graph_without_the_courses_names_lists_its_placeholders(tmp_path):
    import tensorflow as tf

    v1 = tf.compat.v1
    graph = tf.Graph()
    with graph.as_default():
        pixels = v1.placeholder(tf.float32, (None, 4), name="pixels")
        w = tf.Variable(tf.ones((4, 3)), name="w")
        tf.matmul(pixels, w, name="scores")
        saver = v1.train.Saver()
        with v1.Session() as s:
            s.run(v1.global_variables_initializer())
            saver.save(s, str(tmp_path / "model.ckpt"))
    model = ForeignGraph(tmp_path)
    assert model.input_name is None
    with pytest.raises(CheckpointError, match="Its placeholders: pixels:0"):
        model.predict(np.ones((1, 4)))
    model.use_tensors("pixels:0", "scores:0")
    np.testing.assert_allclose(model.predict(np.ones((2, 4))), np.full((2, 3), 4.0))
