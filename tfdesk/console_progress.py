"""tfdesk-train's callbacks on its training session: the progress bar and the sentences.

Both write to stderr through console.py, so a closed or full terminal costs nothing.
"""

from __future__ import annotations

import sys

from . import console
from .core.callbacks import Callback


class ProgressBar(Callback):
    """A tqdm bar over the run's steps, with the last epoch's numbers and an ETA."""

    def __init__(self, disabled: bool = False):
        self.disabled = disabled or sys.stderr is None
        self._bar = None

    def on_train_begin(self, session, plan) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=plan.last_step - plan.first_step, unit="step", disable=self.disabled or None,
                         file=console.SafeStream(), dynamic_ncols=True, mininterval=0.25)

    def on_chunk(self, session, chunk) -> None:
        self._bar.update(len(chunk.losses))

    def on_epoch_end(self, session, m) -> None:
        parts = [f"epoch {m.epoch}", f"loss {m.train_loss:.4f}"]
        if m.val_loss is not None:
            parts.append(f"val_loss {m.val_loss:.4f}")
        if m.val_accuracy is not None:
            parts.append(f"val_acc {m.val_accuracy:.1%}")
        self._bar.set_postfix_str(" ".join(parts), refresh=False)

    def on_train_end(self, session, result) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


class Messages(Callback):
    """What the session says for the student (warnings, an early stop), on stderr in English."""

    def on_message(self, session, message) -> None:
        console.say(message.text, error=True)
