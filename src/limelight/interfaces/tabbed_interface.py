"""``TabbedInterface``: several apps (``Interface``, ``ChatInterface`` or ``Blocks``) as the
tabs of one page, each keeping its own endpoints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from limelight.app.blocks_base import BlocksBase
from limelight.components import Markdown
from limelight.interfaces.blocks import Blocks
from limelight.layouts import Tab, Tabs

__all__ = ["TabbedInterface"]


class TabbedInterface(Blocks):
    """One tab per app of ``interface_list``, labelled by ``tab_names`` ("Tab 1", ...
    when not given). Endpoints keep their names; a name used twice gets ``_1``, ``_2``.

    ```python
    hello = gr.Interface(lambda n: "Hello " + n, "text", "text")
    bye = gr.Interface(lambda n: "Bye " + n, "text", "text")
    gr.TabbedInterface([hello, bye], ["Hello", "Bye"]).launch()
    ```
    """

    def __init__(
        self,
        interface_list: Sequence[BlocksBase],
        tab_names: list[str] | None = None,
        title: str | None = None,
        analytics_enabled: bool | None = None,
        tabs_kwargs: dict[str, Any] | None = None,
        **blocks_options: Any,
    ) -> None:
        blocks_options.setdefault("title", title or "limelight")
        super().__init__(analytics_enabled=analytics_enabled, **blocks_options)
        names = list(tab_names or [])
        if len(names) > len(interface_list):
            raise ValueError("tab_names has more names than interface_list has apps")
        names += [f"Tab {i + 1}" for i in range(len(names), len(interface_list))]
        with self:
            if title:
                Markdown(f"# {title}", elem_classes="ll-title")
            with Tabs(**(tabs_kwargs or {})):
                for app, name in zip(interface_list, names, strict=True):
                    with Tab(name):
                        app.render()
