"""``python -m ui``: the reading desk (the same as ``jiaokan-desk``); also the bundle's entry script."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
