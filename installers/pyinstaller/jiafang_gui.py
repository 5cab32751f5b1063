"""Entry point of the windowed JiaFang.exe on Windows (the Start-menu entry): opens the app."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())  # no subcommand: the GUI
