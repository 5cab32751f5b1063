"""导出: roster, visits, aid, rewards and coverage to Excel or JSON; sensitive columns hidden unless the
user asks and the role allows; every export is audited (in the store)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop.app import exports
from desktop.app.roles import may_export_unmasked
from desktop.store.exporting import ExportFormat, ExportWhat
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.save_folder import ask_save_path
from desktop.ui.data_pages.coverage_dashboard import academic_years
from desktop.ui.shell.app_context import AppContext


class ExportPanel(QGroupBox):
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Export"))
        self.boxes: dict[ExportWhat, QCheckBox] = {}
        row = QHBoxLayout()
        for item in ExportWhat:
            box = QCheckBox(item.label, self)
            box.setObjectName(f"export_{item.value}")
            box.setChecked(item is ExportWhat.ROSTER)
            row.addWidget(box)
            self.boxes[item] = box
        self.year = QComboBox(self)
        self.year.setObjectName("exportYear")
        for year in academic_years():
            self.year.addItem(year, year)
        self.year.addItem(self.tr("All years (coverage: current year)"), "")
        self.fmt = QComboBox(self)
        self.fmt.setObjectName("exportFormat")
        for fmt in ExportFormat:
            self.fmt.addItem(fmt.label, fmt.value)
        self.unmasked = QCheckBox(self.tr("Include ID numbers, phones, addresses and amounts"), self)
        self.unmasked.setObjectName("exportUnmasked")
        self.button = QPushButton(self.tr("Export…"), self)
        self.button.setObjectName("exportData")
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Contents"), row)
        form.addRow(self.tr("Academic year"), self.year)
        form.addRow(self.tr("Format"), self.fmt)
        form.addRow(self.unmasked)
        form.addRow(self.button)
        form.addRow(self.status)
        self.button.clicked.connect(self._ask)

    def refresh_role(self) -> None:
        allowed = may_export_unmasked(self.ctx.identity.role)
        self.unmasked.setEnabled(allowed)
        if not allowed:
            self.unmasked.setChecked(False)

    def _ask(self) -> None:
        fmt = ExportFormat(str(self.fmt.currentData()))
        default = f"导出_{self.year.currentData() or '全部'}.{fmt.value}"
        pattern = (
            self.tr("Excel workbooks (*.xlsx)")
            if fmt is ExportFormat.XLSX
            else self.tr("JSON files (*.json)")
        )
        path = ask_save_path(self, self.tr("Export"), default, pattern)
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        what = [item for item, box in self.boxes.items() if box.isChecked()]
        if not what:
            self.status.setText(self.tr("Choose what to export."))
            return
        fmt = ExportFormat(str(self.fmt.currentData()))
        year = str(self.year.currentData() or "") or None
        unmasked = self.unmasked.isChecked() and self.unmasked.isEnabled()
        self.status.clear()
        run_for(
            self,
            lambda store: exports.export_tables(store, what, fmt, path, unmasked, year).path,
            self._done,
            lambda error: self.status.setText(str(error)),
            changes=exports.export_tables.changes,
        )

    def _done(self, path: Path) -> None:
        self.status.setText(self.tr("Exported to %1").replace("%1", str(path)))
        self.exported.emit(str(path))

    def clear(self) -> None:
        self.status.clear()
        self.unmasked.setChecked(False)
