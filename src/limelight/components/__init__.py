"""Components, one per module, and the registry that names them.

``REGISTRY`` maps each frontend type name to its class; ``SHORTCUTS`` maps the strings
Interface accepts (``"text"``, ``"number"``, ...) to classes. Adding a component means a
module here, a module in ``frontend/src/components/`` and entries in ``_PUBLIC`` and
``_TYPES``.

A component's module is imported when its name is first used (``Textbox`` imports
``textbox.py`` alone), as the top-level package does for its names: a server starting an
app with three kinds of component does not load sixty.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from limelight.components.base import Component, FormComponent, PayloadError

if TYPE_CHECKING:
    # Gradio's other spellings (Text, Json, ...) are import aliases here so that the docs'
    # reference resolves them.
    from limelight.components.annotated_image import (
        AnnotatedImage,
        AnnotatedImage as Annotatedimage,
    )
    from limelight.components.api_component import Api
    from limelight.components.audio import Audio, Microphone, Microphone as Mic
    from limelight.components.bar_plot import BarPlot
    from limelight.components.browser_state import BrowserState
    from limelight.components.button import Button
    from limelight.components.chatbot import Chatbot
    from limelight.components.checkbox import Checkbox
    from limelight.components.checkbox_group import CheckboxGroup, CheckboxGroup as Checkboxgroup
    from limelight.components.clear_button import ClearButton
    from limelight.components.code import Code
    from limelight.components.color_picker import ColorPicker
    from limelight.components.dataframe import (
        Dataframe,
        Dataframe as DataFrame,
        List,
        Matrix,
        Numpy,
    )
    from limelight.components.dataset import Dataset
    from limelight.components.datetime_component import DateTime
    from limelight.components.deep_link_button import DeepLinkButton
    from limelight.components.dialogue import Dialogue
    from limelight.components.download_button import DownloadButton
    from limelight.components.dropdown import Dropdown
    from limelight.components.duplicate_button import DuplicateButton
    from limelight.components.file import File, Files
    from limelight.components.file_explorer import FileExplorer
    from limelight.components.gallery import Gallery
    from limelight.components.highlighted_text import (
        HighlightedText,
        HighlightedText as Highlight,
        HighlightedText as Highlightedtext,
    )
    from limelight.components.html import HTML
    from limelight.components.image import Image
    from limelight.components.image_editor import (
        Brush,
        Eraser,
        ImageEditor,
        ImageMask,
        LayerOptions,
        Paint,
        Sketchpad,
        WebcamOptions,
    )
    from limelight.components.image_slider import ImageSlider
    from limelight.components.json_component import JSON, JSON as Json
    from limelight.components.label import Label
    from limelight.components.line_plot import LinePlot
    from limelight.components.login_button import LoginButton
    from limelight.components.markdown import Markdown
    from limelight.components.model3d import Model3D
    from limelight.components.multimodal_textbox import MultimodalTextbox
    from limelight.components.navbar import Navbar
    from limelight.components.number import Number
    from limelight.components.param_viewer import ParamViewer
    from limelight.components.plot import Plot
    from limelight.components.radio import Radio
    from limelight.components.scatter_plot import ScatterPlot
    from limelight.components.slider import Slider
    from limelight.components.state import State
    from limelight.components.textbox import InputHTMLAttributes, TextArea, Textbox, Textbox as Text
    from limelight.components.timer import Timer
    from limelight.components.upload_button import UploadButton
    from limelight.components.video import PlayableVideo, Video
    from limelight.components.watermark import WatermarkOptions
    from limelight.components.waveform import WaveformOptions

__all__ = [
    "HTML",
    "JSON",
    "REGISTRY",
    "SHORTCUTS",
    "AnnotatedImage",
    "Annotatedimage",
    "Api",
    "Audio",
    "BarPlot",
    "BrowserState",
    "Brush",
    "Button",
    "Chatbot",
    "Checkbox",
    "CheckboxGroup",
    "Checkboxgroup",
    "ClearButton",
    "Code",
    "ColorPicker",
    "Component",
    "DataFrame",
    "Dataframe",
    "Dataset",
    "DateTime",
    "DeepLinkButton",
    "Dialogue",
    "DownloadButton",
    "Dropdown",
    "DuplicateButton",
    "Eraser",
    "File",
    "FileExplorer",
    "Files",
    "FormComponent",
    "Gallery",
    "Highlight",
    "HighlightedText",
    "Highlightedtext",
    "Image",
    "ImageEditor",
    "ImageMask",
    "ImageSlider",
    "InputHTMLAttributes",
    "Json",
    "Label",
    "LayerOptions",
    "LinePlot",
    "List",
    "LoginButton",
    "Markdown",
    "Matrix",
    "Mic",
    "Microphone",
    "Model3D",
    "MultimodalTextbox",
    "Navbar",
    "Number",
    "Numpy",
    "Paint",
    "ParamViewer",
    "PayloadError",
    "PlayableVideo",
    "Plot",
    "Radio",
    "ScatterPlot",
    "Sketchpad",
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
    "WebcamOptions",
    "component",
    "component_from",
]

_PUBLIC: dict[str, str] = {
    "AnnotatedImage": "annotated_image",
    "Annotatedimage": "annotated_image:AnnotatedImage",
    "Api": "api_component",
    "Audio": "audio",
    "BarPlot": "bar_plot",
    "BrowserState": "browser_state",
    "Brush": "image_editor",
    "Button": "button",
    "Chatbot": "chatbot",
    "Checkbox": "checkbox",
    "CheckboxGroup": "checkbox_group",
    "Checkboxgroup": "checkbox_group:CheckboxGroup",
    "ClearButton": "clear_button",
    "Code": "code",
    "ColorPicker": "color_picker",
    "DataFrame": "dataframe:Dataframe",
    "Dataframe": "dataframe",
    "Dataset": "dataset",
    "DateTime": "datetime_component",
    "DeepLinkButton": "deep_link_button",
    "Dialogue": "dialogue",
    "DownloadButton": "download_button",
    "Dropdown": "dropdown",
    "DuplicateButton": "duplicate_button",
    "Eraser": "image_editor",
    "File": "file",
    "FileExplorer": "file_explorer",
    "Files": "file",
    "Gallery": "gallery",
    "HTML": "html",
    "Highlight": "highlighted_text:HighlightedText",
    "HighlightedText": "highlighted_text",
    "Highlightedtext": "highlighted_text:HighlightedText",
    "Image": "image",
    "ImageEditor": "image_editor",
    "ImageMask": "image_editor",
    "ImageSlider": "image_slider",
    "InputHTMLAttributes": "textbox",
    "JSON": "json_component",
    "Json": "json_component:JSON",
    "Label": "label",
    "LayerOptions": "image_editor",
    "LinePlot": "line_plot",
    "List": "dataframe",
    "LoginButton": "login_button",
    "Markdown": "markdown",
    "Matrix": "dataframe",
    "Mic": "audio:Microphone",
    "Microphone": "audio",
    "Model3D": "model3d",
    "MultimodalTextbox": "multimodal_textbox",
    "Navbar": "navbar",
    "Number": "number",
    "Numpy": "dataframe",
    "Paint": "image_editor",
    "ParamViewer": "param_viewer",
    "PlayableVideo": "video",
    "Plot": "plot",
    "Radio": "radio",
    "ScatterPlot": "scatter_plot",
    "Sketchpad": "image_editor",
    "Slider": "slider",
    "State": "state",
    "Text": "textbox:Textbox",
    "TextArea": "textbox",
    "Textbox": "textbox",
    "Timer": "timer",
    "UploadButton": "upload_button",
    "Video": "video",
    "WatermarkOptions": "watermark",
    "WaveformOptions": "waveform",
    "WebcamOptions": "image_editor",
}
"""Each public name's module, and ``:Class`` where the name is Gradio's other spelling of
that class (``Text`` is ``Textbox``, ``Json`` is ``JSON``, ``Mic`` is ``Microphone``)."""

_TYPES: dict[str, str] = {
    "annotatedimage": "AnnotatedImage",
    "api": "Api",
    "audio": "Audio",
    "barplot": "BarPlot",
    "browserstate": "BrowserState",
    "button": "Button",
    "chatbot": "Chatbot",
    "checkbox": "Checkbox",
    "checkboxgroup": "CheckboxGroup",
    "clearbutton": "ClearButton",
    "code": "Code",
    "dataframe": "Dataframe",
    "dataset": "Dataset",
    "colorpicker": "ColorPicker",
    "datetime": "DateTime",
    "deeplinkbutton": "DeepLinkButton",
    "dialogue": "Dialogue",
    "dropdown": "Dropdown",
    "duplicatebutton": "DuplicateButton",
    "html": "HTML",
    "highlightedtext": "HighlightedText",
    "downloadbutton": "DownloadButton",
    "file": "File",
    "fileexplorer": "FileExplorer",
    "gallery": "Gallery",
    "image": "Image",
    "imageslider": "ImageSlider",
    "imageeditor": "ImageEditor",
    "json": "JSON",
    "label": "Label",
    "lineplot": "LinePlot",
    "loginbutton": "LoginButton",
    "markdown": "Markdown",
    "model3d": "Model3D",
    "multimodaltextbox": "MultimodalTextbox",
    "navbar": "Navbar",
    "number": "Number",
    "paramviewer": "ParamViewer",
    "plot": "Plot",
    "radio": "Radio",
    "scatterplot": "ScatterPlot",
    "slider": "Slider",
    "state": "State",
    "textbox": "Textbox",
    "timer": "Timer",
    "uploadbutton": "UploadButton",
    "video": "Video",
}
"""Each frontend type name's class: the registry's contents."""

_ALIASES: dict[str, str] = {
    "text": "Textbox",
    "textarea": "TextArea",
    "playable_video": "PlayableVideo",
    "files": "Files",
    "numpy": "Numpy",
    "matrix": "Matrix",
    "list": "List",
    "microphone": "Microphone",
    "mic": "Microphone",
}
"""Interface's shortcut strings beyond the type names."""


def __getattr__(name: str) -> Any:
    where = _PUBLIC.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, _, attr = where.partition(":")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), attr or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


class _Classes(Mapping[str, "type[Component]"]):
    """Names to component classes, each class imported when it is first looked up."""

    def __init__(self, names: dict[str, str]) -> None:
        self._names = names

    def __getitem__(self, key: str) -> type[Component]:
        cls: type[Component] = __getattr__(self._names[key])
        return cls

    def __contains__(self, key: object) -> bool:
        return key in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


REGISTRY: Mapping[str, type[Component]] = _Classes(_TYPES)
SHORTCUTS: Mapping[str, type[Component]] = _Classes({**_TYPES, **_ALIASES})

PRESETS: dict[str, tuple[str, dict[str, Any]]] = {
    "pil": ("Image", {"type": "pil"}),
}
"""Gradio's preset shortcut strings: a component class (by name) with some arguments
already set."""


def component_from(spec: Component | str | type[Component], **kwargs: Any) -> Component:
    """A component from an instance, a class or a shortcut string such as ``"text"``."""
    if isinstance(spec, Component):
        return spec
    if isinstance(spec, type) and issubclass(spec, Component):
        return spec(**kwargs)
    if isinstance(spec, str) and spec.lower() in PRESETS:
        preset_name, preset = PRESETS[spec.lower()]
        preset_cls: type[Component] = __getattr__(preset_name)
        return preset_cls(**{**preset, **kwargs})
    if isinstance(spec, str):
        cls = SHORTCUTS.get(spec.lower())
        if cls is None:
            known = ", ".join(sorted({*SHORTCUTS, *PRESETS}))
            raise ValueError(f"Unknown component shortcut {spec!r}; known ones: {known}")
        return cls(**kwargs)
    raise TypeError(f"Expected a component, a component class or a string, got {spec!r}")


def component(cls_name: str, render: bool = True) -> Component:
    """A component from its name or shortcut (``gr.component("textbox")``), as Gradio's
    ``gr.component`` makes one; ``render=False`` leaves it out of the layout."""
    return component_from(cls_name, render=render)
