"""Everything that watches a training session attaches as a callback.

A Callback's hooks do nothing; a behaviour overrides the ones it needs, and
CallbackList hands every event to each in turn (the shape of Keras's callbacks).
Adding a behaviour is adding a module here, not editing a training loop:

    autosave.py        the latest and the best network, kept in the user's folder
    early_stopping.py  stop when validation stops improving, back to the best weights
    divergence.py      say when the loss runs away or accuracy stays at chance
    tensorboard.py     TensorBoard event files: the graph, scalars, weight histograms

The window's worker, tfdesk-train and the race attach their own (the plot's
signals, the progress bar). A callback may ask the session to stop
(session.stop()) or say something to the student (session.say(template,
**fields), the template marked with i18n.QT_TRANSLATE_NOOP("core", …) so the window
shows it translated).
"""

from __future__ import annotations


class Callback:
    def on_train_begin(self, session, plan) -> None:
        """Training is about to run (core.events.Plan)."""

    def on_chunk(self, session, chunk) -> None:
        """A chunk of steps ran (core.events.StepLosses)."""

    def on_epoch_end(self, session, metrics) -> None:
        """An epoch ended (core.events.EpochMetrics)."""

    def on_train_end(self, session, result) -> None:
        """Training ended, finished, stopped or failed (core.events.TrainResult)."""

    def on_message(self, session, message) -> None:
        """A sentence for the student (core.events.Message): a warning, why training stopped."""


class CallbackList(Callback):
    """Hands each event to every callback, in the order they were given."""

    def __init__(self, callbacks=()):
        self.callbacks = list(callbacks)

    def append(self, callback: Callback) -> None:
        self.callbacks.append(callback)

    def remove(self, callback: Callback) -> None:
        self.callbacks.remove(callback)

    def on_train_begin(self, session, plan) -> None:
        for c in self.callbacks:
            c.on_train_begin(session, plan)

    def on_chunk(self, session, chunk) -> None:
        for c in self.callbacks:
            c.on_chunk(session, chunk)

    def on_epoch_end(self, session, metrics) -> None:
        for c in self.callbacks:
            c.on_epoch_end(session, metrics)

    def on_train_end(self, session, result) -> None:
        for c in self.callbacks:
            c.on_train_end(session, result)

    def on_message(self, session, message) -> None:
        for c in self.callbacks:
            c.on_message(session, message)
