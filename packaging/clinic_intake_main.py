"""The standalone program's entry point (PyInstaller runs this file as `__main__`).

The same as the `intake` console script: every command and option is intake.cli's.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen program must not re-run itself in a child
    from intake.cli import main

    sys.exit(main())
