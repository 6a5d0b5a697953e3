"""Components, one per module, and the registry that names them.

``REGISTRY`` maps each frontend type name to its class; ``SHORTCUTS`` maps the strings
Interface accepts (``"text"``, ``"number"``, ...) to classes. Adding a component means a
module here, a module in ``frontend/src/components/`` and an entry in ``REGISTRY``.
"""

from __future__ import annotations

from typing import Any

from .annotated_image import AnnotatedImage
from .api_component import Api
from .audio import Audio, Microphone
from .bar_plot import BarPlot
from .base import Component, FormComponent, PayloadError
from .browser_state import BrowserState
from .button import Button
from .chatbot import Chatbot
from .checkbox import Checkbox
from .checkbox_group import CheckboxGroup
from .clear_button import ClearButton
from .code import Code
from .color_picker import ColorPicker
from .dataframe import Dataframe, List, Matrix, Numpy
from .dataset import Dataset
from .datetime_component import DateTime
from .deep_link_button import DeepLinkButton
from .dialogue import Dialogue
from .download_button import DownloadButton
from .dropdown import Dropdown
from .duplicate_button import DuplicateButton
from .file import File, Files
from .file_explorer import FileExplorer
from .gallery import Gallery
from .highlighted_text import HighlightedText
from .html import HTML
from .image import Image
from .image_editor import (
    Brush,
    Eraser,
    ImageEditor,
    ImageMask,
    LayerOptions,
    Paint,
    Sketchpad,
    WebcamOptions,
)
from .image_slider import ImageSlider
from .json_component import JSON
from .label import Label
from .line_plot import LinePlot
from .login_button import LoginButton
from .markdown import Markdown
from .model3d import Model3D
from .multimodal_textbox import MultimodalTextbox
from .navbar import Navbar
from .number import Number
from .param_viewer import ParamViewer
from .plot import Plot
from .radio import Radio
from .scatter_plot import ScatterPlot
from .slider import Slider
from .state import State
from .textbox import InputHTMLAttributes, TextArea, Textbox
from .timer import Timer
from .upload_button import UploadButton
from .video import PlayableVideo, Video
from .watermark import WatermarkOptions
from .waveform import WaveformOptions

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

REGISTRY: dict[str, type[Component]] = {
    cls.TYPE: cls
    for cls in (
        AnnotatedImage,
        Api,
        Audio,
        BarPlot,
        BrowserState,
        Button,
        Chatbot,
        Checkbox,
        CheckboxGroup,
        ClearButton,
        Code,
        Dataframe,
        Dataset,
        ColorPicker,
        DateTime,
        DeepLinkButton,
        Dialogue,
        Dropdown,
        DuplicateButton,
        HTML,
        HighlightedText,
        DownloadButton,
        File,
        FileExplorer,
        Gallery,
        Image,
        ImageSlider,
        ImageEditor,
        JSON,
        Label,
        LinePlot,
        LoginButton,
        Markdown,
        Model3D,
        MultimodalTextbox,
        Navbar,
        Number,
        ParamViewer,
        Plot,
        Radio,
        ScatterPlot,
        Slider,
        State,
        Textbox,
        Timer,
        UploadButton,
        Video,
    )
}

Text = Textbox
"""Gradio's short name for ``Textbox``."""

Json = JSON
"""Gradio's other spelling of ``JSON``."""

Annotatedimage = AnnotatedImage
"""Gradio's other spelling of ``AnnotatedImage``."""

Checkboxgroup = CheckboxGroup
"""Gradio's other spelling of ``CheckboxGroup``."""

Highlightedtext = Highlight = HighlightedText
"""Gradio's other names for ``HighlightedText``."""

Mic = Microphone
"""Gradio's short name for ``Microphone``."""

DataFrame = Dataframe
"""Gradio's other spelling of ``Dataframe``."""

SHORTCUTS: dict[str, type[Component]] = {
    **REGISTRY,
    "text": Textbox,
    "textarea": TextArea,
    "playable_video": PlayableVideo,
    "files": Files,
    "numpy": Numpy,
    "matrix": Matrix,
    "list": List,
    "microphone": Microphone,
    "mic": Microphone,
}

PRESETS: dict[str, tuple[type[Component], dict[str, Any]]] = {
    "pil": (Image, {"type": "pil"}),
}
"""Gradio's preset shortcut strings: a component class with some arguments already set."""


def component_from(spec: Component | str | type[Component], **kwargs: Any) -> Component:
    """A component from an instance, a class or a shortcut string such as ``"text"``."""
    if isinstance(spec, Component):
        return spec
    if isinstance(spec, type) and issubclass(spec, Component):
        return spec(**kwargs)
    if isinstance(spec, str) and spec.lower() in PRESETS:
        preset_cls, preset = PRESETS[spec.lower()]
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
