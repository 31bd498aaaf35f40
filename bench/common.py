"""Side-by-side timing helpers: peers run interleaved, round after round, and
each is summarised by its median, because these machines are shared and noisy."""

from __future__ import annotations

import os
import platform
import statistics
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def machine() -> str:
    import tensorflow as tf

    cpu = platform.processor() or platform.machine()
    return (f"{platform.system()} {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"TensorFlow {tf.__version__}")


def interleaved(peers: dict, rounds: int) -> dict[str, list[float]]:
    """Run every peer once per round, in turn; each returns seconds per unit of work."""
    samples = {name: [] for name in peers}
    for _ in range(rounds):
        for name, run in peers.items():
            samples[name].append(run())
    return samples


def median(values) -> float:
    return statistics.median(values)


def table(title: str, rows: list[tuple[str, str, str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [title]
    for r in rows:
        lines.append("  " + "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                                      for i, (cell, w) in enumerate(zip(r, widths))))
    return "\n".join(lines)


class Stopwatch:
    def __enter__(self):
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.started
