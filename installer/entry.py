"""The bundle's entry script: what `python -m hiptrack` would do, for PyInstaller to start from."""

from __future__ import annotations

import sys

from hiptrack.app import main

if __name__ == "__main__":
    sys.exit(main())
