"""``python -m benchmarks [--quick] [--only GROUP] [--compare saved.json]``."""

from .cli import main

raise SystemExit(main())
