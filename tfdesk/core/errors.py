"""The one exception family tfdesk raises for problems a user can fix.

Anything that is not a TfdeskError is a bug; the CLI shows a TfdeskError's message
as it is, without a traceback, and the window shows it in its own language.

A message is a template marked for translation and its fields (i18n.py):

    raise SpecError(QT_TRANSLATE_NOOP("core", "{field}: must be true or false, got {value!r}"),
                    field=field_name, value=value)

str(e) is the English sentence, template.format(**fields); e.template and e.fields
stay with the exception for the window's translation (i18n.render).
"""

from .i18n import QT_TRANSLATE_NOOP, Words, fill


class TfdeskError(Exception):
    """A problem with the user's input, files or settings, worded for the user."""

    def __init__(self, template: str = "", /, **fields):
        self.template = template
        self.fields = fields
        super().__init__(fill(template, fields))

    @property
    def words(self) -> Words:
        """The message as Words, to carry inside another sentence or to keep."""
        return Words(self.template, **self.fields)

    def __reduce__(self):  # pickled whole: a subclass's __init__ may take other arguments
        return _rebuilt, (type(self), self.args, self.__dict__)


def _rebuilt(cls, args, state):
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class SpecError(TfdeskError):
    """An experiment value that is not allowed; the message names the field."""


class DataFileError(TfdeskError):
    """A data file that cannot be read; the message names the file and the problem.

    DataFileError(path, QT_TRANSLATE_NOOP("core", "row {row} is empty"), row=3) says
    "<path>: row 3 is empty"; e.problem is that problem as Words."""

    def __init__(self, path, problem: str, /, **fields):
        self.path = str(path)
        self.problem = Words(problem, **fields)
        super().__init__(QT_TRANSLATE_NOOP("core", "{path}: {problem}"),
                         path=self.path, problem=self.problem)


class CheckpointError(TfdeskError):
    """A checkpoint that cannot be written, read or matched to the graph."""


class TrainingError(TfdeskError):
    """Training cannot go on (for example the loss became NaN)."""
