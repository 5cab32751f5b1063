"""导入: a student roster or identification results from Excel/CSV, in four steps — choose the file,
map its columns (mappings are saved by header set), check every row (a report in Chinese and a
preview), import all rows or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app import importing
from desktop.app.changes import Kind
from desktop.store.importing import COLUMNS, ColumnMapping, FileInfo, ImportKind, ImportPlan, ImportResult
from desktop.store.importing.mapping import auto_mapping
from desktop.ui.common.guarded_call import run_for
from desktop.ui.data_pages.export_panel import ExportPanel
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section

CHANGES = frozenset({Kind.STUDENT, Kind.IDENTIFICATION, Kind.ENROLMENT_STATUS, Kind.ACADEMIC_RESULT})


class ImportWizard(Section):
    inspected = Signal()
    checked = Signal()
    imported = Signal()
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info: FileInfo | None = None
        self.plan: ImportPlan | None = None

        self.steps = QStackedWidget(self)
        # 1. the file
        choose = QWidget(self)
        self.path = QLineEdit(choose)
        self.path.setObjectName("importPath")
        self.path.setAccessibleName(self.tr("File to import"))
        self.browse = QPushButton(self.tr("Choose…"), choose)
        self.read_button = QPushButton(self.tr("Read the file"), choose)
        self.read_button.setObjectName("readImportFile")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        choose_layout = QVBoxLayout(choose)
        choose_layout.addWidget(
            QLabel(
                self.tr("A student roster or identification results, as .xlsx or .csv (first sheet)."), choose
            )
        )
        choose_layout.addLayout(row)
        choose_layout.addWidget(self.read_button)
        choose_layout.addStretch(1)
        # 2. the mapping
        mapping = QWidget(self)
        self.kind = QComboBox(mapping)
        self.kind.setObjectName("importKind")
        for kind in ImportKind:
            self.kind.addItem(kind.label, kind.value)
        self.mapping_table = QTableWidget(0, 2, mapping)
        self.mapping_table.setObjectName("importMapping")
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.save_as = QLineEdit(mapping)
        self.save_as.setObjectName("saveMappingAs")
        self.save_as.setPlaceholderText(self.tr("Save this mapping as (optional)"))
        self.check_button = QPushButton(self.tr("Check every row"), mapping)
        self.check_button.setObjectName("checkImport")
        self.mapping_info = QLabel(mapping)
        self.mapping_info.setObjectName("mappingInfo")
        mapping_layout = QVBoxLayout(mapping)
        mapping_layout.addWidget(self.mapping_info)
        mapping_layout.addWidget(self.kind)
        mapping_layout.addWidget(self.mapping_table, 1)
        mapping_layout.addWidget(self.save_as)
        mapping_layout.addWidget(self.check_button)
        # 3. the report and the preview
        report = QWidget(self)
        self.summary = QLabel(report)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget(report)
        self.problems.setObjectName("importProblems")
        self.preview = QTableWidget(0, 0, report)
        self.preview.setObjectName("importPreview")
        self.preview.verticalHeader().setVisible(False)
        self.back_button = QPushButton(self.tr("Back to the mapping"), report)
        self.import_button = QPushButton(self.tr("Import"), report)
        self.import_button.setObjectName("runImport")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        report_layout = QVBoxLayout(report)
        report_layout.addWidget(self.summary)
        report_layout.addWidget(self.problems, 1)
        report_layout.addWidget(self.preview, 2)
        report_layout.addLayout(buttons)
        # 4. done
        done = QWidget(self)
        self.result = QLabel(done)
        self.result.setObjectName("importResult")
        self.again = QPushButton(self.tr("Import another file"), done)
        done_layout = QVBoxLayout(done)
        done_layout.addWidget(self.result)
        done_layout.addWidget(self.again)
        done_layout.addStretch(1)
        for page in (choose, mapping, report, done):
            self.steps.addWidget(page)

        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.export_panel = ExportPanel(ctx, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.export_panel)

        self.browse.clicked.connect(self._browse)
        self.read_button.clicked.connect(lambda: self.open_file(Path(self.path.text().strip())))
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.check_button.clicked.connect(self.check)
        self.back_button.clicked.connect(lambda: self.steps.setCurrentIndex(1))
        self.import_button.clicked.connect(self.run_import)
        self.again.clicked.connect(self.clear)

    # -- step 1 ---------------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file"), str(Path.home()), self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if path:
            self.path.setText(path)
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        self.status.clear()
        run_for(self, lambda store: importing.inspect_import(store, path), self._inspected, self._failed)

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))
        self.failed.emit(str(error))

    def _inspected(self, info: FileInfo) -> None:
        self.info = info
        note = (
            self.tr("Header row: %1 · sheet: %2")
            .replace("%1", str(info.header.row))
            .replace("%2", info.sheet.name)
        )
        if info.mapping.name:
            note += " · " + self.tr("saved mapping “%1” used").replace("%1", info.mapping.name)
        self.mapping_info.setText(note)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(info.kind.value))
        self.kind.blockSignals(False)
        self._fill_mapping(info.mapping)
        self.steps.setCurrentIndex(1)
        self.inspected.emit()

    # -- step 2 ---------------------------------------------------------------------------------
    def _fill_mapping(self, mapping: ColumnMapping) -> None:
        assert self.info is not None
        titles = [title for title in self.info.header.titles if title]
        self.mapping_table.setRowCount(len(titles))
        for i, title in enumerate(titles):
            self.mapping_table.setItem(i, 0, QTableWidgetItem(title))
            combo = QComboBox(self.mapping_table)
            combo.addItem(self.tr("(ignore)"), "")
            for column in COLUMNS[mapping.kind]:
                combo.addItem(column.title + (" *" if column.required else ""), column.field)
            combo.setCurrentIndex(max(0, combo.findData(mapping.fields.get(title, ""))))
            self.mapping_table.setCellWidget(i, 1, combo)

    def _kind_changed(self) -> None:
        if self.info is None:
            return
        kind = ImportKind(str(self.kind.currentData()))
        self._fill_mapping(auto_mapping(kind, self.info.header))

    def set_field(self, title: str, field: str) -> None:
        """Map a file column to a field (what the user does with the combo box)."""
        for i in range(self.mapping_table.rowCount()):
            item = self.mapping_table.item(i, 0)
            combo = self.mapping_table.cellWidget(i, 1)
            if item is not None and item.text() == title and isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(field))

    def current_mapping(self) -> ColumnMapping:
        mapping = ColumnMapping(ImportKind(str(self.kind.currentData())))
        for i in range(self.mapping_table.rowCount()):
            item = self.mapping_table.item(i, 0)
            combo = self.mapping_table.cellWidget(i, 1)
            if item is not None and isinstance(combo, QComboBox):
                mapping.fields[item.text()] = str(combo.currentData() or "")
        return mapping

    def check(self) -> None:
        info = self.info
        if info is None:
            return
        mapping, save_as = self.current_mapping(), self.save_as.text().strip()
        self.status.clear()
        run_for(
            self,
            lambda store: importing.plan_import(store, info, mapping, save_as),
            self._checked,
            self._failed,
        )

    # -- step 3 ---------------------------------------------------------------------------------
    def _checked(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.summary.setText(plan.summary())
        self.problems.clear()
        self.problems.addItems(plan.report_lines())
        self.problems.addItems(plan.warnings)
        headers = [self.tr("Row"), self.tr("Action")]
        columns: list[str] = []
        for row in plan.preview:
            for title in row.values:
                if title not in columns:
                    columns.append(title)
        self.preview.setColumnCount(len(headers) + len(columns))
        self.preview.setHorizontalHeaderLabels(headers + columns)
        self.preview.setRowCount(len(plan.preview))
        for i, row in enumerate(plan.preview):
            cells = [str(row.row), row.action, *(row.values.get(title, "") for title in columns)]
            for column, text in enumerate(cells):
                self.preview.setItem(i, column, QTableWidgetItem(text))
        self.preview.setVisible(plan.ok)
        self.import_button.setEnabled(plan.ok and bool(plan.creates or plan.updates))
        self.steps.setCurrentIndex(2)
        self.checked.emit()

    def run_import(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok:
            return
        self.import_button.setEnabled(False)
        run_for(
            self,
            lambda store: importing.run_import(store, plan),
            self._imported,
            self._failed,
            changes=CHANGES,
        )

    def _imported(self, result: ImportResult) -> None:
        self.result.setText(
            self.tr("Imported: %1 new, %2 updated.")
            .replace("%1", str(result.created))
            .replace("%2", str(result.updated))
        )
        self.steps.setCurrentIndex(3)
        self.imported.emit()

    # -- lock -----------------------------------------------------------------------------------
    def reload(self) -> None:
        self.export_panel.refresh_role()

    def clear(self) -> None:
        self.export_panel.clear()
        self.info, self.plan = None, None
        self.path.clear()
        self.save_as.clear()
        self.mapping_table.setRowCount(0)
        self.problems.clear()
        self.preview.setRowCount(0)
        self.summary.clear()
        self.result.clear()
        self.status.clear()
        self.steps.setCurrentIndex(0)
