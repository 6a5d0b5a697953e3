"""``python -m benchmarks [--quick] [--only GROUP | --all] [--compare saved.json]``."""

from .cli import main

raise SystemExit(main())
