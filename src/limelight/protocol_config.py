"""The page config as pydantic models: what ``/config`` and ``window.gradio_config`` hold.

The server builds the config as plain dicts (``app/config.py``): a large app's config is big
and validating it on every request would cost more than building it. These models are its
declaration instead: ``frontend/src/config.ts`` is generated from them by
``scripts/gen_wire_types.py``, and a test validates the config of every demo against them so
that they stay true. Field names follow Gradio's config (``docs/protocol.md`` §1.2, §1.3) so
that ``gradio_client`` reads it unchanged. A component's ``props`` stay a free dict: each
component type has its own.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "CONFIG_MODELS",
    "AppConfig",
    "ComponentConfig",
    "CustomFooterLink",
    "DependencyConfig",
    "DependencyTypes",
    "LayoutNode",
    "PageSection",
    "RenderConfig",
]


class _ConfigModel(BaseModel):
    # Built on first use (tests, the generator), never at import; an unknown key is an error
    # so that a key the server starts sending must be declared here first.
    model_config = ConfigDict(defer_build=True, extra="forbid", use_attribute_docstrings=True)


class LayoutNode(_ConfigModel):
    """A block in the layout tree; a layout block (Row, Tabs, ...) lists what it holds."""

    id: int
    children: list[LayoutNode] = Field(default_factory=list)
    """Absent for a block that holds nothing (a component)."""


class ComponentConfig(_ConfigModel):
    """A block's entry in ``components``; layout blocks send no ``api_info`` and examples."""

    id: int
    type: str
    """The block's type name (``"textbox"``), the key of its view in the page's registry."""
    props: dict[str, Any]
    """Its value and options as the page reads them; each component type has its own."""
    skip_api: bool
    """True for blocks that are no API parameter (layouts, State, ...)."""
    component_class_id: str
    key: int | str | list[int | str] | None
    """``key=``: a block re-rendered with the same key keeps ``preserved_by_key`` props."""
    api_info: dict[str, Any] | None = None
    """A JSON schema of the component's value, as clients describe it."""
    api_info_as_input: dict[str, Any] | None = None
    api_info_as_output: dict[str, Any] | None = None
    example_inputs: Any = None
    """A payload of the component's type, for the API page's examples."""


class DependencyTypes(_ConfigModel):
    """What kind of function a dependency runs."""

    generator: bool
    cancel: bool


class DependencyConfig(_ConfigModel):
    """An event listener's entry in ``dependencies``; its ``id`` is the ``fn_index``."""

    id: int
    targets: list[tuple[int | None, str]]
    """``[block_id, event]`` pairs; block 0 is the app, null a chained ``then``/``success``."""
    inputs: list[int]
    outputs: list[int]
    backend_fn: bool
    """Whether a Python function runs (False for a ``js=``-only listener)."""
    js: str | bool | None
    """JavaScript run in the page (``js=``); true asks for the function as JavaScript."""
    queue: bool
    api_name: str | Literal[False] | None
    api_description: str | Literal[False] | None
    scroll_to_output: bool
    show_progress: Literal["full", "minimal", "hidden"]
    show_progress_on: list[int] | None
    batch: bool
    max_batch_size: int
    cancels: list[int]
    types: DependencyTypes
    collects_event_data: bool
    trigger_after: int | None
    """The upstream dependency of a ``then``/``success``/``failure`` listener."""
    trigger_only_on_success: bool
    trigger_only_on_failure: bool
    trigger_mode: Literal["once", "multiple", "always_last"]
    api_visibility: Literal["public", "undocumented", "private"]
    rendered_in: int | None
    """For a listener made by ``@gr.render``: the id of the render's container."""
    render_id: int | None
    """For a render's own dependency: the id of the container it draws into."""
    connection: Literal["sse", "stream"]
    """``stream``: a media input stream (chunks after the first go to ``stream/{event_id}``)."""
    time_limit: float | None
    stream_every: float
    """Seconds between the chunks of a media input stream."""
    event_specific_args: None
    component_prop_inputs: list[int]
    """Inputs passed as component arguments: each is sent as ``{value}``."""
    js_implementation: str | None
    """For ``js=True``: the Python function as JavaScript, run in the page."""


class PageSection(_ConfigModel):
    """One page of a multipage app (``Blocks.route``): its layout and the ids it uses."""

    layout: LayoutNode
    components: list[int]
    dependencies: list[int]


class RenderConfig(_ConfigModel):
    """What a ``@gr.render`` run sends in its output's ``render_config``: the blocks and
    listeners that replace its container's contents."""

    id: int
    """The block id of the render's container."""
    layout: LayoutNode
    components: list[ComponentConfig]
    dependencies: list[DependencyConfig]
    """Listeners created by the render, each with ``rendered_in`` set to the container's id."""


class CustomFooterLink(_ConfigModel):
    """A link of the app's own in the page footer (``launch(footer_links=)``)."""

    label: str
    url: str


class AppConfig(_ConfigModel):
    """The whole config: ``GET /config``, and each page's ``window.gradio_config``."""

    version: str
    """The Gradio version limelight mirrors; clients branch on it."""
    limelight_version: str
    api_prefix: str
    mode: str
    app_id: int
    dev_mode: bool
    analytics_enabled: bool
    components: list[ComponentConfig]
    css: str | None
    """The theme's stylesheet and then the app's own CSS."""
    js: str | None
    """JavaScript run once when the page has loaded (``gr.Blocks(js=...)``)."""
    head: str | None
    title: str
    space_id: None
    enable_queue: bool
    show_error: bool
    connect_heartbeat: bool
    """Whether clients open the heartbeat stream (State, unload or stream events)."""
    is_colab: bool
    max_file_size: int | None
    stylesheets: list[str]
    theme: str
    protocol: Literal["sse_v3"]
    fill_height: bool
    fill_width: bool
    pages: list[tuple[str, str, bool]]
    """The app's pages as ``[path, name, show_in_navbar]``, the main page (``""``) first."""
    page: dict[str, PageSection]
    i18n_translations: dict[str, dict[str, str]] | None
    """``launch(i18n=...)``: the app's translations by locale, then key."""
    layout: LayoutNode
    dependencies: list[DependencyConfig]
    username: str | None
    root: str
    """The URL clients reach the app at."""
    footer_links: list[Literal["api", "gradio", "settings"] | CustomFooterLink]
    """The footer's links in order: built-in ones by name, then the app's own."""
    pwa: bool
    current_page: str | None = None
    """Only in a page's config: the path of the page it describes."""
    deep_link_state: Literal["none", "valid", "invalid"] | None = None
    """Only in a page's config and with ``?deep_link=``: whether the link was found."""


CONFIG_MODELS: tuple[type[BaseModel], ...] = (
    LayoutNode,
    ComponentConfig,
    DependencyTypes,
    DependencyConfig,
    PageSection,
    RenderConfig,
    CustomFooterLink,
    AppConfig,
)
"""Every config model, in the order ``frontend/src/config.ts`` declares them."""
