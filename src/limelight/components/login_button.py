"""LoginButton: Gradio's "Sign in with Hugging Face" button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions
from limelight.components.button import Button

__all__ = ["LoginButton"]


class LoginButton(Button):
    """The Hugging Face sign-in button. limelight has no OAuth login: the button is drawn
    and fires ``click``, and nobody is ever signed in (``gr.Request.username`` stays None)."""

    TYPE = "loginbutton"
    NOT_TAKEN = frozenset({"label", "info", "show_label"})

    def __init__(
        self,
        value: str | Callable[..., Any] = "Sign in with Hugging Face",
        logout_value: str = "Logout ({})",
        *,
        variant: Literal["primary", "secondary", "stop", "huggingface"] = "huggingface",
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        link: str | None = None,
        link_target: Literal["_self", "_blank", "_parent", "_top"] = "_self",
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.logout_value = logout_value
        super().__init__(
            value,
            variant=variant,
            size=size,
            icon=icon,
            link=link,
            link_target=link_target,
            **options,
        )

    def component_props(self) -> dict[str, Any]:
        return {**super().component_props(), "logout_value": self.logout_value}
