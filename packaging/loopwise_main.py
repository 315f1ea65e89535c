"""Entry point of the bundled app (the same as the `loopwise` command)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
