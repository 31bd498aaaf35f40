"""The graph inspector: name scopes → ops → tensors, searchable; a variable's current
values as a heat map (a matrix) or a histogram.

The slide's naming lesson is visible here: hidden_layer, hidden_layer_1, … are
one name given three times, and the _1, _2 are TensorFlow's."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

ROLE_TEXT = {"trainable": QT_TRANSLATE_NOOP("GraphInspector", "trainable variable"),
             "optimizer slot": QT_TRANSLATE_NOOP("GraphInspector", "optimizer slot"),
             "training data": QT_TRANSLATE_NOOP("GraphInspector", "training data (not saved)"),
             "other": QT_TRANSLATE_NOOP("GraphInspector", "variable")}
NAME_ROLE = Qt.UserRole  # an item's full op name, for variables


class GraphInspector(QWidget):
    variableChosen = Signal(str)
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names, e.g. weight1, Adam, loss"))
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the graph again"))
        self.source = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Type / shape"), self.tr("dtype"),
                                   self.tr("Role")])
        self.tree.setToolTip(self.tr(
            "Name scopes contain ops; an op's outputs are its tensors, named op:0, op:1, …"))
        naming = QLabel(self.tr(
            "Names are yours, suffixes are TensorFlow's: asking for the scope hidden_layer three "
            "times gives hidden_layer, hidden_layer_1 and hidden_layer_2."))
        naming.setWordWrap(True)
        self.value_caption = QLabel(self.tr("Select a variable to see its values."))
        self.value_caption.setWordWrap(True)
        self.value_plot = pg.PlotWidget(background="w")
        self.value_plot.setMinimumHeight(80)
        self.value_plot.hide()  # until a variable is chosen: the tree gets the room
        self.tree.setMinimumHeight(140)  # about seven rows, however little room the dock has
        self.heat_map = pg.ImageItem()
        self.histogram = pg.BarGraphItem(x=[], height=[], width=1.0, brush=pg.mkBrush(31, 119, 180))

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        values = QWidget()
        values_layout = QVBoxLayout(values)
        values_layout.setContentsMargins(0, 0, 0, 0)
        values_layout.addWidget(self.value_caption)
        values_layout.addWidget(self.value_plot, 1)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.tree)
        split.addWidget(values)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setCollapsible(0, False)
        split.setSizes([420, 260])  # the tree first: it is what is browsed
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addLayout(top)
        layout.addWidget(naming)
        layout.addWidget(split, 1)

        self.search.textChanged.connect(self._filter)
        self.refresh_button.clicked.connect(self.refreshRequested)
        self.tree.currentItemChanged.connect(self._chosen)
        self.shown_value: np.ndarray | None = None

    # ---- the tree ------------------------------------------------------------------

    def show_graph(self, label: str, rows) -> None:
        self.tree.clear()
        if not label:  # nothing built yet
            label = self.tr("No graph yet: press Start, or open one (Ctrl+G)")
        self.source.setText(self.tr("{0}: {1} ops").format(label, len(rows)) if rows else label)
        # One item per name: an op (hidden_layer/weight1/Adam) is often also the name
        # scope of the ops made with it (…/Adam/Initializer/zeros).
        items: dict[str, QTreeWidgetItem] = {}
        for row in rows:
            item = self._item(items, row.name)
            role = ROLE_TEXT.get(row.role, "") if row.role else ""
            item.setText(1, row.type)
            item.setText(3, self.tr(role) if role else "")
            item.setData(0, NAME_ROLE, row.name if row.role else None)
            for tensor in row.outputs:
                child = QTreeWidgetItem([tensor.name.split("/")[-1], tensor.shape, tensor.dtype, ""])
                child.setToolTip(0, tensor.name)
                item.insertChild(0, child)
        self.tree.resizeColumnToContents(0)
        self._filter(self.search.text())

    def _item(self, items: dict, full_name: str) -> QTreeWidgetItem:
        if full_name not in items:
            *path, leaf = full_name.split("/")
            item = QTreeWidgetItem([leaf, self.tr("name scope"), "", ""])
            item.setToolTip(0, full_name)
            if path:
                self._item(items, "/".join(path)).addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            items[full_name] = item
        return items[full_name]

    def _filter(self, text: str) -> None:
        text = text.strip().lower()

        def visit(item: QTreeWidgetItem) -> bool:
            children = [visit(item.child(i)) for i in range(item.childCount())]
            matches = not text or text in item.toolTip(0).lower()
            shown = matches or any(children)
            item.setHidden(not shown)
            item.setExpanded(bool(text) and any(children))
            return shown

        for i in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(i))

    def find_item(self, full_name: str) -> QTreeWidgetItem | None:
        matches = [item for item in self.tree.findItems(full_name.split("/")[-1],
                                                         Qt.MatchExactly | Qt.MatchRecursive)
                   if item.toolTip(0) == full_name]
        return matches[0] if matches else None

    def _chosen(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        name = item.data(0, NAME_ROLE) if item is not None else None
        if name:
            self.variableChosen.emit(name)

    # ---- the values ------------------------------------------------------------------

    def show_value(self, name: str, value) -> None:
        value = np.asarray(value, dtype=float)
        self.shown_value = value
        self.value_plot.show()
        plot = self.value_plot.getPlotItem()
        for item in (self.heat_map, self.histogram):
            if item.scene() is not None:
                plot.removeItem(item)
        summary = self.tr("{0}, shape {1}: min {2:.3g}, mean {3:.3g}, max {4:.3g}").format(
            name, tuple(value.shape), value.min(), value.mean(), value.max()) if value.size else name
        if value.ndim == 2:
            limit = float(np.abs(value).max()) or 1.0
            self.heat_map.setImage(value, levels=(-limit, limit))
            self.heat_map.setColorMap(pg.colormap.get("CET-D1"))
            plot.addItem(self.heat_map)
            plot.setLabel("bottom", self.tr("row (input)"))
            plot.setLabel("left", self.tr("column (unit)"))
            self.value_caption.setText(summary + self.tr(" — blue negative, red positive"))
        else:
            counts, edges = np.histogram(value.ravel(), bins=min(30, max(1, value.size)))
            self.histogram.setOpts(x=(edges[:-1] + edges[1:]) / 2, height=counts,
                                   width=(edges[1] - edges[0]) * 0.9)
            plot.addItem(self.histogram)
            plot.setLabel("bottom", self.tr("value"))
            plot.setLabel("left", self.tr("how many"))
            self.value_caption.setText(summary)
        plot.autoRange()
