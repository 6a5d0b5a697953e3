"""Components, one per module, and the registry that names them.

``REGISTRY`` maps each frontend type name to its class; ``SHORTCUTS`` maps the strings
Interface accepts (``"text"``, ``"number"``, ...) to classes. Adding a component means a
module here, a module in ``frontend/src/components/`` and an entry in ``REGISTRY``.
"""

from __future__ import annotations

from typing import Any

from limelight.components.annotated_image import AnnotatedImage
from limelight.components.api_component import Api
from limelight.components.audio import Audio, Microphone
from limelight.components.bar_plot import BarPlot
from limelight.components.base import Component, FormComponent, PayloadError
from limelight.components.browser_state import BrowserState
from limelight.components.button import Button
from limelight.components.chatbot import Chatbot
from limelight.components.checkbox import Checkbox
from limelight.components.checkbox_group import CheckboxGroup
from limelight.components.clear_button import ClearButton
from limelight.components.code import Code
from limelight.components.color_picker import ColorPicker
from limelight.components.dataframe import Dataframe, List, Matrix, Numpy
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
from limelight.components.highlighted_text import HighlightedText
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
from limelight.components.json_component import JSON
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
from limelight.components.textbox import InputHTMLAttributes, TextArea, Textbox
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
