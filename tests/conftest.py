import os

# Qt must never try to open a display in tests or CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep TensorFlow's start-up chatter out of the test output.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
