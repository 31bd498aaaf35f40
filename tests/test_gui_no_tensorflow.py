"""The window's modules leave TensorFlow to the worker thread: importing one of them on
the GUI thread froze the window for seconds (Train ▸ Race did, once)."""

import os
import subprocess
import sys
import textwrap


def test_opening_the_race_and_the_lesson_views_does_not_load_tensorflow():
    script = textwrap.dedent("""
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        import tfdesk.gui.main_window, tfdesk.gui.race_window, tfdesk.gui.code_view
        import tfdesk.gui.graph_inspector, tfdesk.gui.weights_view, tfdesk.gui.evaluation_panel
        from tfdesk.core.spec import course_experiment
        from tfdesk.gui.race_window import RaceWindow
        race = RaceWindow(course_experiment(), None)
        race.show()
        app.processEvents()
        print([m for m in ("tensorflow", "keras") if m in sys.modules], flush=True)
        import shiboken6
        shiboken6.delete(race)  # a parentless dialog left to the interpreter's exit crashes it
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
