import os
import subprocess
import sys
import time
import types

import pytest

from tfdesk.core import devices
from tfdesk.core.devices import DeviceReport, GpuInfo, TfDevice, device_report, query_gpus

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake nvidia-smi is a bash script")

# What nvidia-smi printed for the course slide's machine, in the CSV form tfdesk asks for.
GTX_1080_TI = "0, NVIDIA GeForce GTX 1080 Ti, 384.98, 562, 11172, 3, 30\n"


@pytest.fixture
def fake_smi(tmp_path, monkeypatch):
    """Write a bash script named nvidia-smi and put its folder first on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()

    def make(body: str):
        script = bin_dir / "nvidia-smi"
        script.write_text("#!/bin/bash\n" + body)
        script.chmod(0o755)
        monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
        return script

    return make


def _printing(text: str, exit_code: int = 0) -> str:
    return f"cat <<'EOF'\n{text}EOF\nexit {exit_code}\n"


def _gpu(index=0, name="NVIDIA GeForce GTX 1080 Ti"):
    return GpuInfo(index, name, "384.98", 562, 11172, 3, 30)


CPU = TfDevice("/physical_device:CPU:0", "CPU", None)


# ---- nvidia-smi ----------------------------------------------------------------


@posix_only
def test_one_gpu_from_nvidia_smi(fake_smi):
    fake_smi(_printing(GTX_1080_TI))
    gpus, source, problem = query_gpus(use_nvml=False)

    assert source == "nvidia-smi"
    assert problem is None
    assert gpus == [GpuInfo(0, "NVIDIA GeForce GTX 1080 Ti", "384.98", 562, 11172, 3, 30)]

    report = device_report(include_tensorflow=False, use_nvml=False)
    assert report.summary() == "1 GPU: NVIDIA GeForce GTX 1080 Ti, 562 / 11172 MiB used, 3% busy, 30 °C."
    assert report.training_devices() == ["cpu", "gpu:0"]


@posix_only
def test_nvidia_smi_is_asked_for_csv(fake_smi, tmp_path):
    args_file = tmp_path / "args"
    fake_smi(f'echo "$@" > {args_file}\n' + _printing(GTX_1080_TI))
    query_gpus(use_nvml=False)
    args = args_file.read_text()
    assert "--format=csv,noheader,nounits" in args
    assert "--query-gpu=index,name,driver_version,memory.used,memory.total" in args


@posix_only
def test_two_gpus_with_missing_fields(fake_smi):
    fake_smi(
        _printing(
            "0, Tesla K80, 470.57.02, 0, 11441, 0, 34\n"
            "1, NVIDIA GeForce RTX 3060, 470.57.02, [N/A], 12288, [Not Supported], [N/A]\n"
        )
    )
    gpus, source, problem = query_gpus(use_nvml=False)

    assert (source, problem) == ("nvidia-smi", None)
    assert gpus[0] == GpuInfo(0, "Tesla K80", "470.57.02", 0, 11441, 0, 34)
    assert gpus[1] == GpuInfo(1, "NVIDIA GeForce RTX 3060", "470.57.02", None, 12288, None, None)

    report = DeviceReport(gpus, source, problem, tf_devices=None)
    assert report.summary() == (
        "2 GPUs: GPU 0: Tesla K80, 0 / 11441 MiB used, 0% busy, 34 °C; "
        "GPU 1: NVIDIA GeForce RTX 3060, 12288 MiB."
    )
    assert report.training_devices() == ["cpu", "gpu:0", "gpu:1"]


def test_no_nvidia_smi_on_path(tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))

    gpus, source, problem = query_gpus(use_nvml=False)
    assert (gpus, source, problem) == ([], "none", None)

    report = device_report(include_tensorflow=False, use_nvml=False)
    text = report.summary()
    assert text.startswith("No NVIDIA GPU found")
    assert "command not found" in text
    assert "CPU" in text
    assert report.training_devices() == ["cpu"]


def _alive(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    except OSError:  # no /proc (macOS): fall back to signal 0
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state != "Z"


@posix_only
def test_hanging_nvidia_smi_times_out_and_is_killed(fake_smi, tmp_path):
    smi_pid, sleep_pid = tmp_path / "smi.pid", tmp_path / "sleep.pid"
    fake_smi(f"echo $$ > {smi_pid}\nsleep 30 &\necho $! > {sleep_pid}\nwait\n")

    start = time.monotonic()
    gpus, source, problem = query_gpus(timeout=1.0, use_nvml=False)
    elapsed = time.monotonic() - start

    assert elapsed < 2.0
    assert gpus == []
    assert source == "nvidia-smi"
    assert problem == "nvidia-smi timed out after 1 s"

    # Both the script and the sleep it started must be gone, not left behind.
    pids = [int(smi_pid.read_text()), int(sleep_pid.read_text())]
    deadline = time.monotonic() + 2.0
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(p) for p in pids)

    summary = DeviceReport(gpus, source, problem, None).summary()
    assert "timed out after 1 s" in summary
    assert "CPU" in summary


@posix_only
def test_garbage_output_is_a_problem_not_an_exception(fake_smi):
    fake_smi(_printing("Hello, I am not a GPU\n"))
    gpus, source, problem = query_gpus(use_nvml=False)
    assert gpus == []
    assert source == "nvidia-smi"
    assert problem.startswith("nvidia-smi printed something unexpected:")
    assert "Hello, I am not a GPU" in problem
    DeviceReport(gpus, source, problem, None).summary()  # must not raise


@posix_only
def test_good_lines_survive_bad_ones(fake_smi):
    fake_smi(_printing(GTX_1080_TI + "1, Broken, 1.0, lots, 11172, 3, 30\n2, x, nan, nan, nan, nan, nan\n"))
    gpus, source, problem = query_gpus(use_nvml=False)
    assert [g.name for g in gpus] == ["NVIDIA GeForce GTX 1080 Ti"]
    assert "1, Broken, 1.0, lots" in problem
    assert "1 more" in problem


@posix_only
def test_binary_garbage_does_not_raise(fake_smi):
    fake_smi("printf '\\xff\\xfe\\x00\\x81 junk, , ,\\n,,,,,,\\n'\n")
    gpus, source, problem = query_gpus(use_nvml=False)
    assert gpus == []
    assert "unexpected" in problem


@posix_only
def test_failing_nvidia_smi_reports_its_message(fake_smi):
    fake_smi(
        "echo 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.' >&2\n"
        "echo 'second line' >&2\nexit 9\n"
    )
    gpus, source, problem = query_gpus(use_nvml=False)
    assert gpus == []
    assert source == "nvidia-smi"
    assert problem == (
        "nvidia-smi failed (exit code 9): "
        "NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver."
    )
    assert "second line" not in problem


@posix_only
def test_failing_nvidia_smi_message_on_stdout(fake_smi):
    # The real nvidia-smi prints its failure on stdout.
    fake_smi(_printing("No devices were found\n", exit_code=6))
    _, _, problem = query_gpus(use_nvml=False)
    assert problem == "nvidia-smi failed (exit code 6): No devices were found"


# ---- NVML ---------------------------------------------------------------------


class _FakeNvmlError(Exception):
    pass


def _fake_pynvml(calls, init_error=False):
    m = types.ModuleType("pynvml")
    m.NVMLError = _FakeNvmlError
    m.NVML_TEMPERATURE_GPU = 0

    def init():
        calls.append("init")
        if init_error:
            raise _FakeNvmlError("NVML Shared Library Not Found")

    def not_supported(*_):
        raise _FakeNvmlError("Not Supported")

    m.nvmlInit = init
    m.nvmlShutdown = lambda: calls.append("shutdown")
    m.nvmlSystemGetDriverVersion = lambda: b"550.54.14"
    m.nvmlDeviceGetCount = lambda: 1
    m.nvmlDeviceGetHandleByIndex = lambda i: i
    m.nvmlDeviceGetName = lambda h: "NVIDIA GeForce GTX 1080 Ti"
    m.nvmlDeviceGetMemoryInfo = lambda h: types.SimpleNamespace(used=562 * 2**20, total=11172 * 2**20)
    m.nvmlDeviceGetUtilizationRates = not_supported
    m.nvmlDeviceGetTemperature = lambda h, sensor: 30
    return m


def test_nvml_is_used_first(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setitem(sys.modules, "pynvml", _fake_pynvml(calls))
    monkeypatch.delenv("TFDESK_NO_NVML", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # nvidia-smi must not be needed

    gpus, source, problem = query_gpus()
    assert (source, problem) == ("nvml", None)
    assert gpus == [GpuInfo(0, "NVIDIA GeForce GTX 1080 Ti", "550.54.14", 562, 11172, None, 30)]
    assert calls == ["init", "shutdown"]


@posix_only
def test_nvml_failure_falls_back_to_nvidia_smi(monkeypatch, fake_smi):
    calls = []
    monkeypatch.setitem(sys.modules, "pynvml", _fake_pynvml(calls, init_error=True))
    monkeypatch.delenv("TFDESK_NO_NVML", raising=False)
    fake_smi(_printing(GTX_1080_TI))

    gpus, source, problem = query_gpus()
    assert calls == ["init"]
    assert (source, problem) == ("nvidia-smi", None)
    assert gpus[0].driver == "384.98"


@posix_only
def test_environment_variable_disables_nvml(monkeypatch, fake_smi):
    calls = []
    monkeypatch.setitem(sys.modules, "pynvml", _fake_pynvml(calls))
    monkeypatch.setenv("TFDESK_NO_NVML", "1")
    fake_smi(_printing(GTX_1080_TI))

    _, source, _ = query_gpus(use_nvml=True)
    assert calls == []
    assert source == "nvidia-smi"


# ---- the report ------------------------------------------------------------------


def test_driver_sees_gpu_but_tensorflow_does_not():
    report = DeviceReport([_gpu()], "nvidia-smi", None, tf_devices=[CPU])
    text = report.summary()
    assert text.startswith("1 GPU: NVIDIA GeForce GTX 1080 Ti")
    assert "TensorFlow sees none" in text
    assert "no CUDA support" in text
    assert 'pip install "tensorflow[and-cuda]"' in text
    assert "training runs on the CPU" in text
    # Only what TensorFlow can use is offered for training.
    assert report.training_devices() == ["cpu"]


def test_tensorflow_numbering_is_used_when_known():
    tf_devices = [
        CPU,
        TfDevice("/physical_device:GPU:0", "GPU", (6, 1)),
        TfDevice("/physical_device:GPU:1", "GPU", (8, 6)),
    ]
    report = DeviceReport([_gpu(0), _gpu(1)], "nvml", None, tf_devices)
    assert report.training_devices() == ["cpu", "gpu:0", "gpu:1"]
    assert "TensorFlow sees none" not in report.summary()


def test_tensorflow_sees_fewer_gpus_than_the_driver():
    tf_devices = [CPU, TfDevice("/physical_device:GPU:0", "GPU", (6, 1))]
    report = DeviceReport([_gpu(0), _gpu(1)], "nvml", None, tf_devices)
    assert report.training_devices() == ["cpu", "gpu:0"]
    assert "TensorFlow sees only 1 of them" in report.summary()


def test_tensorflow_gpu_without_driver_answer():
    tf_devices = [CPU, TfDevice("/physical_device:GPU:0", "GPU", (8, 6))]
    report = DeviceReport([], "none", None, tf_devices)
    assert report.training_devices() == ["cpu", "gpu:0"]
    assert report.summary().startswith("TensorFlow can train on /physical_device:GPU:0, although")


def test_importing_devices_does_not_import_tensorflow_or_qt():
    code = (
        "import sys, tfdesk.core.devices\n"
        "loaded = [m for m in ('tensorflow', 'PySide6') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_tensorflow_devices_on_this_machine():
    found = devices.tensorflow_devices()
    assert any(d.device_type == "CPU" for d in found)
    for d in found:
        assert d.name.startswith("/physical_device:")
        if d.device_type == "CPU":
            assert d.compute_capability is None

    report = DeviceReport([], "none", None, found)
    choices = report.training_devices()
    assert choices[0] == "cpu"
    assert len(choices) == 1 + sum(d.device_type == "GPU" for d in found)
