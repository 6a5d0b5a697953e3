"""limelight: turn Python functions into fast, light web apps and APIs.

``import limelight as gr`` gives the Gradio-compatible API. Names load on first use, so
importing the package is cheap; nothing heavy (numpy, PIL, pandas, matplotlib) is imported
until a component that needs it runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from limelight._version import __version__ as __version__

if TYPE_CHECKING:
    from limelight.app.api_endpoint import api as api
    from limelight.app.caching import Cache as Cache, cache as cache
    from limelight.app.examples import Examples as Examples
    from limelight.app.media import (
        get_audio as get_audio,
        get_file as get_file,
        get_image as get_image,
        get_model3d as get_model3d,
        get_video as get_video,
    )
    from limelight.app.oauth import OAuthProfile as OAuthProfile, OAuthToken as OAuthToken
    from limelight.app.progress import Progress as Progress
    from limelight.app.render import render as render
    from limelight.app.update import skip as skip, update as update
    from limelight.app.validation import validate as validate
    from limelight.chat.events import (
        CopyData as CopyData,
        EditData as EditData,
        LikeData as LikeData,
        RetryData as RetryData,
        UndoData as UndoData,
    )
    from limelight.chat.message import ChatMessage as ChatMessage
    from limelight.client import AsyncClient as AsyncClient, Client as Client
    from limelight.components import (
        HTML as HTML,
        JSON as JSON,
        AnnotatedImage as AnnotatedImage,
        Annotatedimage as Annotatedimage,
        Api as Api,
        Audio as Audio,
        BarPlot as BarPlot,
        BrowserState as BrowserState,
        Brush as Brush,
        Button as Button,
        Chatbot as Chatbot,
        Checkbox as Checkbox,
        CheckboxGroup as CheckboxGroup,
        Checkboxgroup as Checkboxgroup,
        ClearButton as ClearButton,
        Code as Code,
        ColorPicker as ColorPicker,
        Component as Component,
        DataFrame as DataFrame,
        Dataframe as Dataframe,
        Dataset as Dataset,
        DateTime as DateTime,
        DeepLinkButton as DeepLinkButton,
        Dialogue as Dialogue,
        DownloadButton as DownloadButton,
        Dropdown as Dropdown,
        DuplicateButton as DuplicateButton,
        Eraser as Eraser,
        File as File,
        FileExplorer as FileExplorer,
        Files as Files,
        Gallery as Gallery,
        Highlight as Highlight,
        HighlightedText as HighlightedText,
        Highlightedtext as Highlightedtext,
        Image as Image,
        ImageEditor as ImageEditor,
        ImageMask as ImageMask,
        ImageSlider as ImageSlider,
        InputHTMLAttributes as InputHTMLAttributes,
        Json as Json,
        Label as Label,
        LayerOptions as LayerOptions,
        LinePlot as LinePlot,
        List as List,
        LoginButton as LoginButton,
        Markdown as Markdown,
        Matrix as Matrix,
        Mic as Mic,
        Microphone as Microphone,
        Model3D as Model3D,
        MultimodalTextbox as MultimodalTextbox,
        Navbar as Navbar,
        Number as Number,
        Numpy as Numpy,
        Paint as Paint,
        ParamViewer as ParamViewer,
        PlayableVideo as PlayableVideo,
        Plot as Plot,
        Radio as Radio,
        ScatterPlot as ScatterPlot,
        Sketchpad as Sketchpad,
        Slider as Slider,
        State as State,
        Text as Text,
        TextArea as TextArea,
        Textbox as Textbox,
        Timer as Timer,
        UploadButton as UploadButton,
        Video as Video,
        WatermarkOptions as WatermarkOptions,
        WaveformOptions as WaveformOptions,
        WebcamOptions as WebcamOptions,
        component as component,
    )
    from limelight.components.chatbot import MessageDict as MessageDict
    from limelight.core.events import (
        DeletedFileData as DeletedFileData,
        DownloadData as DownloadData,
        EventData as EventData,
        KeyUpData as KeyUpData,
        SelectData as SelectData,
        on as on,
    )
    from limelight.environment import (
        NO_RELOAD as NO_RELOAD,
        get_package_version as get_package_version,
    )
    from limelight.exceptions import (
        Error as Error,
        Info as Info,
        Success as Success,
        Warning as Warning,
    )
    from limelight.files.access import set_static_paths as set_static_paths
    from limelight.files.store import FileSize as FileSize
    from limelight.i18n import I18n as I18n
    from limelight.interfaces.api_server import Server as Server
    from limelight.interfaces.blocks import Blocks as Blocks, close_all as close_all
    from limelight.interfaces.chat_interface import ChatInterface as ChatInterface
    from limelight.interfaces.flagging import (
        CSVLogger as CSVLogger,
        FlaggingCallback as FlaggingCallback,
        SimpleCSVLogger as SimpleCSVLogger,
    )
    from limelight.interfaces.interface import Interface as Interface
    from limelight.interfaces.loading import load as load
    from limelight.interfaces.mount import mount_gradio_app as mount_gradio_app
    from limelight.interfaces.tabbed_interface import TabbedInterface as TabbedInterface
    from limelight.interfaces.unsupported import (
        Workflow as Workflow,
        WorkflowCanvas as WorkflowCanvas,
        deploy as deploy,
        load_chat as load_chat,
        load_ipython_extension as load_ipython_extension,
        load_openapi as load_openapi,
    )
    from limelight.layouts import (
        Accordion as Accordion,
        Column as Column,
        Draggable as Draggable,
        Group as Group,
        Row as Row,
        Sidebar as Sidebar,
        Step as Step,
        Tab as Tab,
        TabItem as TabItem,
        Tabs as Tabs,
        Walkthrough as Walkthrough,
    )
    from limelight.protocol import FileData as FileData
    from limelight.request import Header as Header, Request as Request
    from limelight.themes import Base as Theme  # noqa: F401

# Every public name and where it lives: "module" or "module:attribute" when the object has
# another name there. __all__, dir() and lazy loading all come from this one mapping; a test
# checks that the TYPE_CHECKING imports above say the same.
_PUBLIC: dict[str, str] = {
    "Theme": "themes:Base",
    "Blocks": "interfaces.blocks",
    "close_all": "interfaces.blocks",
    "api": "app.api_endpoint",
    "Server": "interfaces.api_server",
    **dict.fromkeys(("Client", "AsyncClient"), "client"),
    "mount_gradio_app": "interfaces.mount",
    "MessageDict": "components.chatbot",
    **dict.fromkeys(("NO_RELOAD", "get_package_version"), "environment"),
    "DownloadData": "core.events",
    "FileData": "protocol",
    "FileSize": "files.store",
    "Header": "request",
    **dict.fromkeys(("OAuthProfile", "OAuthToken"), "app.oauth"),
    **dict.fromkeys(
        (
            "Workflow",
            "WorkflowCanvas",
            "deploy",
            "load_chat",
            "load_ipython_extension",
            "load_openapi",
        ),
        "interfaces.unsupported",
    ),
    "Cache": "app.caching",
    "cache": "app.caching",
    "Examples": "app.examples",
    "ChatInterface": "interfaces.chat_interface",
    "ChatMessage": "chat.message",
    **dict.fromkeys(("CopyData", "EditData", "LikeData", "RetryData", "UndoData"), "chat.events"),
    "Interface": "interfaces.interface",
    "load": "interfaces.loading",
    "TabbedInterface": "interfaces.tabbed_interface",
    "I18n": "i18n",
    "set_static_paths": "files.access",
    **dict.fromkeys(("CSVLogger", "FlaggingCallback", "SimpleCSVLogger"), "interfaces.flagging"),
    "Progress": "app.progress",
    "render": "app.render",
    **dict.fromkeys(
        ("get_audio", "get_file", "get_image", "get_model3d", "get_video"), "app.media"
    ),
    "Request": "request",
    "update": "app.update",
    "skip": "app.update",
    "validate": "app.validation",
    "on": "core.events",
    "EventData": "core.events",
    "SelectData": "core.events",
    "KeyUpData": "core.events",
    "DeletedFileData": "core.events",
    **dict.fromkeys(("Error", "Info", "Success", "Warning"), "exceptions"),
    **dict.fromkeys(
        (
            *("Accordion", "Column", "Group", "Row", "Sidebar", "Tab", "TabItem", "Tabs"),
            *("Draggable", "Step", "Walkthrough"),
        ),
        "layouts",
    ),
    **dict.fromkeys(
        (
            "HTML",
            "JSON",
            "AnnotatedImage",
            "Audio",
            "BrowserState",
            "BarPlot",
            "Button",
            "Chatbot",
            "Checkbox",
            "CheckboxGroup",
            "ClearButton",
            "Code",
            "ColorPicker",
            "Component",
            "DataFrame",
            "Dataframe",
            "Dataset",
            "DateTime",
            "DeepLinkButton",
            "Dropdown",
            "DuplicateButton",
            "HighlightedText",
            "DownloadButton",
            "File",
            "Gallery",
            "Image",
            "ImageSlider",
            *("Brush", "Eraser", "ImageEditor", "ImageMask", "LayerOptions", "Paint"),
            *("Sketchpad", "WebcamOptions"),
            "Label",
            "LinePlot",
            "LoginButton",
            "Markdown",
            "Model3D",
            "MultimodalTextbox",
            "Navbar",
            "Number",
            "ParamViewer",
            "PlayableVideo",
            "Plot",
            "Radio",
            "ScatterPlot",
            "Slider",
            "State",
            "Text",
            "TextArea",
            "Textbox",
            "Timer",
            "UploadButton",
            "Video",
            "WatermarkOptions",
            "WaveformOptions",
            *("Annotatedimage", "Checkboxgroup", "Highlight", "Highlightedtext", "Json"),
            *("Files", "List", "Matrix", "Mic", "Microphone", "Numpy"),
            *("Api", "Dialogue", "FileExplorer", "InputHTMLAttributes", "component"),
        ),
        "components",
    ),
}


_SUBMODULES = {
    "components": "components",
    "mcp": "mcp",
    "media": "app.media",
    "themes": "themes",
}
"""Submodules that Gradio scripts reach as attributes (``gr.themes.Soft()``)."""

__all__ = sorted([*_PUBLIC, *_SUBMODULES, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f".{_SUBMODULES[name]}", __name__)
    where = _PUBLIC.get(name)
    if where is None:
        raise AttributeError(f"module 'limelight' has no attribute {name!r}")
    module, _, attr = where.partition(":")
    value = getattr(importlib.import_module(f".{module}", __name__), attr or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
