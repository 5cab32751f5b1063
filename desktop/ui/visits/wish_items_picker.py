"""Choose wish-list service items from the catalogue, grouped by the seven categories (check boxes).

Only active items are offered; an item a selection already holds stays listed (marked as retired)
after the center deactivated it, so editing the selection does not drop it silently.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from sync.records import DifficultyType, WishCatalogItem

ID_ROLE = Qt.ItemDataRole.UserRole


class WishItemsPicker(QTreeWidget):
    changed = Signal()
    catalog_loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wishItems")
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Service item"), self.tr("Provided by")])
        self.setMinimumHeight(160)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.loaded = False
        self._chosen: list[str] = []
        self.itemChanged.connect(self._item_changed)

    def set_catalog(self, catalog: Sequence[WishCatalogItem]) -> None:
        """Fill the tree: active items by category, plus retired items that are chosen."""
        chosen = self.values() if self.loaded else list(self._chosen)
        self.blockSignals(True)
        try:
            self.clear()
            self.items = {}
            groups: dict[DifficultyType, QTreeWidgetItem] = {}
            for category in DifficultyType:
                offered = [i for i in catalog if i.category is category and (i.active or i.id in chosen)]
                if not offered:
                    continue
                group = QTreeWidgetItem(self, [category.label])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[category] = group
                for entry in offered:
                    name = (
                        entry.service_item
                        if entry.active
                        else self.tr("%1 (retired)").replace("%1", entry.service_item)
                    )
                    item = QTreeWidgetItem(group, [name, entry.provider_department])
                    item.setData(0, ID_ROLE, entry.id)
                    item.setToolTip(0, entry.description)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(
                        0, Qt.CheckState.Checked if entry.id in chosen else Qt.CheckState.Unchecked
                    )
                    self.items[entry.id] = item
            self.expandAll()
            self.resizeColumnToContents(0)
        finally:
            self.blockSignals(False)
        self.loaded = True
        self._chosen = [item_id for item_id in chosen if item_id in self.items]
        self.catalog_loaded.emit()

    def values(self) -> list[str]:
        if not self.loaded:
            return list(self._chosen)
        return [
            item_id for item_id, item in self.items.items() if item.checkState(0) == Qt.CheckState.Checked
        ]

    def set_values(self, item_ids: Sequence[str] | None) -> None:
        chosen = [str(item_id) for item_id in item_ids or []]
        self._chosen = chosen
        self.blockSignals(True)
        try:
            for item_id, item in self.items.items():
                item.setCheckState(0, Qt.CheckState.Checked if item_id in chosen else Qt.CheckState.Unchecked)
        finally:
            self.blockSignals(False)

    def check(self, item_id: str, on: bool = True) -> None:
        """Tick (or untick) one item, as a click on its box would."""
        self.items[item_id].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and item.data(0, ID_ROLE):
            self.changed.emit()
