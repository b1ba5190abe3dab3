"""``python -m ui``: the reading desk (the same as ``jiaokan-desk``); also the bundle's entry script."""

import multiprocessing
import sys

from ui.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a bundled import worker starts as this program: let it be one
    sys.exit(main())
