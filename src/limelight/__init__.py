"""limelight: turn Python functions into fast, light web apps and APIs.

``import limelight as gr`` gives the Gradio-compatible API. Names load on first use, so
importing the package is cheap; nothing heavy (numpy, PIL, pandas, matplotlib) is imported
until a component that needs it runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .api_endpoint import api
    from .api_server import Server
    from .blocks import Blocks, close_all
    from .caching import Cache, cache
    from .chat_events import CopyData, EditData, LikeData, RetryData, UndoData
    from .chat_interface import ChatInterface
    from .chat_message import ChatMessage
    from .components import (
        HTML,
        JSON,
        AnnotatedImage,
        Annotatedimage,
        Api,
        Audio,
        BarPlot,
        BrowserState,
        Brush,
        Button,
        Chatbot,
        Checkbox,
        CheckboxGroup,
        Checkboxgroup,
        ClearButton,
        Code,
        ColorPicker,
        Component,
        DataFrame,
        Dataframe,
        Dataset,
        DateTime,
        DeepLinkButton,
        Dialogue,
        DownloadButton,
        Dropdown,
        DuplicateButton,
        Eraser,
        File,
        FileExplorer,
        Files,
        Gallery,
        Highlight,
        HighlightedText,
        Highlightedtext,
        Image,
        ImageEditor,
        ImageMask,
        ImageSlider,
        InputHTMLAttributes,
        Json,
        Label,
        LayerOptions,
        LinePlot,
        List,
        LoginButton,
        Markdown,
        Matrix,
        Mic,
        Microphone,
        Model3D,
        MultimodalTextbox,
        Navbar,
        Number,
        Numpy,
        Paint,
        ParamViewer,
        PlayableVideo,
        Plot,
        Radio,
        ScatterPlot,
        Sketchpad,
        Slider,
        State,
        Text,
        TextArea,
        Textbox,
        Timer,
        UploadButton,
        Video,
        WatermarkOptions,
        WaveformOptions,
        WebcamOptions,
        component,
    )
    from .components.chatbot import MessageDict
    from .environment import NO_RELOAD, get_package_version
    from .events import DeletedFileData, DownloadData, EventData, KeyUpData, SelectData, on
    from .examples import Examples
    from .exceptions import Error, Info, Success, Warning
    from .file_access import set_static_paths
    from .filestore import FileSize
    from .flagging import CSVLogger, FlaggingCallback, SimpleCSVLogger
    from .i18n import I18n
    from .interface import Interface
    from .layouts import (
        Accordion,
        Column,
        Draggable,
        Group,
        Row,
        Sidebar,
        Step,
        Tab,
        TabItem,
        Tabs,
        Walkthrough,
    )
    from .media import get_audio, get_file, get_image, get_model3d, get_video
    from .mount import mount_gradio_app
    from .oauth import OAuthProfile, OAuthToken
    from .progress import Progress
    from .protocol import FileData
    from .render import render
    from .request import Header, Request
    from .tabbed_interface import TabbedInterface
    from .themes import Base as Theme
    from .unsupported import (
        Workflow,
        WorkflowCanvas,
        deploy,
        load,
        load_chat,
        load_ipython_extension,
        load_openapi,
    )
    from .update import skip, update
    from .validation import validate

__all__ = [
    "HTML",
    "JSON",
    "NO_RELOAD",
    "Accordion",
    "AnnotatedImage",
    "Annotatedimage",
    "Api",
    "Audio",
    "BarPlot",
    "Blocks",
    "BrowserState",
    "Brush",
    "Button",
    "CSVLogger",
    "Cache",
    "ChatInterface",
    "ChatMessage",
    "Chatbot",
    "Checkbox",
    "CheckboxGroup",
    "Checkboxgroup",
    "ClearButton",
    "Code",
    "ColorPicker",
    "Column",
    "Component",
    "CopyData",
    "DataFrame",
    "Dataframe",
    "Dataset",
    "DateTime",
    "DeepLinkButton",
    "DeletedFileData",
    "Dialogue",
    "DownloadButton",
    "DownloadData",
    "Draggable",
    "Dropdown",
    "DuplicateButton",
    "EditData",
    "Eraser",
    "Error",
    "EventData",
    "Examples",
    "File",
    "FileData",
    "FileExplorer",
    "FileSize",
    "Files",
    "FlaggingCallback",
    "Gallery",
    "Group",
    "Header",
    "Highlight",
    "HighlightedText",
    "Highlightedtext",
    "I18n",
    "Image",
    "ImageEditor",
    "ImageMask",
    "ImageSlider",
    "Info",
    "InputHTMLAttributes",
    "Interface",
    "Json",
    "KeyUpData",
    "Label",
    "LayerOptions",
    "LikeData",
    "LinePlot",
    "List",
    "LoginButton",
    "Markdown",
    "Matrix",
    "MessageDict",
    "Mic",
    "Microphone",
    "Model3D",
    "MultimodalTextbox",
    "Navbar",
    "Number",
    "Numpy",
    "OAuthProfile",
    "OAuthToken",
    "Paint",
    "ParamViewer",
    "PlayableVideo",
    "Plot",
    "Progress",
    "Radio",
    "Request",
    "RetryData",
    "Row",
    "ScatterPlot",
    "SelectData",
    "Server",
    "Sidebar",
    "SimpleCSVLogger",
    "Sketchpad",
    "Slider",
    "State",
    "Step",
    "Success",
    "Tab",
    "TabItem",
    "TabbedInterface",
    "Tabs",
    "Text",
    "TextArea",
    "Textbox",
    "Theme",
    "Timer",
    "UndoData",
    "UploadButton",
    "Video",
    "Walkthrough",
    "Warning",
    "WatermarkOptions",
    "WaveformOptions",
    "WebcamOptions",
    "Workflow",
    "WorkflowCanvas",
    "__version__",
    "api",
    "cache",
    "close_all",
    "component",
    "components",
    "deploy",
    "get_audio",
    "get_file",
    "get_image",
    "get_model3d",
    "get_package_version",
    "get_video",
    "load",
    "load_chat",
    "load_ipython_extension",
    "load_openapi",
    "media",
    "mount_gradio_app",
    "on",
    "render",
    "set_static_paths",
    "skip",
    "themes",
    "update",
    "validate",
]

_LOCATIONS: dict[str, str] = {
    "Blocks": "blocks",
    "close_all": "blocks",
    "api": "api_endpoint",
    "Server": "api_server",
    "mount_gradio_app": "mount",
    "MessageDict": "components.chatbot",
    **dict.fromkeys(("NO_RELOAD", "get_package_version"), "environment"),
    "DownloadData": "events",
    "FileData": "protocol",
    "FileSize": "filestore",
    "Header": "request",
    **dict.fromkeys(("OAuthProfile", "OAuthToken"), "oauth"),
    **dict.fromkeys(
        (
            "Workflow",
            "WorkflowCanvas",
            "deploy",
            "load",
            "load_chat",
            "load_ipython_extension",
            "load_openapi",
        ),
        "unsupported",
    ),
    "Cache": "caching",
    "cache": "caching",
    "Examples": "examples",
    "ChatInterface": "chat_interface",
    "ChatMessage": "chat_message",
    **dict.fromkeys(("CopyData", "EditData", "LikeData", "RetryData", "UndoData"), "chat_events"),
    "Interface": "interface",
    "TabbedInterface": "tabbed_interface",
    "I18n": "i18n",
    "set_static_paths": "file_access",
    **dict.fromkeys(("CSVLogger", "FlaggingCallback", "SimpleCSVLogger"), "flagging"),
    "Progress": "progress",
    "render": "render",
    **dict.fromkeys(("get_audio", "get_file", "get_image", "get_model3d", "get_video"), "media"),
    "Request": "request",
    "update": "update",
    "skip": "update",
    "validate": "validation",
    "on": "events",
    "EventData": "events",
    "SelectData": "events",
    "KeyUpData": "events",
    "DeletedFileData": "events",
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


_SUBMODULES = frozenset({"components", "media", "themes"})
"""Submodules that Gradio scripts reach as attributes (``gr.themes.Soft()``)."""

_RENAMED = {"Theme": ("themes", "Base")}
"""Public names whose object has another name in its module."""


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in _RENAMED:
        module_name, attr = _RENAMED[name]
        value = getattr(importlib.import_module(f".{module_name}", __name__), attr)
        globals()[name] = value
        return value
    module = _LOCATIONS.get(name)
    if module is None:
        raise AttributeError(f"module 'limelight' has no attribute {name!r}")
    loaded = importlib.import_module(f".{module}", __name__)
    if _LOCATIONS.get(module) == module:
        # importing the submodule bound its name here; the public name is its function
        globals()[module] = getattr(loaded, module)
    value = getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
