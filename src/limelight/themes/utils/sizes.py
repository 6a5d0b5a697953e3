"""Size scales for themes: seven steps (``xxs`` to ``xxl``) of a radius, spacing or text size."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "STEPS",
    "Size",
    "named",
    "radius_lg",
    "radius_md",
    "radius_none",
    "radius_sm",
    "radius_xl",
    "radius_xs",
    "radius_xxl",
    "spacing_lg",
    "spacing_md",
    "spacing_sm",
    "text_lg",
    "text_md",
    "text_sm",
]

STEPS = ("xxs", "xs", "sm", "md", "lg", "xl", "xxl")
"""The step names of every scale, smallest first."""


@dataclass(frozen=True)
class Size:
    """A scale of seven CSS lengths, smallest (``xxs``) to largest (``xxl``)."""

    xxs: str
    xs: str
    sm: str
    md: str
    lg: str
    xl: str
    xxl: str
    name: str | None = None

    def step(self, step: str) -> str:
        """The length of one step, by its name (``"lg"``)."""
        value: str = getattr(self, step)
        return value


def _scale(name: str, values: str) -> Size:
    fields = dict(zip(STEPS, values.split(), strict=True))
    return Size(**fields, name=name)


radius_none = _scale("radius_none", "0px 0px 0px 0px 0px 0px 0px")
radius_xs = _scale("radius_xs", "1px 1px 2px 3px 4px 6px 8px")
radius_sm = _scale("radius_sm", "1px 2px 3px 4px 6px 8px 12px")
radius_md = _scale("radius_md", "2px 3px 4px 6px 8px 12px 16px")
radius_lg = _scale("radius_lg", "3px 4px 6px 8px 12px 16px 24px")
radius_xl = _scale("radius_xl", "4px 6px 8px 12px 16px 24px 32px")
radius_xxl = _scale("radius_xxl", "6px 8px 12px 16px 24px 32px 40px")
spacing_sm = _scale("spacing_sm", "1px 1px 2px 4px 6px 9px 12px")
spacing_md = _scale("spacing_md", "1px 2px 4px 6px 8px 10px 16px")
spacing_lg = _scale("spacing_lg", "2px 4px 6px 8px 10px 14px 28px")
text_sm = _scale("text_sm", "8px 9px 11px 13px 16px 20px 24px")
text_md = _scale("text_md", "9px 10px 12px 14px 16px 22px 26px")
text_lg = _scale("text_lg", "10px 12px 14px 16px 20px 24px 28px")

_SCALES = {
    size.name: size
    for size in (
        radius_none,
        radius_xs,
        radius_sm,
        radius_md,
        radius_lg,
        radius_xl,
        radius_xxl,
        spacing_sm,
        spacing_md,
        spacing_lg,
        text_sm,
        text_md,
        text_lg,
    )
    if size.name
}


def named(size: Size | str, kind: str) -> Size:
    """A scale given as a ``Size`` or by its short name (``"sm"`` for ``kind="radius"``,
    also ``"none"``) or full name (``"radius_sm"``); an unknown name is a ValueError."""
    if isinstance(size, Size):
        return size
    found = _SCALES.get(size) or _SCALES.get(f"{kind}_{size}")
    if found is None:
        known = ", ".join(name for name in _SCALES if name.startswith(kind))
        raise ValueError(f"Unknown {kind} size {size!r}; known ones: {known}")
    return found
