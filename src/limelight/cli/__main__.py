"""``python -m limelight.cli``: the ``limelight`` command."""

import sys

from limelight.cli import main

__all__: list[str] = []

if __name__ == "__main__":  # importing the module (as the tests do) runs nothing
    sys.exit(main())
