"""Which GPUs the machine has, and which of them TensorFlow can train on.

Two views are kept apart on purpose. The NVIDIA driver (asked through NVML, or
through nvidia-smi when NVML is unavailable) says what hardware is there;
TensorFlow says what it can use. When they disagree the student's TensorFlow
lacks CUDA support, and the summary says so in plain words.

TensorFlow is imported only inside tensorflow_devices(): importing it takes
seconds, and the window must paint before that.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass

from .i18n import QT_TRANSLATE_NOOP, Sentence, Words, english

NVIDIA_SMI_QUERY = [
    "nvidia-smi",
    "--query-gpu=index,name,driver_version,memory.used,memory.total,"
    "utilization.gpu,temperature.gpu",
    "--format=csv,noheader,nounits",
]

_CONTEXT = "DeviceReport"
_CPU_IS_FINE: Sentence = (
    _CONTEXT, QT_TRANSLATE_NOOP("DeviceReport", "tfdesk trains on the CPU; that is fine for the digits."), {})

# nvidia-smi writes these where a card cannot report a value.
_UNKNOWN_VALUES = {"", "n/a", "[n/a]", "[not supported]", "not supported", "[unknown error]"}


@dataclass
class GpuInfo:
    index: int
    name: str
    driver: str
    memory_used_mib: int | None
    memory_total_mib: int | None
    utilization_percent: int | None
    temperature_c: int | None

    def describe(self) -> str:
        parts = [self.name]
        used, total = self.memory_used_mib, self.memory_total_mib
        if used is not None and total is not None:
            parts.append(f"{used} / {total} MiB used")
        elif total is not None:
            parts.append(f"{total} MiB")
        elif used is not None:
            parts.append(f"{used} MiB used")
        if self.utilization_percent is not None:
            parts.append(f"{self.utilization_percent}% busy")
        if self.temperature_c is not None:
            parts.append(f"{self.temperature_c} °C")
        return ", ".join(parts)


@dataclass
class TfDevice:
    name: str  # e.g. "/physical_device:GPU:0"
    device_type: str  # "CPU" | "GPU"
    compute_capability: tuple[int, int] | None


@dataclass
class DeviceReport:
    gpus: list[GpuInfo]  # what the driver sees
    source: str  # "nvml", "nvidia-smi" or "none"
    driver_problem: str | None
    tf_devices: list[TfDevice] | None  # None when TensorFlow was not asked

    @property
    def tf_gpus(self) -> list[TfDevice] | None:
        if self.tf_devices is None:
            return None
        return [d for d in self.tf_devices if d.device_type == "GPU"]

    def training_devices(self) -> list[str]:
        """Device choices for Experiment.device: "cpu" first, then "gpu:N".

        TensorFlow's own numbering wins when it was asked, because only the GPUs
        it can see can train; otherwise the driver's list is the best guess.
        """
        tf_gpus = self.tf_gpus
        if tf_gpus is None:
            return ["cpu"] + [f"gpu:{g.index}" for g in self.gpus]
        return ["cpu"] + [f"gpu:{_tf_index(d, i)}" for i, d in enumerate(tf_gpus)]

    def summary(self) -> str:
        return english(self.summary_sentences())

    def summary_sentences(self) -> list[Sentence]:
        """The summary as (context, template, fields), for the window to translate."""
        tf_gpus = self.tf_gpus
        n = len(self.gpus)

        def say(template: str, **fields) -> Sentence:
            return (_CONTEXT, template, fields)

        if n == 0:
            if tf_gpus:
                # The driver could not be asked, yet TensorFlow found a GPU: trust TensorFlow.
                return [say(QT_TRANSLATE_NOOP(
                    "DeviceReport", "TensorFlow can train on {names}, although the NVIDIA "
                    "driver could not be asked ({reason})."),
                    names=", ".join(d.name for d in tf_gpus), reason=self._no_gpu_reason())]
            if self.driver_problem:
                return [say(QT_TRANSLATE_NOOP(
                    "DeviceReport", "Could not ask the NVIDIA driver about GPUs ({reason})."),
                    reason=self.driver_problem), _CPU_IS_FINE]
            return [say(QT_TRANSLATE_NOOP("DeviceReport", "No NVIDIA GPU found ({reason})."),
                        reason=self._no_gpu_reason()), _CPU_IS_FINE]

        if n == 1:
            text = [say(QT_TRANSLATE_NOOP("DeviceReport", "1 GPU: {gpu}."),
                        gpu=self.gpus[0].describe())]
        else:
            each = "; ".join(f"GPU {g.index}: {g.describe()}" for g in self.gpus)
            text = [say(QT_TRANSLATE_NOOP("DeviceReport", "{count} GPUs: {each}."),
                        count=n, each=each)]
        if self.driver_problem:
            text.append(say("({problem}.)", problem=self.driver_problem))

        if tf_gpus is not None and not tf_gpus:
            text.append(say(QT_TRANSLATE_NOOP(
                "DeviceReport",
                "The NVIDIA driver sees the GPU hardware, but TensorFlow sees none: this "
                "TensorFlow build has no CUDA support, or its CUDA libraries do not match "
                "the driver. On Linux, pip install \"tensorflow[and-cuda]\" installs a "
                "matching set; on Windows, TensorFlow 2.11 and later use the GPU only inside "
                "WSL2. Until then, training runs on the CPU.")))
        elif tf_gpus is not None and len(tf_gpus) < n:
            text.append(say(QT_TRANSLATE_NOOP(
                "DeviceReport",
                "TensorFlow sees only {count} of them (CUDA_VISIBLE_DEVICES may hide the others)."),
                count=len(tf_gpus)))
        return text

    def _no_gpu_reason(self) -> str:
        if self.driver_problem:
            return self.driver_problem
        if self.source == "none":
            return QT_TRANSLATE_NOOP("DeviceReport", "nvidia-smi: command not found")
        return f"{self.source} lists no GPUs"


def query_gpus(
    timeout: float = 3.0, use_nvml: bool = True
) -> tuple[list[GpuInfo], str, str | None]:
    """Ask the driver for its GPUs: (gpus, source, problem). Never raises.

    NVML is tried first because it is fast and needs no subprocess. It is
    skipped when use_nvml is False or TFDESK_NO_NVML is set, so that a fake
    nvidia-smi (in tests, or a user's workaround) is really used.
    """
    if use_nvml and not _env_flag("TFDESK_NO_NVML"):
        gpus = _query_nvml()
        if gpus is not None:
            return gpus, "nvml", None
    return _query_nvidia_smi(timeout)


def tensorflow_devices() -> list[TfDevice]:
    """The physical devices TensorFlow sees. Imports TensorFlow (slow)."""
    import tensorflow as tf

    devices = []
    for d in tf.config.list_physical_devices():
        try:
            details = tf.config.experimental.get_device_details(d)
        except Exception:  # details are a nicety; the device itself is what matters
            details = {}
        cc = details.get("compute_capability")
        devices.append(
            TfDevice(
                name=d.name,
                device_type=d.device_type,
                compute_capability=tuple(cc) if cc else None,
            )
        )
    return devices


def device_report(
    include_tensorflow: bool = True, timeout: float = 3.0, use_nvml: bool = True
) -> DeviceReport:
    gpus, source, problem = query_gpus(timeout=timeout, use_nvml=use_nvml)
    tf_devices = tensorflow_devices() if include_tensorflow else None
    return DeviceReport(gpus=gpus, source=source, driver_problem=problem, tf_devices=tf_devices)


# ---- NVML ------------------------------------------------------------------


def _query_nvml() -> list[GpuInfo] | None:
    """The GPUs NVML reports, or None when NVML cannot be used at all."""
    try:
        import pynvml
    except ImportError:
        return None
    try:
        pynvml.nvmlInit()
    except Exception:  # no library, no driver, driver too old: nvidia-smi may still work
        return None
    try:
        driver = _text(pynvml.nvmlSystemGetDriverVersion())
        gpus = []
        for i in range(pynvml.nvmlDeviceGetCount()):
            handle = pynvml.nvmlDeviceGetHandleByIndex(i)
            memory = _optional(pynvml, lambda: pynvml.nvmlDeviceGetMemoryInfo(handle))
            utilization = _optional(pynvml, lambda: pynvml.nvmlDeviceGetUtilizationRates(handle))
            gpus.append(
                GpuInfo(
                    index=i,
                    name=_text(pynvml.nvmlDeviceGetName(handle)),
                    driver=driver,
                    memory_used_mib=None if memory is None else memory.used // 2**20,
                    memory_total_mib=None if memory is None else memory.total // 2**20,
                    utilization_percent=None if utilization is None else utilization.gpu,
                    temperature_c=_optional(
                        pynvml,
                        lambda: pynvml.nvmlDeviceGetTemperature(
                            handle, pynvml.NVML_TEMPERATURE_GPU
                        ),
                    ),
                )
            )
        return gpus
    except Exception:
        return None
    finally:
        try:
            pynvml.nvmlShutdown()
        except Exception:
            pass


def _optional(pynvml, read):
    # Consumer cards answer "not supported" for some readings; that is not a failure.
    try:
        return read()
    except pynvml.NVMLError:
        return None


def _text(value) -> str:
    # Older nvidia-ml-py releases return bytes.
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


# ---- nvidia-smi --------------------------------------------------------------


def _query_nvidia_smi(timeout: float) -> tuple[list[GpuInfo], str, str | None]:
    popen_args = {}
    if sys.platform == "win32":
        # A GUI program must not flash a console window for every query.
        popen_args["creationflags"] = subprocess.CREATE_NO_WINDOW
    else:
        # Its own process group, so a hung nvidia-smi and anything it started die together.
        popen_args["start_new_session"] = True
    try:
        proc = subprocess.Popen(
            NVIDIA_SMI_QUERY,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            **popen_args,
        )
    except FileNotFoundError:
        return [], "none", None
    except OSError as e:
        return [], "nvidia-smi", f"nvidia-smi could not be started: {e.strerror or e}"

    with proc:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            return [], "nvidia-smi", f"nvidia-smi timed out after {timeout:g} s"

    if proc.returncode != 0:
        message = _first_line(err) or _first_line(out) or "no message"
        return [], "nvidia-smi", f"nvidia-smi failed (exit code {proc.returncode}): {message}"

    gpus, bad = [], []
    for line in out.splitlines():
        if not line.strip():
            continue
        gpu = _parse_line(line)
        if gpu is None:
            bad.append(line)
        else:
            gpus.append(gpu)
    problem = None
    if bad:
        problem = f"nvidia-smi printed something unexpected: {_shorten(bad[0])!r}"
        if len(bad) > 1:
            problem += f" (and {len(bad) - 1} more unexpected lines)"
    return gpus, "nvidia-smi", problem


def _parse_line(line: str) -> GpuInfo | None:
    fields = [f.strip() for f in line.split(",")]
    if len(fields) != 7 or not fields[1]:
        return None
    try:
        return GpuInfo(
            index=int(fields[0]),
            name=fields[1],
            driver=fields[2],
            memory_used_mib=_number(fields[3]),
            memory_total_mib=_number(fields[4]),
            utilization_percent=_number(fields[5]),
            temperature_c=_number(fields[6]),
        )
    except (ValueError, OverflowError):  # "nan", "1e999" and the like
        return None


def _number(field: str) -> int | None:
    if field.lower() in _UNKNOWN_VALUES:
        return None
    return round(float(field))  # ValueError for anything else, which marks the line bad


def _kill(proc: subprocess.Popen) -> None:
    try:
        if sys.platform == "win32":
            proc.kill()
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return _shorten(line.strip())
    return ""


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def _tf_index(device: TfDevice, position: int) -> int:
    try:
        return int(device.name.rsplit(":", 1)[1])
    except (IndexError, ValueError):
        return position



def placement_note(device: str) -> Words | None:
    """A sentence when the chosen GPU ("gpu:N") is not available and TensorFlow's soft
    placement trains on the CPU instead."""
    if device == "cpu":
        return None
    import tensorflow as tf

    index = int(device.split(":")[1])
    gpus = tf.config.list_physical_devices("GPU")
    if index < len(gpus):
        return None
    if not gpus:
        return Words(QT_TRANSLATE_NOOP("core", "{device} was chosen but TensorFlow sees no GPU; "
                                               "training runs on the CPU."),
                     device=device)
    return Words(QT_TRANSLATE_NOOP("core", "{device} was chosen but TensorFlow sees only {count} "
                                           "GPU(s); training runs on the CPU."),
                 device=device, count=len(gpus))
