"""`tfdesk --self-test`: the smoke test after every build, also in the frozen app.

Imports everything the window uses, builds the course's graph, trains one epoch
without a window and one more compiled by XLA, saves and restores a checkpoint in
a temporary folder, and prints one line: OK (saying whether XLA compiled), or what
failed.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time

MODULES = ("PySide6.QtWidgets", "pyqtgraph", "tfdesk.gui.main_window", "tfdesk.gui.race_window",
           "tfdesk.gui.code_view", "tfdesk.gui.graph_inspector", "tfdesk.core.callbacks.autosave",
           "tfdesk.core.callbacks.tensorboard", "tfdesk.core.codegen", "tfdesk.core.graph_info",
           "tfdesk.core.graph_safety")


def run() -> int:
    started = time.perf_counter()
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # importing is enough; no window opens
    try:
        from .core.tf_start import start_tensorflow

        tf = start_tensorflow()  # first: some of the modules import TensorFlow, quietly only here
        for name in MODULES:  # PySide6 first, so pyqtgraph picks it
            importlib.import_module(name)
        import numpy as np

        from .core.checkpoint import restore_weights, save_checkpoint
        from .core.graph_process import GraphProcess
        from .core.spec import course_experiment
        from .core.trainer import Trainer

        _check_resources()
        exp = course_experiment()
        with Trainer(exp) as trainer:
            result = trainer.train(1)
            # The compiled path, as a long run takes it. Where XLA cannot compile (a frozen
            # app missing a part of it), training goes on without it: said, not a failure.
            if trainer.compile_xla():
                trainer.train(1)
            engine = ("an epoch compiled by XLA" if trainer.engine_path == "xla"
                      else f"no XLA ({trainer.xla_error})")
            x = trainer.data.x_test[:8]
            trained = trainer.predict(x)
            with tempfile.TemporaryDirectory() as scratch:
                save_checkpoint(trainer, os.path.join(scratch, "save_model"))
                with Trainer(exp, trainer.data) as fresh:
                    restore_weights(fresh, os.path.join(scratch, "save_model"))
                    if not np.allclose(fresh.predict(x), trained, rtol=1e-5, atol=1e-6):
                        raise RuntimeError("the restored network answers differently")
                # The course's 載入 graph, as the window does it: in a child process.
                graph = GraphProcess(os.path.join(scratch, "save_model"))
                try:
                    if not np.allclose(graph.predict_probabilities(x), trained, rtol=1e-5, atol=1e-6):
                        raise RuntimeError("the opened graph answers differently")
                finally:
                    graph.close()
    except Exception as e:  # the one line is the point: say what broke
        print(f"tfdesk self-test FAILED: {type(e).__name__}: {e}", flush=True)
        return 1
    print(f"tfdesk self-test OK: TensorFlow {tf.__version__}, one epoch ({result.step} steps), "
          f"{engine}, checkpoint saved, restored and its graph opened in a child process, "
          f"translation and icons found, {time.perf_counter() - started:.1f} s", flush=True)
    return 0


def _check_resources() -> None:
    """The icon and the Chinese interface made it into the build, and the translation loads."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from .resources import resources_dir

    missing = [name for name in ("icons/tfdesk-256.png", "translations/tfdesk_zh_TW.qm", "pen_digits.npz")
               if not (resources_dir() / name).is_file()]
    if missing:
        raise RuntimeError(f"missing from {resources_dir()}: {', '.join(missing)}")
    translator = QTranslator()
    if not translator.load(str(resources_dir() / "translations" / "tfdesk_zh_TW.qm")) \
            or not translator.translate("WindowActions", "&File"):
        raise RuntimeError("the Traditional Chinese translation does not load")
    qt_folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    if not QTranslator().load("qtbase_zh_TW", qt_folder):  # Qt's own buttons and dialogs
        raise RuntimeError(f"Qt's Traditional Chinese translation is not in {qt_folder}")


if __name__ == "__main__":
    sys.exit(run())
