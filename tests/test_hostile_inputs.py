"""Hostile and careless inputs: each gets one line (exit 2 from tfdesk-train) naming the
problem, within a memory budget and at once, and no finished run is lost at its end.

Each case is one the project's review found ending in a traceback, a hang, gigabytes
of memory or a lost run; the file or the command is made here as the review made it.
"""

import gzip
import os
import resource
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from tfdesk.cli import EXIT_BAD_INPUT, EXIT_INTERRUPTED, main
from tfdesk.core import checkpoint
from tfdesk.core.data_files import load_file
from tfdesk.core.errors import DataFileError, TfdeskError
from tfdesk.core.read_limits import MEMORY_BUDGET
from tfdesk.core.spec import Experiment, example_experiment

HERE = Path(__file__).parent


def one_line(capsys, rc, *words):
    out, err = capsys.readouterr()
    assert rc == EXIT_BAD_INPUT, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tfdesk-train:"), err
    for word in words:
        assert word in lines[0], err
    return lines[0]


def course(tmp_path, name="exp.json", **changes) -> Path:
    exp = example_experiment("course")
    exp.training.epochs = 1
    for dotted, value in changes.items():
        part, field = dotted.split("__")
        setattr(getattr(exp, part), field, value)
    path = tmp_path / name
    exp.save(path)
    return path


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- loaders: budgets counted on what they will allocate -----------------------------


def test_a_small_gz_declaring_gigabytes_is_refused_before_it_is_read(tmp_path):
    # 2.5 million zero images compress to a couple of megabytes and would take 30 GB loaded.
    path = tmp_path / "train-images-idx3-ubyte.gz"
    with gzip.open(path, "wb") as f:
        f.write(struct.pack(">IIII", 0x803, 2_500_000, 28, 28))
        f.write(bytes(28 * 28 * 1000))
    before, started = peak_mb(), time.perf_counter()
    with pytest.raises(DataFileError, match=r"would take 3\d\.\d GB of memory once loaded"):
        load_file(path, "idx", labels_path=path)
    assert time.perf_counter() - started < 2 and peak_mb() - before < 100


def test_labels_that_do_not_match_the_images_are_refused_before_they_are_read(tmp_path):
    images = tmp_path / "train-images-idx3-ubyte"
    images.write_bytes(struct.pack(">IIII", 0x803, 10, 8, 8) + bytes(640))
    labels = tmp_path / "train-labels-idx1-ubyte"
    with open(labels, "wb") as f:  # declares 2^31 - 1 labels; holds 3 GB of nothing (sparse)
        f.write(struct.pack(">II", 0x801, 2**31 - 1))
        f.truncate(8 + 2**31 - 1)
    before = peak_mb()
    with pytest.raises(DataFileError, match="10 images but 2,147,483,647 labels"):
        load_file(images, "idx", labels)
    assert peak_mb() - before < 100


def test_an_npz_whose_values_would_take_more_than_the_budget_is_refused(tmp_path):
    path = tmp_path / "big.npz"
    count = MEMORY_BUDGET // 16  # 1 byte each, 16 more once loaded: over the budget
    zeros = np.lib.format.open_memmap(tmp_path / "x_train.npy", mode="w+", dtype=np.uint8,
                                      shape=(count // 64, 64))  # sparse on disk
    del zeros
    np.save(tmp_path / "y_train.npy", np.zeros(count // 64, np.uint8))
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(tmp_path / "x_train.npy", "x_train.npy")
        zf.write(tmp_path / "y_train.npy", "y_train.npy")
    (tmp_path / "x_train.npy").unlink()
    with pytest.raises(DataFileError, match="x_train declares shape .* GB of memory once loaded"):
        load_file(path, "npz")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_as_any_file_without_reading_it(tmp_path, device):
    for load in (Experiment.load, lambda p: load_file(p, "csv"), lambda p: load_file(p, "npz")):
        with pytest.raises(TfdeskError, match="not a regular file"):
            load(device)


def test_a_fifo_is_refused_instead_of_waiting_forever(tmp_path):
    fifo = tmp_path / "exp.json"
    os.mkfifo(fifo)
    started = time.perf_counter()
    with pytest.raises(TfdeskError, match="not a regular file"):
        Experiment.load(fifo)
    assert time.perf_counter() - started < 1


def test_a_value_beyond_float32_is_refused_naming_where_it_is(tmp_path):
    x = np.random.default_rng(0).random((40, 4))
    x[7, 2] = 1e300
    np.savez(tmp_path / "data.npz", x_train=x, y_train=np.arange(40) % 2)
    with pytest.raises(DataFileError, match=r"feature 3 at x_train\[7\] is 1e\+300, too large"):
        load_file(tmp_path / "data.npz", "npz")


# ---- tracebacks that became one line --------------------------------------------------


@pytest.mark.parametrize("changes, words", [
    ({"model__hidden_layers": [{"units": 100_000, "activation": "relu", "dropout": 0.0}] * 2},
     ["10,007,600,010 weights and biases"]),
    ({"model__hidden_layers": [{"units": 1, "activation": "relu", "dropout": 0.0}] * 3000},
     ["at most 100 layers, got 3,000"]),
])
def test_a_network_too_large_to_build_is_refused(tmp_path, capsys, changes, words):
    path = course(tmp_path)
    raw = Experiment.load(path).to_dict()
    raw["model"]["hidden_layers"] = changes["model__hidden_layers"]
    import json

    path.write_text(json.dumps(raw))
    one_line(capsys, main([str(path), "--quiet"]), *words)


def test_a_key_given_twice_is_refused(tmp_path, capsys):
    path = tmp_path / "exp.json"
    path.write_text('{"name": "a", "name": "b"}')
    one_line(capsys, main([str(path)]), "'name' appears twice")


def test_a_two_row_csv_is_too_little_data(tmp_path, capsys):
    (tmp_path / "two.csv").write_text("0,1,2\n1,3,4\n")
    path = course(tmp_path, data__source="file", data__path="two.csv")
    one_line(capsys, main([str(path), "--quiet"]), "2 examples are too few")


def test_a_relative_data_path_is_relative_to_the_experiment_file(tmp_path, capsys, monkeypatch):
    rows = [[i % 3] + list(np.random.default_rng(i).random(4)) for i in range(60)]
    (tmp_path / "iris.csv").write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n")
    path = course(tmp_path, data__source="file", data__path="iris.csv")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main([str(path), "--quiet"]) == 0
    assert "test accuracy" in capsys.readouterr().out


def test_terminal_escapes_from_a_file_name_are_shown_not_obeyed(tmp_path, capsys):
    path = course(tmp_path, data__source="file", data__path="\x1b[2J\x1b[31mred.csv")
    line = one_line(capsys, main([str(path), "--quiet"]), "file not found")
    assert "\x1b" not in line and "\\x1b[2J" in line


@pytest.mark.parametrize("argv, words", [
    (["--save", ""], ["No folder was given"]),
    (["--logdir", "EXP"], ["--logdir", "is a file"]),
    (["--save", "/proc/no/such/place"], ["Cannot save a checkpoint in /proc/no/such/place"]),
])
def test_a_bad_target_is_refused_before_training(tmp_path, capsys, argv, words):
    path = course(tmp_path)
    argv = [a.replace("EXP", str(path)) for a in argv]
    started = time.perf_counter()
    one_line(capsys, main([str(path), "--quiet"] + argv), *words)
    assert time.perf_counter() - started < 5  # refused at once, not after the run


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    root = tmp_path_factory.mktemp("saved")
    path = course(root)
    assert main([str(path), "--save", str(root / "save_model"), "--quiet"]) == 0
    return root / "save_model"


@pytest.mark.parametrize("epoch", ['"abc"', "null", "1e309", "[1]", "-5", "1e30", "true"])
def test_an_edited_sidecar_epoch_is_refused_naming_it(saved, tmp_path, capsys, epoch):
    import json
    import shutil

    folder = tmp_path / "edited"
    shutil.copytree(saved, folder)
    sidecar = (folder / "tfdesk.json").read_text()
    (folder / "tfdesk.json").write_text(sidecar.replace(
        f'"epoch": {json.loads(sidecar)["epoch"]}', f'"epoch": {epoch}', 1))
    capsys.readouterr()
    one_line(capsys, main(["--resume", str(folder), "--quiet"]), "tfdesk.json says the epoch is")


# ---- the end of a run: saved before anything can go wrong with the output ------------


def _cli(args, **kwargs):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    return subprocess.run([sys.executable, "-m", "tfdesk.cli", *args], env=env, timeout=300,
                          cwd=HERE.parent, **kwargs)


@pytest.mark.parametrize("shell", ["| head -c 0", "> /dev/full", "2>&-", ">&- 2>&-"])
def test_a_closed_or_full_output_loses_nothing(tmp_path, shell):
    path = course(tmp_path)
    save = tmp_path / "save_model"
    command = (f"set -o pipefail; {sys.executable} -m tfdesk.cli {path} --save {save} {shell}; "
               f"echo rc=$? > {tmp_path / 'rc'}")
    done = subprocess.run(["bash", "-c", command],
                          cwd=HERE.parent, env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"),
                          capture_output=True, text=True, timeout=300)
    assert (save / "tfdesk.json").is_file(), done.stderr
    assert (tmp_path / "rc").read_text().strip() == "rc=0"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_stop_signal_ends_the_run_cleanly_and_saves_it(tmp_path, name):
    path = course(tmp_path, training__epochs=100_000)
    save = tmp_path / "save_model"
    process = subprocess.Popen([sys.executable, "-m", "tfdesk.cli", str(path), "--save", str(save)],
                               cwd=HERE.parent, env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    seen = ""
    while "epoch 2" not in seen and time.monotonic() < deadline:  # the bar's epoch text
        seen += os.read(process.stderr.fileno(), 4096).decode(errors="replace")
    process.send_signal(getattr(signal, name))
    out, err = process.communicate(timeout=120)
    assert process.returncode == EXIT_INTERRUPTED, err
    assert f"Stopping ({name})" in seen + err
    assert "test accuracy" in out and "Traceback" not in err
    assert checkpoint.read_sidecar(save)["epoch"] >= 2


def test_no_signal_breaks_a_save_once_begun(tmp_path, capsys, monkeypatch):
    path = course(tmp_path)
    real = checkpoint.save_checkpoint
    hit = []

    def save_while_signalled(*args, **kwargs):
        for name in ("SIGINT", "SIGTERM", "SIGHUP"):  # a second Ctrl+C, a kill, a closed terminal
            os.kill(os.getpid(), getattr(signal, name))
            hit.append(name)
        return real(*args, **kwargs)
    monkeypatch.setattr(checkpoint, "save_checkpoint", save_while_signalled)
    assert main([str(path), "--save", str(tmp_path / "save_model"), "--quiet"]) == 0
    assert hit and (tmp_path / "save_model" / "tfdesk.json").is_file()
    assert "test accuracy" in capsys.readouterr().out
