"""Every string a student can read in a window: titles, labels, buttons, menus,
tooltips, list and table entries, plot labels."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QComboBox, QDockWidget, QGroupBox, QLabel,
    QLineEdit, QMainWindow, QMenu, QPlainTextEdit, QProgressBar, QTabWidget, QTextEdit,
    QWidget, QAbstractSpinBox,
)


def _action_texts(actions):
    for action in actions:
        if action.isSeparator():
            continue
        yield action.text()
        yield action.toolTip()
        yield action.statusTip()
        if action.menu() is not None:
            yield action.menu().title()
            yield from _action_texts(action.menu().actions())


def _model_texts(view: QAbstractItemView):
    model = view.model()
    if model is None:
        return
    try:
        model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps columnCount private: one column
        return
    for orientation in (Qt.Horizontal, Qt.Vertical):
        root = QModelIndex()
        count = model.columnCount(root) if orientation == Qt.Horizontal else model.rowCount(root)
        for i in range(min(count, 50)):
            yield model.headerData(i, orientation, Qt.DisplayRole)
    rows = []

    def walk(parent, depth=0):
        for r in range(min(model.rowCount(parent), 50)):
            for c in range(model.columnCount(parent)):
                index = model.index(r, c, parent)
                rows.append(model.data(index, Qt.DisplayRole))
                rows.append(model.data(index, Qt.ToolTipRole))
            if depth < 3:
                walk(model.index(r, 0, parent), depth + 1)

    walk(QModelIndex())
    yield from rows


def _plot_texts(widget):
    """pyqtgraph's axis labels and titles, drawn rather than held in Qt widgets."""
    plot_item = getattr(widget, "getPlotItem", None)
    if plot_item is None:
        return
    item = plot_item()
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        if axis.isVisible() and axis.labelText:
            yield axis.labelText
    if item.titleLabel.text:
        yield item.titleLabel.text
    if item.legend is not None:
        for _sample, label in item.legend.items:
            yield label.text


def texts(root: QWidget) -> list[str]:
    """The readable strings of root and its descendants (hidden ones included:
    a dock or tab shown later must be translated too)."""
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w.isWindow() or isinstance(w, QDockWidget):
            found.append(w.windowTitle())
        found.append(w.toolTip())
        found.append(w.statusTip())
        found.append(w.whatsThis())
        if isinstance(w, QLabel):
            found.append(w.text())
        elif isinstance(w, QAbstractButton):
            found.append(w.text())
        elif isinstance(w, QGroupBox):
            found.append(w.title())
        elif isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            found.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                found.append(w.itemText(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                found.append(w.tabText(i))
                found.append(w.tabToolTip(i))
        elif isinstance(w, QProgressBar):
            found.append(w.format())
        elif isinstance(w, QAbstractSpinBox):
            found.append(getattr(w, "suffix", lambda: "")())
            found.append(getattr(w, "prefix", lambda: "")())
            found.append(w.specialValueText())
        elif isinstance(w, QAbstractItemView):
            found.extend(str(t) for t in _model_texts(w) if t is not None)
        elif isinstance(w, QMenu):
            found.append(w.title())
        found.extend(_plot_texts(w))
        found.extend(_action_texts(w.actions()))
        if isinstance(w, QMainWindow):
            found.extend(_action_texts(w.menuBar().actions()))
    return [t for t in found if isinstance(t, str) and t.strip()]
