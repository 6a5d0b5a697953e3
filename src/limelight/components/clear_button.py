"""ClearButton: a button that empties the components it is given."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, Literal

from typing_extensions import Self, Unpack

from limelight.components.base import Component, ComponentOptions
from limelight.components.button import Button
from limelight.components.state import State

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
        """Also clear ``components`` when the button is clicked: the page empties them at
        once (a JavaScript-only listener, as in Gradio) and State components go back to their
        first value on the server."""
        targets = [components] if isinstance(components, Component) else list(components)
        shown = [c for c in targets if not isinstance(c, State)]
        states = [c for c in targets if isinstance(c, State)]
        if shown:
            empties = json.dumps([_empty_payload(c) for c in shown])
            self.click(
                None,
                [],
                shown,
                js=f"() => {empties}",
                api_name=self.api_name,
                api_visibility="private",
            )
        if states:
            # A lambda, as Gradio's is: listener names (lambda, lambda_1, ...) number alike.
            self.click(
                lambda: _first_values(states),
                None,
                states,
                api_name=self.api_name,
                api_visibility=self.api_visibility,
                queue=False,
                show_progress="hidden",
            )
        return self


def _first_values(states: list[State]) -> Any:
    """The first value of each State (one value for one State)."""
    values = [state.initial() for state in states]
    return values[0] if len(values) == 1 else tuple(values)


def _empty_payload(component: Component) -> Any:
    """What ``component`` shows when it holds nothing, as its page view takes it."""
    try:
        return component.postprocess(None)
    except (ValueError, TypeError):  # PayloadError is a ValueError
        return None
