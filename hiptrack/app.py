"""Entry point for `hiptrack` and `python -m hiptrack`: logging first, then the command line."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from hiptrack import __version__
from hiptrack import log as hlog


def main(argv: Sequence[str] | None = None) -> int:
    hlog.configure()
    logging.getLogger(__name__).info("hiptrack %s starting (python %s)", __version__, sys.version.split()[0])
    from hiptrack.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
