"""DuplicateButton: Gradio's "Duplicate this Space" button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions
from limelight.components.button import Button

__all__ = ["DuplicateButton"]


class DuplicateButton(Button):
    """A button that, on Hugging Face Spaces, copies the Space to the visitor's account. limelight
    does not run on Spaces' duplication service, so it is drawn and fires ``click`` only."""

    TYPE = "duplicatebutton"
    NOT_TAKEN = frozenset({"label", "info", "show_label"})

    def __init__(
        self,
        value: str | Callable[..., Any] = "Duplicate Space",
        *,
        variant: Literal["primary", "secondary", "stop", "huggingface"] = "huggingface",
        size: Literal["sm", "md", "lg"] = "sm",
        icon: str | None = None,
        link: str | None = None,
        link_target: Literal["_self", "_blank", "_parent", "_top"] = "_self",
        **options: Unpack[ComponentOptions],
    ) -> None:
        options.setdefault("scale", 0)
        super().__init__(
            value,
            variant=variant,
            size=size,
            icon=icon,
            link=link,
            link_target=link_target,
            **options,
        )
