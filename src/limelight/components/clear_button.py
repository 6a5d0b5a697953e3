"""ClearButton: a button that empties the components it is given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from typing_extensions import Self, Unpack

from .base import Component, ComponentOptions
from .button import Button
from .state import State

__all__ = ["ClearButton"]


class ClearButton(Button):
    """A button that resets ``components`` to empty (State components to their first value)."""

    TYPE = "clearbutton"
    NOT_TAKEN = frozenset({"label", "info", "show_label", "container"})

    def __init__(
        self,
        components: Component | Sequence[Component] | None = None,
        *,
        value: str | Callable[..., Any] = "Clear",
        variant: Literal["primary", "secondary", "stop", "huggingface"] = "secondary",
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        link: str | None = None,
        link_target: Literal["_self", "_blank", "_parent", "_top"] = "_self",
        api_name: str | None = None,
        api_visibility: Literal["public", "private", "undocumented"] = "undocumented",
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.api_name = api_name
        self.api_visibility = api_visibility
        super().__init__(
            value,
            variant=variant,
            size=size,
            icon=icon,
            link=link,
            link_target=link_target,
            **options,
        )
        if components:
            self.add(components)

    def add(self, components: Component | Sequence[Component]) -> Self:
        """Also clear ``components`` when the button is clicked."""
        targets = [components] if isinstance(components, Component) else list(components)

        def cleared() -> Any:
            values = [c.initial() if isinstance(c, State) else None for c in targets]
            return values[0] if len(values) == 1 else tuple(values)

        self.click(
            cleared,
            None,
            targets,
            api_name=self.api_name or False,
            api_visibility=self.api_visibility,
            queue=False,
            show_progress="hidden",
        )
        return self
