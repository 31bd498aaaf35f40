"""The one exception family tfdesk raises for problems a user can fix.

Anything that is not a TfdeskError is a bug; the CLI and the window show a
TfdeskError's message as it is, without a traceback.
"""


class TfdeskError(Exception):
    """A problem with the user's input, files or settings, worded for the user."""


class SpecError(TfdeskError):
    """An experiment value that is not allowed; the message names the field."""


class DataFileError(TfdeskError):
    """A data file that cannot be read; the message names the file and the problem."""

    def __init__(self, path, problem):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class CheckpointError(TfdeskError):
    """A checkpoint that cannot be written, read or matched to the graph."""


class TrainingError(TfdeskError):
    """Training cannot go on (for example the loss became NaN)."""
