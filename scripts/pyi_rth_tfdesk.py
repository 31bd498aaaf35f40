# PyInstaller runtime hook (build_exe.spec): runs before tfdesk in the frozen app.
import os

# pyqtgraph chooses its Qt binding by what is importable; only PySide6 is bundled.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# TensorFlow's C++ start-up chatter has no console to go to.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
