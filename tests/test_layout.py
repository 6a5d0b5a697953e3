"""The package's shape, as CONTRIBUTING.md describes it: few modules at the top, each small.

The import layers, the absence of cycles and private modules are checked by import-linter
(``scripts/check``); these are the limits it does not cover."""

from __future__ import annotations

from pathlib import Path

import limelight

PACKAGE = Path(limelight.__file__).parent


def test_at_most_fifteen_modules_sit_at_the_top_of_the_package() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= 15, top


def test_no_module_is_over_500_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text().splitlines())) > 500
    }
    assert long == {}
