"""Marking core sentences for translation without importing Qt.

The window translates them with QCoreApplication.translate(context, template);
pyside6-lupdate finds them by this function's name, as it finds Qt's own.
"""


def QT_TRANSLATE_NOOP(context: str, template: str) -> str:  # noqa: N802 (lupdate's name)
    return template


Sentence = tuple[str, str, dict]  # (context, template, fields for str.format)


def english(sentences: list[Sentence]) -> str:
    return " ".join(template.format(**fields) for _context, template, fields in sentences)
