"""The PySide6 user interface (the only package that imports Qt)."""

from desktop.ui import qt_compat

qt_compat.install()
