import sys

from jiaokan.cli import main

sys.exit(main())
