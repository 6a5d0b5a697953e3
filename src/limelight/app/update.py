"""``gr.update(...)``: change a component's properties from a function's return value."""

from __future__ import annotations

from typing import Any

from limelight.components.base import UPDATE

__all__ = ["skip", "update"]


def update(**props: Any) -> dict[str, Any]:
    """Return this for an output to change its properties, e.g.
    ``gr.update(visible=False)`` or ``gr.update(choices=[...], value="a")``.
    Properties not named are left as they are.
    """
    return {"__type__": UPDATE, **props}


def skip() -> dict[str, Any]:
    """Return this for an output to leave it exactly as it is (value and properties)."""
    return update()
