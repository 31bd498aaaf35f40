"""The window while it trains: throughput, main-thread stalls, drawing latency,
start-up time and the plot's memory.

    python -m bench.ui            # about two minutes on a 2-core laptop, offscreen
    python -m bench.ui --quick    # fewer rounds, to check it runs

Peers run side by side in one process: headless training (the core Trainer on
the main thread) against the same training through the window's worker
thread, round after round; start-up is compared with a bare PySide6 window.
Digits are drawn at a hand's pace, one mouse event every 8 ms, a digit every
400 ms, and each answer is timed from the panel's request to the bars.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import machine, median, table

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HEARTBEAT_MS = 10
PEN_EVENT_MS = 8  # a 125 Hz mouse
PEN_STEP_PX = 12  # apart, on a 280-pixel canvas: a digit in about 40 moves
DRAWING_EVERY_MS = 400
STROKES = [[(70, 60), (230, 60), (130, 250)], [(150, 50), (150, 260)],
           [(80, 80), (200, 80), (200, 160), (80, 160), (80, 250), (220, 250)]]


# ---- start-up, in child processes ---------------------------------------------------

def _exit_at_first_paint(app) -> None:
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Paint:
                print(f"painted {time.time():.6f}", flush=True)
                os._exit(0)  # now: the worker may still be importing TensorFlow
            return False

    app._first_paint = FirstPaint()
    app.installEventFilter(app._first_paint)
    app.exec()


def child_tfdesk() -> None:
    from tfdesk.gui.app import show_window

    settings_home = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"] = settings_home  # default layout, not the user's
    app, _window = show_window([sys.argv[0]])
    _exit_at_first_paint(app)


def child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    window.show()
    _exit_at_first_paint(app)


def startup_seconds(kind: str) -> float:
    launched = time.time()
    out = subprocess.run([sys.executable, "-m", "bench.ui", f"--child-{kind}"], capture_output=True,
                         text=True, timeout=120, cwd=Path(__file__).resolve().parents[1])
    painted = [line for line in out.stdout.splitlines() if line.startswith("painted ")]
    if not painted:
        raise RuntimeError(f"the {kind} window never painted:\n{out.stderr[-2000:]}")
    return float(painted[-1].split()[1]) - launched


# ---- in-process measurements -----------------------------------------------------------

def rss_mb() -> float | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return None  # not Linux


class Heartbeat:
    """A main-thread timer; how late each tick is shows how long the thread was stalled."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.late_ms: list[float] = []
        self._last = None

    def _tick(self):
        now = time.perf_counter()
        if self._last is not None:
            self.late_ms.append(max(0.0, (now - self._last) * 1000 - HEARTBEAT_MS))
        self._last = now

    def start(self):
        self._last = None
        self.timer.start()

    def stop(self):
        self.timer.stop()


class DrawingClock:
    """Times each drawing from the panel's request (and from the stroke's last mouse
    event) to the probabilities reaching the bars."""

    def __init__(self, window):
        self.window = window
        self.requested = self.stroked = None
        self.from_request_ms: list[float] = []
        self.from_stroke_ms: list[float] = []
        window.draw.predictionRequested.connect(self._requested)
        window.worker.predicted.connect(self._answered)  # after the bars' own slot

    def _requested(self, _vector):
        self.requested = time.perf_counter()

    def _answered(self, _probabilities):
        now = time.perf_counter()
        if self.requested is not None:
            self.from_request_ms.append((now - self.requested) * 1000)
            self.requested = None
        if self.stroked is not None:
            self.from_stroke_ms.append((now - self.stroked) * 1000)
            self.stroked = None

    def draw(self, index: int):
        """Start drawing a digit, at a hand's pace: one mouse event per PEN_EVENT_MS.
        (Sent all at once, the hundred moves of a stroke held the GUI thread for
        50 ms while training, which no pen does, and the answer to the drawing
        before waited behind them.)"""
        from PySide6.QtCore import QEvent, QTimer
        from qt_helpers import send_mouse, stroke_events

        self.window.draw.clear()
        events = stroke_events(STROKES[index % len(STROKES)], step=PEN_STEP_PX)

        def next_event():
            event = next(events, None)
            if event is None:
                self._pen.stop()
                return
            send_mouse(self.window.draw.canvas, event)
            if event[0] == QEvent.MouseButtonRelease:
                self.stroked = time.perf_counter()

        self._pen = QTimer()
        self._pen.setInterval(PEN_EVENT_MS)
        self._pen.timeout.connect(next_event)
        self._pen.start()


def wait_until(app, condition, timeout=300.0):
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.001)


def pump(app, seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def window_measurements(app, rounds: int, epochs: int) -> dict:
    from PySide6.QtCore import QSettings, QTimer

    from tfdesk.core.spec import course_experiment
    from tfdesk.core.trainer import Trainer
    from tfdesk.gui.main_window import MainWindow

    exp = course_experiment()
    exp.training.epochs = epochs
    scratch = tempfile.mkdtemp()
    window = MainWindow(experiment=exp, settings=QSettings(f"{scratch}/s.ini", QSettings.IniFormat))
    window.optimizer.pace.set_pace(0)  # full speed: the engine through the window, not a watching pace
    window.resize(1400, 860)
    window.show()
    wait_until(app, lambda: window.tensorflow_version is not None)
    headless = Trainer(exp)
    steps = epochs * headless.steps_per_epoch()
    finished = []
    window.worker.trainingFinished.connect(lambda status, seconds: finished.append(seconds))
    heartbeat = Heartbeat()
    clock = DrawingClock(window)

    def train_in_window(drawing: bool) -> float:
        finished.clear()
        drawer = QTimer()
        drawer.setInterval(DRAWING_EVERY_MS)
        count = iter(range(10**6))
        drawer.timeout.connect(lambda: clock.draw(next(count)))
        heartbeat.start()
        window.start_action.trigger()
        if drawing:
            drawer.start()
        wait_until(app, lambda: finished)
        drawer.stop()
        heartbeat.stop()
        return finished[0] / steps

    train_in_window(False)  # warm up: the worker builds its graph
    headless.train(epochs)
    per_step = {"headless": [], "window": []}
    for _ in range(rounds):
        per_step["headless"].append(headless.train(epochs).seconds / steps)
        per_step["window"].append(train_in_window(False))
    heartbeat_training = list(heartbeat.late_ms)

    clock.from_request_ms.clear(), clock.from_stroke_ms.clear()
    for _ in range(max(1, rounds // 2)):
        train_in_window(True)
    during_training = (list(clock.from_request_ms), list(clock.from_stroke_ms))
    clock.from_request_ms.clear(), clock.from_stroke_ms.clear()
    for i in range(20):
        clock.draw(i)
        pump(app, DRAWING_EVERY_MS / 1000)
    idle = (list(clock.from_request_ms), list(clock.from_stroke_ms))
    heartbeat.late_ms.clear()
    window.close()
    headless.close()
    return dict(per_step=per_step, heartbeat=heartbeat_training, drawing_training=during_training,
                drawing_idle=idle, steps=steps)


def plot_memory(app, steps: int = 100_000, block: int = 200) -> float | None:
    import numpy as np

    from tfdesk.gui.plot_panel import LossPlot

    plot = LossPlot()
    plot.resize(900, 600)
    plot.show()
    plot.start_run("memory", has_accuracy=True)
    pump(app, 0.3)
    before = rss_mb()
    rng = np.random.default_rng(0)
    for first in range(1, steps + 1, block):
        plot.add_steps(first, (2.0 * np.exp(-first / 20_000) + 0.1 * rng.random(block)).astype(np.float32))
        if (first // block) % 40 == 0:
            plot.add_epoch(first // 40, first + block - 1, 1.0, 1.1, 0.5, 0.5)
            app.processEvents()
    pump(app, 0.5)
    after = rss_mb()
    plot.close()
    return None if before is None else after - before


def percentile(values, q) -> float:
    import numpy as np

    return float(np.percentile(values, q)) if values else float("nan")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, to check it runs")
    parser.add_argument("--child-tfdesk", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_tfdesk:
        return child_tfdesk()
    if args.child_bare:
        return child_bare()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # qt_helpers.stroke

    rounds = 2 if args.quick else 7
    starts = {"tfdesk": [], "bare_pyside6": []}
    for _ in range(3 if args.quick else 7):
        for kind, key in (("tfdesk", "tfdesk"), ("bare", "bare_pyside6")):
            starts[key].append(startup_seconds(kind))

    from PySide6.QtWidgets import QApplication

    from tfdesk.gui.app import configure_interpreter

    configure_interpreter()  # as the app does
    app = QApplication.instance() or QApplication([sys.argv[0]])
    print(machine())
    m = window_measurements(app, rounds, epochs=100)
    memory = plot_memory(app)

    headless, windowed = median(m["per_step"]["headless"]), median(m["per_step"]["window"])
    print(table(f"\nTraining the course network, {rounds} rounds of {m['steps']} steps",
                [("peer", "median µs/step", "vs headless"),
                 ("headless Trainer", f"{headless * 1e6:,.0f}", "1.00"),
                 ("window (worker, plot, draw panel)", f"{windowed * 1e6:,.0f}", f"{headless / windowed:.2f}")]))
    beats = m["heartbeat"]
    print(table(f"\nMain-thread heartbeat ({HEARTBEAT_MS} ms timer) while training, {len(beats)} ticks",
                [("", "ms late", ""), ("p99", f"{percentile(beats, 99):.1f}", ""),
                 ("max", f"{max(beats):.1f}", "")]))
    (req_t, stroke_t), (req_i, stroke_i) = m["drawing_training"], m["drawing_idle"]
    print(table("\nDrawing → probabilities on the bars (p95 ms)",
                [("", "from request", "from pen lifted"),
                 (f"idle ({len(req_i)} answers)", f"{percentile(req_i, 95):.1f}", f"{percentile(stroke_i, 95):.1f}"),
                 (f"training ({len(req_t)} answers)", f"{percentile(req_t, 95):.1f}",
                  f"{percentile(stroke_t, 95):.1f}")]))
    tf_start, bare_start = median(starts["tfdesk"]), median(starts["bare_pyside6"])
    print(table(f"\nStart-up to the first paint, {len(starts['tfdesk'])} launches each",
                [("peer", "median s", "ratio"), ("tfdesk", f"{tf_start:.2f}", f"{tf_start / bare_start:.2f}"),
                 ("bare PySide6 window", f"{bare_start:.2f}", "1.00")]))
    print(f"\n100,000 plotted steps: {memory:+.1f} MB resident" if memory is not None
          else "\n100,000 plotted steps: resident memory not measurable here")
    print()
    print(f"ui: window_vs_headless={headless / windowed:.2f} heartbeat_p99_ms={percentile(beats, 99):.1f} "
          f"heartbeat_max_ms={max(beats):.1f} draw_p95_ms={percentile(req_i, 95):.1f} "
          f"draw_training_p95_ms={percentile(req_t, 95):.1f} startup_s={tf_start:.2f} "
          f"startup_vs_bare={tf_start / bare_start:.2f} plot_100k_mb={memory if memory is not None else float('nan'):.1f}")


if __name__ == "__main__":
    main()
