import sys

from jiaokan.cli import main

if __name__ == "__main__":  # an import worker process loads this module too, and must not run the command
    sys.exit(main())
