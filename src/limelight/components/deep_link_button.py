"""DeepLinkButton: a button that copies a link to the app to the clipboard."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions
from limelight.components.button import Button

__all__ = ["DeepLinkButton"]


class DeepLinkButton(Button):
    """A button that copies a link to the app with this session's values to the clipboard
    and shows ``copied_value`` for a moment: the page's URL with ``?deep_link=<name>``,
    which opens the app with the values the session's events read and wrote (and the props
    its updates changed), as in Gradio. Fires ``click`` as any button.
    """

    TYPE = "deeplinkbutton"
    NOT_TAKEN = frozenset({"label", "info", "show_label"})

    def __init__(
        self,
        value: str = "Share via Link",
        copied_value: str = "Link Copied!",
        *,
        variant: Literal["primary", "secondary"] = "secondary",
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        link: str | None = None,
        link_target: Literal["_self", "_blank", "_parent", "_top"] = "_self",
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.copied_value = copied_value
        super().__init__(
            value,
            variant=variant,
            size=size,
            icon=icon,
            link=link,
            link_target=link_target,
            **options,
        )

    def example_payload(self) -> str:
        return "Share via Link"

    def component_props(self) -> dict[str, Any]:
        return {**super().component_props(), "copied_value": self.copied_value}
