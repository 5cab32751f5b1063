"""Entry point of the frozen `jiafang` program (the same as the `jiafang` console script)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
