"""Long tooltips wrapped into lines.

Qt shows a plain-text tooltip on one line, however long (the canvas's ran 1,165
pixels across the screen), and wraps a rich-text one into a block: so the long
plain ones of a window are made paragraphs once it is built.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt
from PySide6.QtWidgets import QWidget

LONG = 60  # characters: shorter tooltips stay on their line


def wrapped(text: str) -> str:
    """text as a paragraph Qt wraps, when it is long plain text; else text as it is."""
    if len(text) <= LONG or Qt.mightBeRichText(text):
        return text
    return f"<p>{html.escape(text, quote=False)}</p>"


def wrap_tooltips(root: QWidget) -> None:
    """Every long plain tooltip of root, its children and their actions, wrapped."""
    for widget in [root, *root.findChildren(QWidget)]:
        widget.setToolTip(wrapped(widget.toolTip()))
        for action in widget.actions():
            action.setToolTip(wrapped(action.toolTip()))
