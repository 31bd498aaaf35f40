"""Soak: the window training for a long time, with the live plot.

    python -m bench.soak                # an hour
    python -m bench.soak --minutes 5

Trains the course network through the window again and again (each Start goes
on from the current weights, so the plot keeps growing), and prints the
resident memory every minute and the main thread's worst stall, measured by a
10 ms heartbeat timer.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

from .common import machine
from .ui import Heartbeat, percentile, rss_mb, wait_until

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tfdesk.core.spec import course_experiment
    from tfdesk.gui.app import configure_interpreter
    from tfdesk.gui.main_window import MainWindow

    configure_interpreter()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    print(machine())
    exp = course_experiment()
    exp.training.epochs = 200
    scratch = tempfile.mkdtemp()
    window = MainWindow(experiment=exp, settings=QSettings(f"{scratch}/s.ini", QSettings.IniFormat),
                        data_folder=scratch)
    window.optimizer.pace.set_pace(0)  # full speed: the engine through the window, not a watching pace
    window.resize(1400, 860)
    window.show()
    wait_until(app, lambda: window.tensorflow_version is not None)
    finished = []
    window.worker.trainingFinished.connect(lambda status, seconds: finished.append(status))
    heartbeat = Heartbeat()
    heartbeat.start()
    started = time.perf_counter()
    end = started + args.minutes * 60
    next_report = started
    print(f"{'minute':>6} {'RSS MB':>8} {'steps plotted':>14} {'worst stall ms':>15} {'p99 ms':>7}")
    while time.perf_counter() < end:
        finished.clear()
        window.start_action.trigger()
        while not finished and time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() >= next_report:
                late = heartbeat.late_ms or [0.0]
                print(f"{(time.perf_counter() - started) / 60:6.1f} {rss_mb() or float('nan'):8.0f} "
                      f"{window.plot.step_count():14,} {max(late):15.1f} {percentile(late, 99):7.1f}",
                      flush=True)
                next_report += 60
        if not finished:
            window.stop_action.trigger()
            wait_until(app, lambda: finished)
    heartbeat.stop()
    late = heartbeat.late_ms
    print(f"\nsoak: minutes={args.minutes:g} rss_mb={rss_mb() or float('nan'):.0f} "
          f"steps={window.plot.step_count()} worst_stall_ms={max(late):.1f} "
          f"p99_ms={percentile(late, 99):.1f}")
    window.close()


if __name__ == "__main__":
    main()
