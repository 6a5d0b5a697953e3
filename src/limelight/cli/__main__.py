"""``python -m limelight.cli``: the ``limelight`` command."""

import sys

from limelight.cli import main

sys.exit(main())
