"""Starting TensorFlow without its start-up chatter on the user's terminal.

Importing TensorFlow and looking for GPUs prints a dozen lines (oneDNN, the CUDA
stub, CPU features, a failed cuInit on machines without a GPU) straight to the
C-level stderr, before its own log settings apply, so TF_CPP_MIN_LOG_LEVEL cannot
hide them. tfdesk holds the stderr file descriptor for that moment and passes what
was said to its log (the window's log file; nowhere for tfdesk-train) unless the
user asks for it with --verbose. Later log lines obey TF_CPP_MIN_LOG_LEVEL, set here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile

log = logging.getLogger("tfdesk.tensorflow")


def start_tensorflow(verbose: bool | None = None):
    """Import TensorFlow and let it find its devices, quietly unless verbose (None: as the
    TFDESK_VERBOSE environment variable says, which `tfdesk --verbose` sets); the module."""
    if verbose is None:
        verbose = os.environ.get("TFDESK_VERBOSE") == "1"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "0" if verbose else "2")
    with _held_stderr(not verbose):
        import tensorflow as tf

        tf.config.list_physical_devices()  # where the CUDA probe speaks
    if not verbose:
        tf.get_logger().setLevel(logging.ERROR)  # e.g. the Saver's notes at every autosave
    return tf


@contextlib.contextmanager
def _held_stderr(hold: bool):
    if not hold or "tensorflow" in sys.modules:
        yield
        return
    try:
        sys.stderr and sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no stderr at all (a windowed app, or 2>&-)
        yield
        return
    with tempfile.TemporaryFile() as held:
        os.dup2(held.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            held.seek(0)
            said = held.read().decode("utf-8", errors="replace").strip()
            if said:
                log.info("TensorFlow's start:\n%s", said)
