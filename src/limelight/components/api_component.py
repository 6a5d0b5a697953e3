"""Api: a value of an endpoint made with ``gr.api``, typed by a JSON schema; never drawn."""

from __future__ import annotations

from typing import Any

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions

__all__ = ["Api"]

UNKNOWN_EXAMPLE = "..."
"""What the API docs show for a parameter without a usable default, as Gradio does."""


class Api(Component):
    """One parameter or return value of a ``gr.api`` endpoint. It has no view: values pass
    through unchanged, and ``api_info`` is the JSON schema read from the function's type
    hint (``schema``)."""

    TYPE = "api"

    def __init__(
        self,
        value: Any = None,
        schema: dict[str, Any] | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.schema = dict(schema or {})
        super().__init__(value, **options)

    def api_info(self) -> dict[str, Any]:
        """The schema of the parameter's type hint."""
        return self.schema

    def example_payload(self) -> Any:
        """The parameter's default when it has one, else ``"..."``."""
        return self.value if self.value is not None else UNKNOWN_EXAMPLE

    def component_props(self) -> dict[str, Any]:
        return {"_api_info": self.schema, "name": "api"}
