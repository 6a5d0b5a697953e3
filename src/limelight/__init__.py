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
    from .blocks import Blocks
    from .caching import Cache, cache
    from .chat_events import CopyData, EditData, LikeData, RetryData, UndoData
    from .chat_interface import ChatInterface
    from .chat_message import ChatMessage
    from .components import (
        HTML,
        JSON,
        AnnotatedImage,
        Audio,
        BarPlot,
        BrowserState,
        Brush,
        Button,
        Chatbot,
        Checkbox,
        CheckboxGroup,
        ClearButton,
        Code,
        ColorPicker,
        Component,
        DataFrame,
        Dataframe,
        Dataset,
        DateTime,
        DeepLinkButton,
        DownloadButton,
        Dropdown,
        DuplicateButton,
        Eraser,
        File,
        Gallery,
        HighlightedText,
        Image,
        ImageEditor,
        ImageMask,
        ImageSlider,
        Label,
        LayerOptions,
        LinePlot,
        LoginButton,
        Markdown,
        Model3D,
        MultimodalTextbox,
        Navbar,
        Number,
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
    )
    from .events import DeletedFileData, EventData, KeyUpData, SelectData, on
    from .examples import Examples
    from .exceptions import Error, Info, Success, Warning
    from .file_access import set_static_paths
    from .flagging import CSVLogger, FlaggingCallback, SimpleCSVLogger
    from .i18n import I18n
    from .interface import Interface
    from .layouts import Accordion, Column, Group, Row, Sidebar, Tab, TabItem, Tabs
    from .media import get_audio, get_file, get_image, get_model3d, get_video
    from .progress import Progress
    from .render import render
    from .request import Request
    from .tabbed_interface import TabbedInterface
    from .themes import Base as Theme
    from .update import skip, update
    from .validation import validate

__all__ = [
    "HTML",
    "JSON",
    "Accordion",
    "AnnotatedImage",
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
    "DownloadButton",
    "Dropdown",
    "DuplicateButton",
    "EditData",
    "Eraser",
    "Error",
    "EventData",
    "Examples",
    "File",
    "FlaggingCallback",
    "Gallery",
    "Group",
    "HighlightedText",
    "I18n",
    "Image",
    "ImageEditor",
    "ImageMask",
    "ImageSlider",
    "Info",
    "Interface",
    "KeyUpData",
    "Label",
    "LayerOptions",
    "LikeData",
    "LinePlot",
    "LoginButton",
    "Markdown",
    "Model3D",
    "MultimodalTextbox",
    "Navbar",
    "Number",
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
    "Sidebar",
    "SimpleCSVLogger",
    "Sketchpad",
    "Slider",
    "State",
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
    "Warning",
    "WatermarkOptions",
    "WaveformOptions",
    "WebcamOptions",
    "__version__",
    "cache",
    "get_audio",
    "get_file",
    "get_image",
    "get_model3d",
    "get_video",
    "media",
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
        ("Accordion", "Column", "Group", "Row", "Sidebar", "Tab", "TabItem", "Tabs"), "layouts"
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
        ),
        "components",
    ),
}


_SUBMODULES = frozenset({"media", "themes"})
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
