"""Marking core sentences for translation without importing Qt.

The window translates them with QCoreApplication.translate(context, template);
pyside6-lupdate finds them by this function's name, as it finds Qt's own.

A sentence the core hands to the window (an error's message, a problem to show)
keeps its template and fields, so the window can say it in its own language:

    raise DataFileError(path, QT_TRANSLATE_NOOP("core", "row {row} is empty"), row=3)

Its English is template.format(**fields), what str() and the command line show;
render(value, translate) is the window's way to the translated text.
"""

from __future__ import annotations

from typing import Callable

CONTEXT = "core"  # the translation context of every template below


def QT_TRANSLATE_NOOP(context: str, template: str) -> str:  # noqa: N802 (lupdate's name)
    return template


Sentence = tuple[str, str, dict]  # (context, template, fields for str.format)


def english(sentences: list[Sentence]) -> str:
    return " ".join(template.format(**fields) for _context, template, fields in sentences)


def fill(template: str, fields: dict) -> str:
    """The template with its fields; without fields the template is the text itself
    (so a ready-made sentence with a brace in it stays as it is)."""
    return template.format(**fields) if fields else template


class Words(str):
    """A sentence or part of one: its English, as a str, that also keeps the template
    (marked with QT_TRANSLATE_NOOP("core", ...) where it is written) and its fields.

    A field may itself be Words, Joined or a TfdeskError: the window translates it too."""

    def __new__(cls, template: str, /, **fields):
        self = super().__new__(cls, fill(template, fields))
        self.template = template
        self.fields = fields
        return self

    def __getnewargs_ex__(self):
        return (self.template,), self.fields

    def __repr__(self) -> str:
        return f"Words({self.template!r}, **{self.fields!r})"


class Joined(str):
    """Pieces (Words or plain text) one after another with a separator, as one field."""

    def __new__(cls, separator: str, pieces):
        pieces = list(pieces)
        self = super().__new__(cls, separator.join(str(p) for p in pieces))
        self.separator = separator
        self.pieces = pieces
        return self

    def __getnewargs__(self):
        return self.separator, self.pieces

    def __repr__(self) -> str:
        return f"Joined({self.separator!r}, {self.pieces!r})"


def and_list(names) -> str:
    """'a', 'a and b', 'a and b and c', each "and" translatable."""
    names = [str(n) for n in names]
    text = names[0] if names else ""
    for name in names[1:]:
        text = Words(QT_TRANSLATE_NOOP("core", "{first} and {second}"), first=text, second=name)
    return text


def _translatable(value) -> bool:
    return isinstance(value, (Words, Joined)) or (
        isinstance(value, BaseException) and isinstance(getattr(value, "template", None), str)
        and isinstance(getattr(value, "fields", None), dict))


def render(value, translate: Callable[[str, str], str] | None = None) -> str:
    """The text of value: a TfdeskError, Words or Joined, with translate(context, template)
    applied to its template and to those of its fields, recursively (None: English).
    Anything else is str(value)."""
    if isinstance(value, Joined):
        return value.separator.join(render(p, translate) for p in value.pieces)
    if not _translatable(value):
        return str(value)
    template = value.template
    if translate is not None:
        template = translate(CONTEXT, template) or template
    fields = {name: render(field, translate) if _translatable(field) else field
              for name, field in value.fields.items()}
    try:
        return fill(template, fields)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field: the English
        return fill(value.template, fields)
