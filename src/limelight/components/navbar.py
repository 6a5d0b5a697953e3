"""Navbar: the bar of page links at the top of an app."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions, PayloadError

__all__ = ["Navbar"]


class Navbar(Component):
    """Shapes the bar of page links of a multipage app (``Blocks.route``) on the page it is
    on: the main page is named ``main_page_name`` (or left out when it is ``False``) and the
    ``value``'s ``(text, url)`` pairs are added after the pages (relative paths or outside
    URLs). It draws nothing itself; an app with one page shows no bar, as in Gradio. An
    event can return ``gr.Navbar(visible=False)`` to hide the bar.
    """

    TYPE = "navbar"
    NOT_TAKEN = frozenset({"label", "info", "show_label", "interactive"})

    def __init__(
        self,
        value: list[tuple[str, str]] | Callable[..., Any] | None = None,
        *,
        main_page_name: str | Literal[False] = "Home",
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.main_page_name = main_page_name
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> Any:
        """The links, as sent."""
        self.check_payload(payload)
        return payload

    def postprocess(self, value: Any) -> Any:
        """The links as ``[[text, url], ...]``."""
        if value is None:
            return None
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise TypeError("Navbar expects a list of (text, url) pairs")
        links = []
        for item in value:
            if isinstance(item, str) or not isinstance(item, Sequence) or len(item) != 2:
                raise TypeError(f"Navbar links are (text, url) pairs, not {item!r:.60}")
            links.append([str(item[0]), str(item[1])])
        return links

    def check_payload(self, payload: Any) -> None:
        """``null`` or a list of ``[text, url]`` string pairs."""
        if payload is None:
            return
        if not isinstance(payload, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p)
            for p in payload
        ):
            raise PayloadError("Expected a list of [text, url] pairs")

    def api_info(self) -> dict[str, Any]:
        return {}

    def example_payload(self) -> Any:
        return [["About", "https://example.com/about"]]

    def component_props(self) -> dict[str, Any]:
        return {"main_page_name": self.main_page_name}
