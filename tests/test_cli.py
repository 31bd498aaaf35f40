"""tfdesk-train, run in-process through tfdesk.cli.main(argv).

Training is kept tiny (1 epoch of digits, the 100-point line lesson): TensorFlow
is imported once for the whole module and each run takes a second or two.
"""

import contextlib
import io
import json
import re
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("tensorflow")

from tfdesk.cli import EXIT_BAD_INPUT, main  # noqa: E402
from tfdesk.core.spec import Experiment, default_experiment, example_experiment  # noqa: E402

SIDECAR = "tfdesk.json"
CHECKPOINT_FILES = ("checkpoint", "checkpoint_weight.ckpt.index", "checkpoint_weight.ckpt.meta", SIDECAR)


def tiny_digits(tmp_path: Path, name="exp.json", **training) -> Path:
    exp = example_experiment("course")
    exp.training.epochs = 1
    for key, value in training.items():
        setattr(exp.training, key, value)
    path = tmp_path / name
    exp.save(path)
    return path


def call(argv) -> tuple[int, str, str]:
    """main(argv) with stdout and stderr captured (for module fixtures, where capsys is not available)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(argv)
    return rc, out.getvalue(), err.getvalue()


def sidecar(folder: Path) -> dict:
    return json.loads((folder / SIDECAR).read_text(encoding="utf-8"))


def assert_one_line_error(capsys, rc, *words):
    out, err = capsys.readouterr()
    assert rc == EXIT_BAD_INPUT == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("tfdesk-train:"), err
    for word in words:
        assert word in lines[0], err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """One epoch of digits saved with --save and --logdir; shared by the tests that read it."""
    root = tmp_path_factory.mktemp("trained")
    exp_file = tiny_digits(root)
    save, logdir = root / "save_model", root / "logs"
    rc, out, err = call([str(exp_file), "--save", str(save), "--logdir", str(logdir), "--quiet"])
    return {"root": root, "exp": exp_file, "save": save, "logdir": logdir, "rc": rc, "out": out, "err": err}


# ---- --example ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["digits", "course", "linear", "quadratic"])
def test_example_prints_a_valid_experiment(capsys, name):
    assert main(["--example", name]) == 0
    out, err = capsys.readouterr()
    assert Experiment.from_json(out) == example_experiment(name)
    assert err == ""


def test_example_digits_is_the_windows_default(capsys):
    main(["--example", "digits"])
    assert Experiment.from_json(capsys.readouterr().out) == default_experiment()


# ---- training ---------------------------------------------------------------------------


def test_train_save_and_logdir(trained):
    assert trained["rc"] == 0, trained["err"]
    assert re.search(r"test accuracy \d+\.\d+%", trained["out"]), trained["out"]
    save = trained["save"]
    names = {p.name for p in save.iterdir()}
    for name in CHECKPOINT_FILES:
        assert name in names, names
    assert any(n.startswith("checkpoint_weight.ckpt.data-") for n in names), names
    side = sidecar(save)
    assert side["epoch"] == 1
    assert Experiment.from_dict(side["experiment"]) == Experiment.load(trained["exp"])
    assert "test_accuracy" in side["metrics"]
    events = list(trained["logdir"].glob("events.out.tfevents.*"))
    assert len(events) == 1 and events[0].stat().st_size > 0
    # No staging or retired folders are left beside the checkpoint.
    assert sorted(p.name for p in save.parent.iterdir() if p.name.startswith(".")) == []


def test_resume_continues_from_the_checkpoint(trained, capsys, tmp_path):
    assert trained["rc"] == 0, trained["err"]
    resumed = tmp_path / "resumed"
    before = sidecar(trained["save"])
    rc = main(["--resume", str(trained["save"]), "--epochs", "1", "--save", str(resumed), "--quiet"])
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert "test accuracy" in out
    assert "Resumed from" in err and "at epoch 1" in err
    after = sidecar(resumed)
    assert after["epoch"] == before["epoch"] + 1
    assert after["step"] > before["step"]
    assert after["experiment"] == before["experiment"]
    # The exam count goes on: the first run's final exam and this one's (it restarted at 0).
    assert before["metrics"]["test_looks"] == 1 and after["metrics"]["test_looks"] == 2


def test_resume_into_the_same_folder(trained, capsys, tmp_path):
    import shutil

    folder = tmp_path / "ckpt"
    shutil.copytree(trained["save"], folder)
    epoch = sidecar(folder)["epoch"]
    rc = main(["--resume", str(folder), "--epochs", "1", "--save", str(folder), "--quiet"])
    _, err = capsys.readouterr()
    assert rc == 0, err
    assert sidecar(folder)["epoch"] == epoch + 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ckpt"]


def test_linear_lesson_learns_the_line(tmp_path, capsys):
    assert main(["--example", "linear"]) == 0
    exp_file = tmp_path / "linear.json"
    exp_file.write_text(capsys.readouterr().out, encoding="utf-8")
    rc = main([str(exp_file), "--quiet"])
    out, err = capsys.readouterr()
    assert rc == 0, err
    m = re.search(r"learned weight \[([-\d.]+)\] bias ([-\d.]+)", out)
    assert m, out
    weight, bias = float(m.group(1)), float(m.group(2))
    assert weight == pytest.approx(3.0, abs=0.1)
    assert bias == pytest.approx(10.0, abs=0.1)


# ---- bad input: one line on stderr, exit code 2 ------------------------------------------


def test_missing_experiment_file(tmp_path, capsys):
    path = tmp_path / "nope.json"
    rc = main([str(path)])
    assert_one_line_error(capsys, rc, str(path))


def test_invalid_json(tmp_path, capsys):
    path = tmp_path / "exp.json"
    path.write_text('{"training": {"epochs": 1', encoding="utf-8")
    rc = main([str(path)])
    assert_one_line_error(capsys, rc, str(path), "not valid JSON")


def test_spec_with_zero_units(tmp_path, capsys):
    path = tmp_path / "exp.json"
    path.write_text(json.dumps({"model": {"hidden_layers": [{"units": 0}]}}), encoding="utf-8")
    rc = main([str(path)])
    assert_one_line_error(capsys, rc, str(path), "model.hidden_layers[0].units")


def test_no_arguments(capsys):
    rc = main([])
    assert_one_line_error(capsys, rc, "no experiment given", "--example digits")


@pytest.mark.parametrize("epochs", ["0", "-1"])
def test_epochs_below_one(tmp_path, capsys, epochs):
    rc = main([str(tiny_digits(tmp_path)), "--epochs", epochs])
    assert_one_line_error(capsys, rc, "--epochs", "at least 1")


def test_resume_of_a_folder_without_a_checkpoint(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    rc = main(["--resume", str(empty), "--epochs", "1"])
    assert_one_line_error(capsys, rc, "empty")


def test_resume_of_a_folder_that_does_not_exist(tmp_path, capsys):
    rc = main(["--resume", str(tmp_path / "missing"), "--epochs", "1"])
    assert_one_line_error(capsys, rc, "missing")


@pytest.mark.parametrize("device", ["tpu:0", "gpu", "gpu:x"])
def test_bad_device(tmp_path, capsys, device):
    rc = main([str(tiny_digits(tmp_path)), "--device", device])
    assert_one_line_error(capsys, rc, "device", device)


def test_mini_batch_larger_than_the_training_set(tmp_path, capsys):
    exp_file = tiny_digits(tmp_path, batch_size=5000)
    rc = main([str(exp_file), "--quiet"])
    assert_one_line_error(capsys, rc, "training.batch_size", "5000")


def test_diverging_training_is_reported(tmp_path, capsys):
    exp = example_experiment("linear")
    exp.training.epochs = 50
    exp.optimizer.learning_rate = 50.0
    path = tmp_path / "wild.json"
    exp.save(path)
    rc = main([str(path), "--quiet"])
    out, err = capsys.readouterr()
    assert rc == EXIT_BAD_INPUT
    *warnings, error = err.strip().splitlines()
    assert error.startswith("tfdesk-train: Training stopped: the loss became") and "learning rate" in error
    # Before the NaN, the rising loss was said (core/callbacks/divergence.py).
    assert warnings and warnings[0].startswith("The loss is rising") and "Traceback" not in err


def test_resume_into_a_different_network(trained, tmp_path, capsys):
    exp = Experiment.load(trained["exp"])
    exp.model.hidden_layers[0].units = 30
    path = tmp_path / "wider.json"
    exp.save(path)
    rc = main([str(path), "--resume", str(trained["save"]), "--epochs", "1", "--quiet"])
    out, err = capsys.readouterr()
    assert rc == 2
    assert err.startswith("tfdesk-train: The checkpoint does not fit this network")
    assert "hidden_layer/weight1" in err and "[64, 30]" in err and "[64, 25]" in err
    assert "Traceback" not in err


def test_resume_into_a_different_network_is_one_line(trained, tmp_path, capsys):
    exp = Experiment.load(trained["exp"])
    exp.model.hidden_layers[0].units = 30
    path = tmp_path / "wider.json"
    exp.save(path)
    rc = main([str(path), "--resume", str(trained["save"]), "--epochs", "1", "--quiet"])
    assert_one_line_error(capsys, rc, "does not fit")


def test_save_into_a_folder_with_other_files(tmp_path, capsys):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    rc = main([str(tiny_digits(tmp_path)), "--save", str(target), "--quiet"])
    _, err = capsys.readouterr()
    assert rc == 2
    assert err.strip().splitlines()[-1].startswith("tfdesk-train:")
    assert "notes.txt" in err
    assert (target / "notes.txt").read_text() == "keep me"


def test_save_folder_is_checked_before_training(tmp_path, capsys):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    rc = main([str(tiny_digits(tmp_path)), "--save", str(target), "--quiet"])
    out, _ = capsys.readouterr()
    assert rc == 2
    assert "test accuracy" not in out  # nothing trained


def test_a_gpu_that_is_not_there_is_said_and_the_cpu_trains(tmp_path):
    rc, out, err = call([str(tiny_digits(tmp_path)), "--device", "gpu:7", "--quiet"])
    assert rc == 0, err
    assert "gpu:7 was chosen but TensorFlow sees" in err and "training runs on the CPU" in err
    assert "test accuracy" in out


def test_the_run_says_how_its_steps_ran(tmp_path, monkeypatch):
    rc, _, err = call([str(tiny_digits(tmp_path))])
    assert rc == 0, err
    assert "while loop (a run this short ends before XLA could compile it)" in err
    monkeypatch.setenv("TFDESK_XLA", "on")  # compile from the start; 400 epochs outlast it
    rc, _, err = call([str(tiny_digits(tmp_path, "long.json", epochs=400))])
    assert rc == 0, err
    assert "The steps ran compiled by XLA." in err


def test_a_convolutional_network_trains_on_a_28x28_npz_file_and_a_misfit_is_one_line(tmp_path, capsys):
    """MNIST's layout (Keras's mnist.npz), made here: a bright square's corner is the class."""
    from tfdesk.core.spec import DataSpec, LayerSpec, conv_layers

    rng = np.random.default_rng(0)
    labels = rng.integers(0, 4, 600)
    images = (rng.random((600, 28, 28)) * 40).astype(np.uint8)
    for image, label in zip(images, labels):
        top, left = divmod(int(label), 2)
        image[4 + 14 * top:10 + 14 * top, 4 + 14 * left:10 + 14 * left] = 255
    np.savez(tmp_path / "mnist.npz", x_train=images[:500], y_train=labels[:500],
             x_test=images[500:], y_test=labels[500:])
    exp = example_experiment("course")
    exp.data = DataSpec(source="file", path="mnist.npz")
    exp.model.hidden_layers = conv_layers((28, 28))
    exp.training.epochs = 2
    exp.save(tmp_path / "conv.json")
    rc = main([str(tmp_path / "conv.json"), "--save", str(tmp_path / "saved")])
    out, err = capsys.readouterr()
    assert rc == 0, err
    accuracy = float(re.search(r"test accuracy ([0-9.]+)%", out).group(1))
    assert accuracy > 90  # four corners, told apart wherever the filters find them
    assert sidecar(tmp_path / "saved")["experiment"]["model"]["hidden_layers"][0]["kernel"] == 5

    exp.model.hidden_layers = [conv_layers((28, 28))[0], LayerSpec(32)]  # no flatten between
    exp.save(tmp_path / "misfit.json")
    rc = main([str(tmp_path / "misfit.json")])
    assert_one_line_error(capsys, rc, "model.hidden_layers[1] (dense): its input is 28×28×16 feature "
                                      "maps; put a flatten layer before it")
