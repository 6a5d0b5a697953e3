"""Write the ``TYPE_CHECKING`` imports of ``limelight/__init__.py`` from its ``_PUBLIC`` mapping.

The mapping is the one list of public names: ``__all__``, ``dir()`` and lazy loading come from
it at run time, and these imports (explicit re-exports, for type checkers and editors) come
from it here. Run ``python scripts/gen_public_names.py`` after changing the mapping;
``--check`` exits 1 when the imports are stale (``scripts/check`` runs it).
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import limelight

TARGET = Path(limelight.__file__)
START = "if TYPE_CHECKING:\n"
END = "\n# Every public name"


def imports() -> str:
    """The ``if TYPE_CHECKING:`` block: ``from ... import (X as X, ...)`` per module, and a
    line of its own for each name whose object has another name in its module."""
    by_module: dict[str, list[str]] = defaultdict(list)
    renamed = []
    for name, where in limelight._PUBLIC.items():
        module, _, attr = where.partition(":")
        if attr:
            renamed.append(f"    from limelight.{module} import {attr} as {name}  # noqa: F401")
        else:
            by_module[module].append(f"{name} as {name}")
    lines = [START.rstrip("\n")]
    for module in sorted(by_module):
        names = ", ".join(sorted(by_module[module], key=str.casefold))
        lines.append(f"    from limelight.{module} import ({names})")
    return "\n".join([*lines, *sorted(renamed)]) + "\n"


def formatted(text: str) -> str:
    """``text`` with its imports sorted and laid out as ruff does, so the check agrees with
    ``scripts/check``."""
    for command in (["check", "--fix", "--select", "I", "--quiet"], ["format"]):
        text = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--stdin-filename", str(TARGET), "-"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return text


def main() -> int:
    current = TARGET.read_text()
    start, end = current.index(START), current.index(END)
    wanted = formatted(current[:start] + imports() + current[end:])
    if "--check" in sys.argv:
        if wanted != current:
            print(f"{TARGET} is stale: run python scripts/gen_public_names.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(wanted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
